export { Bitmap, crc32, type Rgb } from "./png.js";
export { drawText, hasGlyph, textWidth } from "./font.js";
export { barColor, CHART_HEIGHT, CHART_WIDTH, COLORS, layoutChart, niceMax, renderChart, type ChartLayout } from "./bar-chart.js";
