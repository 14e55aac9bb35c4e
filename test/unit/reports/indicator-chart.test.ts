import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../../src/domain/digest/chart.js";
import { I18n } from "../../../src/i18n/index.js";
import { fontMetrics } from "../../../src/reports/chart/font-metrics.js";
import { barStatus, barValueText, CHART_HEIGHT, CHART_WIDTH, indicatorChartOption } from "../../../src/reports/chart/indicator-chart.js";
import { PNG_SCALE, renderChartPng, renderChartSvg } from "../../../src/reports/chart/render.js";
import { renderChartCaption } from "../../../src/reports/digest-text.js";
import { darkPixels, decodePng } from "../../support/png.js";

/**
 * The digest's chart: one option (pure) for the browser and the server, drawn on the server to
 * SVG with the translated words and to a PNG with the bundled font.
 */

const i18n = new I18n();
const ru = i18n.translator("ru");
const en = i18n.translator("en");
const SCOPE = "Омский район (Омская область)";
const LONG_NAME = "МБОУ «Средняя общеобразовательная школа № 5 г. Омска имени героя»";

const organisations: ChartSpec = {
  kind: "organisations",
  metric: "pupilsTarget.percent",
  percent: true,
  target: 70,
  bars: [
    { label: LONG_NAME, value: 8 },
    { label: "Гимназия № 1", value: 40.4 },
    // Fits the axis in DejaVu Sans (about 165 px), not when every Cyrillic letter is taken for an em.
    { label: "Лицей № 64 города Омска", value: 75 },
    { label: "Школа № 8", value: null },
  ],
};

const trend: ChartSpec = {
  kind: "trend",
  metric: "teachersTarget.percent",
  percent: true,
  target: 70,
  bars: [
    { label: "08.03", value: 20 },
    { label: "15.03", value: 35 },
    { label: "22.03", value: 71 },
  ],
};

const pairs: ChartSpec = { kind: "organisations", metric: "pairs", percent: false, target: null, bars: [{ label: "Школа № 7", value: 3 }, { label: "Школа № 8", value: 17 }] };

/** The texts of the SVG's <text> elements, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&"));
}

describe("the chart's option", () => {
  it("imports only types, so a page's bundle takes it without Node or ECharts itself", () => {
    const path = join(import.meta.dirname, "../../../src/reports/chart/indicator-chart.ts");
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022);
    const imports = file.statements.filter(ts.isImportDeclaration);
    expect(imports.length).toBeGreaterThan(0);
    for (const declaration of imports) expect(declaration.importClause?.isTypeOnly, declaration.getText(file)).toBe(true);
  });

  it("is plain JSON, so a page can be handed it as it is", () => {
    for (const spec of [organisations, trend, pairs]) {
      const option = indicatorChartOption(spec, ru, { scope: SCOPE, dark: spec === trend });
      expect(JSON.parse(JSON.stringify(option))).toEqual(option);
    }
  });

  it("colours a share by the distance to the target, and a count in one colour", () => {
    expect([75, 70, 35, 34.9, null].map((v) => barStatus(organisations, v))).toEqual(["reached", "reached", "halfway", "far", "none"]);
    expect(barStatus(pairs, 17)).toBe("count");
    expect([barValueText(organisations, 40.4, ru), barValueText(pairs, 17, ru), barValueText(organisations, null, ru), barValueText(organisations, null, en)]).toEqual(["40 %", "17", "нет данных", "no data"]);
  });

  it("puts each organisation in the series of its status, and the target as a dashed line in the legend", () => {
    const option = indicatorChartOption(organisations, ru, { scope: SCOPE });
    const series = option.series as { name: string; type: string; data: ({ value: number; label: { formatter: string } } | null)[]; markLine?: { data: unknown[] } }[];
    expect(series.map((s) => s.name)).toEqual(["цель достигнута", "больше половины пути", "меньше половины пути", "нет данных", "цель 70 %"]);
    const values = (s: (typeof series)[number]) => s.data.map((d) => d && [d.value, d.label.formatter]);
    expect(values(series[0]!)).toEqual([null, null, [75, "75 %"], null]);
    expect(values(series[1]!)).toEqual([null, [40.4, "40 %"], null, null]);
    expect(values(series[2]!)).toEqual([[8, "8 %"], null, null, null]);
    expect(values(series[3]!)).toEqual([null, null, null, [0, "нет данных"]]);
    expect(series[4]!.markLine!.data).toEqual([{ xAxis: 70 }]);
    // A page's screen reader hears the same in Russian.
    expect((option.aria as { label: { description: string } }).label.description).toBe(
      `Доля вовлечённых обучающихся 10–19, %. ${SCOPE} — по организациям; ${LONG_NAME} — 8 %; Гимназия № 1 — 40 %; Лицей № 64 города Омска — 75 %; Школа № 8 — нет данных`,
    );
    // A count has no target and no statuses; a trend stands upright with the line across.
    expect((indicatorChartOption(pairs, ru, { scope: SCOPE }).series as { name: string }[]).map((s) => s.name)).toEqual(["пары и группы"]);
    const upright = indicatorChartOption(trend, ru, { scope: SCOPE });
    expect((upright.xAxis as { data: string[] }).data).toEqual(["08.03", "15.03", "22.03"]);
    expect((upright.series as { markLine?: { data: unknown[] } }[]).at(-1)!.markLine!.data).toEqual([{ yAxis: 70 }]);
  });
});

describe("the chart's caption", () => {
  it("names every organisation with its value, a very long name cut, within a messenger's 1024 characters", () => {
    expect(renderChartCaption(organisations, ru)).toBe(
      [
        "График: доля вовлечённых обучающихся 10–19, % по организациям.",
        "Пунктир — цель 70 %.",
        "1. МБОУ «Средняя общеобразовательная школа № 5 г. Омска имени… — 8 %",
        "2. Гимназия № 1 — 40 %",
        "3. Лицей № 64 города Омска — 75 %",
        "4. Школа № 8 — нет данных",
      ].join("\n"),
    );
    const twelve: ChartSpec = { ...organisations, bars: Array.from({ length: 12 }, (_, i) => ({ label: `${LONG_NAME} ${LONG_NAME} ${i}`, value: i })) };
    const caption = renderChartCaption(twelve, en);
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(caption.split("\n")).toHaveLength(14);
    expect(caption).toContain(`12. ${`${LONG_NAME} ${LONG_NAME}`.slice(0, 59).trimEnd()}… — 11 %`);
  });
});

describe("the chart drawn on the server", () => {
  it("has the indicator, the scope, the organisations, the values, the legend and the axes in Russian", async () => {
    const words = texts(await renderChartSvg(indicatorChartOption(organisations, ru, { scope: SCOPE })));
    expect(words).toEqual(
      expect.arrayContaining([
        "Доля вовлечённых обучающихся 10–19, %",
        "Омский район (Омская область) — по организациям",
        "Гимназия № 1",
        "Лицей № 64 города Омска",
        "Школа № 8",
        "8 %",
        "40 %",
        "75 %",
        "нет данных",
        "цель достигнута",
        "больше половины пути",
        "меньше половины пути",
        "цель 70 %",
        "доля, %",
        "0 %",
        "100 %",
      ]),
    );
    // A long name is shortened on the axis (the caption has it whole).
    const shortened = words.find((w) => w.startsWith("МБОУ «Средняя"));
    expect(shortened).toMatch(/…$/);
    expect(shortened!.length).toBeLessThan(LONG_NAME.length);
    expect(words).not.toContain(LONG_NAME);
  });

  it("speaks the reader's language, by week for one organisation", async () => {
    const words = texts(await renderChartSvg(indicatorChartOption(trend, en, { scope: "Школа № 7" })));
    expect(words).toEqual(expect.arrayContaining(["Share of teachers involved, %", "Школа № 7, by week", "08.03", "22.03", "71 %", "target reached", "70 % target", "share, %", "date"]));
    expect(words.join(" ")).not.toMatch(/цель|доля|неделям|дата/);
  });

  it("is a PNG of twice the chart's size with words drawn in the title, the names and the legend", async () => {
    const png = await renderChartPng(indicatorChartOption(organisations, ru, { scope: SCOPE }));
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([CHART_WIDTH * PNG_SCALE, CHART_HEIGHT * PNG_SCALE]);
    const px = (box: { left: number; top: number; right: number; bottom: number }) => darkPixels(image, { left: box.left * PNG_SCALE, top: box.top * PNG_SCALE, right: box.right * PNG_SCALE, bottom: box.bottom * PNG_SCALE });
    const title = { left: 0, top: 0, right: CHART_WIDTH, bottom: 30 };
    const names = { left: 0, top: 70, right: 150, bottom: CHART_HEIGHT - 130 };
    const legend = { left: 0, top: CHART_HEIGHT - 70, right: CHART_WIDTH, bottom: CHART_HEIGHT };
    const corner = { left: CHART_WIDTH - 40, top: 0, right: CHART_WIDTH, bottom: 40 };
    expect(px(title)).toBeGreaterThan(500);
    expect(px(names)).toBeGreaterThan(500);
    expect(px(legend)).toBeGreaterThan(500);
    expect(px(corner)).toBe(0);
    expect(image.pixel(CHART_WIDTH * PNG_SCALE - 2, 2)).toEqual([255, 255, 255, 255]);
  });

  it("draws other data differently: other names change the names' band, other values the bars", async () => {
    const band = async (spec: ChartSpec) => {
      const image = decodePng(await renderChartPng(indicatorChartOption(spec, ru, { scope: SCOPE })));
      const rows = (left: number, right: number) => {
        const out: number[] = [];
        for (let y = 70 * PNG_SCALE; y < (CHART_HEIGHT - 130) * PNG_SCALE; y += 3) for (let x = left * PNG_SCALE; x < right * PNG_SCALE; x += 3) out.push(...image.pixel(x, y));
        return out.join(",");
      };
      return { names: rows(0, 150), bars: rows(220, CHART_WIDTH - 60) };
    };
    const base = await band(organisations);
    const renamed = await band({ ...organisations, bars: organisations.bars.map((b, i) => ({ ...b, label: i === 1 ? "Школа № 1" : b.label })) });
    const moved = await band({ ...organisations, bars: organisations.bars.map((b, i) => ({ ...b, value: i === 1 ? 62 : b.value })) });
    expect(renamed.names).not.toBe(base.names);
    expect(renamed.bars).toBe(base.bars);
    expect(moved.bars).not.toBe(base.bars);
  });
});

describe("the chart drawn in a page", () => {
  it("needs only the parts echarts-setup registers: the same words and shapes as on the server", async () => {
    const { echarts } = await import("../../../src/reports/chart/echarts-setup.js");
    // Short names: without a canvas here, ECharts would take a Cyrillic letter for an em and shorten long ones.
    const short: ChartSpec = { ...organisations, bars: [{ label: "Гимназия № 1", value: 40.4 }, { label: "Школа № 3", value: 75 }, { label: "Школа № 8", value: null }] };
    for (const spec of [short, trend, pairs]) {
      const option = indicatorChartOption(spec, ru, { scope: SCOPE });
      const page = echarts.init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
      page.setOption(option);
      const inPage = page.renderToSVGString();
      page.dispose();
      const onServer = await renderChartSvg(option);
      expect(texts(inPage).sort()).toEqual(texts(onServer).sort());
      expect(inPage.match(/<path/g)?.length).toBe(onServer.match(/<path/g)?.length);
    }
  }, 30_000);
});

describe("the font's widths", () => {
  const require = createRequire(import.meta.url);
  const metrics = fontMetrics(readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")));

  it("are DejaVu Sans's own: Cyrillic letters narrower than an em, digits all alike", () => {
    expect(metrics.width("Школа", 100)).toBeGreaterThan(300);
    expect(metrics.width("Школа", 100)).toBeLessThan(400);
    expect(metrics.width("о", 100)).toBeGreaterThan(50);
    expect(metrics.width("о", 100)).toBeLessThan(70);
    expect(metrics.width("0123456789", 10)).toBeCloseTo(metrics.width("0", 10) * 10, 6);
    expect(metrics.width("Школа № 8", 12)).toBeCloseTo(metrics.width("Школа", 12) + metrics.width(" № 8", 12), 6);
    expect(metrics.width("", 12)).toBe(0);
  });
});
