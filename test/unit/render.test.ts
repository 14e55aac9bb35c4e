import { describe, expect, it } from "vitest";
import { I18n } from "../../src/i18n/index.js";
import { layoutKeyboard, renderView, splitText } from "../../src/bot/core/render.js";
import { TELEGRAM_LIMITS } from "../../src/bot/telegram/messenger.js";
import { VK_LIMITS } from "../../src/bot/vk/messenger.js";
import { commandPayload, flowPayload, parsePayload } from "../../src/bot/core/payload.js";
import type { ViewButton } from "../../src/flows/types.js";

const i18n = new I18n();
const t = i18n.translator("ru");
const options = (n: number, label = (i: number) => `Вариант номер ${i + 1} с длинной подписью`): ViewButton[] =>
  Array.from({ length: n }, (_, i) => ({ label: { text: label(i) }, action: `o:${i}` }));
const nav: ViewButton[][] = [[{ label: { key: "flow-back" }, action: "b" }, { label: { key: "flow-skip" }, action: "s" }]];

describe("keyboard layout within each platform's limits", () => {
  for (const [name, limits] of [["telegram", TELEGRAM_LIMITS], ["vk", VK_LIMITS]] as const) {
    it(`${name}: every page of a long list fits, and paging reaches every option once`, () => {
      const seen: string[] = [];
      for (let page = 0; page < 100; page++) {
        const { rows, pages } = layoutKeyboard(options(57), nav, undefined, { limits, t, page, encode: (a) => flowPayload("abcd1234", 12, a) });
        const buttons = rows.flat();
        expect(rows.length).toBeLessThanOrEqual(limits.maxButtonRows);
        expect(buttons.length).toBeLessThanOrEqual(limits.maxButtons);
        for (const row of rows) expect(row.length).toBeLessThanOrEqual(limits.maxButtonsPerRow);
        for (const b of buttons) {
          expect(b.label.length).toBeLessThanOrEqual(limits.maxLabelLength);
          expect(Buffer.byteLength(b.payload)).toBeLessThanOrEqual(limits.maxPayloadBytes);
        }
        seen.push(...buttons.map((b) => parsePayload(b.payload)).filter((p) => p?.kind === "flow" && p.action.startsWith("o:")).map((p) => (p as any).action));
        if (page === pages - 1) break;
      }
      expect(new Set(seen).size).toBe(57);
      expect(seen).toHaveLength(57);
    });
  }

  it("short labels (a scale) share rows; no pager when everything fits", () => {
    const { rows, pages } = layoutKeyboard(options(5, (i) => String(i + 1)), [], 5, { limits: VK_LIMITS, t, page: 0, encode: (a) => a });
    expect(pages).toBe(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(5);
  });

  it("labels longer than VK's 40 characters are shortened with an ellipsis", () => {
    const { rows } = layoutKeyboard(options(1, () => "Очень длинная подпись кнопки, которая не помещается в сорок символов"), [], undefined, { limits: VK_LIMITS, t, page: 0, encode: (a) => a });
    expect(rows[0]![0]!.label).toHaveLength(40);
    expect(rows[0]![0]!.label.endsWith("…")).toBe(true);
  });

  it("text over the platform's limit is split, the keyboard goes on the last part", () => {
    const long = Array.from({ length: 400 }, (_, i) => `Абзац ${i}: ${"текст ".repeat(5)}`).join("\n\n");
    const messages = renderView({ parts: [{ text: long }], options: options(2), nav: [] }, { limits: TELEGRAM_LIMITS, t, page: 0, encode: (a) => a });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    expect(messages.slice(0, -1).every((m) => !m.buttons)).toBe(true);
    expect(messages.at(-1)!.buttons).toBeDefined();
    expect(messages.map((m) => m.text).join("\n\n").replace(/\s+/g, " ")).toBe(long.replace(/\s+/g, " "));
  });

  it("splitText cuts hard when there is no space", () => {
    expect(splitText("x".repeat(10), 4)).toEqual(["xxxx", "xxxx", "xx"]);
  });
});

describe("button payloads", () => {
  it("round-trip and reject forged shapes", () => {
    expect(parsePayload(flowPayload("abcd1234", 7, "o:3"))).toEqual({ kind: "flow", runId: "abcd1234", seq: 7, action: "o:3" });
    expect(parsePayload("c|language|en")).toEqual({ kind: "command", command: "language", args: "en" });
    for (const bad of ["", "f|x|1|o:1", "f|abcd1234|NaN|o:1", "f|abcd1234|1|o:1|extra", "c|DROP TABLE|x", "c|lang|<script>", "z|a|b", `f|abcd1234|1|${"a".repeat(30)}`]) {
      expect(parsePayload(bad), bad).toBeNull();
    }
  });
});

describe("command buttons sent by the jobs", () => {
  it("carry the payload the bot's router parses", () => {
    for (const [command, args] of [["meet", "ok.abc.3"], ["form", "fb.x1"], ["overdue", ""]] as const) {
      expect(parsePayload(commandPayload(command, args))).toEqual({ kind: "command", command, args });
    }
    expect(parsePayload(commandPayload("help"))).toEqual({ kind: "command", command: "help", args: "" });
  });
});
