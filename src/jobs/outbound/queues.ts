import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Platform } from "../../domain/messaging.js";
import { isValidJobId } from "../../domain/delivery.js";
import type { ClaimedDelivery } from "../../store/notifications.js";

export type Priority = "interactive" | "bulk";

export const outboundQueueName = (platform: Platform): string => `outbound-${platform}`;

/** Jobs added per request to Redis. */
const ADD_BATCH = 1000;

/** The producer side: one BullMQ queue per messenger, each delivery one job under its key. */
export class OutboundQueues {
  readonly byPlatform = new Map<Platform, Queue>();

  constructor(
    platforms: Iterable<Platform>,
    connection: Redis,
    prefix: string,
    private readonly retry: { attempts: number; backoffMs: number },
  ) {
    for (const platform of platforms) this.byPlatform.set(platform, new Queue(outboundQueueName(platform), { connection, prefix }));
  }

  get platforms(): Platform[] {
    return [...this.byPlatform.keys()];
  }

  /** Hands each delivery to its messenger's queue; deliveries of a messenger without a queue here are left alone. */
  async add(deliveries: readonly ClaimedDelivery[], priority: Priority): Promise<void> {
    const byPlatform = new Map<Platform, ClaimedDelivery[]>();
    for (const d of deliveries) {
      if (!isValidJobId(d.key)) throw new Error("invalid delivery key");
      let list = byPlatform.get(d.platform);
      if (!list) byPlatform.set(d.platform, (list = []));
      list.push(d);
    }
    for (const [platform, list] of byPlatform) {
      const queue = this.byPlatform.get(platform);
      if (!queue) continue;
      for (let i = 0; i < list.length; i += ADD_BATCH) {
        await queue.addBulk(
          list.slice(i, i + ADD_BATCH).map((d) => ({
            name: "deliver",
            data: { key: d.key },
            opts: {
              // The delivery's key: the same delivery handed over twice (two dispatchers, a requeue) is one job.
              jobId: d.key,
              // Transient errors (5xx, network, timeouts) are retried with exponential backoff.
              attempts: this.retry.attempts,
              backoff: { type: "exponential", delay: this.retry.backoffMs },
              // Completed keys are kept for a day: a late duplicate add of the same delivery is then a no-op too.
              removeOnComplete: { age: 86_400, count: 100_000 },
              removeOnFail: { age: 7 * 86_400 },
              ...(priority === "bulk" ? { priority: 10 } : {}),
            },
          })),
        );
      }
    }
  }

  /** Jobs not finished yet, over every queue. */
  async unfinishedJobs(): Promise<number> {
    const counts = await Promise.all([...this.byPlatform.values()].map((q) => q.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children")));
    return counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
  }

  async close(): Promise<void> {
    await Promise.all([...this.byPlatform.values()].map((q) => q.close()));
  }
}
