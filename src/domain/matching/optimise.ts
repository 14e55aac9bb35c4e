/**
 * best_total and most_matched: solve on the candidate pairs, then prove the result optimal
 * over ALL allowed pairs with the dual prices, adding the left-out pairs that fail the proof.
 *
 * A pair weighs score·scale + bonus (best_total: scale above any count and bonus 1, so the
 * total comes first and the number matched breaks ties; most_matched: scale 1 and a bonus
 * above any total). LP duality for the assignment with capacities: a matching on the candidate
 * pairs is optimal for the full set when every left-out allowed pair (u, v) satisfies
 *     score(u, v)·scale + bonus ≤ π(u) − π(v)
 * (its reduced cost is non-negative, so the residual graph still has no negative cycle).
 * Left-out pairs are pairs nobody chose (choice pairs are always candidates); a row's left-out
 * pairs score at most max(1, outsideBound(u)), the score of the last pair the row kept.
 * Scanning mentors by decreasing π(v) therefore stops as soon as that bound·scale + bonus
 * ≤ π(u) − π(v) (a binary search on the sorted potentials); rows that already hold all their
 * allowed pairs are skipped. The pairs of the scanned prefix are scored in one call
 * (PairScorer.fitRow), or read from the bytes the candidate pass kept (FitCache): on skewed
 * cohorts prices and utilities are close, so most rows must look at most mentors every round.
 * Failing pairs join the candidates and the problem is solved
 * again. Not all of them at once: on skewed cohorts (popular codes, a few mentors with many
 * competencies) the first graph leaves cheap mentors nearly empty, and millions of pairs fail,
 * whose shortest paths then take seconds each. A round adds per mentee and per mentor only the
 * most violated pairs (see CheckLimits), doubling the limits each round; the candidate set only
 * grows and a round that finds a failing pair adds it, so this ends, usually after four to six
 * rounds, with the same proof: no left-out allowed pair fails. Between rounds most prices stay
 * put, so a round looks again only at the pairs whose slack may have shrunk (CheckMemory).
 */
import type { CandidateSet } from "./candidates.js";
import { tightenPotentials } from "./dual.js";
import type { FitCache } from "./fit-cache.js";
import { TopKeys } from "./top-keys.js";
import type { Instance } from "./instance.js";
import { AssignmentFlow, type AssignmentSolution } from "./min-cost-flow.js";
import type { PairScorer } from "./score.js";

/**
 * How many failing pairs one round adds: per mentee its `perMentee` most violated, per mentor
 * `perPlace` per place left plus `perMentee` — the pairs that move the prices most. Each round
 * doubles both, so a cohort that needs many pairs gets them in a few rounds, and one that needs
 * few is not flooded (a flood of pairs makes every later shortest path long).
 */
export interface CheckLimits {
  perMentee: number;
  perPlace: number;
}

export const FIRST_CHECK_LIMITS: CheckLimits = { perMentee: 4, perPlace: 2 };

/**
 * What the previous check saw, so that the next one looks again only where something changed:
 * a left-out pair (u, v) that passed keeps passing while π(u) does not go down and π(v) does not
 * go up (its slack π(u) − π(v) − weight does not shrink). So a mentee is scanned in full only when
 * its potential went down or it had failing pairs that were not added; otherwise only against the
 * mentors whose potential went up.
 */
export class CheckMemory {
  readonly mentee: Float64Array;
  readonly mentor: Float64Array;
  readonly retry: Uint8Array;
  constructor(n: number, m: number) {
    this.mentee = new Float64Array(n).fill(Number.NaN);
    this.mentor = new Float64Array(m).fill(Number.NaN);
    this.retry = new Uint8Array(n);
  }
}

/**
 * Adds left-out pairs that fail the optimality check (the most violated ones within `limits`);
 * returns the mentees whose rows grew. None grows exactly when no left-out pair fails.
 */
export function addViolatingPairs(
  inst: Instance,
  scorer: PairScorer,
  set: CandidateSet,
  sol: AssignmentSolution,
  bonus: number,
  scale = 1,
  limits: CheckLimits = { perMentee: Infinity, perPlace: Infinity },
  memory: CheckMemory = new CheckMemory(inst.mentees.length, inst.mentors.length),
  cache: FitCache | null = null,
): number[] {
  const n = inst.mentees.length;
  const m = inst.mentors.length;
  const mentorPotential = sol.mentorPotential;
  const byPotential = Int32Array.from({ length: m }, (_, v) => v)
    .filter((v) => inst.capacityLeft[v]! > 0)
    .sort((a, b) => mentorPotential[b]! - mentorPotential[a]! || a - b);
  // Mentors whose potential went up since the last check (all of them at the first).
  const risen = byPotential.filter((v) => !(mentorPotential[v]! <= memory.mentor[v]!));
  const potentialOf = (list: Int32Array): Float64Array => Float64Array.from(list, (v) => mentorPotential[v]!);
  const byPotentialValue = potentialOf(byPotential);
  const risenValue = potentialOf(risen);
  const found = new Int32Array(n);
  const mark = new Int32Array(m).fill(-1);
  const fits = new Int32Array(m);
  const unlimited = !Number.isFinite(limits.perMentee);
  // Keys: violation · size + (size − 1 − index), so larger violations (then smaller indices) first.
  const rowTop = new TopKeys(unlimited ? 1 : limits.perMentee);
  const mentorTop: (TopKeys | null)[] = new Array(m).fill(null);
  const mentorLimit = (v: number): number => limits.perMentee + limits.perPlace * inst.capacityLeft[v]!;
  const added = new Set<number>();
  const grown: number[] = [];
  const add = (u: number, v: number): void => {
    const key = u * m + v;
    if (added.has(key)) return;
    added.add(key);
    const f = scorer.fitChoiceFree(u, v);
    set.add(u, v, f > 1 ? f : 1);
  };
  const offer = (u: number, v: number, violation: number): void => {
    found[u]!++;
    if (unlimited) {
      add(u, v);
      return;
    }
    rowTop.offer(violation * m + (m - 1 - v));
    const top = (mentorTop[v] ??= new TopKeys(mentorLimit(v)));
    top.offer(violation * n + (n - 1 - u));
  };
  for (let u = 0; u < n; u++) {
    if (!inst.active[u] || set.complete[u]) continue;
    const pu = sol.menteePotential[u]!;
    for (const v of set.rowMentors[u]!) mark[v] = u;
    for (let i = inst.forbiddenStart[u]!; i < inst.forbiddenStart[u + 1]!; i++) mark[inst.forbiddenMentor[i]!] = u;
    for (let i = inst.choiceStart[u]!; i < inst.choiceStart[u + 1]!; i++) mark[inst.choiceMentor[i]!] = u;
    rowTop.size = 0;
    // Only mentors with π(v) > π(u) − bound can fail: a prefix of the list.
    {
      const outside = set.outsideBound[u]!;
      const bound = (outside > 1 ? outside : 1) * scale + bonus;
      const full = memory.retry[u] === 1 || !(pu >= memory.mentee[u]!);
      const list = full ? byPotential : risen;
      const count = prefixAbove(full ? byPotentialValue : risenValue, pu - bound);
      if (count > 0) (cache ?? scorer).fitRow(u, fits, list, count);
      for (let i = 0; i < count; i++) {
        const f = fits[i]!;
        if (f < 0) continue;
        const v = list[i]!;
        const violation = (f > 1 ? f : 1) * scale + bonus - (pu - mentorPotential[v]!);
        if (violation > 0 && mark[v] !== u) offer(u, v, violation);
      }
    }
    for (let i = 0; i < rowTop.size; i++) add(u, m - 1 - (rowTop.keys[i]! % m));
  }
  for (let v = 0; v < m; v++) {
    const top = mentorTop[v];
    if (top) for (let i = 0; i < top.size; i++) add(n - 1 - (top.keys[i]! % n), v);
  }
  const rows = new Int32Array(n);
  for (const key of added) rows[Math.floor(key / m)]!++;
  for (let u = 0; u < n; u++) {
    if (rows[u]) grown.push(u);
    // Failing pairs left for a later round: look at the whole row again then.
    memory.retry[u] = found[u]! > rows[u]! ? 1 : 0;
  }
  memory.mentee.set(sol.menteePotential);
  memory.mentor.set(sol.mentorPotential);
  return grown;
}

/** How many leading values of a descending list are above x (binary search). */
function prefixAbove(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! > x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface OptimiseResult {
  solution: AssignmentSolution;
  rounds: number;
  proven: boolean;
}

export function optimise(inst: Instance, scorer: PairScorer, set: CandidateSet, bonus: number, maxRounds: number, scale = 1, cache: FitCache | null = null): OptimiseResult {
  const n = inst.mentees.length;
  const flow = new AssignmentFlow(n, inst.capacityLeft, bonus, scale);
  flow.graph = set.toGraph();
  // Rows with the most valuable pairs first: they settle the contested mentors early and later
  // rows mostly stop at once (the order does not change the optimum, only the work).
  const best = new Float64Array(n);
  for (let u = 0; u < n; u++) for (const s of set.rowScores[u]!) best[u] = Math.max(best[u]!, s);
  const rows = Int32Array.from({ length: n }, (_, u) => u).filter((u) => inst.active[u] === 1);
  rows.sort((a, b) => best[b]! - best[a]! || a - b);
  flow.addRows(rows);
  let limits = FIRST_CHECK_LIMITS;
  const memory = new CheckMemory(n, inst.mentors.length);
  for (let round = 1; ; round++) {
    const solution = tightenPotentials(flow.graph, inst.capacityLeft, flow.solution(), bonus, scale);
    flow.setPotentials(solution.menteePotential, solution.mentorPotential);
    const grown = addViolatingPairs(inst, scorer, set, solution, bonus, scale, limits, memory, cache);
    limits = { perMentee: limits.perMentee * 2, perPlace: limits.perPlace * 2 };
    if (grown.length === 0) return { solution, rounds: round, proven: true };
    if (round >= maxRounds) return { solution, rounds: round, proven: false };
    flow.graph = set.toGraph();
    flow.rerouteRows(Int32Array.from(grown));
  }
}
