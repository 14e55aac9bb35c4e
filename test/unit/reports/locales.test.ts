import { describe, expect, it } from "vitest";
import { INDICATOR_KEYS, PAIR_STATUSES, PARTICIPANT_CATEGORIES } from "../../../src/domain/indicators/index.js";
import { MENTORSHIP_FORMS } from "../../../src/domain/roles.js";
import { I18n } from "../../../src/i18n/index.js";
import { buildSheets, END_REASONS, INDICATOR_LABEL_KEYS, MEETING_STATUSES } from "../../../src/reports/index.js";
import { messageIds, strictTranslator } from "./fluent-translator.js";
import { workbookInput } from "./workbook-fixture.js";

describe("locales/*/reports.ftl", () => {
  it("have the same keys in Russian and English, all prefixed report-", () => {
    const ru = messageIds("ru");
    const en = messageIds("en");
    expect([...en].sort()).toEqual([...ru].sort());
    expect(new Set(ru).size).toBe(ru.length);
    expect(ru.every((id) => id.startsWith("report-"))).toBe(true);
  });

  it("name every value the sheets can show", () => {
    const keys = [
      ...MENTORSHIP_FORMS.map((f) => `report-mentorship-form-${f}`),
      ...PARTICIPANT_CATEGORIES.map((c) => `report-category-${c}`),
      ...PAIR_STATUSES.map((s) => `report-pair-status-${s}`),
      ...MEETING_STATUSES.map((s) => `report-meeting-status-${s}`),
      ...END_REASONS.map((r) => `report-end-reason-${r}`),
      ...INDICATOR_KEYS.map((k) => INDICATOR_LABEL_KEYS[k]),
    ];
    for (const lang of ["ru", "en"] as const) {
      const ids = new Set(messageIds(lang));
      expect(keys.filter((k) => !ids.has(k))).toEqual([]);
    }
  });

  it("keep sheet names within Excel's 31 characters", () => {
    for (const lang of ["ru", "en"] as const) {
      for (const s of buildSheets(workbookInput, strictTranslator(lang))) {
        expect(s.name.length).toBeLessThanOrEqual(31);
      }
    }
  });

  it("work through the app's I18n", () => {
    const sheets = buildSheets(workbookInput, new I18n().translator("ru"));
    expect(sheets.find((s) => s.id === "form5")?.columns[0]?.header).toBe("Муниципальный район");
    expect(sheets.find((s) => s.id === "form5")?.total?.[0]).toBe("Итого, чел");
  });
});
