import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runUpdateBench } from "./updates.js";

/**
 * `npm run bench`: every benchmark, one after the other (they would disturb each other in
 * parallel on a 2-core machine). Figures are medians of repeated runs; the JSON goes to
 * bench/results/latest.json.
 */
type Bench = { name: string; run: () => Promise<Record<string, number | string>> };

async function optional(path: string, exportName: string): Promise<Bench["run"] | undefined> {
  if (!existsSync(new URL(path, import.meta.url))) return undefined;
  const mod = await import(path);
  return mod[exportName];
}

const benches: Bench[] = [
  { name: "update handling (full stack)", run: () => runUpdateBench() },
  { name: "update handling (webhooks over HTTP)", run: () => runUpdateBench({ transport: "webhook" }) },
];
const matching = await optional("./matching.ts", "runMatchingBench");
if (matching) benches.push({ name: "matching", run: matching });
const delivery = await optional("./delivery.ts", "runDeliveryBench");
if (delivery) benches.push({ name: "delivery", run: delivery });
const region = await optional("./region.ts", "runRegionBench");
if (region) benches.push({ name: "region", run: region });
const webapp = await optional("./webapp.ts", "runWebAppBench");
if (webapp) benches.push({ name: "web app", run: webapp });

const only = process.argv[2];
const isolated = process.argv[3] === "--child";
const resultsDir = new URL("./results/", import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
const results: Record<string, Record<string, number | string>> = {};
for (const b of benches) {
  if (only && !b.name.includes(only)) continue;
  if (!only || isolated) {
    if (!isolated) {
      // Each benchmark in a fresh process of its own, so its memory and JIT figures are its own.
      console.log(`\n▶ ${b.name}`);
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), b.name, "--child"], { stdio: "inherit" });
      if (child.status !== 0) process.exit(child.status ?? 1);
      results[b.name] = JSON.parse(readFileSync(new URL(`${slug(b.name)}.json`, resultsDir), "utf8"));
      continue;
    }
  } else console.log(`\n▶ ${b.name}`);
  results[b.name] = await b.run();
  console.table(results[b.name]);
  writeFileSync(new URL(`${slug(b.name)}.json`, resultsDir), JSON.stringify(results[b.name], null, 2));
}
if (!isolated) writeFileSync(new URL("./latest.json", resultsDir), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
process.exit(0);
