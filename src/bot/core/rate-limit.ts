/**
 * A token bucket per chat: a person may send `burst` messages at once and `perSecond` more
 * every second. A faster sender is slowed (their updates wait for a token); past
 * `maxQueued` waiting updates, further ones are dropped. Other chats are never affected.
 */
export interface RateLimitSettings {
  burst: number;
  perSecond: number;
  maxQueued: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { burst: 20, perSecond: 3, maxQueued: 20 };

interface Bucket {
  tokens: number;
  updatedAt: number;
  queued: number;
}

export type Admission = { kind: "now" } | { kind: "wait"; ms: number } | { kind: "drop"; firstDrop: boolean };

export class ChatRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly warned = new Set<string>();

  constructor(private readonly settings: RateLimitSettings = DEFAULT_RATE_LIMIT, private readonly now: () => number = Date.now) {}

  /** Reserves a token for one update of the chat, telling how long it must wait. */
  admit(key: string): Admission {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 100_000) this.prune(t);
      b = { tokens: this.settings.burst, updatedAt: t, queued: 0 };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.settings.burst, b.tokens + ((t - b.updatedAt) / 1000) * this.settings.perSecond);
    b.updatedAt = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.warned.delete(key);
      return { kind: "now" };
    }
    if (b.queued >= this.settings.maxQueued) {
      const firstDrop = !this.warned.has(key);
      this.warned.add(key);
      return { kind: "drop", firstDrop };
    }
    b.tokens -= 1; // reserved: the debt is paid by the refill
    b.queued++;
    return { kind: "wait", ms: Math.ceil((-b.tokens / this.settings.perSecond) * 1000) };
  }

  /** A waiting update of the chat got its turn. */
  release(key: string): void {
    const b = this.buckets.get(key);
    if (b && b.queued > 0) b.queued--;
  }

  private prune(t: number): void {
    for (const [k, b] of this.buckets) if (b.queued === 0 && t - b.updatedAt > 60_000) this.buckets.delete(k);
  }
}
