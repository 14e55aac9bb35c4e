import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { testQueuePrefix } from "../support/redis-keys.js";
import { createWorker, JOB_KINDS, LIFECYCLE_QUEUE, MAINTENANCE_QUEUE } from "../../src/jobs/worker.js";
import { outboundQueueName } from "../../src/jobs/outbound.js";
import { createLogger } from "../../src/logger.js";
import { received, recipients, reminder, tally } from "./delivery-support.js";
import { spawnWorker, until } from "./delivery-processes.js";
import { realClockEnv } from "../support/real-clock.js";

/**
 * Redis killed and started again (SIGKILL, so nothing is flushed on the way out): the queued
 * deliveries and the registered schedules are still there, and the worker then sends every
 * message once. The server is our own, configured as docker-compose configures it (AOF with
 * fsync, noeviction), so the shared local Redis is never touched.
 */

const port = 6900 + Math.floor(Math.random() * 500);
const redisUrl = `redis://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), "redis-delivery-"));
let server: ChildProcess | undefined;

const startRedis = async () => {
  server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--appendfsync", "always", "--maxmemory-policy", "noeviction", "--save", ""], { stdio: "ignore", env: realClockEnv() });
  for (let i = 0; i < 100; i++) {
    try {
      if (execFileSync("redis-cli", ["-p", String(port), "ping"], { stdio: "pipe", env: realClockEnv(), timeout: 2000 }).toString().trim() === "PONG") return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("redis did not start");
};

const killRedis = async () => {
  const s = server!;
  s.kill("SIGKILL");
  if (s.exitCode === null && s.signalCode === null) await new Promise((r) => s.once("exit", r));
};

describe("Redis restarted", () => {
  let h: Harness;
  const prefix = testQueuePrefix(); // its keys are deleted when the harness closes
  beforeAll(async () => {
    await startRedis();
    h = await startHarness({ env: { REDIS_URL: redisUrl }, app: { queuePrefix: prefix, outbound: { consume: false } } });
  });
  afterAll(async () => {
    await h?.close();
    if (server) await killRedis();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = async (name: string) => {
    const queue = new Queue(name, { connection: h.app.redis, prefix });
    try {
      return { jobs: await queue.getJobCounts("waiting", "prioritized", "delayed"), schedules: (await queue.getJobSchedulers()).map((s) => s.key).sort() };
    } finally {
      await queue.close();
    }
  };

  it("queued deliveries and schedules survive a kill of Redis; then each message goes out once on both messengers", async () => {
    const { programmeId } = await h.seedProgramme();
    const people = { telegram: await recipients(h, programmeId, "telegram", 15), vk: await recipients(h, programmeId, "vk", 15) };
    const all = [...people.telegram, ...people.vk];
    const now = new Date();
    const later = new Date(now.getTime() + 3_600_000);
    await h.app.services.outbox.add([...all.map((r) => reminder(r, "now", "Встреча через час", now)), ...all.map((r) => reminder(r, "later", "Встреча началась", later))]);
    expect(await h.app.outbound.dispatch(now)).toBe(30);

    // The schedules, registered as a worker registers them at boot (then that worker stops).
    const registrar = createWorker({ redis: h.app.redis, prisma: h.app.db.prisma, services: h.app.services, i18n: h.app.core.i18n, outbound: h.app.outbound, lifecycle: h.app.lifecycle, logger: createLogger("silent"), prefix, now: h.app.services.now });
    await registrar.start();
    await registrar.stop();

    const before = {
      telegram: await counts(outboundQueueName("telegram")),
      vk: await counts(outboundQueueName("vk")),
      lifecycle: await counts(LIFECYCLE_QUEUE),
      maintenance: await counts(MAINTENANCE_QUEUE),
    };
    expect((before.telegram.jobs.prioritized ?? 0) + (before.telegram.jobs.waiting ?? 0)).toBe(15);
    expect((before.vk.jobs.prioritized ?? 0) + (before.vk.jobs.waiting ?? 0)).toBe(15);
    expect(before.lifecycle.schedules).toContain("lifecycle-tick");
    expect([...before.lifecycle.schedules, ...before.maintenance.schedules].sort()).toEqual(JOB_KINDS.filter((k) => k.schedule).map((k) => k.name).sort());

    await killRedis();
    await startRedis();

    const after = {
      telegram: await counts(outboundQueueName("telegram")),
      vk: await counts(outboundQueueName("vk")),
      lifecycle: await counts(LIFECYCLE_QUEUE),
      maintenance: await counts(MAINTENANCE_QUEUE),
    };
    expect(after).toEqual(before);

    // The worker process starts on the restarted Redis and sends what was queued, once.
    const worker = spawnWorker(h, { prefix, redisUrl });
    try {
      await worker.started();
      await until(async () => (await tally(h.app, "test-now")).pending === 0, 60_000, "the queued deliveries");
      // What was scheduled for later is handed over when it is due.
      await h.app.outbound.dispatch(later);
      await until(async () => (await tally(h.app, "test-later")).pending === 0, 60_000, "the later deliveries");
    } finally {
      await worker.kill("SIGTERM");
    }
    for (const r of all) expect(received(h, r)).toEqual(["Встреча через час", "Встреча началась"]);
    expect(await tally(h.app, "test-")).toMatchObject({ sent: 60, pending: 0, failed: 0 });
  });
});
