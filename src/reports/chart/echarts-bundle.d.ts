/** ECharts' own single-file build (every chart and component): the server loads one file instead of hundreds. */
declare module "echarts/dist/echarts.esm.min.mjs" {
  export * from "echarts/core";
}
