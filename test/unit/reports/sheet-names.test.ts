import { describe, expect, it } from "vitest";
import { safeSheetName, uniqueSheetNames } from "../../../src/reports/index.js";

describe("sheet names", () => {
  it("drop characters Excel forbids and stay within 31 characters", () => {
    expect(safeSheetName("Формы: 2/3 [итог]?")).toBe("Формы 2 3 итог");
    const long = safeSheetName("Данные о численности вовлеченности наставников");
    expect(long).toBe("Данные о численности вовлеченно");
    expect(long).toHaveLength(31);
  });

  it("are made unique ignoring case", () => {
    expect(uniqueSheetNames(["Форма", "форма", "Форма"])).toEqual(["Форма", "форма (2)", "Форма (3)"]);
  });

  it("are never empty", () => {
    expect(safeSheetName("[]")).toBe("Sheet");
  });
});
