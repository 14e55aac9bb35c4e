import { describe, expect, it } from "vitest";
import { DEFAULT_LIFECYCLE_SETTINGS, DEFAULT_QUIET_HOURS, lifecycleSettings, parseClock, relays } from "../../../src/domain/lifecycle-settings.js";

/**
 * A programme's schedule from `Programme.settings.lifecycle`: every value has a default, and a
 * malformed value falls back to its default (that value alone) instead of stopping the scheduler.
 */

const withLifecycle = (lifecycle: Record<string, unknown>) => lifecycleSettings({ lifecycle });

describe("parseClock", () => {
  it("reads HH:MM (or HH.MM) as minutes after midnight", () => {
    expect(parseClock("21:00")).toBe(21 * 60);
    expect(parseClock("08:00")).toBe(8 * 60);
    expect(parseClock("8:00")).toBe(8 * 60);
    expect(parseClock("08.30")).toBe(8 * 60 + 30);
    expect(parseClock(" 07:05 ")).toBe(7 * 60 + 5);
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("23:59")).toBe(23 * 60 + 59);
  });

  it("is null for anything that is not a time of day", () => {
    for (const text of ["24:00", "12:60", "9", "9:5", "123:00", "ab:cd", "", "21:00:00", "-1:00", "21-00"]) expect(parseClock(text), text).toBeNull();
  });
});

describe("the relay setting", () => {
  it("relays pairs with a minor by default; on relays every pair, off none; anything else is the default", () => {
    expect(lifecycleSettings({}).relay).toBe("minors");
    expect(relays(lifecycleSettings({}).relay, true)).toBe(true);
    expect(relays(lifecycleSettings({}).relay, false)).toBe(false);
    expect(relays(withLifecycle({ relay: "on" }).relay, false)).toBe(true);
    expect(relays(withLifecycle({ relay: "off" }).relay, true)).toBe(false);
    expect(withLifecycle({ relay: "sometimes" }).relay).toBe("minors");
    expect(withLifecycle({ relay: true }).relay).toBe("minors");
  });
});

describe("lifecycleSettings", () => {
  it("the example of the documentation is exactly the defaults", () => {
    const documented = {
      reminderHoursBefore: [24, 1],
      quietHours: { start: "21:00", end: "08:00" },
      outcomeQuestionHoursAfter: 2,
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
    expect(withLifecycle(documented)).toEqual(DEFAULT_LIFECYCLE_SETTINGS);
    expect(DEFAULT_LIFECYCLE_SETTINGS.reminderOffsetsMinutes).toEqual([24 * 60, 60]);
    expect(DEFAULT_QUIET_HOURS).toEqual({ start: 21 * 60, end: 8 * 60 });
    // The final report is due two weeks after the end (002 §6.2).
    expect(DEFAULT_LIFECYCLE_SETTINGS.finalReportDays).toBe(14);
  });

  it("nothing set, or settings that are not an object: every default", () => {
    for (const settings of [undefined, null, {}, "lifecycle", 42, [], { lifecycle: null }, { lifecycle: "soon" }, { lifecycle: [1, 2] }, { other: { alertHour: 3 } }]) {
      expect(lifecycleSettings(settings), JSON.stringify(settings)).toEqual(DEFAULT_LIFECYCLE_SETTINGS);
    }
  });

  it("a malformed value falls back to its own default and leaves the others as set", () => {
    const s = withLifecycle({ alertHour: 99, reminderHour: 11, silentPairDays: "three weeks", feedbackAlertDays: 4 });
    expect(s).toEqual({ ...DEFAULT_LIFECYCLE_SETTINGS, reminderHour: 11, feedbackAlertDays: 4 });
  });

  describe("reminders before a meeting", () => {
    it("hours become minutes, largest first, each once", () => {
      expect(withLifecycle({ reminderHoursBefore: [1, 24] }).reminderOffsetsMinutes).toEqual([1440, 60]);
      expect(withLifecycle({ reminderHoursBefore: [0.5, 1, 1, 48] }).reminderOffsetsMinutes).toEqual([2880, 60, 30]);
      expect(withLifecycle({ reminderHoursBefore: [1.25] }).reminderOffsetsMinutes).toEqual([75]);
    });

    it("an empty list means no reminders", () => {
      expect(withLifecycle({ reminderHoursBefore: [] }).reminderOffsetsMinutes).toEqual([]);
    });

    it("zero, negative, more than two weeks, more than five or not numbers: the default", () => {
      for (const bad of [[0], [-1], [24 * 14 + 1], [1, 2, 3, 4, 5, 6], ["24"], 24, "24,1", null, { 0: 24 }]) {
        expect(withLifecycle({ reminderHoursBefore: bad }).reminderOffsetsMinutes, JSON.stringify(bad)).toEqual([1440, 60]);
      }
      expect(withLifecycle({ reminderHoursBefore: [24 * 14] }).reminderOffsetsMinutes).toEqual([24 * 14 * 60]);
    });
  });

  describe("quiet hours", () => {
    it("are read as clock times, across midnight or within a day", () => {
      expect(withLifecycle({ quietHours: { start: "22:30", end: "07:00" } }).quietHours).toEqual({ start: 22 * 60 + 30, end: 7 * 60 });
      expect(withLifecycle({ quietHours: { start: "13:00", end: "15.00" } }).quietHours).toEqual({ start: 13 * 60, end: 15 * 60 });
    });

    it("null turns them off", () => {
      expect(withLifecycle({ quietHours: null }).quietHours).toBeNull();
    });

    it("an impossible time, an empty window or a missing end keeps the default", () => {
      for (const bad of [{ start: "25:00", end: "08:00" }, { start: "08:00", end: "08:00" }, { start: "21:00" }, { start: 1260, end: 480 }, "21:00-08:00", true]) {
        expect(withLifecycle({ quietHours: bad }).quietHours, JSON.stringify(bad)).toEqual({ start: 1260, end: 480 });
      }
    });
  });

  describe("durations and days", () => {
    it("the outcome question: hours after the start, in minutes; 0 to 48", () => {
      expect(withLifecycle({ outcomeQuestionHoursAfter: 1.5 }).outcomeQuestionAfterMinutes).toBe(90);
      expect(withLifecycle({ outcomeQuestionHoursAfter: 0 }).outcomeQuestionAfterMinutes).toBe(0);
      expect(withLifecycle({ outcomeQuestionHoursAfter: 48 }).outcomeQuestionAfterMinutes).toBe(48 * 60);
      for (const bad of [-1, 49, "2", null]) expect(withLifecycle({ outcomeQuestionHoursAfter: bad }).outcomeQuestionAfterMinutes, String(bad)).toBe(120);
    });

    it("whole days within their bounds; anything else the default", () => {
      const cases: [string, number, unknown[], number[]][] = [
        // field, default, rejected, accepted
        ["feedbackReminderDays", 2, [0, -2, 31, 1.5, "2"], [1, 30]],
        ["feedbackAlertDays", 5, [0, 61, 2.5], [1, 60]],
        ["silentPairDays", 21, [0, 366], [1, 365]],
        ["pulseSurveyDays", 30, [0, 366], [1, 365]],
        ["finalReportDays", 14, [0, 91], [1, 90]],
        ["finalReportReminderDays", 10, [0, 91], [1, 90]],
        ["unmatchedAfterDays", 7, [0, 366, Number.NaN], [1, 365]],
        ["mutualChoiceOpenDays", 7, [0, 366, Infinity], [1, 365]],
      ];
      for (const [field, fallback, rejected, accepted] of cases) {
        for (const v of rejected) expect((withLifecycle({ [field]: v }) as any)[field], `${field}=${String(v)}`).toBe(fallback);
        for (const v of accepted) expect((withLifecycle({ [field]: v }) as any)[field], `${field}=${v}`).toBe(v);
      }
    });

    it("the monthly report day exists in every month: 1 to 28", () => {
      expect(withLifecycle({ monthlyReportDay: 1 }).monthlyReportDay).toBe(1);
      expect(withLifecycle({ monthlyReportDay: 28 }).monthlyReportDay).toBe(28);
      for (const bad of [0, 29, 31, 10.5]) expect(withLifecycle({ monthlyReportDay: bad }).monthlyReportDay, String(bad)).toBe(25);
    });

    it("the ending alerts: days before the end, largest first, each once, at most five", () => {
      expect(withLifecycle({ endingAlertDays: [3, 14, 3, 30] }).endingAlertDays).toEqual([30, 14, 3]);
      expect(withLifecycle({ endingAlertDays: [] }).endingAlertDays).toEqual([]);
      for (const bad of [[0], [1, 2, 3, 4, 5, 6], [366], ["14"], 14]) expect(withLifecycle({ endingAlertDays: bad }).endingAlertDays, JSON.stringify(bad)).toEqual([14, 3]);
    });
  });

  describe("hours of the day", () => {
    it("alerts and reminders at a whole local hour, 0 to 23", () => {
      expect(withLifecycle({ alertHour: 0, reminderHour: 23 })).toMatchObject({ alertHour: 0, reminderHour: 23 });
      for (const bad of [24, -1, 9.5, "7", null]) {
        expect(withLifecycle({ alertHour: bad, reminderHour: bad }), String(bad)).toMatchObject({ alertHour: 9, reminderHour: 10 });
      }
    });
  });
});
