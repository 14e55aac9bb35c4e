import { setImmediate as nextTurn } from "node:timers/promises";

/** How long a computation over many items runs before it lets the process answer others. */
const SLICE_MS = 20;

/**
 * `items.map(fn)`, letting the event loop run between items once a slice of time is used up:
 * a region's per-organisation indicators take seconds, and the same process answers people
 * meanwhile. (The monotonic clock measures the slice; no decision depends on it.)
 */
export async function mapYielding<T, R>(items: readonly T[], fn: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  let started = performance.now();
  for (const item of items) {
    out.push(fn(item));
    if (performance.now() - started > SLICE_MS) {
      await nextTurn();
      started = performance.now();
    }
  }
  return out;
}
