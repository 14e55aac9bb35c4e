/**
 * Tightest dual prices for the optimality check of optimise.ts.
 *
 * The solver's potentials are one optimal dual among many: a mentor that filled up without
 * competition keeps price 0, so a left-out pair of an unmatched mentee would fail the check
 * even when it could not improve anything. Here the mentor prices are raised to their maximum
 * (the marginal value of the mentor's last place) and each matched mentee gets the largest
 * utility its own pair then allows:
 *
 *   d(x) = shortest reduced distance from x to T in the residual graph (one reverse Dijkstra),
 *   π'(x) = π(x) − d(x)                              (still non-negative reduced costs),
 *   mentor v:          π''(v) = π'(v)
 *   mentee u on v:     π''(u) = score(u, v)·scale + bonus + π'(v)  (the only arc into u is v → u)
 *   mentee u alone:    π''(u) = 0                             (the only arc into u is T → u)
 *
 * Raising a node's potential only lowers reduced costs of arcs INTO it, which are the arcs
 * named above; so π'' is feasible whenever π' is. O(E log V).
 */
import type { CandidateGraph } from "./candidates.js";
import { MinHeap } from "./heap.js";
import type { AssignmentSolution } from "./min-cost-flow.js";

export function tightenPotentials(g: CandidateGraph, capacity: Int32Array, sol: AssignmentSolution, bonus: number, scale = 1): AssignmentSolution {
  const m = capacity.length;
  const n = sol.mentorOf.length;
  const { start, mentor, score } = g;
  // Candidate edges by mentor (reverse rows).
  const rstart = new Int32Array(m + 1);
  for (let e = 0; e < mentor.length; e++) rstart[mentor[e]! + 1]!++;
  for (let v = 0; v < m; v++) rstart[v + 1]! += rstart[v]!;
  const fill = rstart.slice(0, m);
  const redge = new Int32Array(mentor.length);
  const rmentee = new Int32Array(mentor.length);
  for (let u = 0; u < n; u++) {
    for (let e = start[u]!; e < start[u + 1]!; e++) {
      const at = fill[mentor[e]!]!++;
      redge[at] = e;
      rmentee[at] = u;
    }
  }
  const load = new Int32Array(m);
  for (let u = 0; u < n; u++) if (sol.mentorOf[u]! >= 0) load[sol.mentorOf[u]!]!++;

  // Nodes: mentors 0..m-1, mentees m..m+n-1. Distances to T (T itself is the source, not stored).
  const pv = sol.mentorPotential;
  const pu = sol.menteePotential;
  const dist = new Float64Array(n + m).fill(Infinity);
  const done = new Uint8Array(n + m);
  const heap = new MinHeap(1024);
  const relax = (x: number, d: number): void => {
    if (d < dist[x]!) {
      dist[x] = d;
      heap.push(d, x);
    }
  };
  for (let v = 0; v < m; v++) if (load[v]! < capacity[v]!) relax(v, pv[v]!); // arc v → T
  for (let u = 0; u < n; u++) if (sol.mentorOf[u]! >= 0) relax(m + u, pu[u]!); // alone arc u → T
  while (heap.size > 0) {
    const x = heap.pop();
    const d = heap.lastKey;
    if (done[x] || d > dist[x]!) continue;
    done[x] = 1;
    if (x < m) {
      // Arcs u → x from candidate mentees not on x.
      for (let i = rstart[x]!; i < rstart[x + 1]!; i++) {
        const u = rmentee[i]!;
        if (sol.mentorOf[u] === x || done[m + u]) continue;
        relax(m + u, d - (score[redge[i]!]! * scale + bonus) + pu[u]! - pv[x]!);
      }
    } else {
      // The arc into x's mentee comes from its mentor (v → u, reverse of the pair).
      const u = x - m;
      const v = sol.mentorOf[u]!;
      if (v >= 0 && !done[v]) relax(v, d + sol.scoreOf[u]! * scale + bonus + pv[v]! - pu[u]!);
    }
  }
  const mentorPotential = Float64Array.from(pv, (p, v) => (Number.isFinite(dist[v]!) ? p - dist[v]! : p));
  const menteePotential = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const v = sol.mentorOf[u]!;
    menteePotential[u] = v < 0 ? 0 : sol.scoreOf[u]! * scale + bonus + mentorPotential[v]!;
  }
  return { ...sol, mentorPotential, menteePotential };
}
