import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { JobEnqueuer } from "../store/job-requests.js";
import { MAINTENANCE_QUEUE } from "./worker.js";

/** Jobs asked for on demand (a matching run), on the queue the workers run them from. */
export class JobQueue implements JobEnqueuer {
  private readonly queue: Queue;

  constructor(redis: Redis, prefix: string) {
    this.queue = new Queue(MAINTENANCE_QUEUE, { connection: redis, prefix });
  }

  async enqueue(name: string, data: Record<string, unknown>, jobId: string): Promise<void> {
    await this.queue.add(name, data, { jobId, removeOnComplete: 100, removeOnFail: 500, attempts: 2, backoff: { type: "fixed", delay: 5_000 } });
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
