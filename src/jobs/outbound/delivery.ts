import { DelayedError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { errorSummary } from "../../logger.js";
import { RateLimitedError, RecipientUnreachableError, type Messenger, type OutgoingMessage, type Platform } from "../../domain/messaging.js";
import { partKey } from "../../domain/delivery.js";
import { PLATFORMS } from "../../domain/platforms.js";
import type { I18n } from "../../i18n/index.js";
import { isLanguage } from "../../i18n/index.js";
import type { Outbox } from "../../store/notifications.js";
import { Gate } from "./gate.js";
import type { ResolvedOutboundOptions } from "./options.js";
import type { Pacer } from "./pacer.js";
import type { OutboundQueues } from "./queues.js";
import { renderDelivery } from "./render.js";
import { withSendTimeout } from "./send-timeout.js";

/** A 429 asking to wait up to this long is waited out in the job; a longer one puts the job back as delayed. */
const INLINE_RETRY_AFTER_MS = 10_000;

/** A chat busy for up to this long is waited for in the job; a longer wait puts the job back as delayed. */
const INLINE_CHAT_WAIT_MS = 3000;

export interface DeliveryDeps {
  redis: Redis;
  prefix: string;
  queues: OutboundQueues;
  outbox: Outbox;
  messengers: ReadonlyMap<Platform, Messenger>;
  i18n: I18n;
  logger: Logger;
  options: ResolvedOutboundOptions;
  pacer: Pacer;
  /** The service's clock: sentAt, reroutes, the day of a curators' alert. */
  now: () => Date;
  /** Tells the person's curators, at once, that the bot cannot reach them. */
  alertCurators(personId: string, now: Date): Promise<void>;
}

/**
 * The consumer side: one BullMQ worker per messenger, each job one delivery, sent part by part
 * in the pacer's slots, its progress recorded in the outbox rows after every part.
 */
export class DeliveryWorkers {
  private readonly workers: Worker[] = [];
  /** Sends in flight per messenger in this process. */
  private readonly gates = new Map<Platform, Gate>();

  constructor(private readonly deps: DeliveryDeps) {
    for (const platform of PLATFORMS) this.gates.set(platform, new Gate(deps.options.inFlight[platform]));
  }

  /** Starts a worker for each messenger's queue. */
  start(): void {
    const { options, logger } = this.deps;
    for (const [platform, queue] of this.deps.queues.byPlatform) {
      const worker = new Worker(queue.name, (job, token) => this.process(platform, job, token), {
        connection: this.deps.redis.duplicate(),
        prefix: this.deps.prefix,
        concurrency: options.concurrency,
        // An outer bound only: the pacer keeps the sends under the limit.
        limiter: { max: options.pace[platform].perSecond, duration: 1000 },
        lockDuration: options.lockDurationMs,
        stalledInterval: options.stalledIntervalMs,
        maxStalledCount: 10,
      });
      worker.on("failed", (job, error) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) logger.warn({ platform, job: job.id, err: errorSummary(error) }, "delivery failed");
      });
      worker.on("error", (error) => logger.warn({ platform, err: errorSummary(error) }, "outbound worker error"));
      this.workers.push(worker);
    }
  }

  /** Closes the workers: after the jobs in hand (a graceful stop never leaves a part sent but unrecorded), or at once when `force`. */
  async close(force = false): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close(force)));
  }

  /** Sends one delivery, from the part it got to. */
  async process(platform: Platform, job: Job, token: string | undefined): Promise<string> {
    const { outbox } = this.deps;
    const key = String(job.data.key);
    const rows = await outbox.delivery(key);
    const pending = rows.filter((r) => r.status === "pending");
    const first = pending[0];
    if (!first?.personId) return "done";
    if (first.platform !== platform) return "moved";
    const personId = first.personId;
    const target = await outbox.target(personId, platform);
    if (!target) return this.elsewhere(key, personId, platform);
    const messenger = this.deps.messengers.get(platform)!;
    const t = this.deps.i18n.translator(isLanguage(target.language) ? target.language : "ru");
    const messages = renderDelivery(pending, t, messenger.limits);
    if (first.partsSent >= messages.length) {
      await outbox.partSent(key, first.partsSent, true, this.deps.now());
      return "sent";
    }
    for (let i = first.partsSent; i < messages.length; i++) {
      const sent = await this.sendPart({ platform, messenger, chatId: target.chatId, message: messages[i]!, key, part: i, job, token });
      if (sent === "unreachable") {
        await outbox.markUnreachable(target.identityId);
        this.deps.logger.info({ platform, delivery: key }, "recipient unreachable");
        return this.elsewhere(key, personId, platform);
      }
      await outbox.partSent(key, i + 1, i + 1 === messages.length, this.deps.now());
    }
    return "sent";
  }

  /**
   * Sends one part in a slot of the pacer: a 429 waits `retry_after` (every sender of the
   * messenger does) and tries again; a 403 answers `unreachable`; anything else is transient and
   * thrown for BullMQ to retry with backoff (after the last attempt the delivery is recorded failed).
   */
  private async sendPart(p: { platform: Platform; messenger: Messenger; chatId: string; message: OutgoingMessage; key: string; part: number; job: Job; token: string | undefined }): Promise<"sent" | "unreachable"> {
    const { platform, job, token } = p;
    const { pacer, logger } = this.deps;
    const gate = this.gates.get(platform)!;
    for (;;) {
      await gate.enter();
      try {
        const acquired = await pacer.acquire(platform, p.chatId, token ? { maxChatWaitMs: INLINE_CHAT_WAIT_MS } : {});
        if (acquired.kind === "chat-busy") return await putBack(job, token!, acquired.waitMs);
        try {
          await withSendTimeout(p.messenger.send(p.chatId, p.message, { idempotencyKey: partKey(p.key, p.part) }), this.deps.options.sendTimeoutMs);
        } finally {
          // Answered or not, the send may have reached the messenger any time until now.
          await pacer.settle(platform, p.chatId, acquired.slot).catch((error) => logger.warn({ platform, err: errorSummary(error) }, "pace settle failed"));
        }
        return "sent";
      } catch (error) {
        if (error instanceof DelayedError) throw error;
        if (error instanceof RateLimitedError) {
          // The platform says slow down: every sender of this messenger waits retry_after (the shared
          // pace moves on), and this part is tried again after it without spending an attempt. A long
          // wait puts the job back as delayed instead of holding a slot. (Not the BullMQ queue rate
          // limit: after it a worker idles for its drain delay, 5 s, instead of retry_after.)
          await pacer.penalise(platform, error.retryAfterMs);
          logger.debug({ platform, retryAfterMs: error.retryAfterMs }, "rate limited by the messenger");
          if (error.retryAfterMs > INLINE_RETRY_AFTER_MS && token) return await putBack(job, token, error.retryAfterMs);
          continue;
        }
        if (error instanceof RecipientUnreachableError) return "unreachable";
        // Anything else (5xx, network, timeout) is transient: BullMQ retries with exponential backoff.
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        logger.debug({ platform, delivery: p.key, attempt: job.attemptsMade + 1, err: errorSummary(error) }, "send failed");
        if (last) await this.deps.outbox.finish(p.key, "failed");
        throw error;
      } finally {
        gate.leave();
      }
    }
  }

  /** The account on this messenger cannot be reached: the person's next messenger, or nowhere (recorded, curators told). */
  private async elsewhere(key: string, personId: string, from: Platform): Promise<string> {
    const { outbox, queues } = this.deps;
    const next = await outbox.reachablePlatform(personId, queues.platforms.filter((p) => p !== from));
    const now = this.deps.now();
    if (next) {
      await outbox.reroute(key, next, now);
      await queues.add([{ key, personId, platform: next }], "interactive");
      return "rerouted";
    }
    await outbox.finish(key, "unreachable");
    await this.deps.alertCurators(personId, now);
    return "unreachable";
  }
}

/**
 * Puts the job back to run again in `ms`, without spending an attempt. BullMQ takes the time as
 * a timestamp on this process's Date.now() and turns it straight back into a delay, so that is
 * the clock to give it (a duration in BullMQ's own time base, not a decision on the service's clock).
 */
async function putBack(job: Job, token: string, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}
