import { Queue, type Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { testQueuePrefix } from "../support/redis-keys.js";
import { createWorker, MAINTENANCE_QUEUE, type JobKind } from "../../src/jobs/worker.js";
import { createLogger } from "../../src/logger.js";
import { until } from "./delivery-processes.js";

/** Schedules are registered at boot under stable ids: any number of workers leave one, and each occurrence runs once. */
describe("job schedules with two workers", () => {
  let h: Harness;
  const prefix = testQueuePrefix(); // its keys are deleted when the harness closes
  beforeAll(async () => {
    h = await startHarness({ app: { queuePrefix: prefix } });
  });
  afterAll(() => h?.close());

  it("two workers register one schedule per job, run each occurrence once, and drop schedules no job has any more", async () => {
    const queue = new Queue(MAINTENANCE_QUEUE, { connection: h.app.redis, prefix });
    // Left over from an older version of the service: no job of that name exists now.
    await queue.upsertJobScheduler("retired-job", { every: 3_600_000 }, { name: "retired-job" });
    const runs: { id: string; by: string }[] = [];
    const kinds = (by: string): JobKind[] => [
      {
        name: "probe",
        schedule: { every: 300 },
        run: async (_ctx, job: Job) => {
          runs.push({ id: String(job.id), by });
        },
      },
    ];
    const deps = { redis: h.app.redis, prisma: h.app.db.prisma, services: h.app.services, i18n: h.app.core.i18n, outbound: h.app.outbound, lifecycle: h.app.lifecycle, logger: createLogger("silent"), prefix, now: h.app.services.now };
    const a = createWorker({ ...deps, kinds: kinds("a") });
    const b = createWorker({ ...deps, kinds: kinds("b") });
    try {
      await Promise.all([a.start(), b.start()]);
      await until(() => runs.length >= 6, 20_000, "six occurrences");
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(["probe"]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await queue.close();
    }
    const ids = runs.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
