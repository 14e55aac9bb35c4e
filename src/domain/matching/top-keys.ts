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
