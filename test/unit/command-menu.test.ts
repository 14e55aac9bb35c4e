import { describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/bot/core/commands/index.js";
import { commandMenus } from "../../src/bot/core/commands/menu.js";
import { I18n } from "../../src/i18n/index.js";

describe("the command menus", () => {
  it("menus fit Telegram's limits in both languages", () => {
    const menus = commandMenus(createCommandRegistry(), new I18n());
    expect(menus.map((m) => m.languageCode)).toEqual([undefined, "en"]);
    for (const m of menus) {
      expect(m.commands.length).toBeLessThanOrEqual(100);
      for (const c of m.commands) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThan(0);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
  });
});
