/**
 * ECharts with only what the indicators chart uses (bars, the target line, title, legend, grid,
 * the accessible description) and the SVG renderer. No Node module: a page's bundle can import
 * it as well as the server. The server loads it only when it draws a chart (./render.ts).
 */
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

export { echarts };
