/**
 * The arcs out of the sink T during re-routing — T → mentor (gives one of its units back) and
 * T → alone mentee (brings the mentee back) — kept in an indexed max-heap on the node potential.
 * The reduced cost of T → x is π(T) − π(x), so heap order is arc order: Dijkstra can walk the
 * heap lazily (a node's children never come before it) instead of relaxing every arc of T.
 */
export class SinkArcs {
  readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(nodes: number, private readonly pi: Float64Array) {
    this.heap = new Int32Array(nodes);
    this.pos = new Int32Array(nodes).fill(-1);
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

  /** Restores the order after π(x) changed. */
  update(x: number): void {
    const i = this.pos[x]!;
    if (i < 0) return;
    this.up(i);
    this.down(this.pos[x]!);
  }
}
