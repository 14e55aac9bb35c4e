export { barValueText, indicatorChartOption } from "./indicator-chart.js";
export { renderChartPng } from "./render.js";
