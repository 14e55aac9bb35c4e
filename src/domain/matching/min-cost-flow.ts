/**
 * Maximum-weight assignment of mentees to mentors with capacities, where a mentee may stay
 * alone (weight 0): min-cost flow by successive shortest paths with node potentials on the
 * sparse candidate graph, one mentee (row) at a time, as in the Hungarian method.
 *
 * Network: every mentee sends one unit to the sink T, either through a mentor (arc cost
 * −(score·scale + bonus), the pair's weight; mentor → T has the mentor's capacity) or straight
 * to T ("alone", cost 0).
 * Adding mentee u finds the cheapest augmenting path from u with Dijkstra on reduced costs
 * c(a,b) + π(a) − π(b) ≥ 0: u takes a mentor, possibly pushing that mentor's mentee on to
 * another mentor, and so on, ending at a free place or at a mentee who is better off alone.
 * Every augmentation keeps all reduced costs non-negative, so the flow stays a min-cost flow
 * of the rows routed so far; after the last row it is a maximum-weight assignment.
 *
 * Re-routing (for pairs added after the optimality check): a row is cancelled — its mentee
 * leaves its mentor (a "hole" at that mentor, whose unit to T stays) or stops being alone
 * (T misses a unit) — and its potential is raised so that its new arcs are non-negative.
 * Then each cancelled row is routed to the nearest node that misses a unit (T or a hole),
 * which is successive shortest paths with supplies and demands. Paths may pass through T
 * (T → mentor gives a place back, T → alone mentee brings that mentee back).
 *
 * Dual prices: the mentee's utility y_u = π(u) − π(T) ≥ 0 and the mentor's price
 * z_v = π(T) − π(v) ≥ 0 satisfy y_u + z_v ≥ score·scale + bonus on every candidate edge.
 *
 * Complexity: O(E log V) per row in the worst case (E candidate edges, V = mentees + mentors);
 * with free places most rows stop after a few heap operations. Costs are integers: exact.
 */
import type { CandidateGraph } from "./candidates.js";
import { MinHeap } from "./heap.js";
import { SinkArcs } from "./sink-arcs.js";

export interface AssignmentSolution {
  /** Mentor index per mentee, −1 = alone or not routed. */
  mentorOf: Int32Array;
  /** Score (without bonus) of the mentee's pair, 0 when alone. */
  scoreOf: Float64Array;
  /** Potentials with π(T) = 0: π(u) for mentees, π(v) for mentors. */
  menteePotential: Float64Array;
  mentorPotential: Float64Array;
}

/** Node numbering: mentors 0..m-1, mentees m..m+n-1, T = m+n. */
export class AssignmentFlow {
  readonly n: number;
  readonly m: number;
  readonly T: number;
  graph: CandidateGraph = { start: new Int32Array(1), mentor: new Int32Array(0), score: new Float64Array(0) };
  readonly mentorOf: Int32Array;
  readonly alone: Uint8Array;
  readonly scoreOf: Float64Array;
  /** Weight (score·scale + bonus) of each mentee's pair. */
  private readonly pairWeight: Float64Array;
  readonly pi: Float64Array;
  private readonly slotStart: Int32Array;
  private readonly members: Int32Array;
  private readonly position: Int32Array;
  /** Mentees on each mentor. */
  readonly load: Int32Array;
  /** Units a mentor sends to T without a mentee (left by cancelled rows). */
  private readonly hole: Int32Array;
  /** Units T still misses. */
  private deficitT = 0;
  // Dijkstra scratch.
  private readonly dist: Float64Array;
  private readonly reached: Int32Array;
  private readonly settled: Int32Array;
  private readonly prev: Int32Array;
  private readonly prevEdge: Int32Array;
  private readonly settledList: Int32Array;
  private readonly path: Int32Array;
  private readonly heap = new MinHeap(1024);
  private stamp = 0;
  /** Arcs out of T, only while re-routing (T is then a passage when it misses nothing). */
  private sink: SinkArcs | null = null;
  private targetT = false;
  private bestTarget = -1;
  private bestDist = Infinity;

  /** A pair weighs score·scale + bonus. */
  constructor(n: number, readonly capacity: Int32Array, readonly bonus: number, readonly scale = 1) {
    const m = capacity.length;
    this.n = n;
    this.m = m;
    this.T = n + m;
    const V = n + m + 1;
    this.mentorOf = new Int32Array(n).fill(-1);
    this.alone = new Uint8Array(n);
    this.scoreOf = new Float64Array(n);
    this.pairWeight = new Float64Array(n);
    this.pi = new Float64Array(V);
    this.slotStart = new Int32Array(m + 1);
    for (let v = 0; v < m; v++) this.slotStart[v + 1] = this.slotStart[v]! + capacity[v]!;
    this.members = new Int32Array(this.slotStart[m]!);
    this.position = new Int32Array(n);
    this.load = new Int32Array(m);
    this.hole = new Int32Array(m);
    this.dist = new Float64Array(V);
    this.reached = new Int32Array(V);
    this.settled = new Int32Array(V);
    this.prev = new Int32Array(V);
    this.prevEdge = new Int32Array(V);
    this.settledList = new Int32Array(V);
    this.path = new Int32Array(V);
  }

  /** Routes new mentees (never routed before), in the given order. */
  addRows(rows: Int32Array): void {
    for (let i = 0; i < rows.length; i++) {
      this.deficitT++;
      this.route(rows[i]!);
    }
    this.normalise();
  }

  /**
   * Re-routes mentees whose rows gained edges: all are cancelled first (so that every reduced
   * cost is non-negative again), then routed one by one.
   */
  rerouteRows(rows: Int32Array): void {
    for (let i = 0; i < rows.length; i++) this.cancel(rows[i]!);
    const sink = new SinkArcs(this.T, this.pi);
    for (let v = 0; v < this.m; v++) sink.set(v, this.load[v]! + this.hole[v]! > 0);
    for (let y = 0; y < this.n; y++) sink.set(this.m + y, this.alone[y] === 1);
    this.sink = sink;
    for (let i = 0; i < rows.length; i++) this.route(rows[i]!);
    this.sink = null;
    this.normalise();
  }

  solution(): AssignmentSolution {
    const { m, n } = this;
    return {
      mentorOf: this.mentorOf.slice(),
      scoreOf: this.scoreOf.slice(),
      menteePotential: this.pi.slice(m, m + n),
      mentorPotential: this.pi.slice(0, m),
    };
  }

  /** Replaces the potentials (e.g. with tighter feasible ones); π(T) is 0. */
  setPotentials(mentee: Float64Array, mentor: Float64Array): void {
    this.pi.set(mentor, 0);
    this.pi.set(mentee, this.m);
    this.pi[this.T] = 0;
  }

  /**
   * Shifts all potentials so that π(T) = 0, and puts empty mentors at 0: their only arcs out
   * (to T) need π(v) ≥ π(T), arcs into them only gain from a lower π(v), so 0 is feasible and
   * makes the price of a mentor without mentees 0, as an LP dual must.
   */
  private normalise(): void {
    const shift = this.pi[this.T]!;
    if (shift !== 0) for (let x = 0; x < this.pi.length; x++) this.pi[x] = this.pi[x]! - shift;
    for (let v = 0; v < this.m; v++) if (this.load[v]! + this.hole[v]! === 0) this.pi[v] = 0;
  }

  private cancel(u: number): void {
    if (this.alone[u]) {
      this.alone[u] = 0;
      this.deficitT++;
    } else if (this.mentorOf[u]! >= 0) {
      const v = this.mentorOf[u]!;
      this.detach(u);
      this.hole[v]!++;
    } else {
      this.deficitT++; // never routed
    }
  }

  private detach(y: number): void {
    const v = this.mentorOf[y]!;
    const s = this.slotStart[v]!;
    const last = this.members[s + --this.load[v]!]!;
    this.members[s + this.position[y]!] = last;
    this.position[last] = this.position[y]!;
    this.mentorOf[y] = -1;
    this.scoreOf[y] = 0;
  }

  private attach(y: number, v: number, e: number): void {
    this.position[y] = this.load[v]!;
    this.members[this.slotStart[v]! + this.load[v]!++] = y;
    this.mentorOf[y] = v;
    this.pairWeight[y] = this.graph.score[e]! * this.scale + this.bonus;
    this.scoreOf[y] = this.graph.score[e]!;
  }

  /** Shortest path from mentee u (which has no flow) to the nearest node missing a unit; augments. */
  private route(u: number): void {
    const { m, T, pi, dist, settled, heap, capacity, load, hole, members, slotStart, mentorOf } = this;
    const { start, mentor, score } = this.graph;
    const { bonus, scale } = this;
    const un = m + u;
    // A potential that makes every arc out of u non-negative (u has no arc into it).
    let p = pi[T]!;
    for (let e = start[u]!; e < start[u + 1]!; e++) p = Math.max(p, score[e]! * scale + bonus + pi[mentor[e]!]!);
    pi[un] = p;

    const r = ++this.stamp;
    this.targetT = this.deficitT > 0;
    this.bestTarget = -1;
    this.bestDist = Infinity;
    heap.clear();
    let count = 0;
    this.relax(un, 0, -1, -1);
    const V = T + 1;
    while (heap.size > 0) {
      const x = heap.pop();
      const d = heap.lastKey;
      if (x >= V) {
        // Position i of the sink-arc heap: relax its node from T, then offer its children.
        if (this.bestDist <= d) break;
        this.sinkStep(x - V, d, r, V);
        continue;
      }
      if (settled[x] === r || d > dist[x]!) continue;
      // A target first among equal distances: the search stops as early as possible.
      if (this.bestDist <= d) break;
      settled[x] = r;
      this.settledList[count++] = x;
      const px = pi[x]!;
      if (x >= m && x < T) {
        // Mentee: stay alone, or move to another candidate mentor.
        const y = x - m;
        if (!this.alone[y]) this.relax(T, d + px - pi[T]!, x, -1);
        const current = mentorOf[y]!;
        for (let e = start[y]!; e < start[y + 1]!; e++) {
          const v = mentor[e]!;
          if (v === current || settled[v] === r) continue;
          this.relax(v, d + px - (score[e]! * scale + bonus) - pi[v]!, x, e);
        }
      } else if (x < m) {
        // Mentor: send the unit to T if a place is free, or give up one of its mentees.
        if (load[x]! + hole[x]! < capacity[x]!) this.relax(T, d + px - pi[T]!, x, -1);
        for (let i = slotStart[x]!; i < slotStart[x]! + load[x]!; i++) {
          const y = m + members[i]!;
          if (settled[y] !== r) this.relax(y, d + this.pairWeight[y - m]! + px - pi[y]!, x, -1);
        }
      } else {
        // T as a passage (only when T misses nothing): give a mentor's place back, or bring an
        // alone mentee back. Its arcs are walked lazily in order of reduced cost.
        const sink = this.sink;
        if (sink && sink.size > 0) heap.push(d + px - pi[sink.heap[0]!]!, V);
      }
    }
    const D = this.bestDist;
    const bestTarget = this.bestTarget;
    settled[bestTarget] = r;
    this.settledList[count++] = bestTarget;
    // π += dist − D on settled nodes keeps every reduced cost non-negative.
    for (let i = 0; i < count; i++) {
      const x = this.settledList[i]!;
      pi[x] = pi[x]! + dist[x]! - D;
    }
    // The potentials only went down, all at once: the sink-arc heap is re-ordered in one pass.
    const sink = this.sink;
    if (sink) sink.lowered(this.settledList, count);
    const pathLength = this.augment(un, bestTarget);
    if (sink) {
      for (let i = 0; i < pathLength; i++) {
        const x = this.path[i]!;
        if (x < m) sink.set(x, load[x]! + hole[x]! > 0);
        else if (x < T) sink.set(x, this.alone[x - m] === 1);
      }
    }
  }

  /** Dijkstra step for position i of the sink-arc heap, popped at distance d. */
  private sinkStep(i: number, d: number, r: number, V: number): void {
    const sink = this.sink!;
    const x = sink.heap[i]!;
    if (this.settled[x] !== r) this.relax(x, d, this.T, -1);
    const base = this.dist[this.T]! + this.pi[this.T]!;
    for (let c = 2 * i + 1; c <= 2 * i + 2 && c < sink.size; c++) this.heap.push(base - this.pi[sink.heap[c]!]!, V + c);
  }

  private relax(x: number, d: number, from: number, e: number): void {
    // Nothing at or beyond the best target found so far can matter: the search stops there.
    if (d >= this.bestDist) return;
    const r = this.stamp;
    if (this.reached[x] !== r || d < this.dist[x]!) {
      this.reached[x] = r;
      this.dist[x] = d;
      this.prev[x] = from;
      this.prevEdge[x] = e;
      this.heap.push(d, x);
      if (d < this.bestDist && ((x === this.T && this.targetT) || (x < this.m && this.hole[x]! > 0))) {
        this.bestDist = d;
        this.bestTarget = x;
      }
    }
  }

  /** Applies the path found by route(); returns its length (nodes in this.path). */
  private augment(source: number, target: number): number {
    const { m, T, prev, prevEdge, path } = this;
    let k = 0;
    for (let x = target; x !== -1; x = prev[x]!) path[k++] = x;
    // path[k-1] = source … path[0] = target. Leaving arcs first, then joining arcs.
    for (let i = k - 1; i > 0; i--) {
      const a = path[i]!;
      const b = path[i - 1]!;
      if (a < m && b >= m && b < T) this.detach(b - m); // mentor → its mentee: the mentee leaves
      else if (a === T && b >= m && b < T) this.alone[b - m] = 0; // T → alone mentee: comes back
    }
    for (let i = k - 1; i > 0; i--) {
      const a = path[i]!;
      const b = path[i - 1]!;
      if (a >= m && a < T && b < m) this.attach(a - m, b, prevEdge[b]!); // mentee → mentor: joins
      else if (a >= m && a < T && b === T) this.alone[a - m] = 1; // mentee → T: stays alone
    }
    if (target === T) this.deficitT--;
    else this.hole[target]!--;
    void source;
    return k;
  }
}
