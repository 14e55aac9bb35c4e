import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/bot/core/commands/index.js";
import { I18n } from "../../src/i18n/index.js";
import { MAX_TOKEN } from "../support/fake-max.js";
import { startHarness, type Harness } from "../support/harness.js";

/**
 * The Telegram command menu comes from the command declarations: set at start-up for every
 * private chat, in Russian by default and in English for English clients, with the commands of
 * everyone and of participants; curators' and administrators' commands stay in /help. The fake
 * Bot API refuses a menu beyond Telegram's limits, as Telegram does.
 */
describe("the Telegram command menu", () => {
  let h: Harness;
  const registry = createCommandRegistry();
  const i18n = new I18n();
  const inMenu = registry.all().filter((c) => c.help === "everyone" || c.help === "participant");

  beforeAll(async () => {
    h = await startHarness({ start: true });
  });
  afterAll(() => h?.close());

  it("is set at start-up with the registry's commands, in Russian by default and in English", () => {
    const ru = h.tg.menu("all_private_chats", "");
    const en = h.tg.menu("all_private_chats", "en");
    expect(ru?.map((c) => c.command)).toEqual(inMenu.map((c) => c.name));
    expect(en?.map((c) => c.command)).toEqual(inMenu.map((c) => c.name));
    expect(ru).toContainEqual({ command: "start", description: i18n.t("ru", "cmd-start") });
    expect(en).toContainEqual({ command: "start", description: i18n.t("en", "cmd-start") });
    for (const c of inMenu) {
      expect(ru).toContainEqual({ command: c.name, description: i18n.t("ru", c.description) });
      expect(en).toContainEqual({ command: c.name, description: i18n.t("en", c.description) });
    }
    expect(ru!.find((c) => c.command === "help")!.description).not.toBe(en!.find((c) => c.command === "help")!.description);
    // Participants' commands are there; hidden ones (buttons, flow navigation), curators' and administrators' are not.
    expect(ru!.map((c) => c.command)).toEqual(expect.arrayContaining(["start", "help", "language", "forms", "meeting", "mydata"]));
    for (const name of ["form", "meet", "back", "task_done", "participants", "match", "export", "digest", "orgs"]) expect(ru!.map((c) => c.command)).not.toContain(name);
    // Once per language at start-up.
    expect(h.tg.calls.filter((c) => c.method === "setMyCommands")).toHaveLength(2);
  });

  it("the fake Bot API enforces Telegram's limits of setMyCommands", async () => {
    const set = (commands: unknown, extra: Record<string, unknown> = {}) => h.tg.call("setMyCommands", { commands, scope: { type: "all_private_chats" }, ...extra });
    const many = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: "x" }));
    expect((await set(many)).body.description).toContain("BOT_COMMANDS_TOO_MUCH");
    expect((await set([{ command: "Start", description: "x" }])).body.ok).toBe(false);
    expect((await set([{ command: "a".repeat(33), description: "x" }])).body.ok).toBe(false);
    expect((await set([{ command: "ok", description: "" }])).body.ok).toBe(false);
    expect((await set([{ command: "ok", description: "x".repeat(257) }])).body.ok).toBe(false);
    expect((await set([{ command: "ok", description: "x" }], { language_code: "english" })).body.ok).toBe(false);
    // Refused menus leave the one set at start-up.
    expect(h.tg.menu("all_private_chats", "")?.map((c) => c.command)).toEqual(inMenu.map((c) => c.name));
    expect((await set(many.slice(0, 100), { language_code: "de" })).body.ok).toBe(true);
    expect(h.tg.menu("all_private_chats", "de")).toHaveLength(100);
  });
});

/**
 * MAX keeps one command list for every chat and language (PATCH /me/commands, as the official client sets it): the Russian menu, the same
 * commands as on Telegram; the fake API refuses a list beyond MAX's limits, as MAX does.
 */
describe("the MAX command menu", () => {
  let h: Harness;
  const registry = createCommandRegistry();
  const i18n = new I18n();
  const inMenu = registry.all().filter((c) => c.help === "everyone" || c.help === "participant");

  beforeAll(async () => {
    h = await startHarness({ start: true });
  });
  afterAll(() => h?.close());

  it("is set at start-up with the registry's commands in Russian, once", () => {
    expect(h.max.commands?.map((c) => c.name)).toEqual(inMenu.map((c) => c.name));
    for (const c of inMenu) expect(h.max.commands).toContainEqual({ name: c.name, description: i18n.t("ru", c.description) });
    expect(h.max.calls.filter((c) => c.method === "PATCH /me/commands")).toHaveLength(1);
    for (const name of ["participants", "match", "export", "digest", "orgs", "back"]) expect(h.max.commands!.map((c) => c.name)).not.toContain(name);
  });

  it("the fake API enforces MAX's limits of the command list", async () => {
    const set = (commands: unknown) => fetch(`${h.max.url}/me/commands`, { method: "PATCH", headers: { Authorization: MAX_TOKEN, "content-type": "application/json" }, body: JSON.stringify({ commands }) });
    expect((await set(Array.from({ length: 33 }, (_, i) => ({ name: `c${i}`, description: "x" })))).status).toBe(400);
    expect((await set([{ name: "", description: "x" }])).status).toBe(400);
    expect((await set([{ name: "ok", description: "x".repeat(129) }])).status).toBe(400);
    // Refused lists leave the one set at start-up.
    expect(h.max.commands?.map((c) => c.name)).toEqual(inMenu.map((c) => c.name));
  });
});
