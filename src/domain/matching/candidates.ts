/**
 * Candidate pairs the solvers work on.
 *
 * Every allowed pair with a choice (either side) is always a candidate. Pairs nobody chose are
 * all candidates when the mentee row is small enough (`perMentee` ≥ the number of such allowed
 * pairs — the default on small cohorts); otherwise only the `perMentee` best of them by score
 * (ties: mentor id) are kept and the row is marked incomplete. Pruning never decides the result
 * on its own: the optimisers check every left-out pair against the dual prices and add the ones
 * that could improve the total (see optimise.ts), and stable matching extends a mentee's list
 * when it runs out (see stable.ts).
 *
 * The optimising modes add mentor-side seeds (see MentorSeeds) and keep every pair's fit for
 * the check (FitCache); the rows of all pairs are scored in one pass (PairScorer.fitRow).
 *
 * Mentors with no place left (all taken by fixed pairs) get no candidates.
 */
import type { Instance } from "./instance.js";
import type { FitCache } from "./fit-cache.js";
import { TopKeys } from "./top-keys.js";
import type { PairScorer } from "./score.js";

/** Preference key of mentor v for a mentee: higher score first, then the smaller mentor index. */
export function mentorKey(score: number, v: number, mentors: number): number {
  return score * mentors + (mentors - 1 - v);
}

export class CandidateSet {
  readonly rowMentors: number[][];
  readonly rowScores: number[][];
  /** 1 when the row holds every allowed pair of the mentee with a mentor who has places. */
  readonly complete: Uint8Array;
  /** Incomplete rows: every left-out pair has a smaller mentorKey than this. */
  readonly threshold: Float64Array;
  /** Incomplete rows: every pair left out of the row that nobody chose scores at most this. */
  readonly outsideBound: Float64Array;

  constructor(readonly n: number) {
    this.rowMentors = Array.from({ length: n }, () => []);
    this.rowScores = Array.from({ length: n }, () => []);
    this.complete = new Uint8Array(n).fill(1);
    this.threshold = new Float64Array(n).fill(-Infinity);
    this.outsideBound = new Float64Array(n).fill(-1);
  }

  add(u: number, v: number, score: number): void {
    this.rowMentors[u]!.push(v);
    this.rowScores[u]!.push(score);
  }

  get edgeCount(): number {
    let e = 0;
    for (const row of this.rowMentors) e += row.length;
    return e;
  }

  /** Compressed rows for the solver. */
  toGraph(): CandidateGraph {
    const start = new Int32Array(this.n + 1);
    for (let u = 0; u < this.n; u++) start[u + 1] = start[u]! + this.rowMentors[u]!.length;
    const mentor = new Int32Array(start[this.n]!);
    const score = new Float64Array(start[this.n]!);
    for (let u = 0; u < this.n; u++) {
      mentor.set(this.rowMentors[u]!, start[u]!);
      score.set(this.rowScores[u]!, start[u]!);
    }
    return { start, mentor, score };
  }
}

/** Candidate edges in compressed rows: edges start[u] .. start[u+1]-1 belong to mentee u. */
export interface CandidateGraph {
  start: Int32Array;
  mentor: Int32Array;
  score: Float64Array;
}

/** Adds the choice pairs of mentee u and marks them and the forbidden mentors in `mark` with stamp. */
function addChoicePairs(inst: Instance, scorer: PairScorer, set: CandidateSet, u: number, mark: Int32Array, stamp: number): void {
  for (let i = inst.forbiddenStart[u]!; i < inst.forbiddenStart[u + 1]!; i++) mark[inst.forbiddenMentor[i]!] = stamp;
  for (let i = inst.choiceStart[u]!; i < inst.choiceStart[u + 1]!; i++) {
    const v = inst.choiceMentor[i]!;
    if (mark[v] === stamp) continue; // forbidden
    mark[v] = stamp;
    if (inst.capacityLeft[v]! === 0) continue;
    const r1 = inst.choiceMenteeRank[i]!;
    const r2 = inst.choiceMentorRank[i]!;
    if (!scorer.allowedWithChoice(u, v, r1, r2)) continue;
    set.add(u, v, Math.max(1, scorer.choicePoints(r1, r2) + scorer.fit(u, v)));
  }
}

/**
 * Mentor-side seeds: per mentor, `perPlace` · its places left + `extra` more pairs nobody chose,
 * the mentees that lose least by taking it (the smallest gap to their own K-th best pair). A first
 * graph with the best K pairs per mentee only is crowded at the popular mentors and leaves
 * mentors whom nobody puts among their best with fewer candidates than places; their places then
 * reach the solution only through the optimality check, round after round. Seeds never change
 * the optimum, only how close the first solution gets to it.
 */
export interface MentorSeeds {
  perPlace: number;
  extra: number;
}

/**
 * All candidate pairs: every allowed choice pair, plus per mentee the `perMentee` best allowed
 * pairs nobody chose (all of them when there are no more than `perMentee`), plus the mentor-side
 * seeds when asked for. One pass over all pairs with PairScorer.fitRow, whose rows also fill
 * `cache` when one is given.
 */
export function buildCandidates(inst: Instance, scorer: PairScorer, perMentee: number, options: { seeds?: MentorSeeds; cache?: FitCache } = {}): CandidateSet {
  const n = inst.mentees.length;
  const m = inst.mentors.length;
  const set = new CandidateSet(n);
  const mark = new Int32Array(m).fill(-1);
  const k = Math.max(1, Math.min(m, Math.floor(Number.isFinite(perMentee) ? perMentee : m)));
  const top = new TopKeys(k);
  const fitOnly = inst.policy.requireChoice === "none";
  const fits = new Int32Array(m);
  const capacityLeft = inst.capacityLeft;
  // Seeds: keys (gap + offset)·n + (n − 1 − u), larger first; the offset keeps them positive.
  const seeds = options.seeds;
  const seeding = seeds !== undefined && fitOnly && k < m;
  const seedTop: TopKeys[] = seeding ? Array.from({ length: m }, (_, v) => new TopKeys(Math.max(1, seeds.perPlace * capacityLeft[v]! + seeds.extra))) : [];
  const seedFloor = new Float64Array(seeding ? m : 0).fill(-Infinity);
  let offset = 1;
  if (seeding) for (let u = 0; u < n; u++) offset = Math.max(offset, scorer.fitUpper(u) + 1);
  for (let u = 0; u < n; u++) {
    if (!inst.active[u]) continue;
    addChoicePairs(inst, scorer, set, u, mark, u);
    if (!fitOnly) continue;
    top.size = 0;
    let allowed = 0;
    scorer.fitRow(u, fits);
    options.cache?.store(u, fits);
    let floor = top.floor;
    for (let v = 0; v < m; v++) {
      const f = fits[v]!;
      if (f < 0 || mark[v] === u || capacityLeft[v]! === 0) continue;
      allowed++;
      const key = (f > 1 ? f : 1) * m + (m - 1 - v);
      if (key > floor) {
        top.offer(key);
        floor = top.floor;
      }
    }
    for (let i = 0; i < top.size; i++) {
      const key = top.keys[i]!;
      const v = m - 1 - (key % m);
      set.add(u, v, (key - (m - 1 - v)) / m);
      mark[v] = u;
    }
    if (allowed <= top.size) continue;
    set.complete[u] = 0;
    set.threshold[u] = top.floor;
    const floorScore = Math.floor(top.floor / m);
    set.outsideBound[u] = floorScore;
    if (!seeding) continue;
    const base = offset - floorScore;
    for (let v = 0; v < m; v++) {
      const f = fits[v]!;
      if (f < 0 || mark[v] === u || capacityLeft[v]! === 0) continue;
      const key = ((f > 1 ? f : 1) + base) * n + (n - 1 - u);
      if (key > seedFloor[v]!) {
        const t = seedTop[v]!;
        t.offer(key);
        seedFloor[v] = t.floor;
      }
    }
  }
  for (let v = 0; v < seedTop.length; v++) {
    const t = seedTop[v]!;
    for (let i = 0; i < t.size; i++) {
      const u = n - 1 - (t.keys[i]! % n);
      const f = scorer.fitChoiceFree(u, v);
      set.add(u, v, f > 1 ? f : 1);
    }
  }
  return set;
}

/** Every allowed pair of mentee u with a mentor who has places, as mentorKeys in mentor order. */
export function allowedKeys(inst: Instance, scorer: PairScorer, u: number, cache: FitCache | null = null, fits: Int32Array = new Int32Array(inst.mentors.length)): number[] {
  const m = inst.mentors.length;
  if (cache) cache.fullRow(u, fits);
  else scorer.fitRow(u, fits);
  const mark = new Uint8Array(m);
  for (let i = inst.forbiddenStart[u]!; i < inst.forbiddenStart[u + 1]!; i++) mark[inst.forbiddenMentor[i]!] = 1;
  const keys: number[] = [];
  for (let i = inst.choiceStart[u]!; i < inst.choiceStart[u + 1]!; i++) {
    const v = inst.choiceMentor[i]!;
    if (mark[v]) continue;
    mark[v] = 1;
    const r1 = inst.choiceMenteeRank[i]!;
    const r2 = inst.choiceMentorRank[i]!;
    if (inst.capacityLeft[v]! === 0 || !scorer.allowedWithChoice(u, v, r1, r2)) continue;
    keys.push(mentorKey(Math.max(1, scorer.choicePoints(r1, r2) + scorer.fit(u, v)), v, m));
  }
  for (let v = 0; v < m; v++) {
    if (mark[v] || fits[v]! < 0 || inst.capacityLeft[v]! === 0) continue;
    keys.push(mentorKey(Math.max(1, fits[v]!), v, m));
  }
  return keys;
}

/** Mentors and scores of mentorKeys, in the given order. */
export function decodeKeys(keys: ArrayLike<number>, m: number): { mentors: Int32Array; scores: Float64Array } {
  const mentors = new Int32Array(keys.length);
  const scores = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const v = m - 1 - (key % m);
    mentors[i] = v;
    scores[i] = (key - (m - 1 - v)) / m;
  }
  return { mentors, scores };
}
