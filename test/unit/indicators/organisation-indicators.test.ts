import { describe, expect, it } from "vitest";
import { organisationIndicators, programmeIndicators } from "../../../src/domain/indicators/index.js";
import { data } from "./fixture.js";

describe("indicators of one programme", () => {
  const p1 = programmeIndicators(data, "P1");

  it("counts pairs and groups, leaving out pairs ended early", () => {
    // pair1 (one mentee) + pair2 (two mentees); pair3 ended early.
    expect(p1.pairsAndGroups).toEqual({ pairs: 1, groups: 1, total: 2 });
  });

  it("counts only full-cycle mentees of known age 10–19 against the organisation's children", () => {
    // s2 (12) and s5 (11); s3 did not complete, s4's age is unknown. Base: A's 100 children.
    expect(p1.childrenAsMentees).toEqual({ count: 2, base: 100, percent: 2, organisationsWithoutBase: 0 });
  });

  it("counts 15–19-year-old mentors against the organisation's 15–19 population", () => {
    // s1 (16) of 40.
    expect(p1.teenagersAsMentors).toEqual({ count: 1, base: 40, percent: 2.5, organisationsWithoutBase: 0 });
  });

  it("averages satisfaction per person, non-completers included", () => {
    // Mentees: s2 100 %, s3 50 %, s5 25 % (only P1's answer in this scope) → 175 / 3.
    expect(p1.menteeSatisfaction.respondents).toBe(3);
    expect(p1.menteeSatisfaction.percent).toBeCloseTo(175 / 3, 10);
    expect(p1.mentorSatisfaction).toEqual({ respondents: 1, percent: 75 });
  });

  it("has no personalised programmes: a pupils' form", () => {
    expect(p1.approvedPersonalisedProgrammes).toBe(0);
  });
});

describe("indicators of an organisation", () => {
  const a = organisationIndicators(data, "A");

  it("adds up pairs of all its programmes", () => {
    // P1: pair1, pair2 (group); P2: pair4, pair5 (duplicate mentee id → one mentee); P3: pair6; pair7 has no mentee.
    expect(a.pairsAndGroups).toEqual({ pairs: 4, groups: 1, total: 5 });
  });

  it("counts personalised programmes of teachers' model forms only", () => {
    // P2: 3; P3's flag is ignored (employer_pupil).
    expect(a.approvedPersonalisedProgrammes).toBe(3);
  });

  it("counts a mentee of two programmes once", () => {
    // s5 is a full-cycle mentee in P1 and P3: children = s2, s5.
    expect(a.childrenAsMentees).toEqual({ count: 2, base: 100, percent: 2, organisationsWithoutBase: 0 });
  });

  it("counts young teachers who completed the cycle as mentees", () => {
    // y1 completed, y2 did not: 1 of 5.
    expect(a.youngTeachersAsMentees).toEqual({ count: 1, base: 5, percent: 20, organisationsWithoutBase: 0 });
  });

  it("counts teachers and young teachers as teacher mentors", () => {
    // t1 (teacher) and t2 (young teacher): 2 of 20.
    expect(a.teachersAsMentors).toEqual({ count: 2, base: 20, percent: 10, organisationsWithoutBase: 0 });
  });

  it("counts enterprises of full-cycle participants, names compared loosely", () => {
    // «ООО «Ромашка»» and «  ооо   ромашка » are one; АО «Завод»'s only mentor did not complete.
    expect(a.enterprisesInvolved).toBe(1);
  });

  it("averages a person's several answers before averaging persons", () => {
    // Mentees: s2 100, s3 50, s5 (25 + 75) / 2 = 50 → 200 / 3. Mentors: 75, 80, 90 → 245 / 3.
    expect(a.menteeSatisfaction.respondents).toBe(3);
    expect(a.menteeSatisfaction.percent).toBeCloseTo(200 / 3, 10);
    expect(a.mentorSatisfaction.respondents).toBe(3);
    expect(a.mentorSatisfaction.percent).toBeCloseTo(245 / 3, 10);
  });

  it("measures progress towards 70 % of learners and of teachers", () => {
    // Learners 10–19 in any role: s1, s2, s5 → 3 of 100; 70 needed → 67 more.
    expect(a.pupilsTarget).toEqual({
      count: 3, base: 100, percent: 3, organisationsWithoutBase: 0, targetPercent: 70, reached: false, stillNeeded: 67,
    });
    // Teaching staff in any role: t1, t2, y1 (y2 not completed) → 3 of 20; 14 needed → 11 more.
    expect(a.teachersTarget).toEqual({
      count: 3, base: 20, percent: 15, organisationsWithoutBase: 0, targetPercent: 70, reached: false, stillNeeded: 11,
    });
  });
});

describe("missing and zero denominators", () => {
  it("gives null, not NaN, when the organisation did not report the figure", () => {
    const b = organisationIndicators(data, "B");
    // y3 is counted but B has no young specialists figure.
    expect(b.youngTeachersAsMentees).toEqual({ count: 1, base: null, percent: null, organisationsWithoutBase: 1 });
    expect(b.teenagersAsMentors).toEqual({ count: 0, base: null, percent: null, organisationsWithoutBase: 1 });
    expect(b.menteeSatisfaction).toEqual({ respondents: 0, percent: null });
  });

  it("gives null when the figure is zero", () => {
    const c = organisationIndicators(data, "C");
    // s6 (10) is a mentee, c1 (19) a mentor; c2 (20) is too old for 15–19; all of C's figures are 0.
    expect(c.childrenAsMentees).toEqual({ count: 1, base: 0, percent: null, organisationsWithoutBase: 0 });
    expect(c.teenagersAsMentors).toEqual({ count: 1, base: 0, percent: null, organisationsWithoutBase: 0 });
    expect(c.pupilsTarget).toMatchObject({ count: 2, base: 0, percent: null, reached: null, stillNeeded: null });
    expect(c.teachersAsMentors.percent).toBeNull();
  });

  it("counts a teacher mentoring at another school in that school too", () => {
    const b = organisationIndicators(data, "B");
    // h1 and t1 (of school A) are mentors in P4: 2 of 10; with y3, 3 of 10 teaching staff involved.
    expect(b.teachersAsMentors).toEqual({ count: 2, base: 10, percent: 20, organisationsWithoutBase: 0 });
    expect(b.teachersTarget).toMatchObject({ count: 3, percent: 30, reached: false, stillNeeded: 4 });
  });

  it("rejects unknown scopes", () => {
    expect(() => organisationIndicators(data, "nope")).toThrow(/Unknown organisation/);
    expect(() => programmeIndicators(data, "nope")).toThrow(/Unknown programme/);
  });
});
