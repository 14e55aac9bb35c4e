/**
 * The fit of every choice-free pair, one byte per pair, kept from the candidate pass for the
 * optimality check: a round then reads the bytes of the pairs it looks at instead of scoring them
 * again (on skewed cohorts almost every mentee has to look at most mentors: prices and utilities
 * are close, so no bound on a mentee's row rules much out).
 *
 * Byte 0: the pair is excluded (fitChoiceFree −1); 1..254: fit + 1; 255: fit ≥ 254, scored
 * again when read (rare: it takes nearly every item of every list in common).
 */
import type { PairScorer } from "./score.js";

/** Above this many pairs (bytes) the check scores the pairs again instead. */
export const FIT_CACHE_LIMIT = 1_000_000_000;

export class FitCache {
  private readonly bytes: Uint8Array;
  private readonly m: number;

  constructor(private readonly scorer: PairScorer, n: number, m: number) {
    this.m = m;
    this.bytes = new Uint8Array(n * m);
  }

  /** Keeps fitChoiceFree(u, v) of every mentor v (fits[v]). */
  store(u: number, fits: Int32Array): void {
    const bytes = this.bytes;
    const base = u * this.m;
    for (let v = 0; v < this.m; v++) {
      const f = fits[v]!;
      bytes[base + v] = f < 0 ? 0 : f < 254 ? f + 1 : 255;
    }
  }

  /** As PairScorer.fitRow for every mentor, from the stored bytes. */
  fullRow(u: number, out: Int32Array): void {
    const bytes = this.bytes;
    const base = u * this.m;
    for (let v = 0; v < this.m; v++) {
      const b = bytes[base + v]!;
      out[v] = b === 255 ? this.scorer.fitChoiceFree(u, v) : b - 1;
    }
  }

  /** As PairScorer.fitRow for mentors[0 .. count), from the stored bytes. */
  fitRow(u: number, out: Int32Array, mentors: Int32Array, count: number): void {
    const bytes = this.bytes;
    const base = u * this.m;
    for (let i = 0; i < count; i++) {
      const v = mentors[i]!;
      const b = bytes[base + v]!;
      out[i] = b === 255 ? this.scorer.fitChoiceFree(u, v) : b - 1;
    }
  }
}
