import { describe, expect, it } from "vitest";
import { flagLevel, flagMatcher, flagWordLists } from "../../../src/domain/relay/flag-words.js";

/** Relay messages and free-text feedback are checked against word lists per language and category. */

const defaults = flagMatcher(flagWordLists({}));

describe("the default word lists", () => {
  it("find each category in Russian, in any case and with ё written as е", () => {
    expect(defaults.check("Иногда мне кажется, что НЕ ХОЧУ ЖИТЬ")).toEqual(["self_harm"]);
    expect(defaults.check("Он сказал, что изобьёт меня после уроков")).toEqual(["violence"]);
    expect(defaults.check("Меня избили у школы")).toEqual(["violence"]);
    expect(defaults.check("В классе меня травят и обзывают")).toEqual(["bullying"]);
    expect(defaults.check("Приходи ко мне домой, только никому не говори")).toEqual(["private_meeting"]);
    expect(defaults.check("это наш секрет")).toEqual(["private_meeting"]);
  });

  it("find English too", () => {
    expect(defaults.check("Sometimes I want to die")).toEqual(["self_harm"]);
    expect(defaults.check("They bully me at school")).toEqual(["bullying"]);
  });

  it("list several categories, the most serious first", () => {
    expect(defaults.check("меня травят, и я думаю о суициде")).toEqual(["self_harm", "bullying"]);
  });

  it("match whole words: a word that only contains a listed one is no hit", () => {
    expect(defaults.check("Разбирали задачи про затмения и суффиксы")).toEqual([]);
    expect(defaults.check("Потравить тараканов")).toEqual([]);
    expect(defaults.check("Встретимся в библиотеке в среду, с родителями")).toEqual([]);
  });
});

describe("an organisation's own lists", () => {
  it("replace the default list of the categories they give and keep the others", () => {
    const own = flagMatcher(flagWordLists({ ru: { bullying: ["гнобят"] } }));
    expect(own.check("Меня гнобят")).toEqual(["bullying"]);
    expect(own.check("меня травят")).toEqual([]);
    expect(own.check("не хочу жить")).toEqual(["self_harm"]);
  });

  it("may add a language, and malformed entries are ignored", () => {
    const own = flagMatcher(flagWordLists({ tt: { violence: ["кыйнау*", 7, ""] }, ru: "not a list", en: { bullying: "bully" } }));
    expect(own.check("кыйнаулар")).toEqual(["violence"]);
    expect(own.check("they bully me")).toEqual(["bullying"]);
  });

  it("an entry ending in * matches any ending", () => {
    const own = flagMatcher(flagWordLists({ ru: { violence: ["угроз*"] } }));
    expect(own.check("Это угрозы")).toEqual(["violence"]);
  });
});

describe("flagLevel", () => {
  it("self-harm and violence are urgent; bullying, a private meeting and the button are not", () => {
    expect(flagLevel("self_harm")).toBe("urgent");
    expect(flagLevel("violence")).toBe("urgent");
    expect(flagLevel("bullying")).toBe("normal");
    expect(flagLevel("private_meeting")).toBe("normal");
    expect(flagLevel("button")).toBe("normal");
  });
});
