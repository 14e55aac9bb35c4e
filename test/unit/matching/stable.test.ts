import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findBlockingPairs, pairEvaluator, suggestPairs, type MatchingInput, type MatchingOptions } from "../../../src/domain/matching/index.js";
import { cohortArb, mentee, mentor, mutual, policyArb } from "./helpers.js";

type Pair = { mentorId: string; menteeId: string };
const key = (p: Pair): string => `${p.mentorId}-${p.menteeId}`;

function places(input: MatchingInput): Map<string, number> {
  const left = new Map(input.mentors.map((r) => [r.id, r.capacity]));
  for (const f of input.fixed ?? []) if (left.has(f.mentorId)) left.set(f.mentorId, Math.max(0, left.get(f.mentorId)! - 1));
  return left;
}

function activeMentees(input: MatchingInput): string[] {
  const fixed = new Set((input.fixed ?? []).map((f) => f.menteeId));
  return input.mentees.map((e) => e.id).filter((id) => !fixed.has(id));
}

/**
 * Independent reference: with preferences derived from one score (ties: mentee id, then mentor id),
 * the stable matching is unique and is built greedily from the best pair down.
 */
function greedyStable(input: MatchingInput, options: MatchingOptions): string[] {
  const evaluator = pairEvaluator(input, options);
  const edges = activeMentees(input).flatMap((e) =>
    input.mentors.filter((r) => evaluator.allowed(r.id, e)).map((r) => ({ menteeId: e, mentorId: r.id, score: evaluator.score(r.id, e) })),
  );
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  edges.sort((a, b) => b.score - a.score || cmp(a.menteeId, b.menteeId) || cmp(a.mentorId, b.mentorId));
  const left = places(input);
  const taken = new Set<string>();
  const out: string[] = [];
  for (const e of edges) {
    if (taken.has(e.menteeId) || left.get(e.mentorId)! === 0) continue;
    taken.add(e.menteeId);
    left.set(e.mentorId, left.get(e.mentorId)! - 1);
    out.push(key(e));
  }
  return out.sort();
}

/** Independent reference of the blocking-pair definition. */
function blockingReference(input: MatchingInput, pairs: Pair[], options: MatchingOptions = {}): string[] {
  const evaluator = pairEvaluator(input, options);
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const mentorOf = new Map(pairs.map((p) => [p.menteeId, p.mentorId]));
  const left = places(input);
  const menteesOf = new Map<string, string[]>();
  for (const p of pairs) menteesOf.set(p.mentorId, [...(menteesOf.get(p.mentorId) ?? []), p.menteeId]);
  // a is better than b for a mentee (mentor ids) / for a mentor (mentee ids): higher score, then smaller id.
  const better = (sa: number, ida: string, sb: number, idb: string): boolean => sa > sb || (sa === sb && cmp(ida, idb) < 0);
  const out: string[] = [];
  for (const e of activeMentees(input)) {
    const current = mentorOf.get(e);
    for (const r of input.mentors) {
      if (r.id === current || left.get(r.id)! === 0 || !evaluator.allowed(r.id, e)) continue;
      const s = evaluator.score(r.id, e);
      if (current !== undefined && !better(s, r.id, evaluator.score(current, e), current)) continue;
      const members = menteesOf.get(r.id) ?? [];
      const free = members.length < left.get(r.id)!;
      const worse = members.some((m) => better(s, e, evaluator.score(r.id, m), m));
      if (free || worse) out.push(`${r.id}-${e}`);
    }
  }
  return out.sort();
}

describe("stable mode", () => {
  it("leaves no blocking pair and equals the greedy reference on random cohorts, pruned or not", () => {
    fc.assert(
      fc.property(cohortArb(8, 5), policyArb, fc.boolean(), (input, policy, prune) => {
        const options: MatchingOptions = { mode: "stable", policy, ...(prune ? { denseLimit: 0, candidatesPerMentee: 1 } : {}) };
        const r = suggestPairs(input, options);
        expect(findBlockingPairs(input, r.suggestions, { policy })).toEqual([]);
        expect(r.suggestions.map(key).sort()).toEqual(greedyStable(input, options));
        expect(r.stats.proven).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("may score less than best_total, which can contain a blocking pair", () => {
    // x–A is everybody's favourite pair (1080); best_total prefers x–B (1020) + y–A (1060) to
    // x–A + y–B (1081, y and B share nothing but are allowed).
    const input: MatchingInput = {
      mentors: [mentor("A"), mentor("B")],
      mentees: [mentee("x"), mentee("y")],
      choices: [...mutual("x", "A", 1, 1), ...mutual("x", "B", 2, 3), ...mutual("y", "A", 1, 2)],
    };
    const stable = suggestPairs(input, { mode: "stable" });
    const best = suggestPairs(input, { mode: "best_total" });
    expect(findBlockingPairs(input, stable.suggestions)).toEqual([]);
    expect(best.stats.totalScore).toBeGreaterThanOrEqual(stable.stats.totalScore);
    expect(stable.suggestions.map(key)).toEqual(["A-x", "B-y"]);
    expect(stable.stats.totalScore).toBe(1081);
    expect(best.stats.totalScore).toBe(2080);
    expect(best.suggestions.map(key)).toEqual(["A-y", "B-x"]);
    expect(findBlockingPairs(input, best.suggestions).map(key)).toEqual(["A-x"]);
  });
});

describe("blocking-pair report", () => {
  it("finds a planted blocking pair and says what each side would give up", () => {
    // x and A chose each other first, but the suggestion set pairs x with B and y with A.
    const input: MatchingInput = {
      mentors: [mentor("A"), mentor("B")],
      mentees: [mentee("x"), mentee("y")],
      choices: [...mutual("x", "A"), { by: "mentee", menteeId: "y", mentorId: "A", rank: 3 }],
    };
    const blocking = findBlockingPairs(input, [
      { mentorId: "B", menteeId: "x" },
      { mentorId: "A", menteeId: "y" },
    ]);
    expect(blocking).toEqual([
      {
        mentorId: "A",
        menteeId: "x",
        score: 1080,
        menteeCurrent: { mentorId: "B", score: 1 },
        mentorWorst: { menteeId: "y", score: 60 },
      },
    ]);
  });

  it("reports a mentor with a free place as blocking for a mentee who prefers it", () => {
    const input: MatchingInput = {
      mentors: [mentor("A", { capacity: 2, interests: ["chess"] }), mentor("B")],
      mentees: [mentee("x", { interests: ["chess"] })],
    };
    expect(findBlockingPairs(input, [{ mentorId: "B", menteeId: "x" }])).toEqual([
      { mentorId: "A", menteeId: "x", score: 15, menteeCurrent: { mentorId: "B", score: 1 }, mentorWorst: null },
    ]);
    expect(findBlockingPairs(input, [{ mentorId: "A", menteeId: "x" }])).toEqual([]);
    // An unmatched mentee blocks with any allowed mentor that has room.
    expect(findBlockingPairs(input, []).map(key)).toEqual(["A-x", "B-x"]);
  });

  it("agrees with the definition on random suggestion sets", () => {
    const withSets = cohortArb(7, 4).chain((input) =>
      fc
        .array(fc.nat({ max: input.mentors.length }), { minLength: input.mentees.length, maxLength: input.mentees.length })
        .map((picks) => {
          // Random feasible pairs: each active mentee takes the picked mentor if it has room.
          const left = places(input);
          const active = new Set(activeMentees(input));
          const pairs: Pair[] = [];
          input.mentees.forEach((e, i) => {
            const r = input.mentors[picks[i]!];
            if (!r || !active.has(e.id) || left.get(r.id)! === 0) return;
            left.set(r.id, left.get(r.id)! - 1);
            pairs.push({ mentorId: r.id, menteeId: e.id });
          });
          return { input, pairs };
        }),
    );
    fc.assert(
      fc.property(withSets, ({ input, pairs }) => {
        expect(findBlockingPairs(input, pairs).map(key).sort()).toEqual(blockingReference(input, pairs));
      }),
      { numRuns: 300 },
    );
  });
});
