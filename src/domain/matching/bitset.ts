/** Tiny helpers for code sets packed into 32-bit words (Int32Array: no boxed numbers in V8). */

/** Set bits of a 32-bit integer (kept in int32 arithmetic, which V8 runs fastest). */
export function popcount32(x: number): number {
  x = (x - ((x >>> 1) & 0x55555555)) | 0;
  x = ((x & 0x33333333) + ((x >>> 2) & 0x33333333)) | 0;
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of common bits of a[aOff .. aOff+words) and b[bOff .. bOff+words). */
export function commonBits(a: Int32Array, aOff: number, b: Int32Array, bOff: number, words: number): number {
  let n = 0;
  for (let i = 0; i < words; i++) n += popcount32(a[aOff + i]! & b[bOff + i]!);
  return n;
}

export function bitCount(a: Int32Array, off: number, words: number): number {
  let n = 0;
  for (let i = 0; i < words; i++) n += popcount32(a[off + i]!);
  return n;
}
