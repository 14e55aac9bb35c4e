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
 * Left-out pairs are pairs nobody chose (choice pairs are always candidates), whose score is
 * at most max(1, fitUpper(u)). Scanning mentors by decreasing π(v) therefore stops as soon as
 * max(1, fitUpper(u))·scale + bonus ≤ π(u) − π(v); rows that already hold all their allowed pairs
 * are skipped. Failing pairs join the candidates and the problem is solved again; the
 * candidate set only grows, so this ends, usually after one or two rounds.
 */
import type { CandidateSet } from "./candidates.js";
import { tightenPotentials } from "./dual.js";
import type { Instance } from "./instance.js";
import { AssignmentFlow, type AssignmentSolution } from "./min-cost-flow.js";
import type { PairScorer } from "./score.js";

/** Adds the left-out pairs that fail the optimality check; returns the mentees whose rows grew. */
export function addViolatingPairs(inst: Instance, scorer: PairScorer, set: CandidateSet, sol: AssignmentSolution, bonus: number, scale = 1): number[] {
  const n = inst.mentees.length;
  const m = inst.mentors.length;
  const byPotential = Int32Array.from({ length: m }, (_, v) => v)
    .filter((v) => inst.capacityLeft[v]! > 0)
    .sort((a, b) => sol.mentorPotential[b]! - sol.mentorPotential[a]! || a - b);
  const mark = new Int32Array(m).fill(-1);
  const grown: number[] = [];
  for (let u = 0; u < n; u++) {
    if (!inst.active[u] || set.complete[u]) continue;
    const pu = sol.menteePotential[u]!;
    const bound = Math.max(1, scorer.fitUpper(u)) * scale + bonus;
    for (const v of set.rowMentors[u]!) mark[v] = u;
    for (let i = inst.forbiddenStart[u]!; i < inst.forbiddenStart[u + 1]!; i++) mark[inst.forbiddenMentor[i]!] = u;
    for (let i = inst.choiceStart[u]!; i < inst.choiceStart[u + 1]!; i++) mark[inst.choiceMentor[i]!] = u;
    const before = set.rowMentors[u]!.length;
    for (const v of byPotential) {
      if (bound <= pu - sol.mentorPotential[v]!) break;
      if (mark[v] === u) continue;
      const f = scorer.fitChoiceFree(u, v);
      if (f < 0) continue;
      const s = f > 1 ? f : 1;
      if (s * scale + bonus > pu - sol.mentorPotential[v]!) set.add(u, v, s);
    }
    if (set.rowMentors[u]!.length > before) grown.push(u);
  }
  return grown;
}

export interface OptimiseResult {
  solution: AssignmentSolution;
  rounds: number;
  proven: boolean;
}

export function optimise(inst: Instance, scorer: PairScorer, set: CandidateSet, bonus: number, maxRounds: number, scale = 1): OptimiseResult {
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
  for (let round = 1; ; round++) {
    const solution = tightenPotentials(flow.graph, inst.capacityLeft, flow.solution(), bonus, scale);
    flow.setPotentials(solution.menteePotential, solution.mentorPotential);
    const grown = addViolatingPairs(inst, scorer, set, solution, bonus, scale);
    if (grown.length === 0) return { solution, rounds: round, proven: true };
    if (round >= maxRounds) return { solution, rounds: round, proven: false };
    flow.graph = set.toGraph();
    flow.rerouteRows(Int32Array.from(grown));
  }
}
