import { describe, expect, it } from "vitest";
import { DEFAULT_LIFECYCLE_SETTINGS, DEFAULT_QUIET_HOURS } from "../../../src/domain/lifecycle-settings.js";
import { AFTER_MEETING_WINDOW_MS, afterMeeting, dueMeetingReminder, reminderHorizonMs, reminderMoment, type MeetingTimes } from "../../../src/domain/reminders.js";

/**
 * The messages about one meeting, from its times and `now` in the organisation's zone: reminders
 * 24 h and 1 h before (by default), never in quiet hours (21:00–08:00), moved forward out of them
 * or — when that would be too late — back to the evening before; of several due at once only the
 * latest goes out; none that fell due before the meeting was confirmed. After the meeting: "did it
 * happen?" 2 h after its start, the feedback reminder after 2 days, the curator's alert after 5.
 */

const MSK = "Europe/Moscow";
const VLAD = "Asia/Vladivostok";
const OMSK = "Asia/Omsk";
const OFFSETS = DEFAULT_LIFECYCLE_SETTINGS.reminderOffsetsMinutes; // [1440, 60]
const Q = DEFAULT_QUIET_HOURS;
const msk = (wall: string) => new Date(`${wall}:00+03:00`);
const vlad = (wall: string) => new Date(`${wall}:00+10:00`);

const meeting = (startsAt: Date, confirmedAt: Date | null): MeetingTimes => ({ startsAt, confirmedAt });

describe("reminderMoment", () => {
  it("is the offset before the meeting when that is outside quiet hours", () => {
    const m = meeting(msk("2026-03-03T15:00"), msk("2026-03-01T10:00"));
    expect(reminderMoment(m, 24 * 60, MSK, Q)).toEqual(msk("2026-03-02T15:00"));
    expect(reminderMoment(m, 60, MSK, Q)).toEqual(msk("2026-03-03T14:00"));
    expect(reminderMoment(m, 90, MSK, Q)).toEqual(msk("2026-03-03T13:30"));
  });

  it("a reminder falling in the night waits for 08:00 when the meeting is later", () => {
    const m = meeting(msk("2026-03-03T08:30"), msk("2026-03-01T10:00"));
    expect(reminderMoment(m, 60, MSK, Q)).toEqual(msk("2026-03-03T08:00"));
  });

  it("a meeting at 08:00 sharp: the hour-before reminder goes the evening before, at 20:59", () => {
    const m = meeting(msk("2026-03-03T08:00"), msk("2026-03-01T10:00"));
    expect(reminderMoment(m, 60, MSK, Q)).toEqual(msk("2026-03-02T20:59"));
    expect(reminderMoment(m, 24 * 60, MSK, Q)).toEqual(msk("2026-03-02T08:00"));
  });

  it("moved back to before the meeting was confirmed is no reminder at all", () => {
    // Confirmed at 22:00 for 08:00 the next morning: 07:00 is quiet, 08:00 is too late, 20:59 was before it was confirmed.
    const m = meeting(msk("2026-03-03T08:00"), msk("2026-03-02T22:00"));
    expect(reminderMoment(m, 60, MSK, Q)).toBeNull();
  });

  it("is computed in the organisation's zone (Vladivostok, +10)", () => {
    // 09:00 in Vladivostok on 3 March is 23:00Z on 2 March.
    const m = meeting(new Date("2026-03-02T23:00:00Z"), new Date("2026-02-27T00:00:00Z"));
    expect(reminderMoment(m, 60, VLAD, Q)!.toISOString()).toBe("2026-03-02T22:00:00.000Z");
    // The same instants read in Moscow: the meeting at 02:00 on 3 March, its reminder at 01:00 is quiet, 08:00 is too late → 20:59 on 2 March.
    expect(reminderMoment(m, 60, MSK, Q)).toEqual(msk("2026-03-02T20:59"));
  });

  it("without quiet hours, exactly the offset before", () => {
    const m = meeting(msk("2026-03-03T06:00"), msk("2026-03-01T10:00"));
    expect(reminderMoment(m, 60, MSK, null)).toEqual(msk("2026-03-03T05:00"));
  });
});

describe("dueMeetingReminder", () => {
  const m = meeting(msk("2026-03-03T15:00"), msk("2026-03-01T10:00"));

  it("nothing before the first reminder's moment; from it on, that reminder", () => {
    expect(dueMeetingReminder(m, msk("2026-03-02T14:59"), OFFSETS, MSK, Q)).toBeNull();
    expect(dueMeetingReminder(m, msk("2026-03-02T15:00"), OFFSETS, MSK, Q)).toEqual({ offsetMinutes: 1440, dueAt: msk("2026-03-02T15:00") });
    expect(dueMeetingReminder(m, msk("2026-03-03T13:59"), OFFSETS, MSK, Q)).toEqual({ offsetMinutes: 1440, dueAt: msk("2026-03-02T15:00") });
  });

  it("of several due at once only the latest goes out", () => {
    // The service was down from before the 24-hour reminder until after the one-hour one.
    expect(dueMeetingReminder(m, msk("2026-03-03T14:30"), OFFSETS, MSK, Q)).toEqual({ offsetMinutes: 60, dueAt: msk("2026-03-03T14:00") });
    // Order of the offsets does not matter.
    expect(dueMeetingReminder(m, msk("2026-03-03T14:30"), [60, 1440, 180], MSK, Q)).toEqual({ offsetMinutes: 60, dueAt: msk("2026-03-03T14:00") });
    expect(dueMeetingReminder(m, msk("2026-03-03T12:30"), [60, 1440, 180], MSK, Q)).toEqual({ offsetMinutes: 180, dueAt: msk("2026-03-03T12:00") });
  });

  it("nothing once the meeting has begun, nor for a meeting only proposed", () => {
    expect(dueMeetingReminder(m, msk("2026-03-03T15:00"), OFFSETS, MSK, Q)).toBeNull();
    expect(dueMeetingReminder(m, msk("2026-03-03T16:00"), OFFSETS, MSK, Q)).toBeNull();
    expect(dueMeetingReminder(meeting(m.startsAt, null), msk("2026-03-03T14:30"), OFFSETS, MSK, Q)).toBeNull();
  });

  it("reminders that were due before the meeting was confirmed are not sent", () => {
    const late = meeting(msk("2026-03-03T15:00"), msk("2026-03-03T10:00"));
    expect(dueMeetingReminder(late, msk("2026-03-03T12:00"), OFFSETS, MSK, Q)).toBeNull();
    expect(dueMeetingReminder(late, msk("2026-03-03T14:00"), OFFSETS, MSK, Q)).toEqual({ offsetMinutes: 60, dueAt: msk("2026-03-03T14:00") });
  });

  it("a late reminder still never goes out in quiet hours", () => {
    const morning = meeting(msk("2026-03-03T10:00"), msk("2026-03-01T10:00"));
    // The 24-hour reminder was due at 10:00 on 2 March; asked at 23:00 it waits …
    expect(dueMeetingReminder(morning, msk("2026-03-02T23:00"), OFFSETS, MSK, Q)).toBeNull();
    expect(dueMeetingReminder(morning, msk("2026-03-03T07:59"), OFFSETS, MSK, Q)).toBeNull();
    // … and at 08:00 the one-hour reminder is not due yet (09:00), so the 24-hour one goes.
    expect(dueMeetingReminder(morning, msk("2026-03-03T08:00"), OFFSETS, MSK, Q)).toEqual({ offsetMinutes: 1440, dueAt: msk("2026-03-02T10:00") });
  });

  it("a meeting at 08:00: the hour-before reminder, moved to 20:59, supersedes the 24-hour one", () => {
    const early = meeting(msk("2026-03-03T08:00"), msk("2026-03-01T10:00"));
    expect(dueMeetingReminder(early, msk("2026-03-02T20:58"), OFFSETS, MSK, Q)).toEqual({ offsetMinutes: 1440, dueAt: msk("2026-03-02T08:00") });
    expect(dueMeetingReminder(early, msk("2026-03-02T20:59"), OFFSETS, MSK, Q)).toEqual({ offsetMinutes: 60, dueAt: msk("2026-03-02T20:59") });
    expect(dueMeetingReminder(early, msk("2026-03-02T21:00"), OFFSETS, MSK, Q)).toBeNull();
    expect(dueMeetingReminder(early, msk("2026-03-03T07:59"), OFFSETS, MSK, Q)).toBeNull();
  });

  it("in Vladivostok a meeting at 09:00 local gets its reminder at 08:00 local", () => {
    const v = meeting(vlad("2026-03-03T09:00"), vlad("2026-02-27T12:00"));
    expect(dueMeetingReminder(v, new Date("2026-03-02T05:00:00Z"), OFFSETS, VLAD, Q)).toEqual({ offsetMinutes: 1440, dueAt: vlad("2026-03-02T09:00") });
    // 21:59Z is 07:59 in Vladivostok: quiet, nothing goes out though the 24-hour reminder is due.
    expect(dueMeetingReminder(v, new Date("2026-03-02T21:59:00Z"), OFFSETS, VLAD, Q)).toBeNull();
    expect(dueMeetingReminder(v, new Date("2026-03-02T22:00:00Z"), OFFSETS, VLAD, Q)).toEqual({ offsetMinutes: 60, dueAt: vlad("2026-03-03T08:00") });
  });

  it("no offsets, no reminders", () => {
    expect(dueMeetingReminder(m, msk("2026-03-03T14:30"), [], MSK, Q)).toBeNull();
  });
});

describe("reminderHorizonMs", () => {
  it("looks a day beyond the earliest reminder", () => {
    expect(reminderHorizonMs([24 * 60, 60])).toBe(2 * 86_400_000);
    expect(reminderHorizonMs([60, 3 * 24 * 60])).toBe(4 * 86_400_000);
    expect(reminderHorizonMs([])).toBe(86_400_000);
  });
});

describe("afterMeeting", () => {
  const s = DEFAULT_LIFECYCLE_SETTINGS;

  it("asks 2 h after the start, reminds after 2 days, tells the curator after 5", () => {
    const after = afterMeeting(msk("2026-03-03T15:00"), s, MSK, Q);
    expect(after).toEqual({ outcomeQuestionAt: msk("2026-03-03T17:00"), feedbackReminderAt: msk("2026-03-05T15:00"), feedbackAlertAt: msk("2026-03-08T15:00") });
  });

  it("what falls in quiet hours waits for the morning", () => {
    const after = afterMeeting(msk("2026-03-03T19:30"), s, MSK, Q);
    expect(after.outcomeQuestionAt).toEqual(msk("2026-03-04T08:00"));
    expect(after.feedbackReminderAt).toEqual(msk("2026-03-05T19:30"));
    const night = afterMeeting(msk("2026-03-03T22:00"), s, MSK, Q);
    expect(night).toEqual({ outcomeQuestionAt: msk("2026-03-04T08:00"), feedbackReminderAt: msk("2026-03-06T08:00"), feedbackAlertAt: msk("2026-03-09T08:00") });
  });

  it("follows the programme's settings and zone", () => {
    const custom = { outcomeQuestionAfterMinutes: 30, feedbackReminderDays: 1, feedbackAlertDays: 3 };
    // 18:00 in Omsk (+6) is 12:00Z.
    const after = afterMeeting(new Date("2026-03-03T12:00:00Z"), custom, OMSK, Q);
    expect(after.outcomeQuestionAt.toISOString()).toBe("2026-03-03T12:30:00.000Z");
    expect(after.feedbackReminderAt.toISOString()).toBe("2026-03-04T12:00:00.000Z");
    expect(after.feedbackAlertAt.toISOString()).toBe("2026-03-06T12:00:00.000Z");
    // Without quiet hours nothing is moved.
    expect(afterMeeting(msk("2026-03-03T20:00"), s, MSK, null).outcomeQuestionAt).toEqual(msk("2026-03-03T22:00"));
  });

  it("asks about meetings of the last 30 days", () => {
    expect(AFTER_MEETING_WINDOW_MS).toBe(30 * 86_400_000);
  });
});
