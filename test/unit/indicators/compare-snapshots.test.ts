import { describe, expect, it } from "vitest";
import {
  changedIndicators,
  compareSnapshots,
  INDICATOR_KEYS,
  organisationIndicators,
  type MentorshipData,
} from "../../../src/domain/indicators/index.js";
import { data } from "./fixture.js";

/** Last week: y1 had not yet completed the cycle and t2 had not answered the survey. */
const lastWeek: MentorshipData = {
  ...data,
  participants: data.participants.map((p) => (p.personId === "y1" ? { ...p, completedCycle: false } : p)),
  satisfaction: data.satisfaction.filter((s) => s.personId !== "t2"),
};

describe("week-over-week comparison", () => {
  const changes = compareSnapshots(organisationIndicators(data, "A"), organisationIndicators(lastWeek, "A"));
  const byKey = new Map(changes.map((c) => [c.key, c]));

  it("has one entry per indicator, in order", () => {
    expect(changes.map((c) => c.key)).toEqual([...INDICATOR_KEYS]);
  });

  it("reports increases in persons and percentage points", () => {
    expect(byKey.get("youngTeachersAsMentees.count")).toMatchObject({ previous: 0, current: 1, delta: 1, trend: "up" });
    // 0 % → 20 % of 5 young specialists.
    expect(byKey.get("youngTeachersAsMentees.percent")).toMatchObject({
      previous: 0, current: 20, delta: 20, trend: "up", percentagePoints: true,
    });
    // Teaching staff involved 2 → 3 of 20, still needed 12 → 11.
    expect(byKey.get("teachersTarget.count")).toMatchObject({ delta: 1, trend: "up", percentagePoints: false });
    expect(byKey.get("teachersTarget.stillNeeded")).toMatchObject({ previous: 12, current: 11, delta: -1, trend: "down" });
  });

  it("reports satisfaction changes without floating-point noise", () => {
    // Mentors: (75 + 80) / 2 = 77.5 → (75 + 80 + 90) / 3 = 81.666…; delta 25/6.
    const c = byKey.get("mentorSatisfaction.percent");
    expect(c?.previous).toBe(77.5);
    expect(c?.delta).toBeCloseTo(25 / 6, 8);
    expect(c?.trend).toBe("up");
    expect(byKey.get("mentorSatisfaction.respondents")).toMatchObject({ previous: 2, current: 3, delta: 1 });
  });

  it("marks unchanged indicators as same and filters them out", () => {
    expect(byKey.get("pairs")).toMatchObject({ previous: 4, current: 4, delta: 0, trend: "same" });
    const changed = changedIndicators(changes).map((c) => c.key);
    expect(changed).toEqual([
      "youngTeachersAsMentees.count",
      "youngTeachersAsMentees.percent",
      "mentorSatisfaction.percent",
      "mentorSatisfaction.respondents",
      "teachersTarget.count",
      "teachersTarget.percent",
      "teachersTarget.stillNeeded",
    ]);
  });

  it("has no delta for indicators without data", () => {
    const b = compareSnapshots(organisationIndicators(data, "B"), organisationIndicators(data, "B"));
    expect(b.find((c) => c.key === "youngTeachersAsMentees.percent")).toMatchObject({
      current: null, previous: null, delta: null, trend: "no_data",
    });
  });

  it("treats a first week as having no previous data", () => {
    const first = compareSnapshots(organisationIndicators(data, "A"), null);
    expect(first.every((c) => c.previous === null && c.delta === null && c.trend === "no_data")).toBe(true);
    expect(changedIndicators(first).map((c) => c.key)).toContain("pairs");
  });
});
