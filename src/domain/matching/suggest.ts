/**
 * Whole-cohort suggestions of mentor–mentee pairs for one programme.
 *
 * 1. Prepare: validate, sort people by id, pack questionnaire codes, apply fixed pairs.
 * 2. Candidates: all allowed pairs on small cohorts (≤ denseLimit mentee×mentor pairs);
 *    otherwise every choice pair plus the best `candidatesPerMentee` fit-only pairs per mentee
 *    (best_total / most_matched: plus mentor-side seeds, and every pair's fit kept for the check).
 * 3. Solve:
 *    - best_total: maximum-weight assignment with capacities (min-cost flow), proven optimal
 *      over all allowed pairs by the dual check, adding left-out pairs if needed; among equal
 *      totals the one with the most matched mentees (each pair weighs score·K + 1, K above any
 *      count), so the result does not depend on the candidate pruning;
 *    - most_matched: the same with a bonus B on every pair larger than any possible total
 *      score, so the number of matched mentees comes first and the score second;
 *    - stable: mentee-proposing deferred acceptance on score-derived preferences.
 * 4. Explain: reasons per suggestion, causes for unmatched mentees.
 */
import { buildCandidates, type MentorSeeds } from "./candidates.js";
import { FIT_CACHE_LIMIT, FitCache } from "./fit-cache.js";
import { prepareInstance, type Instance, type InstanceOptions } from "./instance.js";
import { optimise } from "./optimise.js";
import { PairScorer } from "./score.js";
import { blockingPairsOf, deferredAcceptance } from "./stable.js";
import type { BlockingPair, KeptPair, MatchingInput, MatchingResult, MatchMode, Suggestion } from "./types.js";
import { MatchingInputError } from "./types.js";
import { unmatchedMentee } from "./unmatched.js";

export interface MatchingOptions extends InstanceOptions {
  /** Default best_total. */
  mode?: MatchMode;
  /** Up to this many mentee × mentor pairs, every allowed pair is a candidate. Default 250 000. */
  denseLimit?: number;
  /** Above denseLimit: fit-only candidates kept per mentee (choice pairs come on top). Default 16. */
  candidatesPerMentee?: number;
  /** best_total / most_matched: solve rounds before giving up the optimality proof. Default 12. */
  maxRounds?: number;
}

export const DEFAULT_DENSE_LIMIT = 250_000;
export const DEFAULT_CANDIDATES_PER_MENTEE = 16;
export const DEFAULT_MAX_ROUNDS = 12;
/** Mentor-side seeds of the optimising modes: two per place and two more. */
const MENTOR_SEEDS: MentorSeeds = { perPlace: 2, extra: 2 };

/**
 * Pair weight score·scale + bonus of the optimising modes, with K = most pairs possible + 1:
 *   best_total:   scale K, bonus 1 — the total first, then the number of matched mentees;
 *   most_matched: scale 1, bonus maxScore·(K − 1) + 1 (above any total) — the count first.
 */
function pairWeight(inst: Instance, scorer: PairScorer, mode: "best_total" | "most_matched"): { scale: number; bonus: number } {
  let maxScore = 1;
  const maxRank = Math.max(0, ...inst.weights.rankBonus.map((b) => Math.round(b)));
  const choice = Math.max(Math.round(inst.weights.mutualChoice) + 2 * maxRank, Math.round(inst.weights.oneSidedChoice) + maxRank);
  for (let u = 0; u < inst.mentees.length; u++) maxScore = Math.max(maxScore, choice + scorer.fitUpper(u));
  const places = inst.capacityLeft.reduce((a, b) => a + b, 0);
  const most = Math.max(1, Math.min(inst.mentees.length, places));
  const weight = mode === "best_total" ? { scale: most + 1, bonus: 1 } : { scale: 1, bonus: maxScore * most + 1 };
  // The largest pair weight (most_matched: the bonus, as the score is far below it) keeps every sum exact.
  const largest = mode === "best_total" ? maxScore * weight.scale + weight.bonus : weight.bonus;
  if (largest * (inst.mentees.length + 1) * 4 > Number.MAX_SAFE_INTEGER) {
    throw new MatchingInputError(`Weights too large for ${mode}`);
  }
  return weight;
}

export function suggestPairs(input: MatchingInput, options: MatchingOptions = {}): MatchingResult {
  const mode = options.mode ?? "best_total";
  if (!["best_total", "most_matched", "stable"].includes(mode)) throw new MatchingInputError(`Unknown mode ${String(mode)}`);
  const inst = prepareInstance(input, options);
  const scorer = new PairScorer(inst);
  const n = inst.mentees.length;
  const m = inst.mentors.length;
  const activeCount = inst.active.reduce((a, b) => a + b, 0);
  const dense = activeCount * m <= (options.denseLimit ?? DEFAULT_DENSE_LIMIT);
  const perMentee = dense ? Infinity : (options.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE);
  // The optimising modes on a pruned graph: mentor-side seeds, and the fits kept for the check.
  const pruned = !dense && mode !== "stable" && inst.policy.requireChoice === "none";
  // Stable matching reads the kept fits when a mentee's list runs out of candidates.
  const keep = !dense && inst.policy.requireChoice === "none" && n * m <= FIT_CACHE_LIMIT;
  const cache = keep ? new FitCache(scorer, n, m) : null;
  const set = buildCandidates(inst, scorer, perMentee, { ...(pruned ? { seeds: MENTOR_SEEDS } : {}), ...(cache ? { cache } : {}) });

  let mentorOf: Int32Array;
  let scoreOf: Float64Array;
  let rounds = 1;
  let proven: boolean;
  if (mode === "stable") {
    ({ mentorOf, scoreOf } = deferredAcceptance(inst, scorer, set, cache));
    proven = true;
  } else {
    const { scale, bonus } = pairWeight(inst, scorer, mode);
    const r = optimise(inst, scorer, set, bonus, options.maxRounds ?? DEFAULT_MAX_ROUNDS, scale, cache);
    ({ mentorOf, scoreOf } = r.solution);
    rounds = r.rounds;
    proven = r.proven;
  }

  // The graph as the solver left it: the optimality check may have added pairs.
  const candidateEdges = set.edgeCount;
  const suggestions: Suggestion[] = [];
  const unmatched = [];
  const load = new Int32Array(m);
  const mark = new Int32Array(m).fill(-1);
  let totalScore = 0;
  for (let u = 0; u < n; u++) {
    if (!inst.active[u]) continue;
    const v = mentorOf[u]!;
    if (v < 0) {
      unmatched.push(unmatchedMentee(inst, scorer, u, mark));
      continue;
    }
    load[v]!++;
    totalScore += scoreOf[u]!;
    suggestions.push({ mentorId: inst.mentors[v]!.id, menteeId: inst.mentees[u]!.id, score: scoreOf[u]!, reasons: scorer.explain(u, v) });
  }
  suggestions.sort((a, b) => inst.mentorIndex.get(a.mentorId)! - inst.mentorIndex.get(b.mentorId)! || inst.menteeIndex.get(a.menteeId)! - inst.menteeIndex.get(b.menteeId)!);
  const freeCapacity = [];
  for (let v = 0; v < m; v++) {
    const free = inst.capacityLeft[v]! - load[v]!;
    if (free > 0) freeCapacity.push({ mentorId: inst.mentors[v]!.id, free });
  }
  return {
    mode,
    suggestions,
    kept: keptPairs(inst, scorer, input),
    unmatched,
    freeCapacity,
    stats: { mentors: m, mentees: activeCount, matched: suggestions.length, totalScore, candidateEdges, rounds, proven },
  };
}

function keptPairs(inst: Instance, scorer: PairScorer, input: MatchingInput): KeptPair[] {
  return (input.fixed ?? []).map((f) => {
    const u = inst.menteeIndex.get(f.menteeId);
    const v = inst.mentorIndex.get(f.mentorId);
    if (u === undefined || v === undefined) return { mentorId: f.mentorId, menteeId: f.menteeId, score: null, reasons: [] };
    return { mentorId: f.mentorId, menteeId: f.menteeId, score: scorer.score(u, v), reasons: scorer.explain(u, v) };
  });
}

/**
 * The blocking (unstable) pairs of ANY set of suggested pairs: an allowed mentor and mentee, not
 * paired together, who both would rather be together — the mentee prefers the mentor to its
 * suggested one (or has none), and the mentor has a free place or prefers the mentee to the worst
 * mentee suggested to it. Preferences are those of the stable mode (score, then id). Fixed pairs
 * of the input keep their places and cannot be broken; pairs naming unknown people or fixed-pair
 * mentees are ignored. Ordered by mentee id, then mentor id.
 */
export function findBlockingPairs(
  input: MatchingInput,
  pairs: readonly { mentorId: string; menteeId: string }[],
  options: InstanceOptions = {},
): BlockingPair[] {
  const inst = prepareInstance(input, options);
  const scorer = new PairScorer(inst);
  const mentorOf = new Int32Array(inst.mentees.length).fill(-1);
  for (const p of pairs) {
    const u = inst.menteeIndex.get(p.menteeId);
    const v = inst.mentorIndex.get(p.mentorId);
    if (u === undefined || v === undefined || !inst.active[u]) continue;
    if (mentorOf[u]! >= 0) throw new MatchingInputError(`Mentee ${p.menteeId} appears in two pairs`);
    mentorOf[u] = v;
  }
  return blockingPairsOf(inst, scorer, mentorOf).map((b) => {
    const current = mentorOf[b.u]!;
    return {
      mentorId: inst.mentors[b.v]!.id,
      menteeId: inst.mentees[b.u]!.id,
      score: b.score,
      menteeCurrent: current < 0 ? null : { mentorId: inst.mentors[current]!.id, score: scorer.score(b.u, current) },
      mentorWorst: b.worst < 0 ? null : { menteeId: inst.mentees[b.worst]!.id, score: scorer.score(b.worst, b.v) },
    };
  });
}

/** Score, reasons and admissibility of any single pair of the input, by ids (for curators' "why?" questions). */
export interface PairEvaluator {
  /** Whether the pair may be suggested (not forbidden, passes the policy; capacity ignored). */
  allowed(mentorId: string, menteeId: string): boolean;
  score(mentorId: string, menteeId: string): number;
  reasons(mentorId: string, menteeId: string): ReturnType<PairScorer["explain"]>;
  /** The programme's must-have the pair breaks (common time, format, grade), or null. */
  brokenMustHave(mentorId: string, menteeId: string): ReturnType<PairScorer["brokenMustHave"]>;
}

export function pairEvaluator(input: MatchingInput, options: InstanceOptions = {}): PairEvaluator {
  const inst = prepareInstance(input, options);
  const scorer = new PairScorer(inst);
  const indices = (mentorId: string, menteeId: string): [number, number] => {
    const u = inst.menteeIndex.get(menteeId);
    const v = inst.mentorIndex.get(mentorId);
    if (u === undefined || v === undefined) throw new MatchingInputError(`Unknown pair ${mentorId}/${menteeId}`);
    return [u, v];
  };
  return {
    allowed: (mentorId, menteeId) => scorer.allowed(...indices(mentorId, menteeId)),
    score: (mentorId, menteeId) => scorer.score(...indices(mentorId, menteeId)),
    reasons: (mentorId, menteeId) => scorer.explain(...indices(mentorId, menteeId)),
    brokenMustHave: (mentorId, menteeId) => scorer.brokenMustHave(...indices(mentorId, menteeId)),
  };
}
