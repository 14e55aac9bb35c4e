import { describe, expect, it } from "vitest";
import { DEFAULT_LIFECYCLE_SETTINGS, type LifecycleSettings } from "../../../src/domain/lifecycle-settings.js";
import { zonedTime } from "../../../src/domain/time.js";
import {
  FEDERAL_FORM_DUE_DAY,
  federalFormReminders,
  finalReportDueDate,
  finalReportOverdue,
  finalReportReminder,
  isDue,
  monthlyReportReminder,
  mutualChoiceOpenAlert,
  plannedEndingAt,
  programmeEndAlerts,
  pulseSurveyInvitation,
  ranDuring,
  silentPairAlert,
  unmatchedMenteeAlert,
  type Occurrence,
} from "../../../src/domain/deadlines.js";

/**
 * Deadlines of a programme in the organisation's local time (defaults: curators' alerts at 09:00,
 * day-based reminders at 10:00, quiet hours 21:00–08:00): the end approaching (14 and 3 days
 * before), the final report due two weeks after the end (002 §6.2), the federal form due 20 January
 * (000 §9), silent pairs (21 days), unmatched mentees and an open mutual-choice survey (7 days),
 * the monthly report (the 25th), the pulse survey (30 days in). Each occurrence has a stable key
 * and a window [dueAt, expiresAt). Offsets: Moscow +3, Omsk +6, Vladivostok +10.
 */

const S = DEFAULT_LIFECYCLE_SETTINGS;
const MSK = "Europe/Moscow";
const OMSK = "Asia/Omsk";
const VLAD = "Asia/Vladivostok";
const msk = (wall: string) => new Date(`${wall}:00+03:00`);
const omsk = (wall: string) => new Date(`${wall}:00+06:00`);
const vlad = (wall: string) => new Date(`${wall}:00+10:00`);
const iso = (o: Pick<Occurrence, "dueAt" | "expiresAt">) => ({ dueAt: o.dueAt.toISOString(), expiresAt: o.expiresAt.toISOString() });
const settings = (over: Partial<LifecycleSettings>): LifecycleSettings => ({ ...S, ...over });

describe("isDue", () => {
  it("from its moment (inclusive) until it expires (exclusive)", () => {
    const o = { dueAt: msk("2026-03-02T09:00"), expiresAt: msk("2026-03-03T00:00") };
    expect(isDue(o, msk("2026-03-02T08:59"))).toBe(false);
    expect(isDue(o, msk("2026-03-02T09:00"))).toBe(true);
    expect(isDue(o, new Date(o.expiresAt.getTime() - 1))).toBe(true);
    expect(isDue(o, o.expiresAt)).toBe(false);
  });
});

describe("the end of the programme", () => {
  it("the curator is told 14 and 3 days before, at 09:00 local, until the programme's last day is over", () => {
    const alerts = programmeEndAlerts("prog", "2027-05-31", OMSK, S);
    expect(alerts.map((a) => ({ key: a.key, days: a.days, ...iso(a) }))).toEqual([
      { key: "ending-prog-14", days: 14, dueAt: "2027-05-17T03:00:00.000Z", expiresAt: "2027-05-31T18:00:00.000Z" },
      { key: "ending-prog-3", days: 3, dueAt: "2027-05-28T03:00:00.000Z", expiresAt: "2027-05-31T18:00:00.000Z" },
    ]);
  });

  it("09:00 in Vladivostok is the evening before in UTC", () => {
    const [first] = programmeEndAlerts("prog", "2027-05-31", VLAD, S);
    expect(first!.dueAt).toEqual(vlad("2027-05-17T09:00"));
    expect(first!.dueAt.toISOString()).toBe("2027-05-16T23:00:00.000Z");
  });

  it("an alert hour in quiet hours is moved to their end, still before the end", () => {
    const alerts = programmeEndAlerts("prog", "2027-05-31", MSK, settings({ alertHour: 22, endingAlertDays: [1] }));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.dueAt).toEqual(msk("2027-05-31T08:00"));
    expect(isDue(alerts[0]!, msk("2027-05-31T08:00"))).toBe(true);
    expect(programmeEndAlerts("prog", "2027-05-31", MSK, settings({ alertHour: 6 }))[0]!.dueAt).toEqual(msk("2027-05-17T08:00"));
  });

  it("pairs still working end once the last day is over: local midnight after it", () => {
    expect(plannedEndingAt("2027-05-31", VLAD).toISOString()).toBe("2027-05-31T14:00:00.000Z");
    expect(plannedEndingAt("2027-05-31", MSK).toISOString()).toBe("2027-05-31T21:00:00.000Z");
    expect(plannedEndingAt("2026-12-31", OMSK).toISOString()).toBe("2026-12-31T18:00:00.000Z");
  });
});

describe("the final report (002 §6.2: within two weeks after the end)", () => {
  it("is due 14 days after the local day of the ending", () => {
    // 15:00Z on 31 May is already 1 June in Vladivostok, still 31 May in Moscow.
    const endedAt = new Date("2027-05-31T15:00:00Z");
    expect(finalReportDueDate(endedAt, VLAD, S)).toBe("2027-06-15");
    expect(finalReportDueDate(endedAt, MSK, S)).toBe("2027-06-14");
    expect(finalReportDueDate(endedAt, MSK, { finalReportDays: 30 })).toBe("2027-06-30");
  });

  it("the mentee is reminded 10 days after the ending at 10:00; the reminder holds until the last day is over", () => {
    const r = finalReportReminder("pair", msk("2027-06-01T12:00"), MSK, S);
    expect(r.key).toBe("final-report-reminder-pair");
    expect(r.dueAt).toEqual(msk("2027-06-11T10:00"));
    expect(r.expiresAt).toEqual(msk("2027-06-16T00:00"));
  });

  it("a reminder set later than the deadline comes on the last day instead", () => {
    const r = finalReportReminder("pair", msk("2027-06-01T12:00"), MSK, settings({ finalReportReminderDays: 20 }));
    expect(r.dueAt).toEqual(msk("2027-06-15T10:00"));
    expect(r.dueAt.getTime()).toBeLessThan(r.expiresAt.getTime());
  });

  it("not given by its last day: the curator is told the next morning at 09:00, once, for 60 days", () => {
    const endedAt = msk("2027-06-01T12:00");
    const o = finalReportOverdue("pair", endedAt, MSK, S);
    expect(o.key).toBe("final-report-overdue-pair");
    expect(o.dueAt).toEqual(msk("2027-06-16T09:00"));
    expect(o.expiresAt).toEqual(msk("2027-08-15T00:00"));
    // The alert comes only after the mentee's reminder has expired: never while the report is still on time.
    expect(o.dueAt.getTime()).toBeGreaterThanOrEqual(finalReportReminder("pair", endedAt, MSK, S).expiresAt.getTime());
  });
});

describe("the federal statistics form (000 §9: by 20 January)", () => {
  const reminders = federalFormReminders(2027, MSK, S);

  it("is about the year that ended, reminded on 1, 10, 17 and 20 January at 09:00", () => {
    expect(FEDERAL_FORM_DUE_DAY).toBe(20);
    expect(reminders.map((r) => ({ key: r.key, reportYear: r.reportYear, dueDate: r.dueDate, ...iso(r) }))).toEqual([
      { key: "federal-form-2026-01", reportYear: 2026, dueDate: "2027-01-20", dueAt: "2027-01-01T06:00:00.000Z", expiresAt: "2027-01-09T21:00:00.000Z" },
      { key: "federal-form-2026-10", reportYear: 2026, dueDate: "2027-01-20", dueAt: "2027-01-10T06:00:00.000Z", expiresAt: "2027-01-16T21:00:00.000Z" },
      { key: "federal-form-2026-17", reportYear: 2026, dueDate: "2027-01-20", dueAt: "2027-01-17T06:00:00.000Z", expiresAt: "2027-01-19T21:00:00.000Z" },
      { key: "federal-form-2026-20", reportYear: 2026, dueDate: "2027-01-20", dueAt: "2027-01-20T06:00:00.000Z", expiresAt: "2027-01-20T21:00:00.000Z" },
    ]);
  });

  it("at most one of them is due at any hour of January, and none after the 20th", () => {
    for (const tz of [MSK, VLAD]) {
      const list = federalFormReminders(2027, tz, S);
      for (let h = 0; h < 31 * 24; h++) {
        const now = new Date(Date.UTC(2026, 11, 31, 12) + h * 3_600_000);
        const due = list.filter((r) => isDue(r, now));
        expect(due.length, `${tz} ${now.toISOString()}`).toBeLessThanOrEqual(1);
      }
      expect(list.some((r) => isDue(r, new Date(list.at(-1)!.expiresAt.getTime())))).toBe(false);
    }
    // In Vladivostok the last reminder expires at local midnight after the 20th.
    expect(federalFormReminders(2027, VLAD, S).at(-1)!.expiresAt).toEqual(vlad("2027-01-21T00:00"));
  });

  it("a programme counts in a year's form when it ran during any part of that year", () => {
    expect(ranDuring("2026-09-01", "2027-05-31", 2026)).toBe(true);
    expect(ranDuring("2026-09-01", "2027-05-31", 2027)).toBe(true);
    expect(ranDuring("2026-09-01", "2027-05-31", 2025)).toBe(false);
    expect(ranDuring("2026-09-01", "2027-05-31", 2028)).toBe(false);
    expect(ranDuring("2025-09-01", "2026-01-01", 2026)).toBe(true);
    expect(ranDuring("2026-12-31", "2027-02-01", 2026)).toBe(true);
    expect(ranDuring("2025-09-01", "2025-12-31", 2026)).toBe(false);
  });
});

describe("alerts about pairs, mentees and the mutual choice", () => {
  it("a pair silent for 21 days: counted from the local day of the last activity, one key per silence", () => {
    // 20:00Z on 1 March is 02:00 on 2 March in Omsk.
    const a = silentPairAlert("pair", new Date("2026-03-01T20:00:00Z"), OMSK, S);
    expect(a.key).toBe("silent-pair-2026-03-02");
    expect(a.dueAt).toEqual(omsk("2026-03-23T09:00"));
    expect(a.expiresAt).toEqual(omsk("2027-03-23T00:00"));
    // Another activity the same local day: the same silence; a later one: a new silence with its own key.
    expect(silentPairAlert("pair", omsk("2026-03-02T18:00"), OMSK, S).key).toBe(a.key);
    const later = silentPairAlert("pair", omsk("2026-03-10T12:00"), OMSK, S);
    expect(later.key).toBe("silent-pair-2026-03-10");
    expect(later.dueAt).toEqual(omsk("2026-03-31T09:00"));
  });

  it("a mentee without a pair 7 days after matching began, or after joining when that was later", () => {
    const started = msk("2026-09-10T12:00");
    const early = unmatchedMenteeAlert("part", started, msk("2026-09-05T10:00"), MSK, S);
    expect(early.key).toBe("unmatched-part");
    expect(early.dueAt).toEqual(msk("2026-09-17T09:00"));
    expect(unmatchedMenteeAlert("part", started, msk("2026-09-12T23:30"), MSK, S).dueAt).toEqual(msk("2026-09-19T09:00"));
    expect(unmatchedMenteeAlert("part", started, msk("2026-09-05T10:00"), MSK, settings({ unmatchedAfterDays: 1, alertHour: 12 })).dueAt).toEqual(msk("2026-09-11T12:00"));
  });

  it("the mutual-choice survey still open 7 days after the local day it was opened", () => {
    // 15:00Z on 30 September is 01:00 on 1 October in Vladivostok.
    const a = mutualChoiceOpenAlert("round", new Date("2026-09-30T15:00:00Z"), VLAD, S);
    expect(a.key).toBe("mutual-choice-open-round");
    expect(a.dueAt).toEqual(vlad("2026-10-08T09:00"));
    expect(mutualChoiceOpenAlert("round", new Date("2026-09-30T15:00:00Z"), MSK, S).dueAt).toEqual(msk("2026-10-07T09:00"));
  });
});

describe("reminders of the mentee's reports", () => {
  it("the monthly report is asked on the 25th at 10:00 of the local month, until that month is over", () => {
    // 15:00Z on 31 March is already 1 April in Vladivostok.
    const now = new Date("2026-03-31T15:00:00Z");
    const april = monthlyReportReminder("pair", now, VLAD, S);
    expect(april).toMatchObject({ key: "monthly-report-pair-2026-04", month: "2026-04" });
    expect(april.dueAt).toEqual(vlad("2026-04-25T10:00"));
    expect(april.expiresAt).toEqual(vlad("2026-05-01T00:00"));
    expect(isDue(april, now)).toBe(false);
    // In Moscow it is still March: that month's reminder is due (the 25th has passed, the month has not).
    const march = monthlyReportReminder("pair", now, MSK, S);
    expect(march).toMatchObject({ key: "monthly-report-pair-2026-03", month: "2026-03" });
    expect(march.dueAt).toEqual(msk("2026-03-25T10:00"));
    expect(march.expiresAt).toEqual(msk("2026-04-01T00:00"));
    expect(isDue(march, now)).toBe(true);
  });

  it("December's window ends on 1 January of the next year; the day follows the setting", () => {
    const dec = monthlyReportReminder("pair", msk("2026-12-10T12:00"), MSK, settings({ monthlyReportDay: 5, reminderHour: 18 }));
    expect(dec.month).toBe("2026-12");
    expect(dec.dueAt).toEqual(msk("2026-12-05T18:00"));
    expect(dec.expiresAt).toEqual(msk("2027-01-01T00:00"));
  });

  it("the pulse survey 30 days after the pair was confirmed, at 10:00, open for two weeks", () => {
    const p = pulseSurveyInvitation("pair", msk("2026-09-15T19:00"), MSK, S);
    expect(p.key).toBe("pulse-survey-pair");
    expect(p.dueAt).toEqual(msk("2026-10-15T10:00"));
    expect(p.expiresAt).toEqual(msk("2026-10-29T00:00"));
    // Confirmed at 00:30 on 16 September in Vladivostok (14:30Z on the 15th): counted from the local day, not the UTC one.
    expect(pulseSurveyInvitation("pair", new Date("2026-09-15T14:30:00Z"), VLAD, S).dueAt).toEqual(vlad("2026-10-16T10:00"));
  });
});

describe("keys", () => {
  it("are stable and carry no ':' (a recipient's id is appended to them)", () => {
    const id = "0b7e4c8a-5f0e-4a51-9d0c-6d1b2c3e4f50";
    const at = msk("2026-09-15T19:00");
    const keys = [
      ...programmeEndAlerts(id, "2027-05-31", MSK, S).map((o) => o.key),
      finalReportReminder(id, at, MSK, S).key,
      finalReportOverdue(id, at, MSK, S).key,
      ...federalFormReminders(2027, MSK, S).map((o) => o.key),
      silentPairAlert(id, at, MSK, S).key,
      unmatchedMenteeAlert(id, at, at, MSK, S).key,
      mutualChoiceOpenAlert(id, at, MSK, S).key,
      monthlyReportReminder(id, at, MSK, S).key,
      pulseSurveyInvitation(id, at, MSK, S).key,
    ];
    for (const k of keys) expect(k).not.toContain(":");
    expect(new Set(keys).size).toBe(keys.length);
    // The same inputs, the same keys.
    expect(finalReportOverdue(id, new Date(at.getTime() + 60_000), MSK, S).key).toBe(finalReportOverdue(id, at, MSK, S).key);
  });
});

describe("an alert hour inside quiet hours", () => {
  const late = { ...DEFAULT_LIFECYCLE_SETTINGS, alertHour: 22 };

  it("the federal form's deadline-day reminder, moved to the morning after, is still sent once then", () => {
    const zone = "Asia/Omsk";
    const reminders = federalFormReminders(2027, zone, late);
    const last = reminders.at(-1)!;
    // 22:00 on 20 January is quiet: moved to 08:00 on the 21st, when the window of that day has closed.
    expect(last.dueAt).toEqual(zonedTime("2027-01-21", 8, 0, zone));
    expect(isDue(last, zonedTime("2027-01-21", 8, 0, zone))).toBe(true);
    expect(isDue(last, zonedTime("2027-01-21", 7, 59, zone))).toBe(false);
    expect(isDue(last, zonedTime("2027-01-22", 8, 0, zone))).toBe(false);
  });
});
