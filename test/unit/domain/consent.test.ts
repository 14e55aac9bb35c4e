import { describe, expect, it } from "vitest";
import { listItems, stillCovers, textHash } from "../../../src/domain/consent.js";
import { I18n } from "../../../src/i18n/index.js";
import { templateProblems } from "../../../src/store/consent-texts.js";
import { readFileSync } from "node:fs";

describe("consent documents: what a consent covers", () => {
  const agreed = { purposes: ["подбор наставника", "организация встреч пары"], data: ["фамилия и имя", "ответы в анкетах"] };

  it("a list is one item a line, without the bullets or numbers in front", () => {
    expect(listItems("— подбор наставника\n\n2) организация встреч\n  • отчётность  \n")).toEqual(["подбор наставника", "организация встреч", "отчётность"]);
  });

  it("a reworded text, a purpose or an item taken out, another case or closing punctuation: the consent still covers it", () => {
    expect(stillCovers(agreed, agreed)).toBe(true);
    expect(stillCovers(agreed, { purposes: ["Подбор  наставника."], data: ["Фамилия и имя;", "ответы в анкетах"] })).toBe(true);
    expect(stillCovers(agreed, { purposes: ["подбор наставника"], data: [] })).toBe(true);
  });

  it("a new purpose or a new item of data needs a new consent", () => {
    expect(stillCovers(agreed, { ...agreed, purposes: [...agreed.purposes, "публикация на сайте"] })).toBe(false);
    expect(stillCovers(agreed, { ...agreed, data: [...agreed.data, "номер телефона"] })).toBe(false);
  });

  it("the hash names the exact text: one character more is another document", () => {
    expect(textHash("Согласие")).toMatch(/^[0-9a-f]{64}$/);
    expect(textHash("Согласие")).not.toBe(textHash("Согласие."));
  });

  it("locales' default template is a valid text of the consent documents in both languages, with lists to compare", () => {
    const i18n = new I18n();
    for (const lang of ["ru", "en"] as const) {
      expect(templateProblems(readFileSync(`locales/${lang}/consent.ftl`, "utf8"), lang)).toEqual([]);
      expect(listItems(i18n.t(lang, "consent-pd-purposes")).length).toBeGreaterThanOrEqual(3);
      expect(listItems(i18n.t(lang, "consent-lr-data")).some((d) => /представител|representative/.test(d))).toBe(true);
    }
  });

  it("a text without a list, or with a variable the documents do not have, is refused", () => {
    const source = readFileSync("locales/ru/consent.ftl", "utf8");
    expect(templateProblems(source.replace(/consent-lr-title = .*\n/, ""), "ru").join()).toContain("missing messages: consent-lr-title");
    expect(templateProblems(source.replace("{ $operatorAddress }", "{ $phone }"), "ru").join()).toContain("phone");
    expect(templateProblems(`${source}\nЭто строка без отступа\n`, "ru").join()).toContain("not a Fluent message: Это строка без отступа");
    expect(templateProblems(source.replace(/consent-pd-data =\n( {4}.*\n)+/, "consent-pd-data = { \"\" }\n"), "ru").join()).toContain("consent-pd-data lists nothing");
  });
});
