import { describe, expect, it } from "vitest";
import { cleanText, validateText } from "../../src/flows/validation.js";
import type { TextStep } from "../../src/flows/types.js";

const nameStep: TextStep = { id: "name", type: "text", kind: "name", prompt: "join-name", minLength: 2, maxLength: 100 };
const freeText: TextStep = { id: "note", type: "text", prompt: "fb-what-done", minLength: 2, maxLength: 1000 };

describe("names a curator can read", () => {
  it.each([
    ["word joiners", "\u2060\u2060\u2060\u2060"],
    ["right-to-left overrides and isolates", "\u202E\u202D\u2066\u2069\u202A"],
    ["Hangul fillers", "\u3164\u3164\u3164"],
    ["half-width Hangul fillers", "\uFFA0\uFFA0"],
    ["braille blanks", "\u2800\u2800\u2800"],
    ["bare combining marks", "\u0301\u0308\u0306"],
    ["zero-width spaces between spaces", " \u200B \u200B "],
  ])("a name made only of %s is refused with the reason", (_, raw) => {
    const r = validateText(nameStep, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(["flow-error-name-no-letters", "flow-error-text-empty", "flow-error-text-too-short"]).toContain((r.error as { key: string }).key);
  });

  it("a name with invisible characters inside is stored without them, and in NFC", () => {
    const r = validateText(nameStep, "Ан\u202Eна \u3164Пет\u2060рова");
    expect(r).toEqual({ ok: true, value: "Анна Петрова" });
    // "й" typed as "и" and a combining breve comes out as one letter.
    const composed = validateText(nameStep, "Андрей".replace("й", "и\u0306"));
    expect(composed).toEqual({ ok: true, value: "Андрей" });
    expect(composed.ok && composed.value.length).toBe(6);
  });

  it("a name of letters in any script is accepted as typed", () => {
    expect(validateText(nameStep, "Zoë O'Neil")).toEqual({ ok: true, value: "Zoë O'Neil" });
    expect(validateText(nameStep, "Мария-Анна Иванова")).toEqual({ ok: true, value: "Мария-Анна Иванова" });
  });

  it("bidirectional controls are stripped from every text answer, not only names", () => {
    expect(cleanText("ул. Садовая\u202E 12")).toBe("ул. Садовая 12");
    expect(validateText(freeText, "\u2066Обсудили\u2069 план")).toEqual({ ok: true, value: "Обсудили план" });
  });
});
