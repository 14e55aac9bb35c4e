import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import pg from "pg";
import setupTemplate, { adminUrl, databaseUrl, newDatabaseName, templateName } from "../test/support/global-setup.js";
import { deletePrefixKeys, SHARED_REDIS_URL, testQueuePrefix } from "../test/support/redis-keys.js";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createHttpServer } from "../src/http/server.js";
import { createLogger } from "../src/logger.js";
import { seedRegion } from "./region-seed.js";
import { median, percentile, round } from "./stats.js";

/**
 * The web app over a region (WEBAPP_PAIRS, default 10,000 pairs in about 100 organisations,
 * seeded as the region benchmark seeds it): the API's p50 and p95 for the regional
 * administrator's scope and a curator's pages (WEBAPP_REQUESTS each, one after another, after
 * two to warm up), and — where Debian's chromium is installed — the first meaningful paint of
 * the client: from the navigation to the login link until the programme's heading is drawn.
 * Goals: API p95 ≤ 200 ms, first meaningful paint ≤ 1.5 s on this machine.
 */

type Result = Record<string, number | string>;

const NOW = new Date("2027-03-25T06:00:00Z");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function createDatabase(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
        return databaseUrl(name);
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await client.end();
  }
}

async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
}

export async function runWebAppBench(): Promise<Result> {
  const pairs = Math.max(100, Number(process.env.WEBAPP_PAIRS ?? 10_000) || 10_000);
  const requests = Math.max(5, Number(process.env.WEBAPP_REQUESTS ?? 30) || 30);
  const dropTemplate = await setupTemplate();
  const name = newDatabaseName(`webapp${pairs}`);
  const prefix = testQueuePrefix();
  const out: Result = {};
  try {
    const url = await createDatabase(name);
    const counts = await seedRegion(url, pairs, NOW);
    out.organisations = counts.organisations;
    out.pairs = counts.pairs;
    const config = loadConfig({
      DATABASE_URL: url,
      REDIS_URL: SHARED_REDIS_URL,
      TELEGRAM_BOT_TOKEN: "123456:WEBAPP-benchmark-token-sends-nothing",
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      LOG_LEVEL: "warn",
      PORT: "0",
    });
    const app = createApp({ config, logger: createLogger("warn"), now: () => NOW, run: { bot: false, worker: false }, http: false, queuePrefix: prefix, outbound: { consume: false } });
    const server = createHttpServer({ health: async () => ({}), webApp: app.webApp });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://localhost:${(server.address() as AddressInfo).port}`;
    try {
      const login = async (personId: string): Promise<string> => {
        const token = await app.services.webLogins.issue(personId, "telegram");
        const res = await fetch(`${base}/app/login?t=${token}`, { redirect: "manual" });
        return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
      };
      const regional = (await app.services.scopes.allAdministrators()).find((a) => a.scope === "region");
      if (!regional) throw new Error("the seeded region has no regional administrator");
      const curatorId = "pc1_1";
      const [programme] = await app.services.participants.curatedProgrammes(curatorId);
      if (!programme) throw new Error("the seeded curator curates nothing");
      const cookies = { admin: await login(regional.personId), curator: await login(curatorId) };
      const endpoints: [string, keyof typeof cookies, string][] = [
        ["scope overview", "admin", `administrators/${regional.id}/overview`],
        ["programme overview", "curator", `programmes/${programme.id}/overview`],
        ["participants", "curator", `programmes/${programme.id}/participants`],
        ["suggestions", "curator", `programmes/${programme.id}/suggestions`],
        ["pairs", "curator", `programmes/${programme.id}/pairs`],
        ["meetings", "curator", `programmes/${programme.id}/meetings`],
      ];
      for (const [label, who, path] of endpoints) {
        const times: number[] = [];
        for (let i = 0; i < requests + 2; i++) {
          const t0 = performance.now();
          const res = await fetch(`${base}/app/api/${path}`, { headers: { cookie: cookies[who] } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
          if (i >= 2) times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        out[`${label} p50 ms`] = round(percentile(times, 50));
        out[`${label} p95 ms`] = round(percentile(times, 95));
      }
      if (existsSync(CHROMIUM)) {
        await promisify(execFile)(process.execPath, ["webapp/build.mjs"]);
        const { chromium } = await import("playwright-core");
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
        try {
          const paints: number[] = [];
          for (let run = 0; run < 3; run++) {
            const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
            const page = await context.newPage();
            const token = await app.services.webLogins.issue(curatorId, "telegram");
            const t0 = performance.now();
            await page.goto(`${base}/app/login?t=${token}`);
            await page.locator("main h1").first().waitFor();
            paints.push(performance.now() - t0);
            await context.close();
          }
          out["first meaningful paint ms"] = round(median(paints));
        } finally {
          await browser.close();
        }
      } else out["first meaningful paint ms"] = "no chromium";
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
    }
  } finally {
    await deletePrefixKeys(SHARED_REDIS_URL, prefix).catch(() => undefined);
    await dropDatabase(name).catch(() => undefined);
    await dropTemplate();
  }
  return out;
}
