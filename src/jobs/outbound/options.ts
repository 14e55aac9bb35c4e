import { PLATFORMS, type Platform } from "../../domain/platforms.js";
import { profileOf } from "../../platforms.js";
import { DEFAULT_PACE, type PlatformPace } from "./pacer.js";

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
   * Sends of one messenger a process has in flight at most (from taking a slot to the answer);
   * by default its profile's (VK: a few, see src/bot/vk/profile.ts).
   */
  inFlight?: Partial<Record<Platform, number>>;
}

/** The options with every default filled in. */
export type ResolvedOutboundOptions = Required<Omit<OutboundOptions, "pace" | "inFlight">> & {
  pace: Record<Platform, PlatformPace>;
  inFlight: Record<Platform, number>;
};

export function resolveOutboundOptions(o: OutboundOptions = {}): ResolvedOutboundOptions {
  return {
    consume: o.consume ?? true,
    concurrency: o.concurrency ?? 8,
    safety: o.safety ?? 0.97,
    pace: Object.fromEntries(PLATFORMS.map((p) => [p, { ...DEFAULT_PACE[p], ...o.pace?.[p] }])) as Record<Platform, PlatformPace>,
    attempts: o.attempts ?? 10,
    backoffMs: o.backoffMs ?? 1000,
    lockDurationMs: o.lockDurationMs ?? 30_000,
    stalledIntervalMs: o.stalledIntervalMs ?? 15_000,
    requeueAfterMs: o.requeueAfterMs ?? 120_000,
    sendTimeoutMs: o.sendTimeoutMs ?? 30_000,
    inFlight: Object.fromEntries(PLATFORMS.map((p) => [p, o.inFlight?.[p] ?? profileOf(p).inFlight])) as Record<Platform, number>,
  };
}
