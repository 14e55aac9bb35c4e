/** The digest's chart as a PNG: one bar per organisation or per week, with the 70 % target line. */
import type { ChartSpec } from "../../domain/digest/chart.js";
import { drawText, GLYPH_HEIGHT, textWidth } from "./font.js";
import { Bitmap, type Rgb } from "./png.js";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 460;

export const COLORS = {
  background: [255, 255, 255] as Rgb,
  axis: [60, 60, 60] as Rgb,
  grid: [225, 225, 225] as Rgb,
  text: [40, 40, 40] as Rgb,
  reached: [46, 160, 67] as Rgb,
  halfway: [240, 150, 40] as Rgb,
  far: [214, 39, 40] as Rgb,
  count: [31, 119, 180] as Rgb,
  noData: [170, 170, 170] as Rgb,
  target: [150, 20, 20] as Rgb,
} as const;

const MARGIN = { left: 70, right: 24, top: 34, bottom: 56 };
const SCALE = 2;

/** A round upper bound for a count axis: 5, 10, 20, 50, 100, … */
export function niceMax(value: number): number {
  if (!(value > 5)) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function barColor(spec: ChartSpec, value: number | null): Rgb {
  if (value === null) return COLORS.noData;
  if (!spec.percent || spec.target === null) return COLORS.count;
  if (value >= spec.target) return COLORS.reached;
  return value >= spec.target / 2 ? COLORS.halfway : COLORS.far;
}

function formatValue(spec: ChartSpec, value: number | null): string {
  if (value === null) return "-";
  return spec.percent ? `${Math.round(value)}%` : String(Math.round(value));
}

export interface ChartLayout {
  /** Pixel box of each bar (value null: a flat marker on the axis). */
  bars: { x: number; y: number; width: number; height: number }[];
  /** y of the target line, when drawn. */
  targetY: number | null;
  plot: { left: number; top: number; right: number; bottom: number };
  max: number;
}

export function layoutChart(spec: ChartSpec, width = CHART_WIDTH, height = CHART_HEIGHT): ChartLayout {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const values = spec.bars.map((b) => b.value ?? 0);
  const top = Math.max(0, ...values);
  const max = spec.percent ? Math.max(100, Math.ceil(top / 20) * 20) : niceMax(top);
  const yOf = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / max;
  const n = Math.max(1, spec.bars.length);
  const slot = (plot.right - plot.left) / n;
  const barWidth = Math.max(6, Math.min(70, Math.floor(slot * 0.6)));
  const bars = spec.bars.map((b, i) => {
    const x = Math.round(plot.left + slot * i + (slot - barWidth) / 2);
    const v = b.value === null ? 0 : Math.max(0, b.value);
    const y = Math.round(yOf(v));
    return { x, y, width: barWidth, height: Math.max(b.value === null ? 3 : 0, plot.bottom - y) };
  });
  return { bars, targetY: spec.target === null ? null : Math.round(yOf(spec.target)), plot, max };
}

export function renderChart(spec: ChartSpec, width = CHART_WIDTH, height = CHART_HEIGHT): Buffer {
  const bmp = new Bitmap(width, height, COLORS.background);
  const layout = layoutChart(spec, width, height);
  const { plot, max } = layout;
  // Grid and y-axis labels: five steps.
  for (let i = 0; i <= 5; i++) {
    const v = (max * i) / 5;
    const y = Math.round(plot.bottom - ((plot.bottom - plot.top) * v) / max);
    if (i > 0) bmp.hline(plot.left + 1, plot.right, y, COLORS.grid);
    const label = spec.percent ? `${Math.round(v)}%` : String(Math.round(v));
    drawText(bmp, label, plot.left - 8 - textWidth(label, SCALE), y - (GLYPH_HEIGHT * SCALE) / 2, COLORS.text, SCALE);
  }
  // Bars, values above and labels below.
  spec.bars.forEach((b, i) => {
    const box = layout.bars[i]!;
    bmp.fillRect(box.x, b.value === null ? plot.bottom - box.height : box.y, box.width, box.height, barColor(spec, b.value));
    const value = formatValue(spec, b.value);
    const vy = (b.value === null ? plot.bottom - box.height : box.y) - GLYPH_HEIGHT * SCALE - 6;
    drawText(bmp, value, box.x + box.width / 2 - textWidth(value, SCALE) / 2, Math.max(2, vy), COLORS.text, SCALE);
    drawText(bmp, b.label, box.x + box.width / 2 - textWidth(b.label, SCALE) / 2, plot.bottom + 12, COLORS.text, SCALE);
  });
  // Target line over the bars, then the axes.
  if (layout.targetY !== null) bmp.hline(plot.left, plot.right, layout.targetY, COLORS.target, 2, 8);
  bmp.vline(plot.left, plot.top, plot.bottom, COLORS.axis, 2);
  bmp.hline(plot.left, plot.right, plot.bottom, COLORS.axis, 2);
  return bmp.toPng();
}
