/**
 * What a delivered chart picture shows, read back from its PNG: its size and how many near-black
 * pixels (words, axes) its title band and the rest hold — a blank picture, or one drawn without
 * its font, has none in the title.
 */
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/reports/chart/indicator-chart.js";
import { PNG_SCALE } from "../../src/reports/chart/render.js";
import { darkPixels, decodePng } from "./png.js";

export const CHART_PNG_SIZE = [CHART_WIDTH * PNG_SCALE, CHART_HEIGHT * PNG_SCALE] as const;

export function chartPicture(png: Buffer): { size: [number, number]; title: number; body: number } {
  const image = decodePng(png);
  const titleBottom = 30 * PNG_SCALE;
  return {
    size: [image.width, image.height],
    title: darkPixels(image, { left: 0, top: 0, right: image.width, bottom: titleBottom }),
    body: darkPixels(image, { left: 0, top: titleBottom, right: image.width, bottom: image.height }),
  };
}
