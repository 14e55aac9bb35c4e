/**
 * The arcs out of the sink T during re-routing — T → mentor (gives one of its units back) and
 * T → alone mentee (brings the mentee back) — kept in an indexed max-heap on the node potential.
 * The reduced cost of T → x is π(T) − π(x), so heap order is arc order: Dijkstra can walk the
 * heap lazily (a node's children never come before it) instead of relaxing every arc of T.
 */
export class SinkArcs {
  readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private readonly scratch: Int32Array;
  size = 0;

  constructor(nodes: number, private readonly pi: Float64Array) {
    this.heap = new Int32Array(nodes);
    this.pos = new Int32Array(nodes).fill(-1);
    this.scratch = new Int32Array(nodes);
  }

  private before(a: number, b: number): boolean {
    const pa = this.pi[a]!;
    const pb = this.pi[b]!;
    return pa > pb || (pa === pb && a < b);
  }

  private place(x: number, i: number): void {
    this.heap[i] = x;
    this.pos[x] = i;
  }

  private up(i: number): void {
    const x = this.heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const y = this.heap[p]!;
      if (!this.before(x, y)) break;
      this.place(y, i);
      i = p;
    }
    this.place(x, i);
  }

  private down(i: number): void {
    const x = this.heap[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.before(this.heap[c + 1]!, this.heap[c]!)) c++;
      if (!this.before(this.heap[c]!, x)) break;
      this.place(this.heap[c]!, i);
      i = c;
    }
    this.place(x, i);
  }

  has(x: number): boolean {
    return this.pos[x]! >= 0;
  }

  /** Puts x in or out of the heap. */
  set(x: number, present: boolean): void {
    if (present === this.has(x)) return;
    if (present) {
      this.place(x, this.size++);
      this.up(this.size - 1);
      return;
    }
    const i = this.pos[x]!;
    this.pos[x] = -1;
    const last = this.heap[--this.size]!;
    if (i < this.size) {
      this.place(last, i);
      this.up(i);
      this.down(this.pos[last]!);
    }
  }

  /**
   * Restores the order after the potentials of several nodes went down at once (a Dijkstra
   * round lowers π by D − dist ≥ 0 on all its settled nodes together); nodes not in the heap
   * (T, mentees with a mentor) are skipped.
   *
   * Sifting the lowered nodes one after another in any order is wrong: a sift-down trusts the
   * subtrees below to be ordered, and they may still hold lowered nodes not yet sifted (the
   * root sifted first stays above a child that later rises past it). Deepest position first,
   * as in Floyd's heap construction, every subtree is ordered when its root is sifted; a
   * sift-down only moves nodes below its own position, so the positions still to be sifted do
   * not change. O(k log k + k log size) for k nodes.
   */
  lowered(nodes: Int32Array, count: number): void {
    const at = this.scratch;
    let k = 0;
    for (let j = 0; j < count; j++) {
      const x = nodes[j]!;
      if (x < this.pos.length && this.pos[x]! >= 0) at[k++] = this.pos[x]!;
    }
    const positions = at.subarray(0, k).sort();
    for (let j = k - 1; j >= 0; j--) this.down(positions[j]!);
  }
}
