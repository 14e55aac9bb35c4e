/**
 * The one definition of the indicators chart (pure): a chart's data (src/domain/digest/chart.ts)
 * and a translator → an Apache ECharts option. The digest renders it to PNG on the server
 * (./render.ts); a page in the browser gives the same option to its own ECharts instance.
 * Nothing here does I/O or imports a Node module, and echarts is imported for its types only;
 * the option is plain JSON (no functions), so a server can also hand it to a page as it is.
 *
 * For several organisations: one horizontal bar per organisation, named on the axis; for one
 * organisation: one bar per weekly snapshot. A percentage is coloured by how far it is from the
 * target (reached, more than halfway, less), with the target as a dashed line; the number of
 * pairs and groups has one colour. Every word comes from locales/<lang>/admin.ftl.
 */
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, TitleComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import type { ChartSpec } from "../../domain/digest/chart.js";
import type { Translate } from "../translate.js";

/** The chart's size in CSS pixels (the PNG is drawn at twice this). */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 480;

/** The font the PNG is drawn with (bundled, see ./render.ts); a browser falls back to its sans-serif. */
export const CHART_FONT_FAMILY = "DejaVu Sans";

/** The option the chart is drawn from: only the parts ./echarts-setup.ts registers. */
export type IndicatorChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | TitleComponentOption | LegendComponentOption | GridComponentOption | MarkLineComponentOption | AriaComponentOption
>;

/** Where a bar stands against the target. */
export type BarStatus = "reached" | "halfway" | "far" | "count" | "none";

export const BAR_STATUSES: readonly BarStatus[] = ["reached", "halfway", "far", "count", "none"];

export function barStatus(chart: Pick<ChartSpec, "percent" | "target">, value: number | null): BarStatus {
  if (value === null) return "none";
  if (!chart.percent || chart.target === null) return "count";
  if (value >= chart.target) return "reached";
  return value >= chart.target / 2 ? "halfway" : "far";
}

export interface ChartLook {
  /** The scope's or the organisation's name, under the title. */
  scope: string;
  /** Light text on a transparent background, for a dark theme. */
  dark?: boolean;
}

const PALETTE = {
  light: { text: "#222222", muted: "#555555", axis: "#444444", grid: "#e3e3e3", background: "#ffffff", target: "#961414" },
  dark: { text: "#f0f0f0", muted: "#c0c0c0", axis: "#bbbbbb", grid: "#3a3a3a", background: "transparent", target: "#ff7070" },
} as const;

const BAR_COLORS: Record<BarStatus, string> = {
  reached: "#2ea043",
  halfway: "#f09628",
  far: "#d62728",
  count: "#1f77b4",
  none: "#aaaaaa",
};

/** Longest organisation name on the axis, in CSS pixels; longer ones end in "…" (the caption has them whole). */
const NAME_WIDTH = 190;

/** Rows the legend takes at the chart's width (its words' width estimated: 7 px a letter at 12 px). */
function legendRows(names: readonly string[]): number {
  const ICON_AND_GAP = 25 + 5 + 16;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = ICON_AND_GAP + name.length * 7;
    if (x > 0 && x + w > CHART_WIDTH - 32) {
      rows++;
      x = 0;
    }
    x += w;
  }
  return rows;
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The chart's heading: the indicator. */
export function chartTitle(chart: Pick<ChartSpec, "metric">, t: Translate): string {
  return capitalised(t(`admin-chart-metric-${chart.metric.replace(".", "-")}`));
}

/** A bar's value as written beside it: "45 %", "12", or "no data". */
export function barValueText(chart: Pick<ChartSpec, "percent">, value: number | null, t: Translate): string {
  if (value === null) return t("admin-no-data");
  return chart.percent ? `${Math.round(value)} %` : String(Math.round(value));
}

export function indicatorChartOption(chart: ChartSpec, t: Translate, look: ChartLook): IndicatorChartOption {
  const colors = look.dark ? PALETTE.dark : PALETTE.light;
  const horizontal = chart.kind === "organisations";
  const statuses = chart.bars.map((b) => barStatus(chart, b.value));
  const top = Math.max(0, ...chart.bars.map((b) => b.value ?? 0));
  const shown = chart.percent ? BAR_STATUSES.filter((s) => s !== "count" && (s !== "none" || statuses.includes("none"))) : BAR_STATUSES.filter((s) => s === "count" || (s === "none" && statuses.includes("none")));

  const categoryAxis = {
    type: "category" as const,
    data: chart.bars.map((b) => b.label),
    // The organisations read from the top, lowest value first.
    inverse: horizontal,
    name: horizontal ? undefined : t("admin-chart-axis-date"),
    nameLocation: "middle" as const,
    nameGap: 30,
    nameTextStyle: { color: colors.muted },
    axisLine: { lineStyle: { color: colors.axis } },
    axisTick: { show: false },
    axisLabel: { color: colors.text, fontSize: 12, ...(horizontal ? { width: NAME_WIDTH, overflow: "truncate" as const, ellipsis: "…" } : { interval: 0 }) },
  };
  const valueAxis = {
    type: "value" as const,
    min: 0,
    max: chart.percent ? Math.max(100, Math.ceil(top / 20) * 20) : undefined,
    minInterval: 1,
    name: t(chart.percent ? "admin-chart-axis-percent" : "admin-chart-axis-pairs"),
    nameLocation: "middle" as const,
    nameGap: horizontal ? 28 : 40,
    nameTextStyle: { color: colors.muted },
    axisLine: { show: true, lineStyle: { color: colors.axis } },
    axisLabel: { color: colors.text, fontSize: 12, formatter: chart.percent ? "{value} %" : "{value}" },
    splitLine: { lineStyle: { color: colors.grid } },
  };

  // One stacked series per status, so that the legend names the colours; each bar is in its own,
  // with its value written beside it (a plain string: the option stays JSON).
  const series: (BarSeriesOption | LineSeriesOption)[] = shown.map((status) => ({
    type: "bar" as const,
    name: t(`admin-chart-series-${status}`),
    stack: "value",
    barMaxWidth: 48,
    itemStyle: { color: BAR_COLORS[status] },
    label: { show: true, position: horizontal ? ("right" as const) : ("top" as const), color: colors.text, fontSize: 12 },
    data: chart.bars.map((b, i) => (statuses[i] === status ? { value: b.value ?? 0, label: { formatter: barValueText(chart, b.value, t) } } : null)),
  }));
  if (chart.percent && chart.target !== null) {
    const targetName = t("admin-chart-target-line", { target: chart.target });
    series.push({
      type: "line",
      name: targetName,
      data: [],
      symbol: "none",
      lineStyle: { color: colors.target, type: "dashed", width: 2 },
      itemStyle: { color: colors.target },
      markLine: {
        silent: true,
        symbol: "none",
        lineStyle: { color: colors.target, type: "dashed", width: 2 },
        label: { show: false },
        data: [horizontal ? { xAxis: chart.target } : { yAxis: chart.target }],
      },
    });
  }

  const title = chartTitle(chart, t);
  const subtitle = t(`admin-chart-subtitle-${chart.kind}`, { scope: look.scope });
  return {
    animation: false,
    backgroundColor: colors.background,
    textStyle: { fontFamily: `${CHART_FONT_FAMILY}, sans-serif`, color: colors.text },
    // What a screen reader says, in the reader's language (ECharts' own description would be English).
    aria: { enabled: true, label: { description: [`${title}. ${subtitle}`, ...chart.bars.map((b) => `${b.label} — ${barValueText(chart, b.value, t)}`)].join("; ") } },
    title: {
      text: title,
      subtext: subtitle,
      left: "center",
      top: 8,
      textStyle: { color: colors.text, fontSize: 16, fontWeight: "bold", width: CHART_WIDTH - 24, overflow: "truncate", ellipsis: "…" },
      subtextStyle: { color: colors.muted, fontSize: 12, width: CHART_WIDTH - 24, overflow: "truncate", ellipsis: "…" },
    },
    legend: {
      bottom: 8,
      left: "center",
      itemGap: 16,
      textStyle: { color: colors.text, fontSize: 12 },
      // The target's entry is its dashed line alone.
      data: series.map((s) => (s.type === "line" ? { name: String(s.name), itemStyle: { opacity: 0 } } : String(s.name))),
    },
    grid: { left: 16, right: 48, top: 68, bottom: 56 + 24 * legendRows(series.map((s) => String(s.name))) },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}
