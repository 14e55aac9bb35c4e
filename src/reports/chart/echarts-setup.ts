/**
 * ECharts with only what the indicators chart uses (bars, the target line, title, legend, grid,
 * the accessible description) and the SVG renderer, for a page's bundle: no Node module, and
 * only the parts it needs. The server loads ECharts' single-file build instead (./render.ts);
 * test/unit/reports/indicator-chart.test.ts checks that these parts draw the whole option.
 */
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

export { echarts };
