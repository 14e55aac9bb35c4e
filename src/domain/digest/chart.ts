/**
 * What the digest's chart shows (pure): for a scope of several organisations, one bar per
 * organisation (the furthest behind first); for one organisation, the trend of its weekly
 * snapshots. The indicator is the share of learners involved (target 70 %), else the share
 * of teachers, else — without any Form 1 data — the number of pairs and groups.
 *
 * Bars are labelled by the organisation's name or by the date (DD.MM); the picture drawn from
 * this (src/reports/chart) carries those names, the indicator and the legend in the reader's
 * language.
 */
import { TARGET_PERCENT } from "../indicators/shares.js";
import type { IndicatorSet } from "../indicators/result-types.js";
import type { OrganisationIndicators } from "./compose.js";

export type ChartMetric = "pupilsTarget.percent" | "teachersTarget.percent" | "pairs";

export interface ChartBar {
  /** The organisation's name, or the snapshot's local date DD.MM. */
  label: string;
  value: number | null;
}

export interface ChartSpec {
  kind: "organisations" | "trend";
  metric: ChartMetric;
  /** 0–100 scale with the target line when the metric is a percentage. */
  percent: boolean;
  target: number | null;
  bars: ChartBar[];
}

export const MAX_BARS = 12;

export function metricValue(s: IndicatorSet, metric: ChartMetric): number | null {
  switch (metric) {
    case "pupilsTarget.percent":
      return s.pupilsTarget.percent;
    case "teachersTarget.percent":
      return s.teachersTarget.percent;
    case "pairs":
      return s.pairsAndGroups.total;
  }
}

/** The first metric with data in any of the sets. */
export function chooseMetric(sets: readonly IndicatorSet[]): ChartMetric {
  for (const m of ["pupilsTarget.percent", "teachersTarget.percent"] as const) {
    if (sets.some((s) => metricValue(s, m) !== null)) return m;
  }
  return "pairs";
}

function specOf(kind: ChartSpec["kind"], metric: ChartMetric, bars: ChartBar[]): ChartSpec {
  const percent = metric !== "pairs";
  return { kind, metric, percent, target: percent ? TARGET_PERCENT : null, bars };
}

/** One bar per organisation, lowest value first (no data last), at most MAX_BARS. */
export function organisationsChart(organisations: readonly OrganisationIndicators[]): ChartSpec {
  const metric = chooseMetric(organisations.map((o) => o.indicators));
  const sorted = organisations
    .map((o) => ({ o, v: metricValue(o.indicators, metric) }))
    .sort((a, b) => (a.v ?? Number.POSITIVE_INFINITY) - (b.v ?? Number.POSITIVE_INFINITY) || a.o.name.localeCompare(b.o.name, "ru"))
    .slice(0, MAX_BARS);
  return specOf(
    "organisations",
    metric,
    sorted.map(({ o, v }) => ({ label: o.name, value: v })),
  );
}

export interface TrendPoint {
  /** Local date YYYY-MM-DD. */
  date: string;
  indicators: IndicatorSet;
}

/** The last points of a trend (oldest first), one per date (the latest of a date wins), at most MAX_BARS. */
export function trendChart(points: readonly TrendPoint[]): ChartSpec {
  const byDate = new Map<string, TrendPoint>();
  for (const p of points) byDate.set(p.date, p);
  const last = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(-MAX_BARS);
  const metric = chooseMetric(last.map((p) => p.indicators));
  return specOf(
    "trend",
    metric,
    last.map((p) => {
      const [, m, d] = p.date.split("-");
      return { label: `${d}.${m}`, value: metricValue(p.indicators, metric) };
    }),
  );
}
