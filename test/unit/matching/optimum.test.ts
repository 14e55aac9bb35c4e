import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suggestPairs, type MatchingInput, type MatchingOptions } from "../../../src/domain/matching/index.js";
import { generateSkewedCohort } from "../../../bench/matching.js";
import { bruteForce, cohortArb, hungarianOptimum, policyArb, weightsArb } from "./helpers.js";

const total = (input: MatchingInput, options: MatchingOptions): { total: number; count: number; proven: boolean } => {
  const r = suggestPairs(input, options);
  return { total: r.suggestions.reduce((a, s) => a + s.score, 0), count: r.suggestions.length, proven: r.stats.proven };
};

/** Candidate pruning forced on: one or two fit-only candidates per mentee, so the optimality check must add the rest. */
const pruned = fc.record({ denseLimit: fc.constant(0), candidatesPerMentee: fc.integer({ min: 1, max: 2 }) });

describe("best_total", () => {
  it("equals the brute-force optimum on random small cohorts (all pairs as candidates), matching the most among equal totals", () => {
    fc.assert(
      fc.property(cohortArb(), policyArb, weightsArb, (input, policy, weights) => {
        const options: MatchingOptions = { mode: "best_total", policy, weights };
        const r = total(input, options);
        const reference = bruteForce(input, options);
        expect([r.total, r.count]).toEqual([reference.bestTotal, reference.bestTotalCount]);
        expect(r.proven).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("equals the brute-force optimum when candidates are pruned (the dual check adds what is missing)", () => {
    fc.assert(
      fc.property(cohortArb(), policyArb, weightsArb, pruned, (input, policy, weights, prune) => {
        const options: MatchingOptions = { mode: "best_total", policy, weights, ...prune };
        const r = total(input, options);
        const reference = bruteForce(input, options);
        expect([r.total, r.count]).toEqual([reference.bestTotal, reference.bestTotalCount]);
        expect(r.proven).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("equals the Hungarian reference (hungarian-on3) on random medium cohorts, pruned or not", () => {
    fc.assert(
      fc.property(cohortArb(30, 10, 3), fc.boolean(), (input, prune) => {
        const options: MatchingOptions = prune ? { denseLimit: 0, candidatesPerMentee: 2 } : {};
        expect(total(input, options).total).toBe(hungarianOptimum(input).total);
      }),
      { numRuns: 60 },
    );
  });
});

describe("most_matched", () => {
  it("matches as many mentees as possible, then has the best total among those (brute force)", () => {
    fc.assert(
      fc.property(cohortArb(), policyArb, weightsArb, fc.boolean(), (input, policy, weights, prune) => {
        const options: MatchingOptions = { mode: "most_matched", policy, weights, ...(prune ? { denseLimit: 0, candidatesPerMentee: 1 } : {}) };
        const r = total(input, options);
        const ref = bruteForce(input, options).mostMatched;
        expect({ count: r.count, total: r.total }).toEqual(ref);
        expect(r.proven).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("equals the Hungarian reference with a count-first bonus on medium cohorts", () => {
    fc.assert(
      fc.property(cohortArb(30, 10, 3), (input) => {
        const r = total(input, { mode: "most_matched", denseLimit: 0, candidatesPerMentee: 3 });
        expect({ count: r.count, total: r.total }).toEqual(hungarianOptimum(input, {}, true));
      }),
      { numRuns: 40 },
    );
  });

  it("never matches fewer mentees than best_total, nor scores more", () => {
    fc.assert(
      fc.property(cohortArb(8, 5), (input) => {
        const best = total(input, { mode: "best_total" });
        const most = total(input, { mode: "most_matched" });
        expect(most.count).toBeGreaterThanOrEqual(best.count);
        expect(most.total).toBeLessThanOrEqual(best.total);
      }),
      { numRuns: 150 },
    );
  });
});

describe("skewed cohorts (popular codes, mentors with many competencies, 0/50/100 % survey answers)", () => {
  const skewed = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    survey: fc.constantFrom(0, 0.5, 1),
    mentees: fc.integer({ min: 5, max: 40 }),
    mentors: fc.integer({ min: 2, max: 12 }),
  });

  it("best_total and most_matched stay optimal (Hungarian reference) and proven when candidates are pruned", () => {
    fc.assert(
      fc.property(skewed, fc.integer({ min: 1, max: 3 }), ({ seed, survey, mentees, mentors }, perMentee) => {
        const input = generateSkewedCohort({ mentees, mentors, capacity: [1, 3], seed }, survey);
        const pruned = { denseLimit: 0, candidatesPerMentee: perMentee };
        const best = total(input, { mode: "best_total", ...pruned });
        expect(best.total).toBe(hungarianOptimum(input).total);
        expect(best.proven).toBe(true);
        const most = total(input, { mode: "most_matched", ...pruned });
        expect({ count: most.count, total: most.total }).toEqual(hungarianOptimum(input, {}, true));
        expect(most.proven).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("counts in stats.candidateEdges the pairs the optimality check added", () => {
    const input = generateSkewedCohort({ mentees: 40, mentors: 12, capacity: [1, 3], seed: 11 }, 0);
    const r = suggestPairs(input, { denseLimit: 0, candidatesPerMentee: 1 });
    expect(r.stats.rounds).toBeGreaterThan(1);
    // One fit-only candidate per mentee at first; the check added more.
    expect(r.stats.candidateEdges).toBeGreaterThan(r.stats.mentees);
  });
});
