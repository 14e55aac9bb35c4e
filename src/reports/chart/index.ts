export { renderChart } from "./bar-chart.js";
