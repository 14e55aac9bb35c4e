import { describe, expect, it } from "vitest";
import { isIdentifyingText, redactor, traces } from "../../../src/domain/erasure.js";
import { I18n } from "../../../src/i18n/index.js";

/** Taking a person who withdrew consent out of other people's records, without touching the rest. */
describe("erasure", () => {
  const r = redactor(
    traces({
      phrases: ["Ульяна Гречко", "Гречко Светлана Аркадьевна", "ул. Садовая 12, кв. 45", "Иван", null, "да", "12"],
      handles: ["100123", "ulyana_g", "@ulyana_g", undefined],
    }),
  );

  it("replaces names and typed texts as whole words, in any case", () => {
    expect(r.text("Ваш наставляемый: Ульяна Гречко. Представитель: Гречко Светлана Аркадьевна")).toBe("Ваш наставляемый: —. Представитель: —");
    expect(r.text("Встреча: 01.12.2026 в 09:30, ул. Садовая 12, кв. 45.")).toBe("Встреча: 01.12.2026 в 09:30, —.");
    expect(r.text("УЛЬЯНА ГРЕЧКО")).toBe("—");
    // Another person whose name begins the same, and words too short to say anything, stay.
    expect(r.text("Наставник: Иванова Мария, да")).toBe("Наставник: Иванова Мария, да");
    expect(r.text("Иван придёт")).toBe("— придёт");
  });

  it("replaces a whole link or word that holds an account id or username, not a longer number", () => {
    expect(r.text("Наставляемый: — — https://t.me/ulyana_g, https://vk.com/id100123")).toBe("Наставляемый: — — —, —");
    expect(r.text("tg://user?id=100123 и @ulyana_g.")).toBe("— и —.");
    expect(r.text("vk:100123:17")).toBe("—");
    expect(r.text("id 1001234, t.me/ulyana_gx, 9100123")).toBe("id 1001234, t.me/ulyana_gx, 9100123");
  });

  it("redacts the strings of a JSON value (not its keys or a picture) and says whether it changed", () => {
    const payload = { parts: [{ key: "lc-contact", args: { role: "mentee", name: "Ульяна Гречко", links: "https://t.me/ulyana_g" } }], image: { base64: "AAA100123BBB" } };
    const out = r.json(payload);
    expect(out.changed).toBe(true);
    expect(out.value).toEqual({ parts: [{ key: "lc-contact", args: { role: "mentee", name: "—", links: "—" } }], image: { base64: "AAA100123BBB" } });
    expect(payload.parts[0]!.args.name).toBe("Ульяна Гречко");
    const untouched = { "Ульяна Гречко-key": 1, text: "Кабинет 214" };
    expect(r.json(untouched)).toEqual({ value: untouched, changed: false });
  });

  it("gives LIKE patterns of every trace, as plain text and as JSON writes it", () => {
    const p = redactor(traces({ phrases: ['Кафе "Ромашка" 50%'], handles: ["a_b"] })).patterns();
    expect(p).toEqual(expect.arrayContaining(['%Кафе "Ромашка" 50\\%%', '%Кафе \\\\"Ромашка\\\\" 50\\%%', "%a\\_b%"]));
  });

  it("takes typed answers for traces, not choice codes or numbers", () => {
    expect(["Хочу выступить на олимпиаде", "sat-morning", "olympiad_prep", "7", "1-3", "Да", "ok"].filter(isIdentifyingText)).toEqual(["Хочу выступить на олимпиаде"]);
  });

  it("the curator's notice says who left by role and pair, in the curator's language", () => {
    const i18n = new I18n();
    const ru = i18n.translator("ru")("privacy-curator-told", { programme: "Шаг в профессию", role: "mentor", pairs: "3" });
    expect(ru).toBe("Программа «Шаг в профессию»: наставник отозвал согласие на обработку персональных данных и вышел из программы. Пара № 3 осталась без этого участника.\nИмя, контакты и ответы участника удалены; в отчётах он учитывается обезличенно.");
    expect(i18n.translator("en")("privacy-curator-told", { programme: "Step", role: "mentee", pairs: "none" })).toBe(
      "Programme “Step”: a mentee withdrew consent to the processing of personal data and left the programme.\nThe participant's name, contacts and answers are erased; reports count them anonymously.",
    );
  });
});
