/**
 * When an administrator's weekly digest is due: on their weekday at their hour, in their
 * time zone. Pure — the job passes the clock — so it is tested with a fake one.
 *
 * A digest belongs to one occurrence, named by the local date of its slot (YYYY-MM-DD). It
 * is due from the slot for `windowHours` (a worker that was down at the slot's hour catches
 * up); the job records each occurrence it handled, so it is sent at most once.
 */
import { addDays, DEFAULT_TIMEZONE, isTimezone, localDate, localParts, zonedTime } from "../time.js";

export interface DigestSchedule {
  administratorId: string;
  timezone: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0–23, local. */
  hour: number;
  paused: boolean;
}

export interface DigestSlot {
  /** Local date of the slot: names the occurrence. */
  occurrence: string;
  /** The instant of the slot. */
  at: Date;
}

export interface DueDigest extends DigestSlot {
  administratorId: string;
}

export const DEFAULT_WINDOW_HOURS = 24;

function validZone(tz: string): string {
  return isTimezone(tz) ? tz : DEFAULT_TIMEZONE;
}

function clampWeekday(w: number): number {
  return Number.isInteger(w) && w >= 1 && w <= 7 ? w : 1;
}

function clampHour(h: number): number {
  return Number.isInteger(h) && h >= 0 && h <= 23 ? h : 9;
}

/** The latest slot at or before `now` (this week's, or last week's when this week's is still ahead). */
export function latestSlot(s: Pick<DigestSchedule, "timezone" | "weekday" | "hour">, now: Date): DigestSlot {
  const tz = validZone(s.timezone);
  const local = localParts(now, tz);
  const today = localDate(now, tz);
  const back = (local.weekday - clampWeekday(s.weekday) + 7) % 7;
  let date = addDays(today, -back);
  let at = zonedTime(date, clampHour(s.hour), 0, tz);
  if (at.getTime() > now.getTime()) {
    date = addDays(date, -7);
    at = zonedTime(date, clampHour(s.hour), 0, tz);
  }
  return { occurrence: date, at };
}

/** The next slot strictly after `now`. */
export function nextSlot(s: Pick<DigestSchedule, "timezone" | "weekday" | "hour">, now: Date): DigestSlot {
  const latest = latestSlot(s, now);
  const date = addDays(latest.occurrence, 7);
  return { occurrence: date, at: zonedTime(date, clampHour(s.hour), 0, validZone(s.timezone)) };
}

/**
 * The administrators whose digest is due at `now`: not paused, the latest slot passed less than
 * `windowHours` ago, and that occurrence not handled yet (`handled`: administrator id → the
 * occurrences already sent or skipped).
 */
export function dueDigests(
  schedules: readonly DigestSchedule[],
  now: Date,
  handled: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  windowHours: number = DEFAULT_WINDOW_HOURS,
): DueDigest[] {
  const out: DueDigest[] = [];
  for (const s of schedules) {
    if (s.paused) continue;
    const slot = latestSlot(s, now);
    const age = now.getTime() - slot.at.getTime();
    if (age < 0 || age >= windowHours * 3_600_000) continue;
    if (handled.get(s.administratorId)?.has(slot.occurrence)) continue;
    out.push({ administratorId: s.administratorId, ...slot });
  }
  return out;
}
