import type { QuietHours } from "./lifecycle-settings.js";
import { addDays, localDate, localParts, zonedTime } from "./time.js";

/**
 * Quiet hours in the recipient's local time (default 21:00–08:00): the bot sends nothing
 * of its own then. A message due in quiet hours is moved to when they end, never dropped.
 * Pure: every answer is a function of the instant, the zone and the quiet hours.
 */

/** Minutes after local midnight of the instant in the zone. */
export function minuteOfDay(instant: Date, tz: string): number {
  const p = localParts(instant, tz);
  return p.hour * 60 + p.minute;
}

function inWindow(m: number, q: QuietHours): boolean {
  return q.start < q.end ? m >= q.start && m < q.end : m >= q.start || m < q.end;
}

export function isQuiet(instant: Date, tz: string, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  return inWindow(minuteOfDay(instant, tz), quiet);
}

/** The instant the quiet period containing `instant` ends (`instant` itself when it is not quiet). */
export function outOfQuiet(instant: Date, tz: string, quiet: QuietHours | null): Date {
  if (!quiet || !isQuiet(instant, tz, quiet)) return instant;
  const p = localParts(instant, tz);
  const m = p.hour * 60 + p.minute;
  const today = localDate(instant, tz);
  // Across midnight (21:00–08:00): in the evening part the end is tomorrow morning.
  const day = quiet.start > quiet.end && m >= quiet.start ? addDays(today, 1) : today;
  return zonedTime(day, Math.floor(quiet.end / 60), quiet.end % 60, tz);
}

/** The instant the quiet period containing `instant` began (`instant` itself when it is not quiet). */
export function quietStartOf(instant: Date, tz: string, quiet: QuietHours | null): Date {
  if (!quiet || !isQuiet(instant, tz, quiet)) return instant;
  const p = localParts(instant, tz);
  const m = p.hour * 60 + p.minute;
  const today = localDate(instant, tz);
  const day = quiet.start > quiet.end && m < quiet.end ? addDays(today, -1) : today;
  return zonedTime(day, Math.floor(quiet.start / 60), quiet.start % 60, tz);
}

/**
 * When a message meant for `nominal` may go out so that it still arrives before `deadline`
 * (a reminder before its meeting): moved forward out of quiet hours; when that would be
 * too late, moved back to the last minute before those quiet hours began. Null when no
 * such moment exists after `notBefore`.
 */
export function sendableBefore(nominal: Date, deadline: Date, tz: string, quiet: QuietHours | null, notBefore?: Date): Date | null {
  const forward = outOfQuiet(nominal, tz, quiet);
  if (forward < deadline) return forward;
  const back = new Date(quietStartOf(nominal, tz, quiet).getTime() - 60_000);
  if (notBefore && back < notBefore) return null;
  return back < deadline ? back : null;
}

/** The instant of a local date and hour in the zone, moved out of quiet hours if it falls in them. */
export function localMoment(date: string, hour: number, tz: string, quiet: QuietHours | null, minute = 0): Date {
  return outOfQuiet(zonedTime(date, hour, minute, tz), tz, quiet);
}
