/**
 * Stable matching with capacities (hospitals/residents), mentee-proposing deferred acceptance.
 *
 * Preferences come from the pair score, with deterministic tie-breaks:
 *   a mentee prefers the higher score, then the mentor with the smaller id;
 *   a mentor prefers the higher score, then the mentee with the smaller id.
 * Only allowed pairs are acceptable; a mentor's places are its capacity left after fixed pairs.
 *
 * Each mentee proposes down its list; a mentor keeps its best `capacity` proposals so far
 * (a min-heap on its own preference key) and rejects the rest. On large cohorts the lists start
 * as the candidate rows: a row is trusted only down to its threshold (every left-out pair ranks
 * below it); a mentee who gets that far is given the rest of its full list, restricted to the
 * mentors that would still accept it, so the outcome equals deferred acceptance on the full
 * lists. O(total proposals · log capacity + extended mentees · mentors).
 */
import { allowedKeys, decodeKeys, mentorKey, type CandidateSet } from "./candidates.js";
import type { FitCache } from "./fit-cache.js";
import type { Instance } from "./instance.js";
import type { PairScorer } from "./score.js";

/** Preference key of mentee u for a mentor: higher score first, then the smaller mentee index. */
export function menteeKey(score: number, u: number, mentees: number): number {
  return score * mentees + (mentees - 1 - u);
}

export interface StableSolution {
  mentorOf: Int32Array;
  scoreOf: Float64Array;
  /** Mentees whose list had to be extended beyond the candidates. */
  extended: number;
}

interface PreferenceList {
  mentors: Int32Array;
  scores: Float64Array;
  /** Entries before this index are certainly the mentee's top choices. */
  trusted: number;
}

function candidateList(set: CandidateSet, u: number, m: number): PreferenceList {
  const row = set.rowMentors[u]!;
  const rowScores = set.rowScores[u]!;
  const keys = row.map((v, i) => mentorKey(rowScores[i]!, v, m)).sort((a, b) => b - a);
  const { mentors, scores } = decodeKeys(keys, m);
  let trusted = keys.length;
  if (!set.complete[u]) {
    const threshold = set.threshold[u]!;
    trusted = 0;
    while (trusted < keys.length && keys[trusted]! >= threshold) trusted++;
  }
  return { mentors, scores, trusted };
}

/** @param cache the fits of every pair kept by buildCandidates, read when a list is extended (null: scored again). */
export function deferredAcceptance(inst: Instance, scorer: PairScorer, set: CandidateSet, cache: FitCache | null = null): StableSolution {
  const n = inst.mentees.length;
  const m = inst.mentors.length;
  const capacity = inst.capacityLeft;
  const slotStart = new Int32Array(m + 1);
  for (let v = 0; v < m; v++) slotStart[v + 1] = slotStart[v]! + capacity[v]!;
  // Per mentor, a min-heap of (menteeKey, mentee) in slots [slotStart[v], slotStart[v] + load[v]).
  const heldKey = new Float64Array(slotStart[m]!);
  const heldMentee = new Int32Array(slotStart[m]!);
  const load = new Int32Array(m);
  const mentorOf = new Int32Array(n).fill(-1);
  const scoreOf = new Float64Array(n);
  const next = new Int32Array(n);
  const lists: (PreferenceList | undefined)[] = new Array(n);
  const isFull = new Uint8Array(n);
  let extended = 0;
  // Scratch of the list extensions: mentors u proposed to (stamp u), a row of fits.
  const proposed = new Int32Array(m).fill(-1);
  const fits = new Int32Array(m);

  const siftDown = (base: number, size: number, i: number): void => {
    const key = heldKey[base + i]!;
    const who = heldMentee[base + i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heldKey[base + c + 1]! < heldKey[base + c]!) c++;
      if (key <= heldKey[base + c]!) break;
      heldKey[base + i] = heldKey[base + c]!;
      heldMentee[base + i] = heldMentee[base + c]!;
      i = c;
    }
    heldKey[base + i] = key;
    heldMentee[base + i] = who;
  };
  const siftUp = (base: number, i: number): void => {
    const key = heldKey[base + i]!;
    const who = heldMentee[base + i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heldKey[base + p]! <= key) break;
      heldKey[base + i] = heldKey[base + p]!;
      heldMentee[base + i] = heldMentee[base + p]!;
      i = p;
    }
    heldKey[base + i] = key;
    heldMentee[base + i] = who;
  };

  // Free mentees, proposing from the top of the stack; the outcome does not depend on the order.
  const stack: number[] = [];
  for (let u = n - 1; u >= 0; u--) if (inst.active[u]) stack.push(u);
  while (stack.length > 0) {
    const u = stack.pop()!;
    let list = lists[u] ?? (lists[u] = candidateList(set, u, m));
    for (;;) {
      if (next[u]! >= list.trusted && !set.complete[u] && !isFull[u]) {
        // Past the trusted candidates: the rest of u's list, keeping only mentors that would
        // accept u now (a mentor that rejects now rejects later too: a full mentor stays full
        // and its worst mentee only improves), so the outcome is unchanged.
        for (let i = 0; i < next[u]!; i++) proposed[list.mentors[i]!] = u;
        const keys = allowedKeys(inst, scorer, u, cache, fits);
        const accepting: number[] = [];
        for (const key of keys) {
          const v = m - 1 - (key % m);
          if (proposed[v] === u) continue;
          if (load[v]! < capacity[v]! || menteeKey((key - (m - 1 - v)) / m, u, n) > heldKey[slotStart[v]!]!) accepting.push(key);
        }
        // Best first: a typed sort (ascending, no comparator), read backwards.
        const sorted = Float64Array.from(accepting).sort().reverse();
        list = lists[u] = { ...decodeKeys(sorted, m), trusted: sorted.length };
        next[u] = 0;
        isFull[u] = 1;
        extended++;
      }
      if (next[u]! >= list.mentors.length) break; // list exhausted: stays alone
      const i = next[u]!++;
      const v = list.mentors[i]!;
      const s = list.scores[i]!;
      const key = menteeKey(s, u, n);
      const base = slotStart[v]!;
      if (load[v]! < capacity[v]!) {
        heldKey[base + load[v]!] = key;
        heldMentee[base + load[v]!] = u;
        siftUp(base, load[v]!++);
      } else if (key > heldKey[base]!) {
        const rejected = heldMentee[base]!;
        mentorOf[rejected] = -1;
        stack.push(rejected);
        heldKey[base] = key;
        heldMentee[base] = u;
        siftDown(base, load[v]!, 0);
      } else {
        continue;
      }
      mentorOf[u] = v;
      scoreOf[u] = s;
      break;
    }
  }
  return { mentorOf, scoreOf, extended };
}

export interface BlockingPairIndex {
  u: number;
  v: number;
  score: number;
  /** Mentee the mentor would give up, −1 when the mentor has a free place. */
  worst: number;
}

/**
 * Blocking pairs of an assignment (fixed pairs already taken out of capacity): an allowed pair
 * (u, v), not assigned together, where u prefers v to its mentor (or has none) and v has a free
 * place or prefers u to the worst mentee it has. O(mentees × mentors) pair checks.
 */
export function blockingPairsOf(inst: Instance, scorer: PairScorer, mentorOf: Int32Array): BlockingPairIndex[] {
  const n = inst.mentees.length;
  const m = inst.mentors.length;
  const load = new Int32Array(m);
  const worstKey = new Float64Array(m).fill(Infinity);
  const worst = new Int32Array(m).fill(-1);
  const currentKey = new Float64Array(n).fill(-Infinity);
  for (let u = 0; u < n; u++) {
    const v = mentorOf[u]!;
    if (!inst.active[u] || v < 0) continue;
    const s = scorer.score(u, v);
    currentKey[u] = mentorKey(s, v, m);
    load[v]!++;
    const k = menteeKey(s, u, n);
    if (k < worstKey[v]!) {
      worstKey[v] = k;
      worst[v] = u;
    }
  }
  const found: BlockingPairIndex[] = [];
  for (let u = 0; u < n; u++) {
    if (!inst.active[u]) continue;
    for (let v = 0; v < m; v++) {
      if (v === mentorOf[u] || inst.capacityLeft[v]! === 0 || !scorer.allowed(u, v)) continue;
      const s = scorer.score(u, v);
      if (mentorKey(s, v, m) <= currentKey[u]!) continue;
      if (load[v]! < inst.capacityLeft[v]!) found.push({ u, v, score: s, worst: -1 });
      else if (menteeKey(s, u, n) > worstKey[v]!) found.push({ u, v, score: s, worst: worst[v]! });
    }
  }
  return found;
}
