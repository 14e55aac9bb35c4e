import { describe, expect, it } from "vitest";
import { countInBatches, inBatches, IN_LIST_LIMIT } from "../../../src/store/batches.js";

describe("reading many ids a slice at a time", () => {
  it("asks for every value once, in slices no longer than the limit, and keeps the rows in order", async () => {
    const values = Array.from({ length: 2 * IN_LIST_LIMIT + 7 }, (_, i) => `id${i}`);
    const slices: string[][] = [];
    const rows = await inBatches([...values, "id0", "id5"], async (slice) => {
      slices.push(slice);
      return slice.map((v) => v.toUpperCase());
    });
    expect(slices.map((s) => s.length)).toEqual([IN_LIST_LIMIT, IN_LIST_LIMIT, 7]);
    expect(rows).toEqual(values.map((v) => v.toUpperCase()));
  });

  it("asks nothing for no values, and sums counts over the slices", async () => {
    let asked = 0;
    expect(await inBatches([], async () => [asked++])).toEqual([]);
    expect(asked).toBe(0);
    expect(await countInBatches([1, 2, 3, 4, 5], async (slice) => slice.filter((v) => v % 2 === 1).length, 2)).toBe(3);
  });
});
