/**
 * The indicators chart drawn on the server: the option (./indicator-chart.ts) → SVG by ECharts'
 * server-side rendering → PNG by resvg, with the DejaVu Sans files of the npm package
 * dejavu-fonts-ttf and no system font, so the picture is the same on every machine. ECharts (its
 * single-file build: about 0.2 s to load, against 1.5 s for its hundreds of modules) and resvg
 * are loaded on the first chart, not when the service starts. resvg draws on a thread of
 * libuv's pool; the event loop lays the chart out and encodes the PNG.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { CHART_FONT_FAMILY, CHART_HEIGHT, CHART_WIDTH, type IndicatorChartOption } from "./indicator-chart.js";
import { fontMetrics } from "./font-metrics.js";

/** Pixels of the PNG per CSS pixel of the chart. */
export const PNG_SCALE = 2;

const require = createRequire(import.meta.url);
const FONT_FILES = { regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf") };

type Loaded = { echarts: typeof import("echarts/core"); resvg: typeof import("@resvg/resvg-js") };
let loading: Promise<Loaded> | undefined;

async function load(): Promise<Loaded> {
  const [echarts, resvg, regular, bold] = await Promise.all([
    import("echarts/dist/echarts.esm.min.mjs"),
    import("@resvg/resvg-js"),
    readFile(FONT_FILES.regular),
    readFile(FONT_FILES.bold),
  ]);
  const metrics = { regular: fontMetrics(regular), bold: fontMetrics(bold) };
  const DEFAULT_SIZE = 12;
  echarts.setPlatformAPI({
    measureText(text: string, font?: string) {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? "")?.[1] ?? DEFAULT_SIZE);
      return { width: (/bold|[6-9]00/.test(font ?? "") ? metrics.bold : metrics.regular).width(text ?? "", size) };
    },
  });
  return { echarts, resvg };
}

function loaded(): Promise<Loaded> {
  loading ??= load().catch((error) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export interface ChartSize {
  width: number;
  height: number;
}

const DEFAULT_SIZE: ChartSize = { width: CHART_WIDTH, height: CHART_HEIGHT };

/** The chart as an SVG document. */
export async function renderChartSvg(option: IndicatorChartOption, size: ChartSize = DEFAULT_SIZE): Promise<string> {
  const { echarts } = await loaded();
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG of PNG_SCALE × its size. */
export async function renderChartPng(option: IndicatorChartOption, size: ChartSize = DEFAULT_SIZE): Promise<Buffer> {
  const svg = await renderChartSvg(option, size);
  const { resvg } = await loaded();
  const image = await resvg.renderAsync(svg, {
    fitTo: { mode: "zoom", value: PNG_SCALE },
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  });
  return image.asPng();
}
