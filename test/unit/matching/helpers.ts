/**
 * Builders, random cohorts (fast-check) and independent reference solvers for the matching tests.
 * The references only use the public pairEvaluator (admissibility and score of one pair), never
 * the solvers under test.
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import {
  pairEvaluator,
  type ChoiceInput,
  type MatchingInput,
  type MatchingOptions,
  type MeetingFormat,
  type MenteeInput,
  type MentorInput,
} from "../../../src/domain/matching/index.js";

export function mentor(id: string, over: Partial<MentorInput> = {}): MentorInput {
  return { id, capacity: 1, competencies: [], interests: [], menteeGrades: null, slots: [], formats: [], ...over };
}

export function mentee(id: string, over: Partial<MenteeInput> = {}): MenteeInput {
  return { id, goals: [], interests: [], grade: null, slots: [], formats: [], ...over };
}

export function choice(by: "mentee" | "mentor", menteeId: string, mentorId: string, rank: number, question?: ChoiceInput["question"]): ChoiceInput {
  return { by, menteeId, mentorId, rank, ...(question ? { question } : {}) };
}

/** Mutual choice with the given ranks. */
export function mutual(menteeId: string, mentorId: string, menteeRank = 1, mentorRank = 1): ChoiceInput[] {
  return [choice("mentee", menteeId, mentorId, menteeRank), choice("mentor", menteeId, mentorId, mentorRank)];
}

const codes = (prefix: string, k: number): fc.Arbitrary<string[]> => fc.subarray(Array.from({ length: k }, (_, i) => `${prefix}${i}`));
const formatsArb: fc.Arbitrary<MeetingFormat[]> = fc.subarray(["offline", "online"] as MeetingFormat[]);

/** A random small cohort: up to `maxMentees` mentees and `maxMentors` mentors, small vocabularies (many ties). */
export function cohortArb(maxMentees = 6, maxMentors = 4, maxCapacity = 3): fc.Arbitrary<MatchingInput> {
  return fc
    .record({ n: fc.integer({ min: 0, max: maxMentees }), m: fc.integer({ min: 0, max: maxMentors }) })
    .chain(({ n, m }) => {
      const mentorArb = fc.record({
        capacity: fc.integer({ min: 1, max: maxCapacity }),
        competencies: codes("g", 4),
        interests: codes("i", 4),
        grades: fc.option(fc.record({ min: fc.integer({ min: 5, max: 8 }), span: fc.integer({ min: 0, max: 2 }) })),
        slots: codes("s", 4),
        formats: formatsArb,
      });
      const menteeArb = fc.record({
        goals: codes("g", 4),
        interests: codes("i", 4),
        grade: fc.option(fc.integer({ min: 5, max: 9 })),
        slots: codes("s", 4),
        formats: formatsArb,
        profile: codes("i", 3),
      });
      const pairArb = fc.record({ u: fc.nat({ max: Math.max(0, n - 1) }), v: fc.nat({ max: Math.max(0, m - 1) }) });
      // Without mentors or mentees there are no pairs to choose, forbid or fix.
      const upTo = (k: number): number => (n > 0 && m > 0 ? k : 0);
      return fc.record({
        mentors: fc.array(mentorArb, { minLength: m, maxLength: m }),
        mentees: fc.array(menteeArb, { minLength: n, maxLength: n }),
        choices: fc.array(
          fc.record({
            pair: pairArb,
            by: fc.constantFrom("mentee" as const, "mentor" as const),
            rank: fc.integer({ min: 1, max: 4 }),
            question: fc.constantFrom("work_with" as const, "can_help" as const),
          }),
          { maxLength: upTo(10) },
        ),
        forbidden: fc.array(pairArb, { maxLength: upTo(3) }),
        fixed: fc.array(pairArb, { maxLength: upTo(2) }),
      });
    })
    .map((r): MatchingInput => {
      const mentors = r.mentors.map((x, v) =>
        mentor(`r${v}`, {
          capacity: x.capacity,
          competencies: x.competencies,
          interests: x.interests,
          menteeGrades: x.grades ? { min: x.grades.min, max: x.grades.min + x.grades.span } : null,
          slots: x.slots,
          formats: x.formats,
        }),
      );
      const mentees = r.mentees.map((x, u) =>
        mentee(`e${u}`, { goals: x.goals, interests: x.interests, grade: x.grade, slots: x.slots, formats: x.formats, preferredMentorProfile: x.profile }),
      );
      const fixedMentees = new Set<number>();
      return {
        mentors,
        mentees,
        choices: r.choices.map((c) => choice(c.by, `e${c.pair.u}`, `r${c.pair.v}`, c.rank, c.question)),
        forbidden: r.forbidden.map((p) => ({ menteeId: `e${p.u}`, mentorId: `r${p.v}`, cause: "conflict" as const })),
        fixed: r.fixed
          .filter((p) => !fixedMentees.has(p.u) && fixedMentees.add(p.u))
          .map((p) => ({ menteeId: `e${p.u}`, mentorId: `r${p.v}` })),
      };
    });
}

export const policyArb = fc.record({
  requireChoice: fc.constantFrom("none" as const, "any" as const, "mutual" as const),
  requireTimeOrChoice: fc.boolean(),
  mustHave: fc.record({ time: fc.boolean(), format: fc.boolean(), grade: fc.boolean() }),
});

/** Weights where ties and rounding matter: small integers and halves. */
export const weightsArb = fc.option(
  fc.record({
    mutualChoice: fc.integer({ min: 0, max: 60 }),
    oneSidedChoice: fc.integer({ min: 0, max: 30 }),
    rankBonus: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 3 }),
    goalCovered: fc.integer({ min: 0, max: 8 }).map((x) => x / 2),
    sharedInterest: fc.integer({ min: 0, max: 5 }),
    commonSlot: fc.integer({ min: 0, max: 5 }),
    maxItemsCounted: fc.integer({ min: 1, max: 3 }),
  }),
  { nil: undefined },
);

export interface Reference {
  total: number;
  count: number;
}

/**
 * Exhaustive search over assignments (each active mentee: alone or an allowed mentor with a place).
 * Returns the best (count, total) for most_matched, and for best_total the best total with the
 * most mentees matched among the assignments that reach it.
 */
export function bruteForce(
  input: MatchingInput,
  options: MatchingOptions = {},
): { bestTotal: number; bestTotalCount: number; mostMatched: Reference; maxCount: number } {
  const evaluator = pairEvaluator(input, options);
  const fixedMentees = new Set((input.fixed ?? []).map((f) => f.menteeId));
  const places = new Map(input.mentors.map((r) => [r.id, r.capacity]));
  for (const f of input.fixed ?? []) if (places.has(f.mentorId)) places.set(f.mentorId, Math.max(0, places.get(f.mentorId)! - 1));
  const active = input.mentees.filter((e) => !fixedMentees.has(e.id));
  const options_ = active.map((e) =>
    input.mentors.filter((r) => evaluator.allowed(r.id, e.id)).map((r) => ({ mentorId: r.id, score: evaluator.score(r.id, e.id) })),
  );
  let bestTotal = 0;
  let bestTotalCount = 0;
  let most: Reference = { count: 0, total: 0 };
  const left = new Map(places);
  const walk = (i: number, count: number, total: number): void => {
    if (i === active.length) {
      if (total > bestTotal || (total === bestTotal && count > bestTotalCount)) [bestTotal, bestTotalCount] = [total, count];
      if (count > most.count || (count === most.count && total > most.total)) most = { count, total };
      return;
    }
    walk(i + 1, count, total);
    for (const o of options_[i]!) {
      const p = left.get(o.mentorId)!;
      if (p === 0) continue;
      left.set(o.mentorId, p - 1);
      walk(i + 1, count + 1, total + o.score);
      left.set(o.mentorId, p);
    }
  };
  walk(0, 0, 0);
  return { bestTotal, bestTotalCount, mostMatched: most, maxCount: most.count };
}

type Hungarian = (matrix: number[][], isProfit?: boolean) => [number, number][];
const hungarian = createRequire(import.meta.url)("hungarian-on3") as Hungarian;

/**
 * Reference optimum with the npm package hungarian-on3: mentor places expanded into columns,
 * a square matrix padded with "no pair" cells; cost = big − weight, so minimum cost = maximum
 * weight (every weight ≥ 0, a 0 cell is the same as staying alone).
 * weight = score (best_total) or score + bonus (most_matched: the count comes first).
 */
export function hungarianOptimum(input: MatchingInput, options: MatchingOptions = {}, countFirst = false): Reference {
  const evaluator = pairEvaluator(input, options);
  const fixedMentees = new Set((input.fixed ?? []).map((f) => f.menteeId));
  const active = input.mentees.filter((e) => !fixedMentees.has(e.id));
  const places = new Map(input.mentors.map((r) => [r.id, r.capacity]));
  for (const f of input.fixed ?? []) if (places.has(f.mentorId)) places.set(f.mentorId, Math.max(0, places.get(f.mentorId)! - 1));
  const columns = input.mentors.flatMap((r) => Array.from({ length: places.get(r.id)! }, () => r.id));
  const scores = active.map((e) => columns.map((id) => (evaluator.allowed(id, e.id) ? evaluator.score(id, e.id) : 0)));
  const maxScore = Math.max(1, ...scores.flat());
  const bonus = countFirst ? maxScore * (active.length + 1) : 0;
  const weight = (s: number): number => (s > 0 ? s + bonus : 0);
  const size = Math.max(active.length, columns.length, 1);
  const big = maxScore + bonus + 1;
  const matrix = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => big - weight(scores[i]?.[j] ?? 0)));
  let total = 0;
  let count = 0;
  for (const [i, j] of hungarian(matrix)) {
    const s = scores[i]?.[j] ?? 0;
    if (s > 0) {
      total += s;
      count++;
    }
  }
  return { total, count };
}
