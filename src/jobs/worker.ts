import { Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/client.js";
import type { I18n } from "../i18n/index.js";
import type { Services } from "../usecases/services.js";
import { errorSummary } from "../logger.js";
import { pruneProcessedUpdates } from "./maintenance.js";
import { digestJobKind } from "./digest.js";
import { LifecycleScheduler } from "./lifecycle.js";
import { matchingJobKind } from "./matching.js";
import { retentionJobKind } from "./retention.js";
import type { Outbound } from "./outbound.js";

/**
 * Jobs of the service: each kind is one entry of JOB_KINDS — a name, the queue it runs on,
 * optionally a schedule, and what it does. Schedules are registered at boot under the job's
 * name as a stable id (`upsertJobScheduler`), so any number of workers registering them leave
 * one schedule, and each occurrence runs on one worker. Adding a job is one line in the list.
 * (Messages go out through the outbound queues of src/jobs/outbound.ts, not through these.)
 */

export const MAINTENANCE_QUEUE = "maintenance";
export const LIFECYCLE_QUEUE = "lifecycle";

/** What a job may use. */
export interface JobContext {
  prisma: PrismaClient;
  services: Services;
  i18n: I18n;
  logger: Logger;
  now: () => Date;
  lifecycle: LifecycleScheduler;
  outbound: Outbound;
}

export interface JobKind {
  /** Job name, and the id of its schedule. */
  name: string;
  /** Queue it runs on (default: maintenance). */
  queue?: string;
  /** Cron pattern (with an optional IANA zone) or a fixed interval in ms. */
  schedule?: { pattern: string; tz?: string } | { every: number };
  run(ctx: JobContext, job: Job): Promise<unknown>;
}

export const JOB_KINDS: JobKind[] = [
  { name: "prune-processed-updates", schedule: { pattern: "17 3 * * *" }, run: async (ctx) => ({ pruned: await pruneProcessedUpdates(ctx.prisma, ctx.now()) }) },
  // Meetings, reminders, feedback, endings, curators' deadlines: every minute, all decided from `now`.
  { name: "lifecycle-tick", queue: LIFECYCLE_QUEUE, schedule: { every: 60_000 }, run: (ctx) => ctx.lifecycle.tick(ctx.now()) },
  digestJobKind, // administrators' weekly digests (src/jobs/digest.ts)
  matchingJobKind, // a programme's matching run, on demand (src/jobs/matching.ts)
  retentionJobKind, // daily: personal data past their term or consent destroyed, with their acts (src/jobs/retention.ts)
];

export interface WorkerDeps {
  redis: Redis;
  prisma: PrismaClient;
  services: Services;
  i18n: I18n;
  outbound: Outbound;
  logger: Logger;
  /** Key prefix of every queue (tests give each run its own). */
  prefix?: string;
  concurrency?: number;
  now: () => Date;
  /** The job kinds to run (default JOB_KINDS). */
  kinds?: readonly JobKind[];
  lifecycle?: LifecycleScheduler;
}

export interface JobWorker {
  queues: Map<string, Queue>;
  lifecycle: LifecycleScheduler;
  kinds: readonly JobKind[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createWorker(deps: WorkerDeps): JobWorker {
  const prefix = deps.prefix ?? "nastavnik";
  const now = deps.now;
  const kinds = deps.kinds ?? JOB_KINDS;
  const log = deps.logger.child({ component: "worker" });
  const lifecycle = deps.lifecycle ?? new LifecycleScheduler({ prisma: deps.prisma, services: deps.services, outbound: deps.outbound, logger: deps.logger });
  const ctx: JobContext = { prisma: deps.prisma, services: deps.services, i18n: deps.i18n, logger: deps.logger, now, lifecycle, outbound: deps.outbound };
  const queueOf = (k: JobKind) => k.queue ?? MAINTENANCE_QUEUE;
  const queues = new Map<string, Queue>();
  for (const k of kinds) if (!queues.has(queueOf(k))) queues.set(queueOf(k), new Queue(queueOf(k), { connection: deps.redis, prefix }));
  const byName = new Map(kinds.map((k) => [k.name, k]));
  const workers: Worker[] = [];

  return {
    queues,
    lifecycle,
    kinds,
    async start() {
      for (const k of kinds) {
        if (!k.schedule) continue;
        await queues.get(queueOf(k))!.upsertJobScheduler(k.name, k.schedule, { name: k.name, opts: { removeOnComplete: 100, removeOnFail: 500 } });
      }
      // A schedule whose kind is gone (renamed, moved to another queue) would only make failing jobs.
      for (const [name, queue] of queues) {
        const wanted = new Set(kinds.filter((k) => k.schedule && queueOf(k) === name).map((k) => k.name));
        for (const s of await queue.getJobSchedulers()) {
          if (!wanted.has(s.key)) {
            await queue.removeJobScheduler(s.key);
            log.info({ schedule: s.key }, "obsolete schedule removed");
          }
        }
      }
      for (const [name, queue] of queues) {
        const worker = new Worker(
          queue.name,
          async (job) => {
            const kind = byName.get(job.name);
            if (!kind) throw new Error(`no handler for job ${job.name}`);
            return kind.run(ctx, job);
          },
          // The scheduler's tick runs one at a time per worker; other queues as configured.
          { connection: deps.redis.duplicate(), prefix, concurrency: name === LIFECYCLE_QUEUE ? 1 : (deps.concurrency ?? 5) },
        );
        worker.on("failed", (job, error) => log.warn({ job: job?.name, err: errorSummary(error) }, "job failed"));
        worker.on("error", (error) => log.warn({ err: errorSummary(error) }, "worker error"));
        workers.push(worker);
      }
      log.info({ schedules: kinds.filter((k) => k.schedule).map((k) => k.name) }, "worker started");
    },
    async stop() {
      // close() lets the jobs in hand finish before it resolves.
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
