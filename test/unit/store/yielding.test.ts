import { describe, expect, it } from "vitest";
import { mapYielding } from "../../../src/store/yielding.js";

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe("mapYielding", () => {
  it("maps in order and lets other work run while a long computation goes on", async () => {
    let ranMeanwhile = 0;
    const timer = setInterval(() => ranMeanwhile++, 0);
    const out = await mapYielding([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], (n) => {
      busy(10);
      return n * 2;
    });
    clearInterval(timer);
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(ranMeanwhile).toBeGreaterThan(0);
  });

  it("does not stop for a short one", async () => {
    let ranMeanwhile = 0;
    const timer = setInterval(() => ranMeanwhile++, 0);
    const out = await mapYielding(["a", "b"], (s) => s.toUpperCase());
    clearInterval(timer);
    expect(out).toEqual(["A", "B"]);
    expect(ranMeanwhile).toBe(0);
  });
});
