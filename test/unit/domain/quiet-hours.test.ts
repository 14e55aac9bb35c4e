import { describe, expect, it } from "vitest";
import { DEFAULT_QUIET_HOURS, type QuietHours } from "../../../src/domain/lifecycle-settings.js";
import { isQuiet, localMoment, minuteOfDay, outOfQuiet, quietStartOf, sendableBefore } from "../../../src/domain/quiet-hours.js";
import { addDays } from "../../../src/domain/time.js";

/**
 * Quiet hours are in the recipient's local time (default 21:00–08:00, start inclusive, end
 * exclusive): nothing the bot sends on its own goes out then; a message due in them is moved to
 * their end, never dropped. Zones: Moscow +3, Omsk +6, Vladivostok +10 (no daylight saving).
 */

const MSK = "Europe/Moscow";
const OMSK = "Asia/Omsk";
const VLAD = "Asia/Vladivostok";
const at = (iso: string) => new Date(iso);
/** A local wall-clock time written with its fixed offset, e.g. local("2026-03-02T07:59", "+03:00"). */
const local = (wall: string, offset: string) => new Date(`${wall}:00${offset}`);

describe("addDays", () => {
  it("is calendar arithmetic: months, leap years, years, backwards", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-01-10", -10)).toBe("2025-12-31");
    expect(addDays("2026-05-31", 14)).toBe("2026-06-14");
    expect(addDays("2026-05-31", 0)).toBe("2026-05-31");
  });
});

describe("minuteOfDay", () => {
  it("counts minutes after local midnight", () => {
    expect(minuteOfDay(at("2026-03-01T14:59:00Z"), OMSK)).toBe(20 * 60 + 59);
    expect(minuteOfDay(at("2026-03-01T14:00:00Z"), VLAD)).toBe(0);
    expect(minuteOfDay(at("2026-03-01T20:59:59Z"), MSK)).toBe(23 * 60 + 59);
  });
});

describe("isQuiet", () => {
  it("default 21:00–08:00 across midnight: 21:00 is quiet, 08:00 is not", () => {
    const cases: [string, boolean][] = [
      ["2026-03-02T20:59", false],
      ["2026-03-02T21:00", true],
      ["2026-03-02T23:59", true],
      ["2026-03-03T00:00", true],
      ["2026-03-03T03:30", true],
      ["2026-03-03T07:59", true],
      ["2026-03-03T08:00", false],
      ["2026-03-03T12:00", false],
    ];
    for (const [wall, quiet] of cases) {
      expect(isQuiet(local(wall, "+03:00"), MSK, DEFAULT_QUIET_HOURS), `Moscow ${wall}`).toBe(quiet);
      expect(isQuiet(local(wall, "+10:00"), VLAD, DEFAULT_QUIET_HOURS), `Vladivostok ${wall}`).toBe(quiet);
      expect(isQuiet(local(wall, "+06:00"), OMSK, DEFAULT_QUIET_HOURS), `Omsk ${wall}`).toBe(quiet);
    }
  });

  it("is judged by the recipient's clock: one instant is quiet in Vladivostok and not in Moscow", () => {
    const instant = at("2026-03-02T12:00:00Z"); // 15:00 in Moscow, 22:00 in Vladivostok
    expect(isQuiet(instant, MSK, DEFAULT_QUIET_HOURS)).toBe(false);
    expect(isQuiet(instant, VLAD, DEFAULT_QUIET_HOURS)).toBe(true);
    const early = at("2026-03-02T01:30:00Z"); // 04:30 in Moscow, 11:30 in Vladivostok
    expect(isQuiet(early, MSK, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(early, VLAD, DEFAULT_QUIET_HOURS)).toBe(false);
  });

  it("a window within one day (13:00–15:00 nap time) does not wrap round", () => {
    const nap: QuietHours = { start: 13 * 60, end: 15 * 60 };
    expect(isQuiet(local("2026-03-02T12:59", "+03:00"), MSK, nap)).toBe(false);
    expect(isQuiet(local("2026-03-02T13:00", "+03:00"), MSK, nap)).toBe(true);
    expect(isQuiet(local("2026-03-02T14:59", "+03:00"), MSK, nap)).toBe(true);
    expect(isQuiet(local("2026-03-02T15:00", "+03:00"), MSK, nap)).toBe(false);
    expect(isQuiet(local("2026-03-02T23:00", "+03:00"), MSK, nap)).toBe(false);
    expect(isQuiet(local("2026-03-02T03:00", "+03:00"), MSK, nap)).toBe(false);
  });

  it("no quiet hours (null, or start equal to end) is never quiet", () => {
    expect(isQuiet(local("2026-03-02T03:00", "+03:00"), MSK, null)).toBe(false);
    expect(isQuiet(local("2026-03-02T03:00", "+03:00"), MSK, { start: 180, end: 180 })).toBe(false);
  });
});

describe("outOfQuiet", () => {
  it("moves the evening part to tomorrow's end and the night part to today's end", () => {
    expect(outOfQuiet(local("2026-03-02T21:00", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-03T08:00", "+03:00"));
    expect(outOfQuiet(local("2026-03-02T23:30", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-03T08:00", "+03:00"));
    expect(outOfQuiet(local("2026-03-03T00:00", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-03T08:00", "+03:00"));
    expect(outOfQuiet(local("2026-03-03T07:59", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-03T08:00", "+03:00"));
  });

  it("across the end of a month and a year", () => {
    expect(outOfQuiet(local("2026-02-28T22:00", "+06:00"), OMSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-01T08:00", "+06:00"));
    expect(outOfQuiet(local("2026-12-31T23:59", "+06:00"), OMSK, DEFAULT_QUIET_HOURS)).toEqual(local("2027-01-01T08:00", "+06:00"));
  });

  it("uses the local date in Vladivostok, where the night is the previous UTC day", () => {
    // 02:00 on 2 March in Vladivostok is 16:00Z on 1 March; the end is 08:00 on 2 March local = 22:00Z on 1 March.
    expect(outOfQuiet(at("2026-03-01T16:00:00Z"), VLAD, DEFAULT_QUIET_HOURS).toISOString()).toBe("2026-03-01T22:00:00.000Z");
    // 21:00 on 1 March local = 11:00Z; the end is the next local morning, 22:00Z the same UTC day.
    expect(outOfQuiet(at("2026-03-01T11:00:00Z"), VLAD, DEFAULT_QUIET_HOURS).toISOString()).toBe("2026-03-01T22:00:00.000Z");
  });

  it("leaves a moment outside quiet hours as it is, seconds included", () => {
    const t = at("2026-03-02T10:15:42.123Z"); // 13:15 in Moscow
    expect(outOfQuiet(t, MSK, DEFAULT_QUIET_HOURS)).toBe(t);
    expect(outOfQuiet(local("2026-03-02T08:00", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-02T08:00", "+03:00"));
    expect(outOfQuiet(local("2026-03-02T23:00", "+03:00"), MSK, null)).toEqual(local("2026-03-02T23:00", "+03:00"));
  });

  it("ends exactly at the end minute, dropping the seconds of the moment moved", () => {
    const q: QuietHours = { start: 22 * 60 + 30, end: 7 * 60 + 15 };
    expect(outOfQuiet(at("2026-03-02T20:10:37Z"), MSK, q)).toEqual(local("2026-03-03T07:15", "+03:00"));
    const nap: QuietHours = { start: 13 * 60, end: 15 * 60 };
    expect(outOfQuiet(local("2026-03-02T14:00", "+03:00"), MSK, nap)).toEqual(local("2026-03-02T15:00", "+03:00"));
  });

  it("what it returns is never quiet", () => {
    for (let m = 0; m < 24 * 60; m += 7) {
      const t = new Date(local("2026-03-02T00:00", "+10:00").getTime() + m * 60_000);
      const out = outOfQuiet(t, VLAD, DEFAULT_QUIET_HOURS);
      expect(isQuiet(out, VLAD, DEFAULT_QUIET_HOURS)).toBe(false);
      expect(out.getTime()).toBeGreaterThanOrEqual(t.getTime() - 60_000);
      expect(out.getTime() - t.getTime()).toBeLessThanOrEqual(11 * 3_600_000);
    }
  });
});

describe("quietStartOf", () => {
  it("the night part began yesterday evening, the evening part today", () => {
    expect(quietStartOf(local("2026-03-03T02:00", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-02T21:00", "+03:00"));
    expect(quietStartOf(local("2026-03-02T22:00", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-02T21:00", "+03:00"));
    expect(quietStartOf(local("2026-03-01T07:00", "+10:00"), VLAD, DEFAULT_QUIET_HOURS)).toEqual(local("2026-02-28T21:00", "+10:00"));
  });

  it("leaves a moment outside quiet hours as it is", () => {
    const t = local("2026-03-02T12:00", "+03:00");
    expect(quietStartOf(t, MSK, DEFAULT_QUIET_HOURS)).toBe(t);
    expect(quietStartOf(t, MSK, null)).toBe(t);
  });
});

describe("sendableBefore", () => {
  it("outside quiet hours: the nominal moment itself", () => {
    const nominal = local("2026-03-02T14:00", "+03:00");
    expect(sendableBefore(nominal, local("2026-03-02T15:00", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(nominal);
    expect(sendableBefore(local("2026-03-02T23:00", "+03:00"), local("2026-03-03T00:00", "+03:00"), MSK, null)).toEqual(local("2026-03-02T23:00", "+03:00"));
  });

  it("in quiet hours: moved forward to their end when that is still before the deadline", () => {
    expect(sendableBefore(local("2026-03-03T07:00", "+03:00"), local("2026-03-03T08:30", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-03T08:00", "+03:00"));
  });

  it("when the end of quiet hours is too late (not strictly before the deadline): the last minute before they began", () => {
    // A meeting at 08:00 sharp: its reminder at 07:00 cannot wait till 08:00, so it goes at 20:59 the evening before.
    expect(sendableBefore(local("2026-03-03T07:00", "+03:00"), local("2026-03-03T08:00", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-02T20:59", "+03:00"));
    expect(sendableBefore(local("2026-03-03T07:00", "+10:00"), local("2026-03-03T07:30", "+10:00"), VLAD, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-02T20:59", "+10:00"));
  });

  it("moved back, but not before `notBefore` (the meeting was confirmed in the quiet hours): none", () => {
    const nominal = local("2026-03-03T07:00", "+03:00");
    const deadline = local("2026-03-03T08:00", "+03:00");
    expect(sendableBefore(nominal, deadline, MSK, DEFAULT_QUIET_HOURS, local("2026-03-02T20:00", "+03:00"))).toEqual(local("2026-03-02T20:59", "+03:00"));
    expect(sendableBefore(nominal, deadline, MSK, DEFAULT_QUIET_HOURS, local("2026-03-02T22:00", "+03:00"))).toBeNull();
  });

  it("never a moment at or after the deadline", () => {
    // Nominally 21:10 with a deadline at 21:05 (both in quiet hours): 08:00 is too late, 20:59 is before the deadline.
    const out = sendableBefore(local("2026-03-02T21:10", "+03:00"), local("2026-03-02T21:05", "+03:00"), MSK, DEFAULT_QUIET_HOURS);
    expect(out).toEqual(local("2026-03-02T20:59", "+03:00"));
    // The deadline lies before the quiet hours began: neither way reaches it in time.
    expect(sendableBefore(local("2026-03-03T02:00", "+03:00"), local("2026-03-02T20:00", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toBeNull();
    expect(sendableBefore(local("2026-03-03T02:00", "+03:00"), local("2026-03-02T20:59", "+03:00"), MSK, DEFAULT_QUIET_HOURS)).toBeNull();
  });
});

describe("localMoment", () => {
  it("a local date and hour in the zone, as is when not quiet", () => {
    expect(localMoment("2026-03-02", 9, VLAD, DEFAULT_QUIET_HOURS).toISOString()).toBe("2026-03-01T23:00:00.000Z");
    expect(localMoment("2026-03-02", 9, OMSK, DEFAULT_QUIET_HOURS).toISOString()).toBe("2026-03-02T03:00:00.000Z");
    expect(localMoment("2026-03-02", 8, MSK, DEFAULT_QUIET_HOURS, 30).toISOString()).toBe("2026-03-02T05:30:00.000Z");
  });

  it("an hour in the quiet hours is moved to their end: early to the same morning, late to the next", () => {
    expect(localMoment("2026-03-02", 7, MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-02T08:00", "+03:00"));
    expect(localMoment("2026-03-02", 22, MSK, DEFAULT_QUIET_HOURS)).toEqual(local("2026-03-03T08:00", "+03:00"));
    expect(localMoment("2026-03-02", 22, MSK, null)).toEqual(local("2026-03-02T22:00", "+03:00"));
  });
});
