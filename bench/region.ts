import { performance, monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import setupTemplate, { adminUrl, databaseUrl, newDatabaseName, templateName } from "../test/support/global-setup.js";
import { deletePrefixKeys, SHARED_REDIS_URL, testQueuePrefix } from "../test/support/redis-keys.js";
import { createApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { buildWorkbook, digestContent } from "../src/reports/index.js";
import { scopeStats, scopeWorkbook } from "../src/bot/core/commands/region-reports.js";
import type { AdministratorRow } from "../src/store/scope.js";
import { seedRegion } from "./region-seed.js";
import { median, round } from "./stats.js";

/**
 * A whole region in one deployment (REGION_PAIRS=1000,10000 by default; 100000 on request):
 * organisations over Russia's eleven time zones with their programmes, people, pairs at every
 * stage, meetings, forms and outbox (./region-seed.ts), and the product's own code over it on
 * a fixed clock, Thursday 25 March 2027:
 *
 * - the scheduler's tick (`LifecycleScheduler.tick`): first the catch-up at 08:00 Moscow time,
 *   the first tick over the seeded region, after which what it queued counts as delivered;
 *   then, on three copies of that database, the busy tick at 09:00 Moscow time (the curators'
 *   alerts of the Moscow zone, the monthly reports of the Samara zone) and a quiet tick a minute
 *   later, when nothing new is due. Each: wall time (median of 3), the SQL statements sent
 *   (every `pg.Client.prototype.query` during the tick), the outbox rows it created;
 * - the regional administrator's /stats, the weekly digest's composition (text and chart) and
 *   the RNC /export workbook, through the use cases those commands call: wall time, the peak
 *   RSS above the start, and for everything the longest event-loop block — each the median of
 *   3 runs (the first /export also loads exceljs).
 *
 * A measurement that fails is reported with its error's code instead of stopping the benchmark
 * (the tick's Prisma P2029, a query parameter limit exceeded, is a known one at large sizes).
 */

type Result = Record<string, number | string>;

/** 09:00 Moscow time on a weekday, the 25th (the monthly reports' day). */
const BUSY = new Date("2027-03-25T06:00:00Z");
const CATCH_UP = new Date(BUSY.getTime() - 3600_000);
/** REGION_ONLY=reports: the seeded region's /stats, digest and /export alone, without the ticks (the catch-up at 100,000 pairs takes long). */
const REPORTS_ONLY = process.env.REGION_ONLY === "reports";
const QUIET = new Date(BUSY.getTime() + 60_000);
/** Repetitions of each measurement (REGION_RUNS, default 3): fewer at 100,000 pairs, where one busy tick takes minutes. */
const RUNS = Math.max(1, Number(process.env.REGION_RUNS ?? 3) || 3);

let statements = 0;
const originalQuery = pg.Client.prototype.query;
/** Counts every statement sent by any pg client of the process (Prisma's adapter and the prepared SQL included). */
function countStatements(): void {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}

interface Measured<T> {
  ms: number;
  statements: number;
  /** Longest event-loop block, ms. */
  blockMs: number;
  /** Peak RSS above the start, MB. */
  rssMb: number;
  value: T;
}

/** Runs `fn` once, timed, with the statements it sent, the longest event-loop block and the peak RSS. */
async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const rss0 = process.memoryUsage.rss();
  const maxRss0 = process.resourceUsage().maxRSS * 1024;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  delay.enable();
  const s0 = statements;
  const t0 = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - t0;
    const sent = statements - s0;
    delay.disable();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    // The process's own peak, when this run raised it; the sampled one otherwise.
    if (maxRss > maxRss0) peak = Math.max(peak, maxRss);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, statements: sent, blockMs: delay.max / 1e6, rssMb: (peak - rss0) / 2 ** 20, value };
  } finally {
    delay.disable();
    clearInterval(sampler);
  }
}

/** The error's code (Prisma's P…, PostgreSQL's SQLSTATE) or its name; its first frames on the console. */
function failure(what: string, error: unknown): string {
  const e = error as { code?: unknown; name?: string; message?: string; stack?: string };
  const code = typeof e?.code === "string" ? e.code : (e?.name ?? "Error");
  const frames = (e?.stack ?? String(error)).split("\n").slice(0, 8).join("\n");
  console.error(`✗ ${what}: ${code}\n${frames}`);
  return `error ${code}`;
}

class Admin {
  private constructor(private readonly client: pg.Client) {}

  static async connect(): Promise<Admin> {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    return new Admin(client);
  }

  /** A copy of the template; a template whose last connections are still closing is tried again for a few seconds. */
  async create(name: string, template: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return databaseUrl(name);
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async drop(name: string): Promise<void> {
    await this.client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** The service over one database on the benchmark's clock: no transports started, no HTTP, nothing delivered. */
function regionApp(url: string, clock: { now: Date }, queuePrefix: string): App {
  const config = loadConfig({
    DATABASE_URL: url,
    REDIS_URL: SHARED_REDIS_URL,
    // Messengers the outbox can route to; nothing is ever sent (the queues are not consumed).
    TELEGRAM_BOT_TOKEN: "123456:REGION-benchmark-token-sends-nothing",
    TELEGRAM_API_ROOT: "http://127.0.0.1:9",
    VK_GROUP_TOKEN: "vk1.a.region-bench-token",
    VK_GROUP_ID: "1",
    VK_API_BASE_URL: "http://127.0.0.1:9/method",
    MAX_BOT_TOKEN: "region-bench-max-token",
    MAX_BOT_USERNAME: "region_bench_bot",
    MAX_API_BASE_URL: "http://127.0.0.1:9",
    LOG_LEVEL: "warn",
    PORT: "0",
  });
  return createApp({ config, logger: createLogger("warn"), now: () => clock.now, run: { bot: false, worker: false }, http: false, queuePrefix, outbound: { consume: false } });
}

async function notifications(app: App): Promise<number> {
  return app.db.prisma.notification.count();
}

interface TickFigures {
  ms: number;
  statements: number;
  created: number;
  blockMs: number;
}

/** One tick at `at`: its time, statements, outbox rows created and longest block. */
async function tick(app: App, clock: { now: Date }, at: Date): Promise<TickFigures> {
  clock.now = at;
  const before = await notifications(app);
  const m = await measure(() => app.lifecycle.tick(at));
  return { ms: m.ms, statements: m.statements, created: (await notifications(app)) - before, blockMs: m.blockMs };
}

function putTick(out: Result, label: string, n: number, runs: TickFigures[], error: string | null): void {
  if (runs.length) {
    out[`${label} tick ms @${n}`] = round(median(runs.map((r) => r.ms)));
    out[`${label} tick statements @${n}`] = median(runs.map((r) => r.statements));
    out[`${label} tick messages created @${n}`] = median(runs.map((r) => r.created));
    out[`${label} tick longest block ms @${n}`] = round(median(runs.map((r) => r.blockMs)));
  }
  if (error) out[`${label} tick error @${n}`] = error;
}

/** The regional administrator's /stats, as the command composes it (src/bot/core/commands/region-reports.ts). */
async function stats(app: App, admin: AdministratorRow): Promise<number> {
  return (await scopeStats(app.services, admin, app.core.i18n.translator("ru"), "ru")).text.length;
}

/** The weekly digest of the administrator, built and composed (text and chart) as the digest job does it (src/jobs/digest.ts). */
async function digest(app: App, admin: AdministratorRow, now: Date): Promise<number> {
  const { services } = app;
  const built = await services.digests.build(admin, now);
  const scopeName = await services.scopes.scopeName(admin);
  const content = await digestContent(
    { scopeName, organisations: built.organisations.length, digest: built.digest, chart: built.chart, timezone: built.timezone, since: built.since, previousAt: built.previousAt, now },
    app.core.i18n.translator("ru"),
    "ru",
  );
  return content.text.length + (content.chart?.png.length ?? 0);
}

/** The RNC's /export: the forms of the region and the indicators of the region and of each organisation, as an Excel workbook (src/bot/core/commands/region-reports.ts). */
async function exportWorkbook(app: App, admin: AdministratorRow): Promise<number> {
  const { input } = await scopeWorkbook(app.services, admin);
  const content = await buildWorkbook(input, app.core.i18n.translator("ru"), { timeZone: admin.timezone, bases: false });
  return content.length;
}

async function runSize(admin: Admin, n: number): Promise<Result> {
  const out: Result = {};
  const seedName = newDatabaseName(`region${n}`);
  const prefix = testQueuePrefix();
  const clock = { now: CATCH_UP };
  try {
    const seedUrl = await admin.create(seedName, templateName());
    const t0 = performance.now();
    const counts = await seedRegion(seedUrl, n, CATCH_UP);
    out[`seeding s @${n}`] = round((performance.now() - t0) / 1000);
    out[`organisations @${n}`] = counts.organisations;
    out[`people @${n}`] = counts.people;
    out[`meetings @${n}`] = counts.meetings;
    out[`form responses @${n}`] = counts.formResponses;
    console.log(`region of ${n} pairs seeded in ${out[`seeding s @${n}`]} s:`, counts);

    if (REPORTS_ONLY) {
      const app = regionApp(seedUrl, clock, prefix);
      try {
        Object.assign(out, await reports(app, n, clock));
      } finally {
        await app.stop();
      }
      return out;
    }

    // The first tick over the region; what it queued is then taken as delivered.
    const app = regionApp(seedUrl, clock, prefix);
    try {
      await app.db.prisma.programme.count();
      try {
        const r = await tick(app, clock, CATCH_UP);
        putTick(out, "catch-up", n, [r], null);
      } catch (error) {
        putTick(out, "catch-up", n, [], failure(`catch-up tick @${n}`, error));
      }
      await app.db.sql.exec(`UPDATE "Notification" SET status = 'sent', "sentAt" = $1, "partsSent" = 1 WHERE status = 'pending' AND "dueAt" <= $1`, [CATCH_UP]);
    } finally {
      await app.stop();
    }

    const busy: TickFigures[] = [];
    const quiet: TickFigures[] = [];
    let busyError: string | null = null;
    let quietError: string | null = null;
    for (let run = 0; run < RUNS; run++) {
      const copy = newDatabaseName(`region${n}r${run}`);
      const url = await admin.create(copy, seedName);
      const a = regionApp(url, clock, prefix);
      try {
        await a.db.prisma.programme.count();
        try {
          busy.push(await tick(a, clock, BUSY));
        } catch (error) {
          busyError = failure(`busy tick @${n}`, error);
        }
        try {
          quiet.push(await tick(a, clock, QUIET));
        } catch (error) {
          quietError = failure(`quiet tick @${n}`, error);
        }
        if (run === RUNS - 1) Object.assign(out, await reports(a, n, clock));
      } finally {
        await a.stop();
        await admin.drop(copy);
      }
    }
    putTick(out, "busy", n, busy, busyError);
    putTick(out, "quiet", n, quiet, quietError);
  } finally {
    await admin.drop(seedName);
    await deletePrefixKeys(SHARED_REDIS_URL, prefix).catch(() => undefined);
  }
  return out;
}

/** /stats, the digest and /export of the regional administrator, each three times. */
async function reports(app: App, n: number, clock: { now: Date }): Promise<Result> {
  const out: Result = {};
  clock.now = BUSY;
  const administrator = (await app.services.scopes.allAdministrators()).find((a) => a.scope === "region");
  if (!administrator) throw new Error("the seeded region has no regional administrator");
  const cases: [string, () => Promise<number>][] = [
    ["/stats", () => stats(app, administrator)],
    ["digest", () => digest(app, administrator, BUSY)],
    ["/export", () => exportWorkbook(app, administrator)],
  ];
  for (const [name, fn] of cases) {
    const runs: Measured<number>[] = [];
    try {
      for (let i = 0; i < RUNS; i++) runs.push(await measure(fn));
    } catch (error) {
      out[`${name} error @${n}`] = failure(`${name} @${n}`, error);
    }
    if (!runs.length) continue;
    out[`${name} ms @${n}`] = round(median(runs.map((r) => r.ms)));
    out[`${name} statements @${n}`] = median(runs.map((r) => r.statements));
    out[`${name} peak RSS MB @${n}`] = round(median(runs.map((r) => r.rssMb)));
    out[`${name} longest block ms @${n}`] = round(median(runs.map((r) => r.blockMs)));
    if (name === "/export") out[`/export bytes @${n}`] = runs[0]!.value;
  }
  return out;
}

/** The figures as a table: one row per measurement, one column per size. */
function printTable(out: Result, sizes: number[]): void {
  const rows: Record<string, Record<string, number | string>> = {};
  for (const [key, value] of Object.entries(out)) {
    const m = /^(.*) @(\d+)$/.exec(key);
    if (!m) continue;
    (rows[m[1]!] ??= {})[`${m[2]} pairs`] = value;
  }
  console.table(rows, sizes.map((s) => `${s} pairs`));
}

export async function runRegionBench(): Promise<Result> {
  const sizes = (process.env.REGION_PAIRS ?? "1000,10000")
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((s) => Number.isInteger(s) && s > 0);
  countStatements();
  const dropTemplate = await setupTemplate();
  const admin = await Admin.connect();
  const out: Result = {};
  try {
    for (const n of sizes) Object.assign(out, await runSize(admin, n));
  } finally {
    await admin.close();
    await dropTemplate();
    pg.Client.prototype.query = originalQuery;
  }
  printTable(out, sizes);
  return out;
}
