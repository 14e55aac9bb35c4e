import type { Logger } from "pino";
import { errorSummary } from "../../logger.js";
import type { I18n, Language } from "../../i18n/index.js";
import { DEFAULT_LANGUAGE, isLanguage } from "../../i18n/index.js";
import { isDatabaseUnavailable } from "../../db/client.js";
import type { UpdateFrames } from "../../store/update-frame.js";
import { withSql } from "../../usecases/services.js";
import { profileOf } from "../../platforms.js";
import type { CoreDeps } from "./commands/registry.js";
import { KeyedSerializer } from "./serializer.js";
import { ChatRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitSettings } from "./rate-limit.js";
import { sleep } from "./sleep.js";
import { route } from "./router.js";
import { Session } from "./session.js";
import type { OutboundDispatch } from "../../usecases/outreach.js";
import type { JobEnqueuer } from "../../store/job-requests.js";
import { chatKey, RateLimitedError, RecipientUnreachableError, type IncomingEvent, type Messenger, type OutgoingMessage, type Platform } from "./types.js";

// Logging policy, kept with the logger (src/logger.ts); re-exported for the bot.
export { errorSummary } from "../../logger.js";

/** Raised to a transport when an update could not be handled for now and must be redelivered. */
export class RetryLaterError extends Error {
  constructor(cause: unknown) {
    super("temporarily unavailable", { cause });
    this.name = "RetryLaterError";
  }
}

export interface ProcessorDeps {
  core: CoreDeps;
  /** Per-person flood protection (defaults to DEFAULT_RATE_LIMIT). */
  rateLimit?: RateLimitSettings;
  frames: UpdateFrames;
  i18n: I18n;
  messengers: Map<Platform, Messenger>;
  logger: Logger;
  /** The outbound queues: messages an update wrote to other people are handed to them after its COMMIT. */
  outbound?: OutboundDispatch;
  /** The job queues: jobs an update asked for are enqueued after its COMMIT. */
  jobs?: JobEnqueuer;
}

export type Outcome = "handled" | "duplicate" | "dropped";

/**
 * Handles incoming updates from every messenger: one at a time per chat (in order), each
 * inside its frame, replies sent after the frame is stored. A redelivered update is handled
 * once. When the database is down the person is told so in their language and the update
 * is left for the messenger to deliver again.
 */
export class UpdateProcessor {
  private readonly serializer = new KeyedSerializer();
  private readonly limiter: ChatRateLimiter;
  /** Last known language per chat, for the "temporarily unavailable" answer when the database is down. */
  private readonly languages = new Map<string, Language>();
  /** When each chat was last told the service is unavailable: once a minute is enough. */
  private readonly toldUnavailable = new Map<string, number>();
  /** Hand-overs to the outbound queues still in progress (nobody waits for them; drain() does). */
  private readonly handovers = new Set<Promise<void>>();

  constructor(private readonly deps: ProcessorDeps) {
    this.limiter = new ChatRateLimiter(deps.rateLimit ?? DEFAULT_RATE_LIMIT);
  }

  get pending(): number {
    return this.serializer.size;
  }

  async handle(event: IncomingEvent): Promise<Outcome> {
    const key = chatKey(event.chat);
    // Stopping or allowing the bot is a change of state, not a message: never dropped as a flood.
    if (event.input.kind === "reach") return this.serializer.run(key, () => this.process(event));
    const admission = this.limiter.admit(key);
    if (admission.kind === "drop") {
      // A flood: acknowledged and dropped; the person is told once.
      if (admission.firstDrop) {
        const messenger = this.deps.messengers.get(event.chat.platform);
        const lang = this.languages.get(key) ?? DEFAULT_LANGUAGE;
        await messenger?.send(event.chat.chatId, { text: this.deps.i18n.t(lang, "error-too-many-messages") }).catch(() => undefined);
      }
      this.deps.logger.warn({ platform: event.chat.platform, update: event.updateKey }, "flood: update dropped");
      return "dropped";
    }
    if (admission.kind === "wait") {
      await sleep(admission.ms);
      this.limiter.release(key);
    }
    return this.serializer.run(key, () => this.process(event));
  }

  /** Resolves when every update in hand is done and its messages to others are handed to the queues (or `handoverWaitMs` passed). */
  async drain(handoverWaitMs = 5_000): Promise<void> {
    await this.serializer.idle();
    if (!this.handovers.size) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.handovers]), new Promise<void>((resolve) => (timer = setTimeout(resolve, handoverWaitMs)))]);
    clearTimeout(timer);
  }

  /**
   * Hands the messages an update wrote to other people to the outbound queues, without
   * waiting: a slow or unavailable Redis delays nobody's answer. What is not handed over
   * here (Redis down) is picked up by the scheduler's next tick, which dispatches everything due.
   */
  private handOver(personIds: string[], log: Logger): void {
    const outbound = this.deps.outbound;
    if (!outbound || !personIds.length) return;
    this.track(outbound.dispatch(this.deps.core.now(), { personIds, priority: "interactive" }), log, "outbox hand-over failed; the scheduler will dispatch it");
  }

  /** How many hand-overs (messages to others, jobs) updates have started so far: a caller can tell whether one started any. */
  get handOvers(): number {
    return this.handOverCount;
  }

  private handOverCount = 0;

  private track(work: Promise<unknown> | undefined, log: Logger, failure: string): void {
    if (!work) return;
    this.handOverCount++;
    const done: Promise<void> = work
      .then(
        () => undefined,
        (error) => log.warn({ err: errorSummary(error) }, failure),
      )
      .finally(() => this.handovers.delete(done));
    this.handovers.add(done);
  }

  private async process(event: IncomingEvent): Promise<Outcome> {
    const messenger = this.deps.messengers.get(event.chat.platform);
    if (!messenger) throw new Error(`no messenger for ${event.chat.platform}`);
    const log = this.deps.logger.child({ platform: event.chat.platform, update: event.updateKey });
    const key = chatKey(event.chat);
    let replies: OutgoingMessage[] = [];
    try {
      const outcome = await this.deps.frames.run(event.updateKey, event.chat, async (frame) => {
        const stateLang = frame.conversation?.params.lang;
        const lang: Language = frame.person?.language ?? (isLanguage(stateLang) ? stateLang : DEFAULT_LANGUAGE);
        const session = new Session(event, frame.person, frame.conversation, messenger.limits, this.deps.i18n, lang, withSql(this.deps.core.services, frame.sql));
        await route(session, this.deps.core);
        frame.conversation = session.conversation;
        // The account's public username follows the messenger (set, changed, removed), once the account exists (after consent).
        if (profileOf(event.chat.platform).keepsUsername && (event.username ?? null) !== frame.accountUsername && session.personId) {
          await session.services.people.setUsername(event.chat, event.username ?? null);
        }
        // Someone who writes again after blocking the bot can be written to again.
        if (frame.accountUnreachable && event.input.kind !== "reach") await session.services.people.setReachable(event.chat, true);
        replies = session.replies;
        return session.lang;
      });
      if (outcome.duplicate) {
        log.debug("duplicate update skipped");
        return "duplicate";
      }
      this.remember(key, outcome.result);
      this.handOver(outcome.notify, log);
      for (const job of outcome.jobs) this.track(this.deps.jobs?.enqueue(job.name, job.data, job.jobId), log, "job hand-over failed");
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        log.warn({ err: errorSummary(error) }, "database unavailable, update left for redelivery");
        const lang = this.languages.get(key) ?? DEFAULT_LANGUAGE;
        const told = this.toldUnavailable.get(key);
        if (told === undefined || performance.now() - told > 60_000) {
          this.toldUnavailable.set(key, performance.now());
          if (this.toldUnavailable.size > 50_000) this.toldUnavailable.clear();
          await messenger.send(event.chat.chatId, { text: this.deps.i18n.t(lang, "error-temporarily-unavailable") }).catch(() => undefined);
        }
        throw new RetryLaterError(error);
      }
      log.error({ err: errorSummary(error) }, "update failed");
      const lang = this.languages.get(key) ?? DEFAULT_LANGUAGE;
      await messenger.send(event.chat.chatId, { text: this.deps.i18n.t(lang, "error-internal") }).catch(() => undefined);
      return "handled";
    }
    for (const [index, message] of replies.entries()) {
      try {
        // Deterministic per reply: a resend after a timeout is dropped by VK (random_id).
        await sendWithRetry(messenger, event.chat.chatId, message, `${event.updateKey}#${index}`);
      } catch (error) {
        if (message.replaces) continue; // editing an old prompt is a courtesy, not a must
        log.warn({ err: errorSummary(error) }, "reply not delivered");
      }
    }
    return "handled";
  }

  private remember(key: string, lang: Language): void {
    if (this.languages.size > 50_000) this.languages.clear();
    this.languages.set(key, lang);
  }
}

const REPLY_ATTEMPTS = 3;
const MAX_REPLY_WAIT_MS = 5_000;

/**
 * Sends one reply, riding out what passes: a 429 waits its retry_after (up to a few
 * seconds — a person is waiting), a network error or 5xx is tried again shortly. A person
 * who blocked the bot, or a request the platform refuses, is not retried.
 */
export async function sendWithRetry(messenger: Messenger, chatId: string, message: OutgoingMessage, idempotencyKey: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await messenger.send(chatId, message, { idempotencyKey });
      return;
    } catch (error) {
      if (attempt >= REPLY_ATTEMPTS || error instanceof RecipientUnreachableError) throw error;
      if (error instanceof RateLimitedError) {
        if (error.retryAfterMs > MAX_REPLY_WAIT_MS) throw error;
        await sleep(error.retryAfterMs);
      } else if (isTransient(error)) {
        await sleep(200 * 4 ** (attempt - 1));
      } else throw error;
    }
  }
}

function isTransient(error: unknown): boolean {
  const e = error as any;
  const status = e?.error_code ?? e?.status ?? e?.statusCode;
  if (typeof status === "number") return status >= 500;
  return e?.name === "HttpError" || e?.name === "FetchError" || e?.name === "AbortError" || /ECONNRESET|ECONNREFUSED|ETIMEDOUT|socket hang up|network/i.test(String(e?.message ?? ""));
}
