import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MATCH_MODES, MatchingInputError, pairEvaluator, suggestPairs, type MatchingInput } from "../../../src/domain/matching/index.js";
import { cohortArb, mentee, mentor, mutual, policyArb } from "./helpers.js";

/** Checks every hard rule on a result; returns nothing, fails the test on a breach. */
function expectValid(input: MatchingInput, mode: (typeof MATCH_MODES)[number], r: ReturnType<typeof suggestPairs>, policy = {}): void {
  const evaluator = pairEvaluator(input, { policy });
  const fixed = input.fixed ?? [];
  const load = new Map<string, number>();
  for (const f of fixed) load.set(f.mentorId, (load.get(f.mentorId) ?? 0) + 1);
  const seen = new Set<string>();
  for (const s of r.suggestions) {
    expect(seen.has(s.menteeId), `mentee ${s.menteeId} twice`).toBe(false);
    seen.add(s.menteeId);
    load.set(s.mentorId, (load.get(s.mentorId) ?? 0) + 1);
    expect(fixed.some((f) => f.menteeId === s.menteeId), "fixed mentees are not re-matched").toBe(false);
    expect((input.forbidden ?? []).some((f) => f.menteeId === s.menteeId && f.mentorId === s.mentorId), "forbidden pair").toBe(false);
    expect(evaluator.allowed(s.mentorId, s.menteeId)).toBe(true);
    expect(s.score).toBe(evaluator.score(s.mentorId, s.menteeId));
  }
  for (const m of input.mentors) {
    const fixedHere = fixed.filter((f) => f.mentorId === m.id).length;
    // Suggestions fit in the places fixed pairs left.
    expect((load.get(m.id) ?? 0) - fixedHere).toBeLessThanOrEqual(Math.max(0, m.capacity - fixedHere));
  }
  expect(r.kept.map((k) => [k.mentorId, k.menteeId])).toEqual(fixed.map((f) => [f.mentorId, f.menteeId]));
  // Every active mentee is either suggested or listed as unmatched.
  const active = input.mentees.filter((e) => !fixed.some((f) => f.menteeId === e.id)).map((e) => e.id);
  expect([...r.suggestions.map((s) => s.menteeId), ...r.unmatched.map((u) => u.menteeId)].sort()).toEqual([...active].sort());
  expect(r.mode).toBe(mode);
}

describe("hard constraints in every mode", () => {
  it("respect capacity, forbidden pairs, fixed pairs and the policy on random cohorts", () => {
    fc.assert(
      fc.property(cohortArb(8, 5), policyArb, fc.constantFrom(...MATCH_MODES), fc.boolean(), (input, policy, mode, prune) => {
        const r = suggestPairs(input, { mode, policy, ...(prune ? { denseLimit: 0, candidatesPerMentee: 1 } : {}) });
        expectValid(input, mode, r, policy);
      }),
      { numRuns: 300 },
    );
  });

  it("never suggests a forbidden pair, even the only mutual choice", () => {
    const input: MatchingInput = {
      mentors: [mentor("A"), mentor("B")],
      mentees: [mentee("x")],
      choices: mutual("x", "A"),
      forbidden: [{ mentorId: "A", menteeId: "x", cause: "conflict" }],
    };
    for (const mode of MATCH_MODES) {
      expect(suggestPairs(input, { mode }).suggestions.map((s) => s.mentorId)).toEqual(["B"]);
    }
  });

  it("keeps fixed pairs: their mentees are not re-matched and their mentors lose a place", () => {
    const input: MatchingInput = {
      mentors: [mentor("A", { capacity: 2 }), mentor("B")],
      mentees: [mentee("x"), mentee("y"), mentee("z")],
      // y and z would both love A, but x already sits with A for good.
      choices: [...mutual("y", "A"), ...mutual("z", "A", 2, 2)],
      fixed: [{ mentorId: "A", menteeId: "x" }],
    };
    for (const mode of MATCH_MODES) {
      const r = suggestPairs(input, { mode });
      expect(r.kept).toEqual([{ mentorId: "A", menteeId: "x", score: 1, reasons: [] }]);
      expect(r.suggestions.map((s) => `${s.mentorId}-${s.menteeId}`)).toEqual(["A-y", "B-z"]);
      expect(r.freeCapacity).toEqual([]);
    }
  });

  it("lets a mentor lead a group up to its capacity", () => {
    const input: MatchingInput = {
      mentors: [mentor("A", { capacity: 3, interests: ["robotics"] }), mentor("B", { interests: ["chess"] })],
      mentees: ["p", "q", "r", "s"].map((id) => mentee(id, { interests: ["robotics"] })),
    };
    const r = suggestPairs(input);
    expect(r.suggestions.filter((s) => s.mentorId === "A")).toHaveLength(3);
    expect(r.suggestions.filter((s) => s.mentorId === "B")).toHaveLength(1);
    expect(r.stats.matched).toBe(4);
  });

  it("rejects invalid input with a clear error", () => {
    expect(() => suggestPairs({ mentors: [mentor("A", { capacity: 0 })], mentees: [] })).toThrow(MatchingInputError);
    expect(() => suggestPairs({ mentors: [mentor("A"), mentor("A")], mentees: [] })).toThrow(/Duplicate/);
    expect(() => suggestPairs({ mentors: [mentor("A")], mentees: [mentee("x")], choices: [{ by: "mentee", menteeId: "x", mentorId: "A", rank: 0 }] })).toThrow(/rank/);
    expect(() => suggestPairs({ mentors: [mentor("A")], mentees: [mentee("x")] }, { weights: { goalCovered: -1 } })).toThrow(/goalCovered/);
    expect(() =>
      suggestPairs({ mentors: [mentor("A"), mentor("B")], mentees: [mentee("x")], fixed: [{ mentorId: "A", menteeId: "x" }, { mentorId: "B", menteeId: "x" }] }),
    ).toThrow(/two fixed pairs/);
  });
});

describe("most_matched against best_total", () => {
  // x and A chose each other (a big score); x also fits B a little; y can only go to A.
  // best_total: x–A alone (1000+ points) beats x–B + y–A; most_matched pairs both.
  const input: MatchingInput = {
    mentors: [mentor("A", { interests: ["chess"] }), mentor("B", { interests: ["chess"] })],
    mentees: [mentee("x", { interests: ["chess"] }), mentee("y", { interests: ["chess"] })],
    choices: mutual("x", "A"),
    forbidden: [{ mentorId: "B", menteeId: "y", cause: "curator_rejected" }],
  };

  it("matches more mentees when the best total would leave one alone", () => {
    const best = suggestPairs(input, { mode: "best_total" });
    const most = suggestPairs(input, { mode: "most_matched" });
    expect(best.suggestions.map((s) => `${s.mentorId}-${s.menteeId}`)).toEqual(["A-x"]);
    expect(best.unmatched).toEqual([{ menteeId: "y", cause: "no_capacity", candidates: 1 }]);
    expect(most.suggestions.map((s) => `${s.mentorId}-${s.menteeId}`)).toEqual(["A-y", "B-x"]);
    expect(most.stats.matched).toBeGreaterThan(best.stats.matched);
    expect(most.stats.totalScore).toBeLessThan(best.stats.totalScore);
  });
});

describe("policy", () => {
  const input: MatchingInput = {
    mentors: [mentor("A", { slots: ["mon-evening"] }), mentor("B", { slots: ["tue-morning"] })],
    mentees: [mentee("x", { slots: ["mon-evening"] }), mentee("y", { slots: ["sun-morning"] })],
    choices: [{ by: "mentee", menteeId: "y", mentorId: "B", rank: 1 }],
  };

  const timeNotRequired = { mustHave: { time: false } };

  it("by default never pairs people without a common slot, even when someone chose", () => {
    const r = suggestPairs(input);
    expect(r.suggestions.map((s) => `${s.mentorId}-${s.menteeId}`)).toEqual(["A-x"]);
    expect(r.unmatched).toEqual([{ menteeId: "y", cause: "no_compatible_time", candidates: 0 }]);
    // A mutual choice does not override a must-have either.
    const chosen = suggestPairs({ ...input, choices: mutual("y", "B") });
    expect(chosen.suggestions.map((s) => `${s.mentorId}-${s.menteeId}`)).toEqual(["A-x"]);
  });

  it("with common time not a must-have, pairs people without a common slot only when someone chose", () => {
    const r = suggestPairs(input, { policy: timeNotRequired });
    expect(r.suggestions.map((s) => `${s.mentorId}-${s.menteeId}`)).toEqual(["A-x", "B-y"]);
    expect(r.suggestions[1]!.reasons.map((x) => x.code)).toEqual(["mentee_choice", "no_common_time"]);
  });

  it("requires a mutual choice when asked", () => {
    const r = suggestPairs(input, { policy: { ...timeNotRequired, requireChoice: "mutual" } });
    expect(r.suggestions).toEqual([]);
    expect(r.unmatched.map((u) => u.cause)).toEqual(["no_mutual_choice", "no_mutual_choice"]);
  });

  it("allows pairs without a common slot when the time rule is off", () => {
    const noChoice = { ...input, choices: [] };
    expect(suggestPairs(noChoice, { policy: timeNotRequired }).unmatched).toEqual([{ menteeId: "y", cause: "no_compatible_time", candidates: 0 }]);
    const r = suggestPairs(noChoice, { policy: { ...timeNotRequired, requireTimeOrChoice: false } });
    expect(r.stats.matched).toBe(2);
  });
});

describe("must-haves", () => {
  const input: MatchingInput = {
    mentors: [
      mentor("A", { formats: ["offline"], menteeGrades: { min: 9, max: 11 }, interests: ["chess", "robotics", "music"] }),
      mentor("B", { formats: ["online"], menteeGrades: { min: 5, max: 7 } }),
    ],
    mentees: [mentee("x", { formats: ["online"], grade: 6, interests: ["chess", "robotics", "music"] })],
    // x and A chose each other, and share every interest, but they have no common format.
    choices: mutual("x", "A"),
  };

  it("a common format is a must-have by default: the mutual choice does not make the pair", () => {
    expect(suggestPairs(input).suggestions.map((s) => s.mentorId)).toEqual(["B"]);
    expect(suggestPairs(input, { policy: { mustHave: { format: false } } }).suggestions.map((s) => s.mentorId)).toEqual(["A"]);
  });

  it("the grade within the mentor's preference is a must-have when the programme says so", () => {
    const noB = { ...input, mentors: [mentor("A", { menteeGrades: { min: 9, max: 11 } })], choices: [] };
    expect(suggestPairs(noB).stats.matched).toBe(1);
    const r = suggestPairs(noB, { policy: { mustHave: { grade: true } } });
    expect(r.suggestions).toEqual([]);
    expect(r.unmatched).toEqual([{ menteeId: "x", cause: "no_must_have", candidates: 0 }]);
  });

  it("answers nobody gave never exclude a pair", () => {
    const silent: MatchingInput = { mentors: [mentor("A")], mentees: [mentee("x", { formats: ["online"], grade: 6, slots: ["mon-evening"] })] };
    expect(suggestPairs(silent, { policy: { mustHave: { time: true, format: true, grade: true } } }).stats.matched).toBe(1);
  });

  it("no suggested pair breaks a must-have on random cohorts, in any mode, pruned or not", () => {
    fc.assert(
      fc.property(cohortArb(8, 5), policyArb, fc.constantFrom(...MATCH_MODES), fc.boolean(), (input, policy, mode, prune) => {
        const r = suggestPairs(input, { mode, policy, ...(prune ? { denseLimit: 0, candidatesPerMentee: 1 } : {}) });
        const e = pairEvaluator(input, { policy });
        for (const s of r.suggestions) expect(e.brokenMustHave(s.mentorId, s.menteeId)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it("rejects a must-have that is not true or false", () => {
    expect(() => suggestPairs({ mentors: [], mentees: [] }, { policy: { mustHave: { time: "yes" as unknown as boolean } } })).toThrow(/Must-have time/);
  });
});
