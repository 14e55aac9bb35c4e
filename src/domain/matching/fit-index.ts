/**
 * Exact top-K of the choice-free pairs of a mentee without scoring every mentor.
 *
 * Inverted lists (code → mentors with places) give each mentor's common goals, profile codes and
 * interests with the mentee — the "list points" — touching only mentors that share a code.
 * The rest of the fit (time, format, grade) is at most restUpper(u). The mentors with the
 * highest list points (at least K, found with a histogram) are scored exactly first; then every
 * other mentor is scored only if list points + restUpper(u) could still beat the K-th best
 * score so far; mentors sharing no code are scored only if even restUpper(u) could. The result equals the top-K by (score, mentor index)
 * over all mentors; the cut-off is reported so callers know which pairs were left out.
 */
import { popcount32 } from "./bitset.js";
import { GOALS, INTERESTS, PROFILE, type Instance } from "./instance.js";
import type { PairScorer } from "./score.js";

/** A fixed-size selection of the largest keys (a min-heap on the kept ones). */
export class TopKeys {
  readonly keys: Float64Array;
  size = 0;
  constructor(readonly k: number) {
    this.keys = new Float64Array(k);
  }
  /** Smallest kept key once full, −Infinity before. */
  get floor(): number {
    return this.size < this.k ? -Infinity : this.keys[0]!;
  }
  offer(key: number): void {
    const keys = this.keys;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (keys[p]! <= key) break;
        keys[i] = keys[p]!;
        i = p;
      }
      keys[i] = key;
      return;
    }
    if (key <= keys[0]!) return;
    let i = 0;
    const n = this.size;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
      if (key <= keys[c]!) break;
      keys[i] = keys[c]!;
      i = c;
    }
    keys[i] = key;
  }
}

/** A histogram of list points is used while they stay below this; otherwise rows are scored in full. */
const MAX_BUCKETS = 1 << 14;

export class FitIndex {
  /** Per list (goals, profile, interests): code bit → mentors (CSR), and the bit range in a row. */
  private readonly listStart: Int32Array[];
  private readonly listMentors: Int32Array[];
  private readonly listOffset: Int32Array;
  private readonly listWords: Int32Array;
  private readonly touchedBy: Int32Array;
  private readonly touched: Int32Array;
  /** Common-item counts of the three lists packed in bytes 0, 1, 2. */
  private readonly packed: Int32Array;
  private readonly points: Int32Array;
  private readonly histogram: Int32Array;
  private readonly goalPts: Int32Array;
  private readonly profilePts: Int32Array;
  private readonly interestPts: Int32Array;
  readonly usable: boolean;

  constructor(private readonly inst: Instance, private readonly scorer: PairScorer) {
    const m = inst.mentors.length;
    const cats = [GOALS, PROFILE, INTERESTS];
    this.listOffset = Int32Array.from(cats, (c) => inst.catOffset[c]!);
    this.listWords = Int32Array.from(cats, (c) => inst.catWords[c]!);
    this.listStart = [];
    this.listMentors = [];
    const rw = inst.rowWords;
    cats.forEach((_, c) => {
      const offset = this.listOffset[c]!;
      const bits = this.listWords[c]! * 32;
      const has = (v: number, b: number): boolean => ((inst.mentorBits[v * rw + offset + (b >>> 5)]! >>> (b & 31)) & 1) === 1;
      const start = new Int32Array(bits + 1);
      for (let v = 0; v < m; v++) if (inst.capacityLeft[v]! > 0) for (let b = 0; b < bits; b++) if (has(v, b)) start[b + 1]!++;
      for (let b = 0; b < bits; b++) start[b + 1]! += start[b]!;
      const fill = start.slice(0, bits);
      const mentors = new Int32Array(start[bits]!);
      for (let v = 0; v < m; v++) if (inst.capacityLeft[v]! > 0) for (let b = 0; b < bits; b++) if (has(v, b)) mentors[fill[b]!++] = v;
      this.listStart.push(start);
      this.listMentors.push(mentors);
    });
    // Point tables indexed by a count of up to 255 (the byte of a packed counter).
    const table = (f: (k: number) => number): Int32Array => Int32Array.from({ length: 256 }, (_, k) => f(k));
    this.goalPts = table((k) => scorer.listPoints(k, 0, 0));
    this.profilePts = table((k) => scorer.listPoints(0, k, 0) - scorer.listPoints(0, 0, 0));
    this.interestPts = table((k) => scorer.listPoints(0, 0, k) - scorer.listPoints(0, 0, 0));
    this.touchedBy = new Int32Array(m).fill(-1);
    this.touched = new Int32Array(m);
    this.packed = new Int32Array(m);
    this.points = new Int32Array(m);
    // A code list longer than 255 items could overflow a byte; such rows are scored in full.
    this.usable = scorer.maxListPoints < MAX_BUCKETS;
    this.histogram = new Int32Array(this.usable ? scorer.maxListPoints + 1 : 1);
  }

  /** Whether selectTop can handle mentee u (its code lists fit the packed byte counters). */
  handles(u: number): boolean {
    if (!this.usable) return false;
    const rw = this.inst.rowWords;
    for (let c = 0; c < 3; c++) {
      let k = 0;
      for (let w = 0; w < this.listWords[c]!; w++) k += popcount32(this.inst.menteeBits[u * rw + this.listOffset[c]! + w]!);
      if (k > 255) return false;
    }
    return true;
  }

  /**
   * Offers mentee u's choice-free allowed pairs to `top` (keys: mentorKey of max(1, fit)),
   * skipping mentors with `mark[v] === stamp`. Returns whether every mentor was scored, and
   * how many allowed pairs were seen.
   */
  selectTop(u: number, top: TopKeys, mark: Int32Array, stamp: number): { all: boolean; allowed: number } {
    const { inst, scorer, touchedBy, touched, packed, points, histogram, goalPts, profilePts, interestPts } = this;
    const m = inst.mentors.length;
    const rw = inst.rowWords;
    const bitsRow = inst.menteeBits;
    let t = 0;
    for (let c = 0; c < 3; c++) {
      const start = this.listStart[c]!;
      const mentors = this.listMentors[c]!;
      const one = 1 << (8 * c);
      const base = u * rw + this.listOffset[c]!;
      for (let w = 0; w < this.listWords[c]!; w++) {
        let bits = bitsRow[base + w]!;
        while (bits !== 0) {
          const low = bits & -bits;
          const b = w * 32 + (31 - Math.clz32(low));
          bits ^= low;
          const end = start[b + 1]!;
          for (let i = start[b]!; i < end; i++) {
            const v = mentors[i]!;
            const k = packed[v]!;
            if (k === 0) touched[t++] = v;
            packed[v] = k + one;
          }
        }
      }
    }
    // List points of the touched mentors and their histogram.
    const maxPoints = histogram.length - 1;
    histogram.fill(0);
    for (let i = 0; i < t; i++) {
      const v = touched[i]!;
      const k = packed[v]!;
      packed[v] = 0;
      const p = goalPts[k & 255]! + profilePts[(k >>> 8) & 255]! + interestPts[(k >>> 16) & 255]!;
      points[i] = p;
      histogram[p]!++;
    }
    // At least k mentors have list points ≥ level, and a pair's fit is at least its list points,
    // so usually the K-th best key ends above what any mentor below level − restUpper could
    // reach: pass 0 scores the mentors from that cut up; pass 1 scores those below it only if
    // the floor did not get that high (pairs dropped out: forbidden, chosen, no common time).
    // Within both passes a mentor is skipped when its best possible key cannot beat the floor.
    let level = maxPoints;
    for (let seen = histogram[level]!; level > 0 && seen < top.k; ) seen += histogram[--level]!;
    const restUpper = scorer.restUpper(u);
    const cut = level - restUpper;
    const cutKey = Math.max(1, level - 1) * m + (m - 1); // the best key any mentor below the cut can have
    let allowed = 0;
    let skipped = false;
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 1 && top.size === top.k && top.keys[0]! >= cutKey) {
        if (cut > 0 && histogram.subarray(0, Math.min(histogram.length, cut)).some((c) => c > 0)) skipped = true;
        break;
      }
      for (let i = 0; i < t; i++) {
        const p = points[i]!;
        if (pass === 0 ? p < cut : p >= cut) continue;
        const best = p + restUpper;
        if (top.size === top.k && (best > 1 ? best : 1) * m + (m - 1) <= top.keys[0]!) {
          skipped = true;
          continue;
        }
        const v = touched[i]!;
        if (mark[v] === stamp) continue;
        const rest = scorer.restPoints(u, v);
        if (rest < 0) continue;
        allowed++;
        const f = p + rest;
        top.offer((f > 1 ? f : 1) * m + (m - 1 - v));
      }
    }
    if (top.size === top.k && (restUpper > 1 ? restUpper : 1) * m + (m - 1) <= top.keys[0]!) return { all: false, allowed };
    for (let i = 0; i < t; i++) touchedBy[touched[i]!] = u;
    for (let v = 0; v < m; v++) {
      if (touchedBy[v] === u || inst.capacityLeft[v]! === 0 || mark[v] === stamp) continue;
      const rest = scorer.restPoints(u, v);
      if (rest < 0) continue;
      allowed++;
      top.offer((rest > 1 ? rest : 1) * m + (m - 1 - v));
    }
    return { all: !skipped, allowed };
  }
}
