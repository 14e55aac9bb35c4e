/** Invariants of the internal building blocks: the min-cost flow, its dual prices, the candidate top-K. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCandidates, mentorKey, type CandidateGraph } from "../../../src/domain/matching/candidates.js";
import { tightenPotentials } from "../../../src/domain/matching/dual.js";
import { FitCache } from "../../../src/domain/matching/fit-cache.js";
import type { MatchingInput } from "../../../src/domain/matching/index.js";
import { prepareInstance, type InstanceOptions } from "../../../src/domain/matching/instance.js";
import { AssignmentFlow, type AssignmentSolution } from "../../../src/domain/matching/min-cost-flow.js";
import { PairScorer } from "../../../src/domain/matching/score.js";
import { blockingPairsOf, deferredAcceptance } from "../../../src/domain/matching/stable.js";
import { cohortArb, mentee, mentor, policyArb, weightsArb } from "./helpers.js";

interface Graph {
  n: number;
  capacity: Int32Array;
  rows: { v: number; w: number }[][];
}

function csr(g: Graph): CandidateGraph {
  const start = new Int32Array(g.n + 1);
  for (const [u, row] of g.rows.entries()) start[u + 1] = start[u]! + row.length;
  return {
    start,
    mentor: Int32Array.from(g.rows.flat(), (e) => e.v),
    score: Float64Array.from(g.rows.flat(), (e) => e.w),
  };
}

/** Random bipartite graphs with integer weights (many ties) and capacities 0..2. */
const graphArb: fc.Arbitrary<Graph> = fc
  .record({ n: fc.integer({ min: 1, max: 7 }), m: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, m }) =>
    fc.record({
      n: fc.constant(n),
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: m, maxLength: m }).map((c) => Int32Array.from(c)),
      rows: fc.array(
        fc.uniqueArray(fc.record({ v: fc.nat({ max: m - 1 }), w: fc.integer({ min: 1, max: 6 }) }), { selector: (e) => e.v, maxLength: m }),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map((g) => ({ ...g, rows: g.rows.map((row) => row.filter((e) => g.capacity[e.v]! > 0)) }));

function bruteBest(g: Graph, bonus: number): number {
  const left = Array.from(g.capacity);
  let best = 0;
  const walk = (u: number, total: number): void => {
    if (u === g.n) {
      best = Math.max(best, total);
      return;
    }
    walk(u + 1, total);
    for (const e of g.rows[u]!) {
      if (left[e.v] === 0) continue;
      left[e.v]!--;
      walk(u + 1, total + e.w + bonus);
      left[e.v]!++;
    }
  };
  walk(0, 0);
  return best;
}

/** Dual feasibility and complementary slackness of a solution on its graph. */
function expectOptimalDual(g: Graph, sol: AssignmentSolution, bonus: number): void {
  const load = new Int32Array(g.capacity.length);
  g.rows.forEach((row, u) => {
    const pu = sol.menteePotential[u]!;
    expect(pu).toBeGreaterThanOrEqual(sol.mentorOf[u]! >= 0 ? 0 : -Infinity);
    for (const e of row) {
      const reduced = -(e.w + bonus) + pu - sol.mentorPotential[e.v]!;
      if (sol.mentorOf[u] === e.v) expect(reduced).toBe(0);
      else expect(reduced).toBeGreaterThanOrEqual(0);
    }
    if (sol.mentorOf[u]! >= 0) load[sol.mentorOf[u]!]!++;
    else expect(pu).toBeLessThanOrEqual(0);
  });
  g.capacity.forEach((c, v) => {
    expect(load[v]!).toBeLessThanOrEqual(c);
    expect(sol.mentorPotential[v]!).toBeLessThanOrEqual(0);
    if (load[v]! < c) expect(sol.mentorPotential[v]!).toBe(0);
  });
}

const totalOf = (g: Graph, sol: AssignmentSolution, bonus: number): number =>
  g.rows.reduce((a, _, u) => a + (sol.mentorOf[u]! >= 0 ? sol.scoreOf[u]! + bonus : 0), 0);

/** Solves `small`, tightens the prices as optimise() does, re-routes the rows that grew in `large`. */
function expectRerouteOptimal(small: Graph, large: Graph, bonus: number): void {
  const flow = new AssignmentFlow(small.n, small.capacity, bonus);
  flow.graph = csr(small);
  flow.addRows(Int32Array.from({ length: small.n }, (_, u) => u));
  const t = tightenPotentials(flow.graph, small.capacity, flow.solution(), bonus);
  flow.setPotentials(t.menteePotential, t.mentorPotential);
  flow.graph = csr(large);
  const changed = large.rows.map((row, u) => (row.length > small.rows[u]!.length ? u : -1)).filter((u) => u >= 0);
  flow.rerouteRows(Int32Array.from(changed));
  const sol = flow.solution();
  expect(totalOf(large, sol, bonus)).toBe(bruteBest(large, bonus));
  expectOptimalDual(large, sol, bonus);
}

describe("AssignmentFlow", () => {
  it("finds the maximum-weight assignment with optimal dual prices, in any row order", () => {
    fc.assert(
      fc.property(graphArb, fc.constantFrom(0, 100), fc.boolean(), (g, bonus, reverse) => {
        const flow = new AssignmentFlow(g.n, g.capacity, bonus);
        flow.graph = csr(g);
        const rows = Int32Array.from({ length: g.n }, (_, u) => (reverse ? g.n - 1 - u : u));
        flow.addRows(rows);
        const sol = flow.solution();
        expect(totalOf(g, sol, bonus)).toBe(bruteBest(g, bonus));
        expectOptimalDual(g, sol, bonus);
        expectOptimalDual(g, tightenPotentials(flow.graph, g.capacity, sol, bonus), bonus);
      }),
      { numRuns: 400 },
    );
  });

  it("re-routes rows that gained edges to the optimum of the larger graph", () => {
    const grown = graphArb.chain((small) =>
      fc
        .array(fc.uniqueArray(fc.record({ v: fc.nat({ max: small.capacity.length - 1 }), w: fc.integer({ min: 1, max: 9 }) }), { selector: (e) => e.v }), {
          minLength: small.n,
          maxLength: small.n,
        })
        .map((extra) => {
          const rows = small.rows.map((row, u) => {
            const have = new Set(row.map((e) => e.v));
            return [...row, ...extra[u]!.filter((e) => !have.has(e.v) && small.capacity[e.v]! > 0)];
          });
          return { small, large: { ...small, rows } };
        }),
    );
    fc.assert(
      fc.property(grown, fc.constantFrom(0, 50), ({ small, large }, bonus) => expectRerouteOptimal(small, large, bonus)),
      { numRuns: 400 },
    );
  });

  it("re-routes correctly when one search lowers the potentials of several sink arcs at once", () => {
    // Re-routing row 4 lowers mentors 0 and 1 together while alone mentee 5 stays at the top
    // potential; the sink-arc heap must come out ordered, or row 6 never reaches mentee 5 through
    // T and leaves it with a positive utility while alone.
    const small: Graph = {
      n: 7,
      capacity: Int32Array.from([2, 2, 1, 1]),
      rows: [
        [],
        [{ v: 1, w: 2 }, { v: 3, w: 2 }, { v: 2, w: 6 }],
        [{ v: 1, w: 6 }],
        [{ v: 0, w: 6 }, { v: 1, w: 6 }, { v: 2, w: 6 }],
        [{ v: 2, w: 2 }],
        [],
        [],
      ],
    };
    const large: Graph = {
      ...small,
      rows: [
        [{ v: 1, w: 1 }],
        [{ v: 1, w: 2 }, { v: 3, w: 2 }, { v: 2, w: 6 }, { v: 0, w: 6 }],
        [{ v: 1, w: 6 }],
        [{ v: 0, w: 6 }, { v: 1, w: 6 }, { v: 2, w: 6 }],
        [{ v: 2, w: 2 }, { v: 0, w: 2 }],
        [],
        [{ v: 0, w: 1 }],
      ],
    };
    expectRerouteOptimal(small, large, 50);
    expectRerouteOptimal(small, large, 0);
  });
});

describe("candidate generation", () => {
  it("keeps exactly the top pairs by (score, mentor id), and every left-out pair ranks below the threshold", () => {
    fc.assert(
      fc.property(cohortArb(6, 6), fc.integer({ min: 1, max: 3 }), (input, k) => {
        const inst = prepareInstance(input);
        const scorer = new PairScorer(inst);
        const pruned = buildCandidates(inst, scorer, k);
        const dense = buildCandidates(inst, scorer, Infinity);
        const m = inst.mentors.length;
        for (let u = 0; u < inst.mentees.length; u++) {
          const keysOf = (set: typeof dense): number[] => set.rowMentors[u]!.map((v, i) => mentorKey(set.rowScores[u]![i]!, v, m)).sort((a, b) => b - a);
          const all = keysOf(dense);
          const kept = new Set(keysOf(pruned));
          // Every kept pair is an allowed pair with its true score.
          for (const key of kept) expect(all).toContain(key);
          const left = all.filter((key) => !kept.has(key));
          if (left.length === 0) continue;
          expect(pruned.complete[u]).toBe(0);
          for (const key of left) expect(key).toBeLessThan(pruned.threshold[u]!);
          // Fit-only pairs kept: at most k, and they are the best fit-only ones.
          const choiceMentors = new Set(Array.from(inst.choiceMentor.subarray(inst.choiceStart[u]!, inst.choiceStart[u + 1]!)));
          const fitOnly = (keys: number[]): number[] => keys.filter((key) => !choiceMentors.has(m - 1 - (key % m)));
          const keptFit = fitOnly([...kept].sort((a, b) => b - a));
          expect(keptFit).toEqual(fitOnly(all).slice(0, keptFit.length));
          expect(keptFit.length).toBe(Math.min(k, fitOnly(all).length));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("row scoring", () => {
  const expectRowsAsPairs = (input: MatchingInput, options: InstanceOptions): void => {
    const inst = prepareInstance(input, options);
    const scorer = new PairScorer(inst);
    const m = inst.mentors.length;
    const out = new Int32Array(m);
    const reversed = Int32Array.from({ length: m }, (_, i) => m - 1 - i);
    const cache = new FitCache(scorer, inst.mentees.length, m);
    for (let u = 0; u < inst.mentees.length; u++) {
      const expected = Array.from({ length: m }, (_, v) => (inst.policy.requireChoice === "none" ? scorer.fitChoiceFree(u, v) : -1));
      scorer.fitRow(u, out);
      expect(Array.from(out)).toEqual(expected);
      cache.store(u, out);
      out.fill(-7);
      scorer.fitRow(u, out, reversed, m);
      expect(Array.from(out)).toEqual([...expected].reverse());
      if (inst.policy.requireChoice !== "none") continue;
      out.fill(-7);
      cache.fitRow(u, out, reversed, m);
      expect(Array.from(out)).toEqual([...expected].reverse());
      out.fill(-7);
      cache.fullRow(u, out);
      expect(Array.from(out)).toEqual(expected);
    }
  };

  it("scores whole rows (and lists of mentors) as fitChoiceFree scores each pair, with any policy and weights", () => {
    fc.assert(
      fc.property(cohortArb(6, 6), policyArb, weightsArb, (input, policy, weights) => expectRowsAsPairs(input, { policy, weights })),
      { numRuns: 300 },
    );
  });

  it("scores rows the same way with vocabularies beyond two words and many distinct grades", () => {
    // 70 goal codes and 40 distinct grades: the layout of two words per category does not apply.
    const wide = fc.record({
      mentors: fc.array(fc.record({ goals: fc.subarray(Array.from({ length: 70 }, (_, i) => `g${i}`)), low: fc.integer({ min: 1, max: 40 }), span: fc.nat(5), slots: fc.subarray(["s0", "s1"]) }), { minLength: 1, maxLength: 5 }),
      mentees: fc.array(fc.record({ goals: fc.subarray(Array.from({ length: 70 }, (_, i) => `g${i}`)), grade: fc.option(fc.integer({ min: 1, max: 40 })), slots: fc.subarray(["s0", "s1"]) }), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(wide, policyArb, ({ mentors, mentees }, policy) => {
        const input: MatchingInput = {
          mentors: mentors.map((x, v) => mentor(`r${v}`, { competencies: x.goals, menteeGrades: { min: x.low, max: x.low + x.span }, slots: x.slots })),
          mentees: [
            ...mentees.map((x, u) => mentee(`e${u}`, { goals: x.goals, grade: x.grade, slots: x.slots })),
            // Every grade from 1 to 40 present, so there are more than 31 distinct ones.
            ...Array.from({ length: 40 }, (_, g) => mentee(`z${g}`, { grade: g + 1, goals: ["g1", "g69"] })),
          ],
        };
        expectRowsAsPairs(input, { policy });
      }),
      { numRuns: 60 },
    );
  });

  it("keeps fits of 254 points and more exactly (scored again when read)", () => {
    const goals = ["a", "b", "c"];
    const input: MatchingInput = {
      mentors: [mentor("r0", { competencies: goals }), mentor("r1", { competencies: ["a"] })],
      mentees: [mentee("e0", { goals }), mentee("e1", { goals: ["a"] })],
    };
    const inst = prepareInstance(input, { weights: { goalCovered: 100 } });
    const scorer = new PairScorer(inst);
    const cache = new FitCache(scorer, 2, 2);
    const out = new Int32Array(2);
    for (let u = 0; u < 2; u++) {
      scorer.fitRow(u, out);
      cache.store(u, out);
    }
    cache.fitRow(0, out, Int32Array.from([0, 1]), 2);
    expect(Array.from(out)).toEqual([300, 100]);
    out.fill(-7);
    cache.fullRow(0, out);
    expect(Array.from(out)).toEqual([300, 100]);
  });
});

describe("stable matching with kept fits", () => {
  it("extends a mentee's list from the kept fits exactly as from scoring the row again", () => {
    fc.assert(
      fc.property(cohortArb(10, 6, 2), fc.integer({ min: 1, max: 3 }), (input, perMentee) => {
        const inst = prepareInstance(input);
        const scorer = new PairScorer(inst);
        const cache = new FitCache(scorer, inst.mentees.length, inst.mentors.length);
        // Few candidates per mentee, so that lists run out and are extended.
        const set = buildCandidates(inst, scorer, perMentee, { cache });
        const scored = deferredAcceptance(inst, scorer, set);
        const kept = deferredAcceptance(inst, scorer, set, cache);
        expect(Array.from(kept.mentorOf)).toEqual(Array.from(scored.mentorOf));
        expect(Array.from(kept.scoreOf)).toEqual(Array.from(scored.scoreOf));
        expect(kept.extended).toBe(scored.extended);
        // And the result is stable over all pairs.
        expect(blockingPairsOf(inst, scorer, kept.mentorOf)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("extends lists on a cohort whose candidate rows run out", () => {
    const mentors = Array.from({ length: 4 }, (_, v) => mentor(`r${v}`, { competencies: ["a"] }));
    const mentees = Array.from({ length: 6 }, (_, u) => mentee(`e${u}`, { goals: ["a"] }));
    const inst = prepareInstance({ mentors, mentees });
    const scorer = new PairScorer(inst);
    const cache = new FitCache(scorer, 6, 4);
    const set = buildCandidates(inst, scorer, 1, { cache });
    const r = deferredAcceptance(inst, scorer, set, cache);
    expect(r.extended).toBeGreaterThan(0);
    expect(Array.from(r.mentorOf).filter((v) => v >= 0).length).toBe(4);
    expect(blockingPairsOf(inst, scorer, r.mentorOf)).toEqual([]);
  });
});

describe("mentor-side seeds", () => {
  it("give every mentor with places candidates among the mentees it suits, with their true scores", () => {
    fc.assert(
      fc.property(cohortArb(8, 6), (input) => {
        const inst = prepareInstance(input);
        const scorer = new PairScorer(inst);
        const seeded = buildCandidates(inst, scorer, 1, { seeds: { perPlace: 1, extra: 1 } });
        const plain = buildCandidates(inst, scorer, 1);
        const m = inst.mentors.length;
        const perMentor = new Int32Array(m);
        for (let u = 0; u < inst.mentees.length; u++) {
          seeded.rowMentors[u]!.forEach((v, i) => {
            expect(seeded.rowScores[u]![i]).toBe(scorer.score(u, v));
            expect(scorer.allowed(u, v)).toBe(true);
            perMentor[v]!++;
          });
          // The row's own pairs stay, and its threshold still bounds every pair left out.
          for (const v of plain.rowMentors[u]!) expect(seeded.rowMentors[u]).toContain(v);
          expect(seeded.threshold[u]).toBe(plain.threshold[u]);
        }
        for (let v = 0; v < m; v++) {
          if (inst.capacityLeft[v] === 0) continue;
          let suits = 0;
          for (let u = 0; u < inst.mentees.length; u++) if (inst.active[u] && scorer.allowedWithoutChoice(u, v) && !scorer.isForbidden(u, v) && scorer.choiceOf(u, v) < 0) suits++;
          // Seeds come from the incomplete rows: at least min(seeds, those mentees) each.
          let incomplete = 0;
          for (let u = 0; u < inst.mentees.length; u++) if (inst.active[u] && !plain.complete[u] && scorer.allowedWithoutChoice(u, v) && !scorer.isForbidden(u, v) && scorer.choiceOf(u, v) < 0) incomplete++;
          expect(perMentor[v]).toBeGreaterThanOrEqual(Math.min(inst.capacityLeft[v]! + 1, incomplete));
          expect(perMentor[v]).toBeLessThanOrEqual(suits + inst.mentees.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
