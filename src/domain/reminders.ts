import type { LifecycleSettings, QuietHours } from "./lifecycle-settings.js";
import { isQuiet, outOfQuiet, sendableBefore } from "./quiet-hours.js";

/**
 * When the messages about one meeting are due: reminders before it, the one-tap "did the
 * meeting happen?" after it, the feedback reminder and the curator's alert. Pure functions
 * of the meeting's times, `now`, the zone and the quiet hours; the scheduler asks them every
 * minute, so a message is due from its moment on, and deterministic keys make it go out once.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface MeetingTimes {
  startsAt: Date;
  /** When the meeting was confirmed (its current time); null while only proposed. */
  confirmedAt: Date | null;
}

export interface DueReminder {
  offsetMinutes: number;
  dueAt: Date;
}

/** When the reminder `offsetMinutes` before the meeting goes out, after quiet hours are respected; null when it cannot arrive in time. */
export function reminderMoment(m: MeetingTimes, offsetMinutes: number, tz: string, quiet: QuietHours | null): Date | null {
  const nominal = new Date(m.startsAt.getTime() - offsetMinutes * MINUTE);
  return sendableBefore(nominal, m.startsAt, tz, quiet, m.confirmedAt ?? undefined);
}

/**
 * The reminder of a confirmed meeting that is due at `now`, if any. Of several due (the
 * service was down when an earlier one was due) only the latest goes out, and not in quiet
 * hours; reminders that were due before the meeting was confirmed are not sent at all.
 */
export function dueMeetingReminder(m: MeetingTimes, now: Date, offsetsMinutes: readonly number[], tz: string, quiet: QuietHours | null): DueReminder | null {
  if (!m.confirmedAt || now >= m.startsAt) return null;
  // A reminder that is late (the service was down at its moment) still never goes out in quiet hours.
  if (isQuiet(now, tz, quiet)) return null;
  let best: DueReminder | null = null;
  for (const offset of offsetsMinutes) {
    const due = reminderMoment(m, offset, tz, quiet);
    if (!due || due > now || due < m.confirmedAt) continue;
    if (!best || due > best.dueAt) best = { offsetMinutes: offset, dueAt: due };
  }
  return best;
}

/** How far ahead the scheduler looks for meetings whose reminders may be due. */
export function reminderHorizonMs(offsetsMinutes: readonly number[]): number {
  return (Math.max(0, ...offsetsMinutes) * MINUTE) + DAY;
}

export interface AfterMeeting {
  /** The one-tap "did the meeting happen?" to each side. */
  outcomeQuestionAt: Date;
  /** Feedback not given yet: a reminder. */
  feedbackReminderAt: Date;
  /** Feedback still missing: the curator is told. */
  feedbackAlertAt: Date;
}

export function afterMeeting(startsAt: Date, s: Pick<LifecycleSettings, "outcomeQuestionAfterMinutes" | "feedbackReminderDays" | "feedbackAlertDays">, tz: string, quiet: QuietHours | null): AfterMeeting {
  const at = (ms: number) => outOfQuiet(new Date(startsAt.getTime() + ms), tz, quiet);
  return {
    outcomeQuestionAt: at(s.outcomeQuestionAfterMinutes * MINUTE),
    feedbackReminderAt: at(s.feedbackReminderDays * DAY),
    feedbackAlertAt: at(s.feedbackAlertDays * DAY),
  };
}

/** How long after a meeting the scheduler still asks about it (older meetings are left to /overdue). */
export const AFTER_MEETING_WINDOW_MS = 30 * DAY;
