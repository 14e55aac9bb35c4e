import { describe, expect, it } from "vitest";
import {
  allIndicators,
  districtIndicators,
  flattenIndicators,
  regionIndicators,
} from "../../../src/domain/indicators/index.js";
import { data, REGION } from "./fixture.js";

describe("indicators of a region", () => {
  const region = regionIndicators(data, REGION);

  it("adds up counts of its organisations only", () => {
    // A: 4 pairs + 1 group, B: 1 pair, C: 1 pair; D belongs to another region.
    expect(region.pairsAndGroups).toEqual({ pairs: 6, groups: 1, total: 7 });
    // P2: 3 + P4: 1; D's 2 are not counted.
    expect(region.approvedPersonalisedProgrammes).toBe(4);
    expect(region.enterprisesInvolved).toBe(1);
  });

  it("counts a person active in two organisations once", () => {
    // t1 mentors at A and B: mentors t1, t2, h1 → 3 of 20 + 10 + 0.
    expect(region.teachersAsMentors).toEqual({ count: 3, base: 30, percent: 10, organisationsWithoutBase: 0 });
    // t1, t2, y1, h1, y3 of 30: 50/3 %; 21 needed → 16 more.
    expect(region.teachersTarget.count).toBe(5);
    expect(region.teachersTarget.percent).toBeCloseTo(50 / 3, 10);
    expect(region.teachersTarget.stillNeeded).toBe(16);
  });

  it("leaves organisations without the figure out of the percentage", () => {
    // Young teachers as mentees: y1 (A) and y3 (B) → count 2; B did not report → percent over A + C: 1 of 5.
    expect(region.youngTeachersAsMentees).toEqual({ count: 2, base: 5, percent: 20, organisationsWithoutBase: 1 });
    // 15–19 mentors: s1 (A) and c1 (C) of 40 + 0; B has no figure.
    expect(region.teenagersAsMentors).toEqual({ count: 2, base: 40, percent: 5, organisationsWithoutBase: 1 });
  });

  it("sums children over organisations", () => {
    // s2, s5, s6 of 100 + 50 + 0.
    expect(region.childrenAsMentees).toEqual({ count: 3, base: 150, percent: 2, organisationsWithoutBase: 0 });
    // s1, s2, s5, c1, s6 of 150; 105 needed.
    expect(region.pupilsTarget).toMatchObject({ count: 5, base: 150, reached: false, stillNeeded: 100 });
    expect(region.pupilsTarget.percent).toBeCloseTo(10 / 3, 10);
  });

  it("aggregates a district", () => {
    const district = districtIndicators(data, "Саргатский", REGION);
    // A and B: t1, t2, h1 of 30; s2, s5 of 150.
    expect(district.teachersAsMentors).toEqual({ count: 3, base: 30, percent: 10, organisationsWithoutBase: 0 });
    expect(district.childrenAsMentees.percent).toBeCloseTo(4 / 3, 10);
    expect(district.pairsAndGroups.total).toBe(6);
  });

  it("lists every scope and never produces NaN", () => {
    const all = allIndicators(data);
    const count = (scope: string) => all.filter((s) => s.scope === scope).length;
    expect([count("programme"), count("organisation"), count("district"), count("region")]).toEqual([6, 4, 3, 2]);
    for (const s of all) {
      for (const value of Object.values(flattenIndicators(s.indicators))) {
        expect(value === null || Number.isFinite(value)).toBe(true);
      }
    }
    const other = all.find((s) => s.scope === "region" && s.id === "Другая область");
    // D: y9 of 2 young specialists.
    expect(other?.indicators.youngTeachersAsMentees.percent).toBe(50);
  });

  it("is empty, not broken, for an unknown region", () => {
    const none = regionIndicators(data, "Нет такой");
    expect(none.pairsAndGroups.total).toBe(0);
    expect(none.teachersAsMentors).toEqual({ count: 0, base: null, percent: null, organisationsWithoutBase: 0 });
  });
});
