import { DEFAULT_LANGUAGE, LANGUAGES, type I18n, type Language } from "../../../i18n/index.js";
import type { CommandRegistry } from "./registry.js";

/**
 * The messengers' command menus, from the same declarations as /help.
 *
 * Telegram (`setMyCommands`): one menu per language — Russian as the default (no language
 * code), English for clients set to English (`language_code: "en"`) — for every private chat
 * (`BotCommandScopeAllPrivateChats`). It holds the commands of everyone and of participants
 * (the /help sections "everyone" and "participant"): people come to the bot with an
 * invitation and are participants from their first minute; a participant's command asked
 * before joining answers "join first". Curators' and administrators' commands are not in the
 * menu, only in /help. Telegram scopes a menu by chat type, not by who the person is; a
 * per-person menu (`BotCommandScopeChat`) would have to be set for each chat when the person
 * becomes a curator or administrator, and taken back when they stop being one, in each of
 * their languages — from the join flow, the administration CLI and programme changes, with a
 * call per chat against the Bot API's limits and a stale menu after every missed change. A
 * command offered in the menu and then refused would be worse than a short menu.
 *
 * MAX (`setMyCommands` of the official client): one list for every chat and language, so the default language's menu (the
 * same commands), descriptions cut to MAX's 128 characters (src/bot/max/transport.ts).
 *
 * VK: a community has no API to set a command menu (bots answer the typed text and their
 * keyboards' buttons), so there is nothing to set there; VK users find the commands in /help.
 */

export interface MenuCommand {
  /** The command without "/": 1–32 characters of [a-z0-9_]. */
  command: string;
  /** 1–256 characters. */
  description: string;
}

export interface CommandMenu {
  language: Language;
  /** Telegram's `language_code` of this menu; undefined for the default one (Russian). */
  languageCode?: Language;
  commands: MenuCommand[];
}

/** Telegram's limits of setMyCommands. */
export const MENU_LIMITS = { commands: 100, name: /^[a-z0-9_]{1,32}$/, description: 256 } as const;

/** The menu of each language: every command of the "everyone" and "participant" sections of /help, in registry order. */
export function commandMenus(registry: CommandRegistry, i18n: I18n): CommandMenu[] {
  const shown = registry.all().filter((c) => c.help === "everyone" || c.help === "participant");
  if (shown.length > MENU_LIMITS.commands) throw new Error(`the command menu has ${shown.length} commands, Telegram takes ${MENU_LIMITS.commands}`);
  return LANGUAGES.map((language) => ({
    language,
    ...(language === DEFAULT_LANGUAGE ? {} : { languageCode: language }),
    commands: shown.map((c) => {
      if (!MENU_LIMITS.name.test(c.name)) throw new Error(`/${c.name} cannot be in the command menu`);
      const description = i18n.t(language, c.description).replace(/\s+/g, " ").trim();
      if (!description) throw new Error(`/${c.name} has no description in ${language}`);
      return { command: c.name, description: description.length > MENU_LIMITS.description ? `${description.slice(0, MENU_LIMITS.description - 1)}…` : description };
    }),
  }));
}
