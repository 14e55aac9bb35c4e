import { mkdirSync, writeFileSync, existsSync } from "node:fs";
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

const benches: Bench[] = [{ name: "update handling (full stack)", run: () => runUpdateBench() }];
const matching = await optional("./matching.ts", "runMatchingBench");
if (matching) benches.push({ name: "matching", run: matching });
const delivery = await optional("./delivery.ts", "runDeliveryBench");
if (delivery) benches.push({ name: "delivery", run: delivery });

const only = process.argv[2];
const results: Record<string, Record<string, number | string>> = {};
for (const b of benches) {
  if (only && !b.name.includes(only)) continue;
  console.log(`\n▶ ${b.name}`);
  results[b.name] = await b.run();
  console.table(results[b.name]);
}
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(new URL("./results/latest.json", import.meta.url), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
process.exit(0);
