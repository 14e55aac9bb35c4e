import type { Job, Queue } from "bullmq";
import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/client.js";
import type { I18n } from "../i18n/index.js";
import { errorSummary } from "../logger.js";
import { sleep } from "../domain/sleep.js";
import type { Messenger, Platform } from "../domain/messaging.js";
import type { Outbox } from "../store/notifications.js";
import { DeliveryWorkers } from "./outbound/delivery.js";
import { resolveOutboundOptions, type OutboundOptions, type ResolvedOutboundOptions } from "./outbound/options.js";
import { Pacer } from "./outbound/pacer.js";
import { OutboundQueues, type Priority } from "./outbound/queues.js";
import { unreachableAlerts } from "./outbound/unreachable-alerts.js";

export type { OutboundOptions } from "./outbound/options.js";
export { outboundQueueName, type Priority } from "./outbound/queues.js";

/**
 * Outbound delivery: one BullMQ queue per messenger, consumed within the messenger's limits
 * (Telegram about 30 messages/s overall and 1/s per chat; VK 20 requests/s per community
 * token), shared by every process through Redis. This class puts the parts together:
 *
 * - Pace (outbound/pacer.ts, its Lua scripts in outbound/pace-scripts.ts). Before each send a
 *   worker reserves the next free slot of its messenger, and of the chat (Telegram), in Redis,
 *   on Redis's clock, a little under the limit; the slots are spread evenly, so no window of one
 *   second ever holds more than the limit. The BullMQ limiter is kept as an outer bound. A 429
 *   (VK: error 9; error 6 vk-io waits out itself) moves every slot on by `retry_after`; the part
 *   is tried again after it without counting an attempt (a long wait puts the job back as
 *   delayed). A send not answered in `sendTimeoutMs` counts as a transient error.
 * - Render (outbound/render.ts): a delivery's rows become messages in the recipient's language.
 * - Once (outbound/queues.ts, outbound/delivery.ts). A delivery's job id is its key (from the
 *   notifications it carries); a part's VK random_id derives from the key and the part's number.
 *   After each part the outbox row is updated in one statement; a retried or recovered job reads
 *   how far it got and goes on. Residual risk (Telegram and MAX): a process killed after the
 *   messenger accepted a part and before that statement committed sends the part again when the
 *   job is recovered — neither API has an idempotency key. The window is one HTTP response plus one
 *   UPDATE by index (a few ms); a graceful stop (SIGTERM) lets jobs in hand finish and never
 *   opens it. On VK the resend carries the same random_id and VK drops it.
 * - Reach (outbound/delivery.ts, outbound/unreachable-alerts.ts). A 403 (blocked) marks that
 *   messenger account unreachable, as does the messenger's notice that the person stopped the
 *   bot (an incoming update of kind "reach", src/bot/core/router.ts); the delivery moves to the person's other messenger, or —
 *   reachable nowhere — is recorded unreachable and the person's curators are told at once (one
 *   alert per person and curator a day).
 * - Transient errors retry with exponential backoff; after the last attempt the delivery is
 *   recorded failed.
 *
 * Clocks: times recorded or decided for the service (due rows, sentAt, a curators' alert's day)
 * follow the injected `now`; the pace follows Redis's clock; waits and timeouts are measured on
 * the process's monotonic clock.
 */

export interface OutboundDeps {
  redis: Redis;
  prefix: string;
  prisma: PrismaClient;
  outbox: Outbox;
  messengers: ReadonlyMap<Platform, Messenger>;
  i18n: I18n;
  logger: Logger;
  options?: OutboundOptions;
  /** The service's clock (tests give a fake one): due times of curators' alerts, sentAt. */
  now?: () => Date;
}

/** What the rest of the service needs: hand due notifications to the queues. */
export interface OutboundPort {
  dispatch(now: Date, options?: { personIds?: string[]; priority?: Priority }): Promise<number>;
  requeue(now: Date): Promise<number>;
}

/** Due rows claimed per transaction. */
const CLAIM_BATCH = 5000;

export class Outbound implements OutboundPort {
  readonly queues: Map<Platform, Queue>;
  private readonly producer: OutboundQueues;
  private readonly consumer: DeliveryWorkers;
  private readonly log: Logger;
  private readonly options: ResolvedOutboundOptions;
  private readonly now: () => Date;
  private started = false;
  private stopping = false;

  constructor(private readonly deps: OutboundDeps) {
    this.options = resolveOutboundOptions(deps.options);
    this.now = deps.now ?? (() => new Date());
    this.log = deps.logger.child({ component: "outbound" });
    this.producer = new OutboundQueues(deps.messengers.keys(), deps.redis, deps.prefix, { attempts: this.options.attempts, backoffMs: this.options.backoffMs });
    this.queues = this.producer.byPlatform;
    this.consumer = new DeliveryWorkers({
      redis: deps.redis,
      prefix: deps.prefix,
      queues: this.producer,
      outbox: deps.outbox,
      messengers: deps.messengers,
      i18n: deps.i18n,
      logger: this.log,
      options: this.options,
      pacer: new Pacer({ redis: deps.redis, prefix: deps.prefix, pace: this.options.pace, safety: this.options.safety }),
      now: this.now,
      alertCurators: (personId, now) => this.alertCurators(personId, now),
    });
  }

  get platforms(): Platform[] {
    return this.producer.platforms;
  }

  /**
   * Claims the notifications due at `now` (of these people) and hands each delivery to its
   * messenger's queue. Interactive ones (a person is waiting for them) go before bulk ones.
   */
  async dispatch(now: Date, options: { personIds?: string[]; priority?: Priority } = {}): Promise<number> {
    if (this.options.consume) this.ensureStarted();
    let total = 0;
    for (;;) {
      const { rows, claimed, unreachable } = await this.deps.outbox.claimDue(now, this.platforms, { personIds: options.personIds, limit: CLAIM_BATCH });
      await this.producer.add(claimed, options.priority ?? "bulk");
      for (const u of unreachable) await this.alertCurators(u.personId, now);
      total += claimed.length;
      if (rows < CLAIM_BATCH) return total;
    }
  }

  /**
   * Deliveries claimed at least `requeueAfterMs` before `now` (all of them when `everything`)
   * and still pending get their job again: a dispatcher that died between claiming and
   * enqueueing loses nothing. Adding an existing job id changes nothing, and a job that runs
   * for a delivery already sent finds it sent, so this is always safe.
   */
  async requeue(now: Date, everything = false): Promise<number> {
    const stale = await this.deps.outbox.unfinished(now, everything ? null : this.options.requeueAfterMs);
    await this.producer.add(stale, "bulk");
    return stale.length;
  }

  /** Starts consuming (once); the app calls it at start, and the first dispatch in a process that consumes. */
  ensureStarted(): void {
    if (this.started || this.stopping || !this.options.consume) return;
    this.started = true;
    this.consumer.start();
    // Deliveries claimed by a process that died before it handed them over get their jobs now.
    void this.requeue(this.now(), true).then(
      (n) => n && this.log.debug({ deliveries: n }, "unfinished deliveries handed over again"),
      (error) => this.log.warn({ err: errorSummary(error) }, "requeue at start failed"),
    );
    this.log.info({ platforms: this.platforms }, "outbound delivery started");
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // Closing lets the sends in hand finish: a graceful stop never leaves a part sent but unrecorded.
    await this.consumer.close();
    await this.producer.close();
  }

  /** Closes the workers without waiting for jobs in hand (a crash, for tests of recovery). */
  async abandon(): Promise<void> {
    this.stopping = true;
    await this.consumer.close(true);
    await this.producer.close();
  }

  /** Resolves when nothing due at `now` is waiting to be delivered (tests and benchmarks). */
  async drained(now: Date, timeoutMs = 30_000): Promise<boolean> {
    // A timeout, so the monotonic clock: `now` may be a test's clock standing still.
    const until = performance.now() + timeoutMs;
    while (performance.now() < until) {
      if ((await this.producer.unfinishedJobs()) === 0 && (await this.deps.outbox.pendingDue(now)) === 0) return true;
      await sleep(25);
    }
    return false;
  }

  /** Sends one delivery, from the part it got to (the job of the messenger's queue). */
  process(platform: Platform, job: Job, token: string | undefined): Promise<string> {
    return this.consumer.process(platform, job, token);
  }

  /** Tells the curators of the person's programmes, at once, that the bot cannot reach them (once a day at most). */
  private async alertCurators(personId: string, now: Date): Promise<void> {
    const messages = await unreachableAlerts(this.deps.prisma, personId, now);
    if (!messages.length) return;
    const created = new Set(await this.deps.outbox.add(messages));
    const curators = [...new Set(messages.filter((m) => created.has(m.dedupKey)).map((m) => m.personId))];
    if (curators.length) await this.dispatch(now, { personIds: curators, priority: "interactive" });
  }
}
