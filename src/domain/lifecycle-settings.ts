import { z } from "zod";

/**
 * The schedule of a programme's pairs, read from `Programme.settings.lifecycle` (JSON the
 * administrator may set per programme). Every value has a default; a malformed value falls
 * back to its default rather than stopping the scheduler for the whole programme.
 *
 *   {
 *     "lifecycle": {
 *       "reminderHoursBefore": [24, 1],          // reminders before a meeting
 *       "quietHours": { "start": "21:00", "end": "08:00" },   // or null: no quiet hours
 *       "outcomeQuestionHoursAfter": 2,          // "did the meeting happen?" this long after its start
 *       "feedbackReminderDays": 2,               // feedback not given: reminder
 *       "feedbackAlertDays": 5,                  // feedback still not given: the curator is told
 *       "silentPairDays": 21,                    // no meeting this long: the curator is told
 *       "monthlyReportDay": 25,                  // day of the month the mentee is asked for the report
 *       "pulseSurveyDays": 30,                   // the short pulse survey this long after the pair started
 *       "finalReportDays": 14,                   // the final report is due this long after the end (002 §6.2)
 *       "finalReportReminderDays": 10,           // the mentee is reminded this long after the end
 *       "endingAlertDays": [14, 3],              // the curator is told this many days before the end
 *       "unmatchedAfterDays": 7,                 // a mentee still without a pair this long after matching began
 *       "mutualChoiceOpenDays": 7,               // the mutual-choice survey still open after this long
 *       "alertHour": 9,                          // local hour of the curator's alerts
 *       "reminderHour": 10,                      // local hour of day-based reminders (monthly report…)
 *       "relay": "minors"                        // pairs write through the bot, without contacts:
 *                                                //   "minors" (a mentee is under 18), "on" (every pair), "off"
 *     }
 *   }
 */

export interface QuietHours {
  /** Minutes after local midnight at which quiet hours begin (inclusive). */
  start: number;
  /** Minutes after local midnight at which they end (exclusive). */
  end: number;
}

export interface LifecycleSettings {
  /** Minutes before a meeting at which its reminders are due, largest first. */
  reminderOffsetsMinutes: number[];
  quietHours: QuietHours | null;
  outcomeQuestionAfterMinutes: number;
  feedbackReminderDays: number;
  feedbackAlertDays: number;
  silentPairDays: number;
  monthlyReportDay: number;
  pulseSurveyDays: number;
  finalReportDays: number;
  finalReportReminderDays: number;
  endingAlertDays: number[];
  unmatchedAfterDays: number;
  mutualChoiceOpenDays: number;
  alertHour: number;
  reminderHour: number;
  /** Which pairs write to each other through the bot (the relay) instead of getting each other's contacts. */
  relay: RelayMode;
}

export const RELAY_MODES = ["minors", "on", "off"] as const;
export type RelayMode = (typeof RELAY_MODES)[number];

/** Whether a pair of a programme with this setting relays: "minors" when one of its mentees is under 18. */
export function relays(mode: RelayMode, anyMinor: boolean): boolean {
  return mode === "on" || (mode === "minors" && anyMinor);
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21 * 60, end: 8 * 60 };

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
  reminderOffsetsMinutes: [24 * 60, 60],
  quietHours: DEFAULT_QUIET_HOURS,
  outcomeQuestionAfterMinutes: 120,
  feedbackReminderDays: 2,
  feedbackAlertDays: 5,
  silentPairDays: 21,
  monthlyReportDay: 25,
  pulseSurveyDays: 30,
  finalReportDays: 14,
  finalReportReminderDays: 10,
  endingAlertDays: [14, 3],
  unmatchedAfterDays: 7,
  mutualChoiceOpenDays: 7,
  alertHour: 9,
  reminderHour: 10,
  relay: "minors",
};

/** "HH:MM" → minutes after midnight; null when it is not a time of day. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

const clock = z.string().transform((v, ctx) => {
  const m = parseClock(v);
  if (m === null) {
    ctx.addIssue({ code: "custom", message: "not a time of day" });
    return z.NEVER;
  }
  return m;
});

const days = (max: number) => z.number().int().min(1).max(max);

function field<T>(schema: z.ZodType<T>, raw: unknown, fallback: T): T {
  if (raw === undefined) return fallback;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
}

/** The lifecycle settings of a programme from its settings JSON; defaults for what is missing or malformed. */
export function lifecycleSettings(settings: unknown): LifecycleSettings {
  const raw = (settings && typeof settings === "object" ? (settings as Record<string, unknown>).lifecycle : undefined) ?? {};
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_LIFECYCLE_SETTINGS;
  const hours = field(z.array(z.number().positive().max(24 * 14)).min(0).max(5), o.reminderHoursBefore, null as number[] | null);
  const quiet = field(
    z.union([z.null(), z.object({ start: clock, end: clock }).refine((q) => q.start !== q.end, "empty quiet hours")]),
    o.quietHours,
    d.quietHours,
  );
  return {
    reminderOffsetsMinutes: hours ? [...new Set(hours.map((h) => Math.round(h * 60)))].sort((a, b) => b - a) : d.reminderOffsetsMinutes,
    quietHours: quiet,
    outcomeQuestionAfterMinutes: Math.round(field(z.number().min(0).max(48), o.outcomeQuestionHoursAfter, d.outcomeQuestionAfterMinutes / 60) * 60),
    feedbackReminderDays: field(days(30), o.feedbackReminderDays, d.feedbackReminderDays),
    feedbackAlertDays: field(days(60), o.feedbackAlertDays, d.feedbackAlertDays),
    silentPairDays: field(days(365), o.silentPairDays, d.silentPairDays),
    monthlyReportDay: field(z.number().int().min(1).max(28), o.monthlyReportDay, d.monthlyReportDay),
    pulseSurveyDays: field(days(365), o.pulseSurveyDays, d.pulseSurveyDays),
    finalReportDays: field(days(90), o.finalReportDays, d.finalReportDays),
    finalReportReminderDays: field(days(90), o.finalReportReminderDays, d.finalReportReminderDays),
    endingAlertDays: [...new Set(field(z.array(days(365)).max(5), o.endingAlertDays, d.endingAlertDays))].sort((a, b) => b - a),
    unmatchedAfterDays: field(days(365), o.unmatchedAfterDays, d.unmatchedAfterDays),
    mutualChoiceOpenDays: field(days(365), o.mutualChoiceOpenDays, d.mutualChoiceOpenDays),
    alertHour: field(z.number().int().min(0).max(23), o.alertHour, d.alertHour),
    reminderHour: field(z.number().int().min(0).max(23), o.reminderHour, d.reminderHour),
    relay: field(z.enum(RELAY_MODES), o.relay, d.relay),
  };
}
