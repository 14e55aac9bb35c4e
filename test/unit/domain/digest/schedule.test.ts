import { describe, expect, it } from "vitest";
import { DEFAULT_WINDOW_HOURS, dueDigests, latestSlot, nextSlot, type DigestSchedule } from "../../../../src/domain/digest/schedule.js";

/**
 * An administrator's weekly digest is due on their weekday (1 = Monday … 7 = Sunday) at their
 * hour, in their own zone; the occurrence is named by the slot's local date; it stays due for
 * 24 hours (a worker that was down catches up) and is sent at most once. Moscow +3, Omsk +6,
 * Vladivostok +10, Kaliningrad +2. 2 March 2026 is a Monday.
 */

const msk = (wall: string) => new Date(`${wall}:00+03:00`);
const vlad = (wall: string) => new Date(`${wall}:00+10:00`);
const omsk = (wall: string) => new Date(`${wall}:00+06:00`);
const HOUR = 3_600_000;

const schedule = (over: Partial<DigestSchedule>): DigestSchedule => ({ administratorId: "admin", timezone: "Europe/Moscow", weekday: 1, hour: 9, paused: false, ...over });

describe("latestSlot", () => {
  it("this week's slot once it has come, in the administrator's zone", () => {
    const s = { timezone: "Asia/Vladivostok", weekday: 1, hour: 9 };
    // Monday 10:00 in Vladivostok is 00:00Z on Monday; the slot, Monday 09:00 local, is 23:00Z on Sunday.
    expect(latestSlot(s, vlad("2026-03-02T10:00"))).toEqual({ occurrence: "2026-03-02", at: new Date("2026-03-01T23:00:00Z") });
    expect(latestSlot(s, vlad("2026-03-02T09:00"))).toEqual({ occurrence: "2026-03-02", at: vlad("2026-03-02T09:00") });
  });

  it("last week's while this week's is still ahead", () => {
    const s = { timezone: "Asia/Vladivostok", weekday: 1, hour: 9 };
    expect(latestSlot(s, vlad("2026-03-02T08:59"))).toEqual({ occurrence: "2026-02-23", at: vlad("2026-02-23T09:00") });
  });

  it("counts back to the weekday from any day of the week", () => {
    const friday = { timezone: "Europe/Moscow", weekday: 5, hour: 18 };
    expect(latestSlot(friday, msk("2026-03-08T12:00"))).toEqual({ occurrence: "2026-03-06", at: msk("2026-03-06T18:00") }); // Sunday
    expect(latestSlot(friday, msk("2026-03-06T17:59"))).toEqual({ occurrence: "2026-02-27", at: msk("2026-02-27T18:00") }); // Friday, just before
    expect(latestSlot(friday, msk("2026-03-05T23:59"))).toEqual({ occurrence: "2026-02-27", at: msk("2026-02-27T18:00") }); // Thursday
  });

  it("Sunday is 7; the weekday is the local one, not UTC's", () => {
    const sundayNight = { timezone: "Asia/Omsk", weekday: 7, hour: 23 };
    expect(latestSlot(sundayNight, omsk("2026-03-02T01:00"))).toEqual({ occurrence: "2026-03-01", at: omsk("2026-03-01T23:00") });
    // Sunday 06:00 in Vladivostok is still Saturday 20:00 in UTC: the slot at 05:00 local has passed.
    const sundayEarly = { timezone: "Asia/Vladivostok", weekday: 7, hour: 5 };
    expect(latestSlot(sundayEarly, new Date("2026-02-28T20:00:00Z"))).toEqual({ occurrence: "2026-03-01", at: new Date("2026-02-28T19:00:00Z") });
  });

  it("an unknown zone is read as Moscow; a weekday or hour out of range as Monday 09:00", () => {
    const now = msk("2026-03-04T12:00"); // Wednesday
    expect(latestSlot({ timezone: "Nowhere/Village", weekday: 3, hour: 10 }, now)).toEqual({ occurrence: "2026-03-04", at: msk("2026-03-04T10:00") });
    for (const weekday of [0, 8, 2.5, -1]) expect(latestSlot({ timezone: "Europe/Moscow", weekday, hour: 10 }, now), `weekday ${weekday}`).toEqual({ occurrence: "2026-03-02", at: msk("2026-03-02T10:00") });
    for (const hour of [24, -1, 9.5]) expect(latestSlot({ timezone: "Europe/Moscow", weekday: 3, hour }, now), `hour ${hour}`).toEqual({ occurrence: "2026-03-04", at: msk("2026-03-04T09:00") });
  });
});

describe("nextSlot", () => {
  const s = { timezone: "Asia/Vladivostok", weekday: 1, hour: 9 };

  it("is strictly after now: at the slot itself, the one a week later", () => {
    expect(nextSlot(s, vlad("2026-03-02T08:59"))).toEqual({ occurrence: "2026-03-02", at: vlad("2026-03-02T09:00") });
    expect(nextSlot(s, vlad("2026-03-02T09:00"))).toEqual({ occurrence: "2026-03-09", at: vlad("2026-03-09T09:00") });
  });

  it("slots are exactly a week apart all year (no daylight saving) and across the new year", () => {
    let now = msk("2026-01-01T00:00");
    let previous = latestSlot({ timezone: "Europe/Moscow", weekday: 1, hour: 9 }, now);
    for (let i = 0; i < 53; i++) {
      const next = nextSlot({ timezone: "Europe/Moscow", weekday: 1, hour: 9 }, now);
      expect(next.at.getTime() - previous.at.getTime()).toBe(7 * 24 * HOUR);
      expect(next.at.getTime()).toBeGreaterThan(now.getTime());
      previous = next;
      now = next.at;
    }
    expect(previous.occurrence).toBe("2027-01-04");
  });
});

describe("dueDigests", () => {
  // Monday 2 March 2026, 09:00 in Moscow = 06:00Z = 16:00 in Vladivostok = 08:00 in Kaliningrad.
  const now = msk("2026-03-02T09:00");

  it("due from the slot in each administrator's zone; paused ones never", () => {
    const due = dueDigests(
      [
        schedule({ administratorId: "moscow" }),
        schedule({ administratorId: "vladivostok", timezone: "Asia/Vladivostok" }),
        schedule({ administratorId: "kaliningrad", timezone: "Europe/Kaliningrad" }),
        schedule({ administratorId: "paused", paused: true }),
      ],
      now,
    );
    expect(due).toEqual([
      { administratorId: "moscow", occurrence: "2026-03-02", at: msk("2026-03-02T09:00") },
      { administratorId: "vladivostok", occurrence: "2026-03-02", at: vlad("2026-03-02T09:00") },
    ]);
  });

  it("stays due for 24 hours, then that occurrence is let go", () => {
    const s = [schedule({})];
    expect(DEFAULT_WINDOW_HOURS).toBe(24);
    expect(dueDigests(s, new Date(now.getTime() + 24 * HOUR - 1))).toHaveLength(1);
    expect(dueDigests(s, new Date(now.getTime() + 24 * HOUR))).toEqual([]);
    expect(dueDigests(s, new Date(now.getTime() - 1))).toEqual([]); // last week's slot is far past its window
    expect(dueDigests(s, new Date(now.getTime() + 2 * HOUR), new Map(), 1)).toEqual([]);
    expect(dueDigests(s, new Date(now.getTime() + 30 * 60_000), new Map(), 1)).toHaveLength(1);
  });

  it("an occurrence already handled is not due again; last week's record does not hold this week's back", () => {
    const s = [schedule({ administratorId: "a" }), schedule({ administratorId: "b" })];
    const handled = new Map([
      ["a", new Set(["2026-03-02"])],
      ["b", new Set(["2026-02-23"])],
    ]);
    expect(dueDigests(s, new Date(now.getTime() + HOUR), handled).map((d) => d.administratorId)).toEqual(["b"]);
  });
});
