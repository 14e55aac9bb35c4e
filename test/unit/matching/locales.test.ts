import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import {
  MATCH_MODES,
  MATCH_REASON_CODES,
  UNMATCHED_CAUSES,
  modeKey,
  reasonMessage,
  scoreMessage,
  suggestPairs,
  unmatchedMessage,
  type FluentMessage,
  type MatchReason,
} from "../../../src/domain/matching/index.js";
import { I18n } from "../../../src/i18n/index.js";

const LOCALES = join(import.meta.dirname, "..", "..", "..", "locales");
const LANGS = ["ru", "en"] as const;

function resource(lang: (typeof LANGS)[number]): FluentResource {
  return new FluentResource(readFileSync(join(LOCALES, lang, "matching.ftl"), "utf8"));
}

function strict(lang: (typeof LANGS)[number]): (m: FluentMessage) => string {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(resource(lang));
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("; "));
  return ({ key, args }) => {
    const message = bundle.getMessage(key);
    if (!message?.value) throw new Error(`Missing ${key} in ${lang}`);
    const formatErrors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, formatErrors);
    if (formatErrors.length > 0) throw new Error(`${key}: ${formatErrors.map((e) => e.message).join("; ")}`);
    return text;
  };
}

/** One example of every reason code. */
const SAMPLES: MatchReason[] = [
  { code: "mutual_choice", ranks: [1, 2], points: 1150 },
  { code: "mentee_choice", rank: 1, points: 400 },
  { code: "mentor_choice", rank: 3, points: 300 },
  { code: "competencies", items: ["exam_math", "leadership"], points: 80 },
  { code: "profile_fit", items: ["programming"], points: 20 },
  { code: "shared_interests", items: ["robotics"], points: 15 },
  { code: "grade_fit", grade: 8, points: 30 },
  { code: "time_fit", items: ["mon-evening"], points: 10 },
  { code: "format_fit", items: ["online"], points: 10 },
  { code: "no_common_time", points: 0 },
  { code: "no_common_format", points: 0 },
  { code: "grade_outside", grade: 6, min: 9, max: 11, points: 0 },
];

describe("locales/*/matching.ftl", () => {
  it("have the same keys in Russian and English, all prefixed match-", () => {
    const ids = LANGS.map((lang) => resource(lang).body.map((entry) => entry.id));
    expect([...ids[1]!].sort()).toEqual([...ids[0]!].sort());
    expect(new Set(ids[0]).size).toBe(ids[0]!.length);
    expect(ids[0]!.every((id) => id.startsWith("match-"))).toBe(true);
  });

  it("word every reason code, unmatched cause and mode, with their arguments", () => {
    expect(SAMPLES.map((s) => s.code)).toEqual([...MATCH_REASON_CODES]);
    for (const lang of LANGS) {
      const t = strict(lang);
      for (const reason of SAMPLES) {
        const text = t(reasonMessage(reason, (code) => `«${code}»`));
        expect(text).not.toMatch(/[{}]/);
        if ("items" in reason) expect(text).toContain(reason.items.map((c) => `«${c}»`).join(", "));
      }
      for (const cause of UNMATCHED_CAUSES) expect(t(unmatchedMessage(cause, 2))).not.toBe("");
      for (const mode of MATCH_MODES) {
        expect(t({ key: modeKey(mode), args: {} })).not.toBe("");
        expect(t({ key: `${modeKey(mode)}-hint`, args: {} })).not.toBe("");
      }
    }
    expect(strict("ru")(reasonMessage(SAMPLES[0]!))).toBe("выбрали друг друга (наставляемый — 1-й выбор, наставник — 2-й)");
    expect(strict("ru")(reasonMessage(SAMPLES[5]!))).toBe("общие интересы: robotics");
    expect(strict("en")(reasonMessage(SAMPLES[5]!))).toBe("shared interests: robotics");
  });

  it("decline the score in Russian", () => {
    const t = strict("ru");
    expect([1, 3, 5, 21].map((n) => t(scoreMessage(n)))).toEqual(["1 балл", "3 балла", "5 баллов", "21 балл"]);
    expect(t(scoreMessage(1330))).toMatch(/^1\s330 баллов$/); // grouped by Intl with a no-break space
    expect(strict("en")(scoreMessage(1))).toBe("1 point");
  });

  it("explain a real suggestion through the app's I18n", () => {
    const r = suggestPairs({
      mentors: [{ id: "A", capacity: 1, competencies: [], interests: ["chess"], menteeGrades: null, slots: [], formats: [] }],
      mentees: [{ id: "x", goals: [], interests: ["chess"], grade: null, slots: [], formats: [] }],
    });
    const t = new I18n().translator("ru");
    const texts = r.suggestions[0]!.reasons.map((reason) => {
      const m = reasonMessage(reason, (code) => (code === "chess" ? "шахматы" : code));
      return t(m.key, m.args);
    });
    expect(texts).toEqual(["общие интересы: шахматы"]);
  });
});
