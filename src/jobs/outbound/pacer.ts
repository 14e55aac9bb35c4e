import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import { sleep } from "../../domain/sleep.js";
import type { Platform, PlatformPace } from "../../domain/platforms.js";
import { PLATFORMS } from "../../domain/platforms.js";
import { profileOf } from "../../platforms.js";
import { PACE_SCRIPT, PENALTY_SCRIPT, SETTLE_SCRIPT } from "./pace-scripts.js";

/**
 * Send slots shared by every process that sends for a messenger: a little under the limit
 * (`safety`), evenly spaced, so no window of one second ever holds more than the limit; one
 * chat's slots at least its interval apart (Telegram: one a second); a 429 moves every slot on.
 *
 * One clock. The rate windows live in Redis and are kept on Redis's clock alone: the scripts read
 * `redis.call('TIME')` and store, compare and hand out times on it. Node's wall clock is never
 * compared with it — processes on different hosts, a process whose clock is moved (libfaketime,
 * an NTP step) or a service clock in a test would otherwise see slots hours away or long past.
 * Node learns only durations (how long to wait) and an opaque slot time it gives back to Redis
 * in `settle`; it measures how long it actually waited on its monotonic clock
 * (`performance.now()`, the clock its timers run on), which no wall-clock change moves.
 */

export type { PlatformPace } from "../../domain/platforms.js";

/** Each messenger's pace, from its profile (Telegram 30/s and one a second per chat, VK 20/s, MAX 30/s). */
export const DEFAULT_PACE = Object.fromEntries(PLATFORMS.map((p) => [p, profileOf(p).pace])) as Record<Platform, PlatformPace>;

/** The messengers count their limits over a window of one second. */
export const WINDOW_MS = 1000;

/** How late after its slot a send may still go: the pace keeps about 30 ms of slack per second below the limit. */
export const LATE_SLOT_MS = 12;

/** How many times in a row a slot woken too late is given up for a fresh one before it is used anyway. */
const LATE_RETAKES = 3;

export interface PacerConfig {
  redis: Redis;
  /** Prefix of the pace keys (the service's queue prefix). */
  prefix: string;
  pace: Record<Platform, PlatformPace>;
  /** Share of the limit the pace aims at (0.97: three per cent below it). */
  safety: number;
}

/** One try for a slot: a slot reserved `waitMs` from now, or the chat is busy for `waitMs` (nothing reserved). */
export type Reservation = { kind: "slot"; waitMs: number; slot: string } | { kind: "chat-busy"; waitMs: number };

/** The slot to send in (give it to `settle` after the send), or the chat is busy for longer than the caller would wait. */
export type Acquired = { kind: "slot"; slot: string } | { kind: "chat-busy"; waitMs: number };

export class Pacer {
  constructor(private readonly config: PacerConfig) {}

  /** KEYS of the scripts: the messenger's pace, the chat's pace (the messenger's when no chat), the holds. */
  keys(platform: Platform, chatId?: string): [string, string, string] {
    const base = `${this.config.prefix}:pace:${platform}`;
    return [base, chatId === undefined ? base : `${base}:chat:${chatId}`, `${base}:holds`];
  }

  /** Milliseconds between two slots of the messenger. */
  interval(platform: Platform): number {
    return 1000 / (this.config.pace[platform].perSecond * this.config.safety);
  }

  /** Milliseconds between two slots of one chat, with the same margin as the overall pace: a send that reaches the messenger a little late is still a full interval after the one before. */
  chatInterval(platform: Platform): number {
    return this.config.pace[platform].perChatMs / this.config.safety;
  }

  /** Reserves the next slot of the messenger and of the chat (one script run), or tells how long the chat is busy. */
  async reserve(platform: Platform, chatId: string): Promise<Reservation> {
    const [ok, wait, slot] = (await this.config.redis.eval(PACE_SCRIPT, 3, ...this.keys(platform, chatId), this.interval(platform), this.chatInterval(platform))) as [number, number, string | undefined];
    return ok === 1 ? { kind: "slot", waitMs: wait, slot: slot! } : { kind: "chat-busy", waitMs: wait };
  }

  /**
   * Waits for a slot of the messenger and of the chat. A chat busy for longer than `maxChatWaitMs`
   * is answered at once (the caller puts its job back); without it the chat is waited for.
   */
  async acquire(platform: Platform, chatId: string, options: { maxChatWaitMs?: number } = {}): Promise<Acquired> {
    for (let late = 0; ; ) {
      // Measured from before the request: a slow answer from Redis counts as lateness, never hides it.
      const asked = performance.now();
      const r = await this.reserve(platform, chatId);
      if (r.kind === "slot") {
        const due = asked + r.waitMs;
        const left = due - performance.now();
        if (left > 0) await sleep(left);
        // Woken well after the slot (a busy event loop): sending now would bunch with the next
        // slots and pass the limit within a second, so a fresh slot is taken (a few times at most).
        if (performance.now() - due > LATE_SLOT_MS && ++late <= LATE_RETAKES) continue;
        return { kind: "slot", slot: r.slot };
      }
      if (options.maxChatWaitMs !== undefined && r.waitMs > options.maxChatWaitMs) return r;
      await sleep(r.waitMs);
    }
  }

  /** Records that the send in `slot` was answered now: see SETTLE_SCRIPT. */
  async settle(platform: Platform, chatId: string, slot: string): Promise<boolean> {
    const p = this.config.pace[platform];
    const held = await this.config.redis.eval(SETTLE_SCRIPT, 3, ...this.keys(platform, chatId), slot, this.interval(platform), p.perSecond, p.perChatMs, WINDOW_MS);
    return held === 1;
  }

  /** The messenger asked to slow down: no slot of it starts earlier than `ms` from now. */
  async penalise(platform: Platform, ms: number): Promise<void> {
    await this.config.redis.eval(PENALTY_SCRIPT, 1, this.keys(platform)[0], ms);
  }
}
