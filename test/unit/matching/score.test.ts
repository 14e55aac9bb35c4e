import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, pairEvaluator, suggestPairs, type MatchingInput } from "../../../src/domain/matching/index.js";
import { choice, cohortArb, mentee, mentor, weightsArb } from "./helpers.js";

const full: MatchingInput = {
  mentors: [
    mentor("A", {
      competencies: ["exam_math", "olympiad_it", "leadership", "research"],
      interests: ["robotics", "programming", "chess"],
      menteeGrades: { min: 7, max: 9 },
      slots: ["mon-evening", "wed-evening", "fri-evening"],
      formats: ["online", "offline"],
    }),
  ],
  mentees: [
    mentee("x", {
      goals: ["public_speaking", "olympiad_it", "exam_math", "leadership"],
      interests: ["robotics", "chess", "dance"],
      grade: 8,
      slots: ["wed-evening", "mon-evening"],
      formats: ["online"],
      preferredMentorProfile: ["programming"],
    }),
  ],
  choices: [
    choice("mentee", "x", "A", 2, "work_with"),
    choice("mentee", "x", "A", 1, "can_help"), // the better rank of the two questions counts
    choice("mentor", "x", "A", 3, "can_help"),
  ],
};

describe("pair score and reasons", () => {
  it("explains every point of a pair, choices first", () => {
    const r = suggestPairs(full);
    expect(r.suggestions).toEqual([
      {
        mentorId: "A",
        menteeId: "x",
        score: 1270,
        reasons: [
          { code: "mutual_choice", ranks: [1, 3], points: 1040 },
          // Three of the four goals are covered; at most three items count (3 × 40).
          { code: "competencies", items: ["exam_math", "leadership", "olympiad_it"], points: 120 },
          { code: "profile_fit", items: ["programming"], points: 20 },
          { code: "shared_interests", items: ["chess", "robotics"], points: 30 },
          { code: "grade_fit", grade: 8, points: 30 },
          { code: "time_fit", items: ["mon-evening", "wed-evening"], points: 20 },
          { code: "format_fit", items: ["online"], points: 10 },
        ],
      },
    ]);
  });

  it("names one-sided choices and warnings", () => {
    const input: MatchingInput = {
      mentors: [mentor("A", { menteeGrades: { min: 9, max: 11 }, slots: ["sat-morning"], formats: ["offline"] }), mentor("B")],
      mentees: [mentee("x", { grade: 6, slots: ["mon-evening"], formats: ["online"] }), mentee("y")],
      choices: [choice("mentor", "x", "A", 2), choice("mentee", "y", "B", 3)],
    };
    // With common time and format not must-haves, so that the warnings can be seen.
    const e = pairEvaluator(input, { policy: { mustHave: { time: false, format: false } } });
    expect(e.reasons("A", "x")).toEqual([
      { code: "mentor_choice", rank: 2, points: 80 },
      { code: "grade_outside", grade: 6, min: 9, max: 11, points: 0 },
      { code: "no_common_time", points: 0 },
      { code: "no_common_format", points: 0 },
    ]);
    expect(e.score("A", "x")).toBe(80);
    expect(e.reasons("B", "y")).toEqual([{ code: "mentee_choice", rank: 3, points: 60 }]);
    // By default the pair is not allowed at all: no common time, no common format.
    expect(pairEvaluator(input).allowed("A", "x")).toBe(false);
    expect(pairEvaluator(input).brokenMustHave("A", "x")).toBe("time");
    // Nothing in common and nobody chose: still 1 point when allowed (B and x stated no conflict).
    expect(e.reasons("B", "x")).toEqual([]);
    expect(e.score("B", "x")).toBe(1);
  });

  it("puts mutual choice above any pair without one, and a one-sided choice below the fit (default weights)", () => {
    const maxFit =
      DEFAULT_WEIGHTS.maxItemsCounted * (DEFAULT_WEIGHTS.goalCovered + DEFAULT_WEIGHTS.preferredProfile + DEFAULT_WEIGHTS.sharedInterest + DEFAULT_WEIGHTS.commonSlot) +
      DEFAULT_WEIGHTS.gradeFit +
      DEFAULT_WEIGHTS.commonFormat;
    expect(maxFit).toBe(295);
    const worstMutual = DEFAULT_WEIGHTS.mutualChoice + 2 * Math.min(...DEFAULT_WEIGHTS.rankBonus);
    const bestOneSided = DEFAULT_WEIGHTS.oneSidedChoice + Math.max(...DEFAULT_WEIGHTS.rankBonus) + maxFit;
    expect(worstMutual).toBeGreaterThan(bestOneSided);
    // A one-sided choice, even a first one, weighs less than the whole fit.
    expect(DEFAULT_WEIGHTS.oneSidedChoice + Math.max(...DEFAULT_WEIGHTS.rankBonus)).toBeLessThan(maxFit);
  });

  it("scores better ranks higher", () => {
    const input: MatchingInput = {
      mentors: [mentor("A"), mentor("B"), mentor("C")],
      mentees: [mentee("x")],
      choices: [choice("mentee", "x", "A", 1), choice("mentee", "x", "B", 2), choice("mentee", "x", "C", 3)],
    };
    const e = pairEvaluator(input);
    expect([e.score("A", "x"), e.score("B", "x"), e.score("C", "x")]).toEqual([100, 80, 60]);
  });

  it("follows custom weights, rounding each reason on its own", () => {
    const e = pairEvaluator(full, { weights: { goalCovered: 2.5, sharedInterest: 0, maxItemsCounted: 2, mutualChoice: 10, rankBonus: [] } });
    const reasons = e.reasons("A", "x");
    expect(reasons.find((x) => x.code === "competencies")).toEqual({ code: "competencies", items: ["exam_math", "leadership", "olympiad_it"], points: 5 });
    // A weight of 0 makes the reason disappear: it did not count.
    expect(reasons.find((x) => x.code === "shared_interests")).toBeUndefined();
    expect(reasons[0]).toEqual({ code: "mutual_choice", ranks: [1, 3], points: 10 });
    expect(e.score("A", "x")).toBe(10 + 5 + 20 + 0 + 30 + 20 + 10);
  });

  it("makes every score the sum of its reasons' points (at least 1) on random cohorts", () => {
    fc.assert(
      fc.property(cohortArb(6, 4), weightsArb, (input, weights) => {
        for (const s of suggestPairs(input, { weights }).suggestions) {
          expect(s.score).toBe(Math.max(1, s.reasons.reduce((a, x) => a + x.points, 0)));
          expect(Number.isInteger(s.score)).toBe(true);
          const codes = s.reasons.map((x) => x.code);
          expect(new Set(codes).size).toBe(codes.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
