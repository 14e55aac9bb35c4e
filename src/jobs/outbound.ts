import { DelayedError, Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/client.js";
import type { I18n, Translate } from "../i18n/index.js";
import { isLanguage } from "../i18n/index.js";
import { commandPayload } from "../bot/core/payload.js";
import { attach, textOf, truncateLabel } from "../bot/core/render.js";
import { errorSummary } from "../bot/core/processor.js";
import { sleep } from "../bot/core/sleep.js";
import { RateLimitedError, RecipientUnreachableError, type Button, type Messenger, type OutgoingMessage, type Platform, type PlatformLimits } from "../bot/core/types.js";
import { isValidJobId, partKey } from "../domain/delivery.js";
import type { ClaimedDelivery, DeliveryRow, Outbox, OutboxMessage } from "../store/notifications.js";

/**
 * Outbound delivery: one BullMQ queue per messenger, consumed within the messenger's limits
 * (Telegram about 30 messages/s overall and 1/s per chat; VK 20 requests/s per community
 * token), shared by every process through Redis.
 *
 * - Pace. Before each send a worker reserves the next free slot of its messenger, and of the
 *   chat (Telegram), in Redis (one Lua script, Redis's clock), a little under the limit; the
 *   slots are spread evenly, so no window of one second ever holds more than the limit. The
 *   BullMQ limiter is kept as an outer bound. A 429 (VK: error 9; error 6 vk-io waits out
 *   itself) moves every slot on by `retry_after`; the part is tried again after it without
 *   counting an attempt (a long wait puts the job back as delayed). A send not answered in
 *   `sendTimeoutMs` counts as a transient error.
 * - Once. A delivery's job id is its key (from the notifications it carries); a part's VK
 *   random_id derives from the key and the part's number. After each part the outbox row is
 *   updated in one statement; a retried or recovered job reads how far it got and goes on.
 *   Residual risk (Telegram only): a process killed after Telegram accepted a part and before
 *   that statement committed sends the part again when the job is recovered — the Bot API has
 *   no idempotency key. The window is one HTTP response plus one UPDATE by index (a few ms);
 *   a graceful stop (SIGTERM) lets jobs in hand finish and never opens it. On VK the resend
 *   carries the same random_id and VK drops it.
 * - Reach. A 403 (blocked) marks that messenger account unreachable; the delivery moves to the
 *   person's other messenger, or — reachable nowhere — is recorded unreachable and the
 *   person's curators are told at once (one alert per person and curator a day).
 * - Transient errors retry with exponential backoff; after the last attempt the delivery is
 *   recorded failed.
 */

export interface PlatformPace {
  /** Messages per second the platform allows overall. */
  perSecond: number;
  /** Least time between two messages to one chat (0: no per-chat limit). */
  perChatMs: number;
}

export interface OutboundOptions {
  /** Consume the queues in this process (the producer side works either way). */
  consume?: boolean;
  concurrency?: number;
  /** Share of the limit the pacing aims at (0.97: three per cent below it). */
  safety?: number;
  pace?: Partial<Record<Platform, PlatformPace>>;
  attempts?: number;
  backoffMs?: number;
  /** How long a job's lock lasts; a killed worker's jobs are taken over after about this long. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Claimed deliveries older than this whose job may have been lost are handed over again. */
  requeueAfterMs?: number;
  /** A send the messenger has not answered within this long counts as failed and is retried. */
  sendTimeoutMs?: number;
  /**
   * Sends of one messenger a process has in flight at most (from taking a slot to the answer).
   * vk-io waits out VK's error 6 itself, holding every request given to it meanwhile and then
   * sending them back to back; a few at a time keeps that backlog too small to pass the limit.
   */
  inFlight?: Partial<Record<Platform, number>>;
}

export const DEFAULT_PACE: Record<Platform, PlatformPace> = {
  telegram: { perSecond: 30, perChatMs: 1000 },
  vk: { perSecond: 20, perChatMs: 0 },
};

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

export type Priority = "interactive" | "bulk";

/** What the rest of the service needs: hand due notifications to the queues. */
export interface OutboundPort {
  dispatch(now: Date, options?: { personIds?: string[]; priority?: Priority }): Promise<number>;
  requeue(now: Date): Promise<number>;
}

/** The messenger did not answer a send in time; whether it went out is unknown, so it is retried (VK drops a repeat by random_id). */
export class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(`send not answered within ${ms} ms`);
    this.name = "SendTimeoutError";
  }
}

/** At most `max` holders at once; the rest wait in order. */
class Gate {
  private held = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async enter(): Promise<void> {
    if (this.held < this.max) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held--;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  promise.catch(() => undefined); // a late failure after the timeout is not unhandled
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms)))]).finally(() => clearTimeout(timer));
}

export const outboundQueueName = (platform: Platform): string => `outbound-${platform}`;

/** A 429 asking to wait up to this long is waited out in the job; a longer one puts the job back as delayed. */
const INLINE_RETRY_AFTER_MS = 10_000;

/** How late after its slot a send may still go: the pace keeps about 30 ms of slack per second below the limit. */
const LATE_SLOT_MS = 12;

/** Due rows claimed per transaction. */
const CLAIM_BATCH = 5000;

/** The messengers count their limits over a window of one second. */
const WINDOW_MS = 1000;

/**
 * Takes the next slot: KEYS global pace, chat pace, holds (sorted set of [from, until) spans
 * no slot may start in, score `until`); ARGV interval, chat interval. Returns {1, ms to wait,
 * the slot on Redis's clock} or {-1, ms until the chat is free}.
 */
const PACE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local c = 0
if KEYS[2] ~= KEYS[1] then c = tonumber(redis.call('GET', KEYS[2]) or '0') end
local interval = tonumber(ARGV[1])
local chatInterval = tonumber(ARGV[2])
local slot = math.max(now, g)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', string.format('%.3f', now))
local holds = redis.call('ZRANGE', KEYS[3], 0, -1, 'WITHSCORES')
for _ = 1, 4 do
  local moved = false
  for i = 1, #holds, 2 do
    local from = tonumber(holds[i]:match('^([^:]+)'))
    local to = tonumber(holds[i + 1])
    if slot >= from and slot < to then slot = to; moved = true end
  end
  if not moved then break end
end
if c > slot then return {-1, math.ceil(c - now)} end
redis.call('SET', KEYS[1], string.format('%.3f', slot + interval), 'PX', 60000)
if chatInterval > 0 then redis.call('SET', KEYS[2], string.format('%.3f', slot + chatInterval), 'PX', math.ceil(chatInterval) + 5000) end
return {1, math.floor(slot - now), string.format('%.3f', slot)}
`;

/**
 * After a send was answered (Redis's clock now is no earlier than the moment the messenger got
 * it): the chat's next slot is at least one chat interval later; and when the answer came so
 * late that the send may have reached the messenger within one window of the slot `limit` slots
 * after it, those slots are held until a window after the answer. KEYS global pace, chat pace,
 * holds; ARGV the send's slot, interval, limit, chat interval, window.
 */
const SETTLE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local slot = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local chatInterval = tonumber(ARGV[4])
local window = tonumber(ARGV[5])
if chatInterval > 0 and KEYS[2] ~= KEYS[1] then
  local c = tonumber(redis.call('GET', KEYS[2]) or '0')
  if now + chatInterval > c then redis.call('SET', KEYS[2], string.format('%.3f', now + chatInterval), 'PX', math.ceil(chatInterval) + 5000) end
end
local to = now + window
if to > slot + limit * interval then
  local from = slot + (limit - 0.5) * interval
  redis.call('ZADD', KEYS[3], string.format('%.3f', to), string.format('%.3f', from) .. ':' .. string.format('%.3f', to))
  redis.call('PEXPIRE', KEYS[3], math.ceil(window) + 60000)
  return 1
end
return 0
`;

const PENALTY_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = now + tonumber(ARGV[1])
if until_ > g then redis.call('SET', KEYS[1], string.format('%.3f', until_), 'PX', math.ceil(tonumber(ARGV[1])) + 60000) end
return 1
`;

/** The message of one delivery in the recipient's language: one notification as it is, several under a heading, buttons merged within the platform's limits, pictures after the text. */
export function renderDelivery(rows: readonly Pick<DeliveryRow, "payload">[], t: Translate, limits: PlatformLimits): OutgoingMessage[] {
  const texts = rows.map((r) => r.payload.parts.map((p) => textOf(p, t)).join("\n\n"));
  const merge = rows[0]?.payload.merge;
  const text = rows.length > 1 ? [t(`lc-merged-${merge ?? "other"}`, { count: rows.length }), ...texts.map((x) => `• ${x}`)].join("\n\n") : (texts[0] ?? "");
  const seen = new Set<string>();
  const buttons: Button[][] = [];
  let count = 0;
  for (const r of rows) {
    for (const row of r.payload.buttons ?? []) {
      const out: Button[] = [];
      for (const b of row) {
        const payload = commandPayload(b.command, b.args ?? "");
        if (seen.has(payload) || count >= limits.maxButtons || out.length >= limits.maxButtonsPerRow) continue;
        seen.add(payload);
        out.push({ label: truncateLabel(textOf(b.label, t), limits.maxLabelLength), payload });
        count++;
      }
      if (out.length && buttons.length < limits.maxButtonRows) buttons.push(out);
    }
  }
  const messages = attach(text, buttons, limits);
  // Pictures go after the text, each with its caption (a digest's chart).
  for (const r of rows) {
    const image = r.payload.image;
    if (image) messages.push({ text: textOf(image.caption, t), image: { filename: image.filename, content: Buffer.from(image.base64, "base64") } });
  }
  return messages;
}

export class Outbound implements OutboundPort {
  readonly queues = new Map<Platform, Queue>();
  private readonly workers: Worker[] = [];
  private readonly log: Logger;
  private readonly options: Required<Omit<OutboundOptions, "pace">> & { pace: Record<Platform, PlatformPace> };
  private readonly gates = new Map<Platform, Gate>();
  private readonly now: () => Date;
  private started = false;
  private stopping = false;

  constructor(private readonly deps: OutboundDeps) {
    const o = deps.options ?? {};
    this.options = {
      consume: o.consume ?? true,
      concurrency: o.concurrency ?? 8,
      safety: o.safety ?? 0.97,
      pace: { telegram: { ...DEFAULT_PACE.telegram, ...o.pace?.telegram }, vk: { ...DEFAULT_PACE.vk, ...o.pace?.vk } },
      attempts: o.attempts ?? 10,
      backoffMs: o.backoffMs ?? 1000,
      lockDurationMs: o.lockDurationMs ?? 30_000,
      stalledIntervalMs: o.stalledIntervalMs ?? 15_000,
      requeueAfterMs: o.requeueAfterMs ?? 120_000,
      sendTimeoutMs: o.sendTimeoutMs ?? 30_000,
      inFlight: { telegram: o.inFlight?.telegram ?? 1000, vk: o.inFlight?.vk ?? 4 },
    };
    for (const platform of ["telegram", "vk"] as const) this.gates.set(platform, new Gate(this.options.inFlight[platform]!));
    this.now = deps.now ?? (() => new Date());
    this.log = deps.logger.child({ component: "outbound" });
    for (const platform of deps.messengers.keys()) {
      this.queues.set(platform, new Queue(outboundQueueName(platform), { connection: deps.redis, prefix: deps.prefix }));
    }
  }

  get platforms(): Platform[] {
    return [...this.queues.keys()];
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
      await this.enqueue(claimed, options.priority ?? "bulk");
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
    await this.enqueue(stale, "bulk");
    return stale.length;
  }

  private async enqueue(deliveries: readonly ClaimedDelivery[], priority: Priority): Promise<void> {
    const byPlatform = new Map<Platform, ClaimedDelivery[]>();
    for (const d of deliveries) {
      if (!isValidJobId(d.key)) throw new Error("invalid delivery key");
      let list = byPlatform.get(d.platform);
      if (!list) byPlatform.set(d.platform, (list = []));
      list.push(d);
    }
    for (const [platform, list] of byPlatform) {
      const queue = this.queues.get(platform);
      if (!queue) continue;
      for (let i = 0; i < list.length; i += 1000) {
        await queue.addBulk(
          list.slice(i, i + 1000).map((d) => ({
            name: "deliver",
            data: { key: d.key },
            opts: {
              // The delivery's key: the same delivery handed over twice (two dispatchers, a requeue) is one job.
              jobId: d.key,
              attempts: this.options.attempts,
              backoff: { type: "exponential", delay: this.options.backoffMs },
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

  /** Starts consuming (once); the app calls it at start, and the first dispatch in a process that consumes. */
  ensureStarted(): void {
    if (this.started || this.stopping || !this.options.consume) return;
    this.started = true;
    for (const [platform, queue] of this.queues) {
      const pace = this.options.pace[platform];
      const worker = new Worker(queue.name, (job, token) => this.process(platform, job, token), {
        connection: this.deps.redis.duplicate(),
        prefix: this.deps.prefix,
        concurrency: this.options.concurrency,
        limiter: { max: pace.perSecond, duration: 1000 },
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        maxStalledCount: 10,
      });
      worker.on("failed", (job, error) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.log.warn({ platform, job: job.id, err: errorSummary(error) }, "delivery failed");
      });
      worker.on("error", (error) => this.log.warn({ platform, err: errorSummary(error) }, "outbound worker error"));
      this.workers.push(worker);
    }
    // Deliveries claimed by a process that died before it handed them over get their jobs now.
    void this.requeue(this.now(), true).then(
      (n) => n && this.log.debug({ deliveries: n }, "unfinished deliveries handed over again"),
      (error) => this.log.warn({ err: errorSummary(error) }, "requeue at start failed"),
    );
    this.log.info({ platforms: this.platforms }, "outbound delivery started");
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // close() lets the sends in hand finish: a graceful stop never leaves a part sent but unrecorded.
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  /** Closes the workers without waiting for jobs in hand (a crash, for tests of recovery). */
  async abandon(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers.map((w) => w.close(true)));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  /** Resolves when nothing due at `now` is waiting to be delivered (tests and benchmarks). */
  async drained(now: Date, timeoutMs = 30_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const counts = await Promise.all([...this.queues.values()].map((q) => q.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children")));
      const inQueues = counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
      if (inQueues === 0 && (await this.deps.outbox.pendingDue(now)) === 0) return true;
      await sleep(25);
    }
    return false;
  }

  private paceKeys(platform: Platform, chatId: string): [string, string, string] {
    return [`${this.deps.prefix}:pace:${platform}`, `${this.deps.prefix}:pace:${platform}:chat:${chatId}`, `${this.deps.prefix}:pace:${platform}:holds`];
  }

  private interval(platform: Platform): number {
    return 1000 / (this.options.pace[platform].perSecond * this.options.safety);
  }

  /**
   * Waits for the next slot of the messenger and of the chat (a chat busy for long sends the
   * job back to wait); returns the slot on Redis's clock, for `settle`.
   */
  private async pace(platform: Platform, chatId: string, job: Job, token: string | undefined): Promise<string> {
    const p = this.options.pace[platform];
    // The chat's interval with the same margin as the overall one: a send that reaches the messenger a little late is still a full interval after the one before.
    const chatInterval = p.perChatMs / this.options.safety;
    for (let late = 0; ; ) {
      // Measured from before the request: a slow answer from Redis counts as lateness, never hides it.
      const asked = Date.now();
      const [ok, wait, at] = (await this.deps.redis.eval(PACE_SCRIPT, 3, ...this.paceKeys(platform, chatId), this.interval(platform), chatInterval)) as [number, number, string | undefined];
      if (ok === 1) {
        const slot = asked + wait;
        const left = slot - Date.now();
        if (left > 0) await sleep(left);
        // Woken well after the slot (a busy event loop): sending now would bunch with the next
        // slots and pass the limit within a second, so a fresh slot is taken (a few times at most).
        if (Date.now() - slot > LATE_SLOT_MS && ++late <= 3) continue;
        return at!;
      }
      if (wait > 3000 && token) {
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
      await sleep(wait);
    }
  }

  /** Records that the send of `slot` was answered now: see SETTLE_SCRIPT. */
  private async settle(platform: Platform, chatId: string, slot: string): Promise<void> {
    const p = this.options.pace[platform];
    await this.deps.redis.eval(SETTLE_SCRIPT, 3, ...this.paceKeys(platform, chatId), slot, this.interval(platform), p.perSecond, p.perChatMs, WINDOW_MS);
  }

  private async penalise(platform: Platform, ms: number): Promise<void> {
    await this.deps.redis.eval(PENALTY_SCRIPT, 1, this.paceKeys(platform, "")[0], ms);
  }

  /** Sends one delivery, from the part it got to. */
  async process(platform: Platform, job: Job, token: string | undefined): Promise<string> {
    const key = String(job.data.key);
    const rows = await this.deps.outbox.delivery(key);
    const pending = rows.filter((r) => r.status === "pending");
    const first = pending[0];
    if (!first || !first.personId) return "done";
    if (first.platform !== platform) return "moved";
    const personId = first.personId;
    const target = await this.deps.outbox.target(personId, platform);
    if (!target) return this.elsewhere(key, personId, platform);
    const messenger = this.deps.messengers.get(platform)!;
    const t = this.deps.i18n.translator(isLanguage(target.language) ? target.language : "ru");
    const messages = renderDelivery(pending, t, messenger.limits);
    if (first.partsSent >= messages.length) {
      await this.deps.outbox.partSent(key, first.partsSent, true, this.now());
      return "sent";
    }
    for (let i = first.partsSent; i < messages.length; i++) {
      for (;;) {
        const gate = this.gates.get(platform)!;
        await gate.enter();
        try {
          const slot = await this.pace(platform, target.chatId, job, token);
          try {
            await withTimeout(messenger.send(target.chatId, messages[i]!, { idempotencyKey: partKey(key, i) }), this.options.sendTimeoutMs);
          } finally {
            // Answered or not, the send may have reached the messenger any time until now.
            await this.settle(platform, target.chatId, slot).catch((error) => this.log.warn({ platform, err: errorSummary(error) }, "pace settle failed"));
          }
          break;
        } catch (error) {
          if (error instanceof RateLimitedError) {
            // The platform says slow down: every sender of this messenger waits retry_after (the shared
            // pace moves on), and this part is tried again after it without spending an attempt. A long
            // wait puts the job back as delayed instead of holding a slot. (Not the BullMQ queue rate
            // limit: after it a worker idles for its drain delay, 5 s, instead of retry_after.)
            await this.penalise(platform, error.retryAfterMs);
            this.log.debug({ platform, retryAfterMs: error.retryAfterMs }, "rate limited by the messenger");
            if (error.retryAfterMs > INLINE_RETRY_AFTER_MS && token) {
              await job.moveToDelayed(Date.now() + error.retryAfterMs, token);
              throw new DelayedError();
            }
            continue;
          }
          if (error instanceof RecipientUnreachableError) {
            await this.deps.outbox.markUnreachable(target.identityId);
            this.log.info({ platform, delivery: key }, "recipient unreachable");
            return this.elsewhere(key, personId, platform);
          }
          // Anything else (5xx, network, timeout) is transient: BullMQ retries with exponential backoff.
          const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          this.log.debug({ platform, delivery: key, attempt: job.attemptsMade + 1, err: errorSummary(error) }, "send failed");
          if (last) await this.deps.outbox.finish(key, "failed");
          throw error;
        } finally {
          gate.leave();
        }
      }
      await this.deps.outbox.partSent(key, i + 1, i + 1 === messages.length, this.now());
    }
    return "sent";
  }

  /** The account on this messenger cannot be reached: the person's next messenger, or nowhere (recorded, curators told). */
  private async elsewhere(key: string, personId: string, from: Platform): Promise<string> {
    const next = await this.deps.outbox.reachablePlatform(personId, this.platforms.filter((p) => p !== from));
    const now = this.now();
    if (next) {
      await this.deps.outbox.reroute(key, next, now);
      await this.enqueue([{ key, personId, platform: next }], "interactive");
      return "rerouted";
    }
    await this.deps.outbox.finish(key, "unreachable");
    await this.alertCurators(personId, now);
    return "unreachable";
  }

  /** Tells the curators of the person's programmes, at once, that the bot cannot reach them (once a day at most). */
  private async alertCurators(personId: string, now: Date): Promise<void> {
    const own = await this.deps.prisma.participation.findMany({
      where: { personId, role: { in: ["mentor", "mentee"] }, status: { not: "left" } },
      select: { programmeId: true, programme: { select: { name: true } }, person: { select: { displayName: true, erasedAt: true } } },
    });
    const day = now.toISOString().slice(0, 10);
    const messages: OutboxMessage[] = [];
    for (const p of own) {
      if (p.person.erasedAt) continue;
      const curators = await this.deps.prisma.participation.findMany({
        where: { programmeId: p.programmeId, role: "curator", status: { not: "left" }, personId: { not: personId }, person: { erasedAt: null } },
        select: { personId: true },
      });
      for (const c of curators) {
        messages.push({
          personId: c.personId,
          dedupKey: `unreachable-${personId}-${day}-${c.personId}`,
          kind: "unreachable",
          parts: [{ key: "lc-unreachable", args: { name: p.person.displayName ?? "—", programme: p.programme.name } }],
          dueAt: now,
          merge: "alerts",
        });
      }
    }
    if (!messages.length) return;
    const created = new Set(await this.deps.outbox.add(messages));
    const curators = [...new Set(messages.filter((m) => created.has(m.dedupKey)).map((m) => m.personId))];
    if (curators.length) await this.dispatch(now, { personIds: curators, priority: "interactive" });
  }
}
