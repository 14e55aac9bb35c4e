import { describe, expect, it } from "vitest";
import {
  addDays,
  DEFAULT_TIMEZONE,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatIsoDate,
  formatIsoMonth,
  formatTime,
  isTimezone,
  localDate,
  localParts,
  utcDate,
  zonedTime,
} from "../../../src/domain/time.js";

/**
 * Calendar arithmetic in an organisation's zone. Russia has had no daylight saving time since
 * 2014, so today's offsets are fixed: Kaliningrad +2, Moscow +3, Omsk +6, Vladivostok +10,
 * Kamchatka +12. Expectations below are written from those offsets, never from the code's output.
 */

const HOUR = 3_600_000;

describe("time zones", () => {
  it("knows IANA zones and rejects anything else; the default is Moscow", () => {
    for (const tz of ["Europe/Moscow", "Asia/Omsk", "Asia/Vladivostok", "Europe/Kaliningrad", "Asia/Kamchatka", "UTC"]) expect(isTimezone(tz), tz).toBe(true);
    for (const tz of ["Mars/Olympus_Mons", "Moscow", "", "+03:00x"]) expect(isTimezone(tz), tz).toBe(false);
    expect(DEFAULT_TIMEZONE).toBe("Europe/Moscow");
    expect(isTimezone(DEFAULT_TIMEZONE)).toBe(true);
  });
});

describe("localParts", () => {
  it("reads the wall clock of the zone, not of UTC", () => {
    // 2026-03-01T23:30Z: still Sunday 1 March in UTC, already Monday 2 March in Omsk (+6) and Vladivostok (+10).
    const instant = new Date("2026-03-01T23:30:00Z");
    expect(localParts(instant, "Europe/Moscow")).toEqual({ year: 2026, month: 3, day: 2, hour: 2, minute: 30, weekday: 1 });
    expect(localParts(instant, "Asia/Omsk")).toEqual({ year: 2026, month: 3, day: 2, hour: 5, minute: 30, weekday: 1 });
    expect(localParts(instant, "Asia/Vladivostok")).toEqual({ year: 2026, month: 3, day: 2, hour: 9, minute: 30, weekday: 1 });
    expect(localParts(instant, "Europe/Kaliningrad")).toEqual({ year: 2026, month: 3, day: 2, hour: 1, minute: 30, weekday: 1 });
  });

  it("numbers the weekdays Monday = 1 … Sunday = 7 and uses 0–23 hours", () => {
    // 2026-03-02 is a Monday; local midnight in Moscow is 21:00Z the day before.
    const mondayMidnight = new Date("2026-03-01T21:00:00Z");
    const days = Array.from({ length: 7 }, (_, i) => localParts(new Date(mondayMidnight.getTime() + i * 24 * HOUR), "Europe/Moscow"));
    expect(days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days.map((d) => d.hour)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(localParts(new Date("2026-03-01T20:59:00Z"), "Europe/Moscow")).toMatchObject({ day: 1, hour: 23, minute: 59, weekday: 7 });
  });
});

describe("localDate", () => {
  it("turns the date at local midnight, which is a different UTC hour in every zone", () => {
    // Local midnight of 2 March: Vladivostok 14:00Z, Omsk 18:00Z, Moscow 21:00Z of 1 March.
    expect(localDate(new Date("2026-03-01T13:59:00Z"), "Asia/Vladivostok")).toBe("2026-03-01");
    expect(localDate(new Date("2026-03-01T14:00:00Z"), "Asia/Vladivostok")).toBe("2026-03-02");
    expect(localDate(new Date("2026-03-01T17:59:59Z"), "Asia/Omsk")).toBe("2026-03-01");
    expect(localDate(new Date("2026-03-01T18:00:00Z"), "Asia/Omsk")).toBe("2026-03-02");
    expect(localDate(new Date("2026-03-01T20:59:59Z"), "Europe/Moscow")).toBe("2026-03-01");
    expect(localDate(new Date("2026-03-01T21:00:00Z"), "Europe/Moscow")).toBe("2026-03-02");
  });

  it("turns the year in the zone: New Year comes to Kamchatka twelve hours before UTC", () => {
    expect(localDate(new Date("2026-12-31T11:59:00Z"), "Asia/Kamchatka")).toBe("2026-12-31");
    expect(localDate(new Date("2026-12-31T12:00:00Z"), "Asia/Kamchatka")).toBe("2027-01-01");
    expect(localDate(new Date("2026-12-31T12:00:00Z"), "Europe/Moscow")).toBe("2026-12-31");
  });

  it("answers each zone for itself within one minute, and moves on with the next minute", () => {
    // The same minute asked for several zones in turn (the answer is remembered per zone and minute).
    const instant = new Date("2026-03-01T20:30:00Z");
    const zones = ["Asia/Vladivostok", "Europe/Moscow", "Asia/Vladivostok", "Europe/Kaliningrad", "Europe/Moscow"];
    expect(zones.map((tz) => localDate(instant, tz))).toEqual(["2026-03-02", "2026-03-01", "2026-03-02", "2026-03-01", "2026-03-01"]);
    // 20:59:59Z and 21:00:00Z are different minutes: Moscow's date turns between them.
    expect(localDate(new Date("2026-03-01T20:59:59Z"), "Europe/Moscow")).toBe("2026-03-01");
    expect(localDate(new Date("2026-03-01T21:00:00Z"), "Europe/Moscow")).toBe("2026-03-02");
    expect(localDate(new Date("2026-03-01T20:59:30Z"), "Europe/Moscow")).toBe("2026-03-01");
    // A zone whose midnight falls within a UTC hour (India, +5:30): 18:29Z and 18:30Z are different days there.
    expect(localDate(new Date("2026-03-01T18:29:59Z"), "Asia/Kolkata")).toBe("2026-03-01");
    expect(localDate(new Date("2026-03-01T18:30:00Z"), "Asia/Kolkata")).toBe("2026-03-02");
    expect(localDate(new Date("2026-03-01T18:29:00Z"), "Asia/Kolkata")).toBe("2026-03-01");
  });
});

describe("zonedTime", () => {
  it("gives the instant a local date and time stand for", () => {
    expect(zonedTime("2026-03-02", 9, 0, "Europe/Moscow").toISOString()).toBe("2026-03-02T06:00:00.000Z");
    expect(zonedTime("2026-03-02", 9, 0, "Asia/Omsk").toISOString()).toBe("2026-03-02T03:00:00.000Z");
    // Nine in the morning in Vladivostok is still the evening before in UTC.
    expect(zonedTime("2026-03-02", 9, 0, "Asia/Vladivostok").toISOString()).toBe("2026-03-01T23:00:00.000Z");
    expect(zonedTime("2026-03-02", 9, 0, "Europe/Kaliningrad").toISOString()).toBe("2026-03-02T07:00:00.000Z");
    expect(zonedTime("2026-03-02", 23, 45, "Europe/Kaliningrad").toISOString()).toBe("2026-03-02T21:45:00.000Z");
  });

  it("crosses month and year boundaries backwards into UTC", () => {
    expect(zonedTime("2027-01-01", 0, 0, "Asia/Vladivostok").toISOString()).toBe("2026-12-31T14:00:00.000Z");
    expect(zonedTime("2026-03-01", 0, 30, "Asia/Kamchatka").toISOString()).toBe("2026-02-28T12:30:00.000Z");
    expect(zonedTime("2028-03-01", 5, 0, "Asia/Omsk").toISOString()).toBe("2028-02-29T23:00:00.000Z");
  });

  it("has the same offset all year round in today's Russian zones (no daylight saving)", () => {
    for (const [tz, offset] of [["Europe/Moscow", 3], ["Asia/Omsk", 6], ["Asia/Vladivostok", 10]] as const) {
      for (const date of ["2026-01-15", "2026-03-29", "2026-06-15", "2026-10-25", "2026-12-15"]) {
        expect(zonedTime(date, 12, 0, tz).getTime(), `${tz} ${date}`).toBe(Date.parse(`${date}T12:00:00Z`) - offset * HOUR);
      }
    }
  });

  it("uses the offset in force on that date, also a historical one", () => {
    // Moscow was +4 in summer 2010 (daylight saving), +4 all year from 2011 and +3 since 26 October 2014.
    expect(zonedTime("2010-07-01", 12, 0, "Europe/Moscow").toISOString()).toBe("2010-07-01T08:00:00.000Z");
    expect(zonedTime("2010-01-15", 12, 0, "Europe/Moscow").toISOString()).toBe("2010-01-15T09:00:00.000Z");
    expect(zonedTime("2014-01-15", 12, 0, "Europe/Moscow").toISOString()).toBe("2014-01-15T08:00:00.000Z");
    expect(zonedTime("2015-01-15", 12, 0, "Europe/Moscow").toISOString()).toBe("2015-01-15T09:00:00.000Z");
  });

  it("is the inverse of localParts for every hour of a day", () => {
    for (const tz of ["Europe/Kaliningrad", "Europe/Moscow", "Asia/Omsk", "Asia/Vladivostok", "Asia/Kamchatka"]) {
      for (let hour = 0; hour < 24; hour++) {
        const p = localParts(zonedTime("2026-11-30", hour, 15, tz), tz);
        expect({ ...p, weekday: undefined }, `${tz} ${hour}`).toEqual({ year: 2026, month: 11, day: 30, hour, minute: 15, weekday: undefined });
        expect(p.weekday).toBe(1); // 30 November 2026 is a Monday
      }
    }
  });
});

describe("dates as text: one formatter per format", () => {
  // 2026-03-01T21:05Z: 1 March in UTC, 2 March in Moscow (+3) and Vladivostok (+10), still 1 March in Kaliningrad (+2).
  const instant = new Date("2026-03-01T21:05:00Z");

  it("shows an instant in the organisation's zone, with leading zeros", () => {
    expect(formatDate(instant, "Europe/Moscow")).toBe("02.03.2026");
    expect(formatDate(instant, "Europe/Kaliningrad")).toBe("01.03.2026");
    expect(formatTime(instant, "Europe/Moscow")).toBe("00:05");
    expect(formatTime(instant, "Asia/Vladivostok")).toBe("07:05");
    expect(formatDateTime(instant, "Europe/Moscow")).toBe("02.03.2026 00:05");
    expect(formatDateTime(instant, "Europe/Kaliningrad")).toBe("01.03.2026 23:05");
    expect(formatDayMonth(instant, "Europe/Moscow")).toBe("02.03");
    expect(localDate(instant, "Europe/Moscow")).toBe("2026-03-02");
  });

  it("shows calendar dates and months as they are, with no zone", () => {
    expect(formatIsoDate("2026-01-20")).toBe("20.01.2026");
    expect(formatIsoMonth("2026-03")).toBe("03.2026");
    // A Postgres DATE is read as UTC midnight: its day is the UTC one, whatever the zone.
    expect(utcDate(new Date("2026-12-31T00:00:00Z"))).toBe("2026-12-31");
    expect(utcDate(instant)).toBe("2026-03-01");
  });

  it("adds days across months, years and 29 February", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-10", -7)).toBe("2026-03-03");
  });
});
