import type { LifecycleSettings, } from "./lifecycle-settings.js";
import { localMoment } from "./quiet-hours.js";
import { addDays, localDate, utcDate, zonedTime } from "./time.js";

/**
 * Deadlines of a programme and the moments the curator (and the mentee) are told about
 * them, in the organisation's local time: the end of the programme approaching, the final
 * report due two weeks after the end (002 §6.2), the federal statistics form due 20 January
 * (000 §9), a pair silent for weeks, a mentee left without a pair, the mutual-choice survey
 * left open. Each occurrence has a deterministic key (one alert per occurrence) and a window
 * [dueAt, expiresAt) in which it is still worth sending. Pure.
 */

export interface Occurrence {
  /** Stable key of this occurrence (no ':'); a recipient's id is appended to it. */
  key: string;
  dueAt: Date;
  expiresAt: Date;
}

export type Timing = Pick<LifecycleSettings, "alertHour" | "reminderHour" | "quietHours">;

/** How long an occurrence that quiet hours moved past its expiry stays worth sending. */
const MOVED_PAST_EXPIRY_MS = 12 * 3600_000;

/**
 * Due at `now`: from its moment until it expires. An occurrence whose moment quiet hours moved
 * to or past its expiry (an alert hour set late in the evening) is still sent, once, when they
 * end: moved, never dropped.
 */
export function isDue(o: Pick<Occurrence, "dueAt" | "expiresAt">, now: Date): boolean {
  const end = o.expiresAt > o.dueAt ? o.expiresAt : new Date(o.dueAt.getTime() + MOVED_PAST_EXPIRY_MS);
  return o.dueAt <= now && now < end;
}

const dayStart = (date: string, tz: string) => zonedTime(date, 0, 0, tz);

/** The programme ends in 14 and in 3 days (by default): once each, on that morning. */
export function programmeEndAlerts(programmeId: string, endsOn: string, tz: string, s: Timing & Pick<LifecycleSettings, "endingAlertDays">): (Occurrence & { days: number })[] {
  return s.endingAlertDays.map((days) => ({
    key: `ending-${programmeId}-${days}`,
    days,
    dueAt: localMoment(addDays(endsOn, -days), s.alertHour, tz, s.quietHours),
    expiresAt: dayStart(addDays(endsOn, 1), tz),
  }));
}

/** Pairs still working are ended as planned once the programme's last day is over. */
export function plannedEndingAt(endsOn: string, tz: string): Date {
  return dayStart(addDays(endsOn, 1), tz);
}

/** The last local day on which the mentee's final report is on time: `finalReportDays` days after the ending. */
export function finalReportDueDate(endedAt: Date, tz: string, s: Pick<LifecycleSettings, "finalReportDays">): string {
  return addDays(localDate(endedAt, tz), s.finalReportDays);
}

/** The mentee is reminded of the final report a few days before it is due. */
export function finalReportReminder(pairId: string, endedAt: Date, tz: string, s: Timing & Pick<LifecycleSettings, "finalReportDays" | "finalReportReminderDays">): Occurrence {
  const due = finalReportDueDate(endedAt, tz, s);
  return {
    key: `final-report-reminder-${pairId}`,
    dueAt: localMoment(addDays(localDate(endedAt, tz), Math.min(s.finalReportReminderDays, s.finalReportDays)), s.reminderHour, tz, s.quietHours),
    expiresAt: dayStart(addDays(due, 1), tz),
  };
}

/** The final report not given by its last day: the curator is told the next morning (once). */
export function finalReportOverdue(pairId: string, endedAt: Date, tz: string, s: Timing & Pick<LifecycleSettings, "finalReportDays">): Occurrence {
  const after = addDays(finalReportDueDate(endedAt, tz, s), 1);
  return { key: `final-report-overdue-${pairId}`, dueAt: localMoment(after, s.alertHour, tz, s.quietHours), expiresAt: dayStart(addDays(after, 60), tz) };
}

/** Days of January on which curators are reminded of the federal statistics form, due on the 20th (000 §9). */
export const FEDERAL_FORM_REMINDER_DAYS = [1, 10, 17, 20] as const;
export const FEDERAL_FORM_DUE_DAY = 20;

/**
 * Reminders of the federal statistics form for the year that ended before `year`: from
 * 1 January of `year` to the 20th, each on its morning, each expiring at the next one.
 */
export function federalFormReminders(year: number, tz: string, s: Timing): (Occurrence & { reportYear: number; dueDate: string })[] {
  const dueDate = `${year}-01-${String(FEDERAL_FORM_DUE_DAY).padStart(2, "0")}`;
  return FEDERAL_FORM_REMINDER_DAYS.map((day, i) => {
    const date = `${year}-01-${String(day).padStart(2, "0")}`;
    const next = FEDERAL_FORM_REMINDER_DAYS[i + 1];
    const expires = next ? `${year}-01-${String(next).padStart(2, "0")}` : addDays(dueDate, 1);
    return { key: `federal-form-${year - 1}-${String(day).padStart(2, "0")}`, reportYear: year - 1, dueDate, dueAt: localMoment(date, s.alertHour, tz, s.quietHours), expiresAt: dayStart(expires, tz) };
  });
}

/** A programme counts in the federal form of a year when it ran during that year. */
export function ranDuring(startsOn: string, endsOn: string, year: number): boolean {
  return startsOn <= `${year}-12-31` && endsOn >= `${year}-01-01`;
}

/** No meeting for `silentPairDays` days (and none planned): the curator is told on that morning, once per silence. */
export function silentPairAlert(pairId: string, lastActivityAt: Date, tz: string, s: Timing & Pick<LifecycleSettings, "silentPairDays">): Occurrence {
  const since = localDate(lastActivityAt, tz);
  const day = addDays(since, s.silentPairDays);
  return { key: `silent-${pairId}-${since}`, dueAt: localMoment(day, s.alertHour, tz, s.quietHours), expiresAt: dayStart(addDays(day, 365), tz) };
}

/** A mentee still without a pair `unmatchedAfterDays` days after matching began (or after joining, when later). */
export function unmatchedMenteeAlert(participationId: string, matchingStartedAt: Date, joinedAt: Date, tz: string, s: Timing & Pick<LifecycleSettings, "unmatchedAfterDays">): Occurrence {
  const from = joinedAt > matchingStartedAt ? joinedAt : matchingStartedAt;
  const day = addDays(localDate(from, tz), s.unmatchedAfterDays);
  return { key: `unmatched-${participationId}`, dueAt: localMoment(day, s.alertHour, tz, s.quietHours), expiresAt: dayStart(addDays(day, 365), tz) };
}

/** The mutual-choice survey still open `mutualChoiceOpenDays` days after it was opened. */
export function mutualChoiceOpenAlert(roundId: string, openedAt: Date, tz: string, s: Timing & Pick<LifecycleSettings, "mutualChoiceOpenDays">): Occurrence {
  const day = addDays(localDate(openedAt, tz), s.mutualChoiceOpenDays);
  return { key: `mutual-choice-open-${roundId}`, dueAt: localMoment(day, s.alertHour, tz, s.quietHours), expiresAt: dayStart(addDays(day, 365), tz) };
}

/** The mentee's report to the mentor for the local month of `now`, asked on `monthlyReportDay` (002 §6.2). */
export function monthlyReportReminder(pairId: string, now: Date, tz: string, s: Timing & Pick<LifecycleSettings, "monthlyReportDay">): Occurrence & { month: string } {
  const month = localDate(now, tz).slice(0, 7);
  const [y, m] = month.split("-").map(Number) as [number, number];
  const nextMonth = utcDate(new Date(Date.UTC(y, m, 1)));
  const day = `${month}-${String(s.monthlyReportDay).padStart(2, "0")}`;
  return { key: `monthly-report-${pairId}-${month}`, month, dueAt: localMoment(day, s.reminderHour, tz, s.quietHours), expiresAt: dayStart(nextMonth, tz) };
}

/** The short pulse survey of both sides `pulseSurveyDays` days after the pair was confirmed (001 stage 6), on that morning. */
export function pulseSurveyInvitation(pairId: string, confirmedAt: Date, tz: string, s: Timing & Pick<LifecycleSettings, "pulseSurveyDays">): Occurrence {
  const day = addDays(localDate(confirmedAt, tz), s.pulseSurveyDays);
  return { key: `pulse-survey-${pairId}`, dueAt: localMoment(day, s.reminderHour, tz, s.quietHours), expiresAt: dayStart(addDays(day, 14), tz) };
}
