/** Week-over-week changes of the indicators, for the administrators' weekly digest. */
import { flattenIndicators, INDICATOR_KEYS, isPercentKey, type IndicatorKey } from "./flatten.js";
import type { IndicatorSet } from "./result-types.js";

export type Trend = "up" | "down" | "same" | "no_data";

export interface IndicatorChange {
  key: IndicatorKey;
  current: number | null;
  previous: number | null;
  /** current − previous (percentage points for percents); null when either is "no data". */
  delta: number | null;
  trend: Trend;
  /** True when the delta is a difference of percentages, i.e. percentage points. */
  percentagePoints: boolean;
}

/** Removes floating-point noise such as 0.30000000000000004 from a difference. */
function roundDelta(value: number): number {
  const rounded = Math.round(value * 1e9) / 1e9;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * Compares this week's snapshot with last week's (null when there is none yet: every
 * change is then "no_data"). Returns one entry per indicator, in INDICATOR_KEYS order.
 */
export function compareSnapshots(current: IndicatorSet, previous: IndicatorSet | null): IndicatorChange[] {
  const now = flattenIndicators(current);
  const before = previous === null ? null : flattenIndicators(previous);
  return INDICATOR_KEYS.map((key) => {
    const c = now[key];
    const p = before === null ? null : before[key];
    const delta = c === null || p === null ? null : roundDelta(c - p);
    const trend: Trend = delta === null ? "no_data" : delta > 0 ? "up" : delta < 0 ? "down" : "same";
    return { key, current: c, previous: p, delta, trend, percentagePoints: isPercentKey(key) };
  });
}

/** Only the indicators that moved or whose availability changed — what a digest shows. */
export function changedIndicators(changes: readonly IndicatorChange[]): IndicatorChange[] {
  return changes.filter((c) => c.trend === "up" || c.trend === "down" || (c.current === null) !== (c.previous === null));
}
