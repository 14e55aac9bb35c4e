import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { deleteKeys, keysByPrefix, runKeyPrefix, SHARED_REDIS_URL } from "./redis-keys.js";
import { ensureServices, ServicesMissing } from "./services.js";

/**
 * Creates this run's template database and applies every committed migration to it with
 * the same command a deployment uses (`prisma migrate deploy`). Test files clone it.
 * Names carry their creation time, so runs side by side never drop each other's databases;
 * leftovers of interrupted runs are removed after a few hours. That time is PostgreSQL's:
 * a run whose process clock is moved (libfaketime) must not take everyone's databases for old.
 *
 * First the services: when nothing answers on their ports they are started with docker compose
 * for the run and removed after it (./services.ts).
 */
export const adminUrl = (): string => process.env.TEST_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PREFIX = "nastavnik_test_";
const STALE_MS = 3 * 3600_000;

/** Milliseconds to add to this process's clock to get the database server's (set by the setup). */
const serverOffset = (): number => Number(process.env.TEST_DB_CLOCK_OFFSET ?? 0);

export function newDatabaseName(kind: string): string {
  return `${PREFIX}${Date.now() + serverOffset()}_${kind}_${randomBytes(4).toString("hex")}`;
}

export function databaseUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export function templateName(): string {
  const name = process.env.TEST_TEMPLATE_DB;
  if (!name) throw new Error("TEST_TEMPLATE_DB is not set: run through vitest (global setup) or call the setup first");
  return name;
}

export default async function setup(): Promise<() => Promise<void>> {
  const stopServices = await ensureServices(adminUrl(), SHARED_REDIS_URL).catch((error: unknown) => {
    if (!(error instanceof ServicesMissing)) throw error;
    // One line, not vitest's report of a failed set-up (which also claims no test files were found).
    console.error(error.message);
    process.exit(1);
  });
  try {
    return await prepare(stopServices);
  } catch (error) {
    await stopServices();
    throw error;
  }
}

async function prepare(stopServices: () => Promise<void>): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const { rows: clock } = await admin.query("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms");
  const serverNow = Number(clock[0].ms);
  process.env.TEST_DB_CLOCK_OFFSET = String(Math.round(serverNow - Date.now()));
  const template = newDatabaseName("tpl");
  try {
    const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`]);
    for (const r of rows) {
      const born = Number(String(r.datname).slice(PREFIX.length).split("_")[0]);
      if (!Number.isFinite(born) || serverNow - born > STALE_MS) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`).catch(() => undefined);
    }
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl(template) }, stdio: "pipe" });
  process.env.TEST_TEMPLATE_DB = template;
  // Names this run's Redis keys (test-<run>-…), so the check below sees only its own.
  process.env.TEST_RUN_TAG = randomBytes(3).toString("hex");
  return async () => {
    try {
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      } finally {
        await a.end();
      }
      await checkRedisKeys();
    } finally {
      await stopServices();
    }
  };
}

/**
 * Every test closes its harness, which deletes its prefix's keys: keys of this run left on the
 * shared Redis mean a test that did not clean up (or a worker process it left running). They are
 * deleted, and the run fails naming their prefixes. A Redis that went away during the run is
 * not checked.
 */
async function checkRedisKeys(): Promise<void> {
  let left: Map<string, string[]>;
  try {
    left = await keysByPrefix(SHARED_REDIS_URL, runKeyPrefix());
  } catch (error) {
    console.warn(`Redis keys of this run not checked: ${(error as Error).message.split("\n")[0]}`);
    return;
  }
  if (!left.size) return;
  await deleteKeys(SHARED_REDIS_URL, [...left.values()].flat());
  const list = [...left].map(([prefix, keys]) => `${prefix} (${keys.length}: ${keys.slice(0, 3).join(", ")}${keys.length > 3 ? ", …" : ""})`);
  // A throw here is only printed by vitest; the exit code is what makes the run fail.
  console.error(`Tests left Redis keys behind (now deleted): ${list.join("; ")}`);
  process.exitCode = 1;
}
