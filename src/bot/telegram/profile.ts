import { z } from "zod";
import { blankAsAbsent, optionalString, optionalUrl, secretToken } from "../../domain/env-schema.js";
import type { PlatformLimits } from "../../domain/messaging.js";
import type { PlatformProfile } from "../../domain/platforms.js";

export type TelegramConfig =
  | { token: string; username?: string; apiRoot?: string; mode: "polling" }
  | { token: string; username?: string; apiRoot?: string; mode: "webhook"; webhookUrl: string; webhookSecret: string };

export const TELEGRAM_LIMITS: PlatformLimits = {
  maxTextLength: 4096,
  maxButtonRows: 8,
  maxButtonsPerRow: 8,
  maxButtons: 100,
  maxLabelLength: 64,
  maxPayloadBytes: 64,
};

const USERNAME = /^[A-Za-z0-9_]{3,32}$/;

/** Telegram as the rest of the service knows it (pure: no grammY here). */
export const telegramProfile: PlatformProfile<TelegramConfig> = {
  id: "telegram",
  name: "Telegram",
  limits: TELEGRAM_LIMITS,
  // About 30 messages a second overall, one a second per chat.
  pace: { perSecond: 30, perChatMs: 1000 },
  inFlight: 1000,
  keepsUsername: true,
  invite: {
    env: "TELEGRAM_BOT_USERNAME",
    placeholder: "<bot username>",
    fromEnv: (value) => value?.trim().replace(/^@/, "") || undefined,
    target: (config) => config.username,
    link: (username, code) => `https://t.me/${username}?start=${code}`,
  },
  contactLink(identity) {
    const username = identity.username?.replace(/^@/, "");
    return username && USERNAME.test(username) ? `https://t.me/${username}` : `tg://user?id=${identity.externalId}`;
  },
  config: {
    enabledBy: "TELEGRAM_BOT_TOKEN",
    fields: {
      TELEGRAM_BOT_TOKEN: z.preprocess(blankAsAbsent, z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456:ABC… (from @BotFather)").optional()),
      TELEGRAM_BOT_USERNAME: optionalString,
      TELEGRAM_API_ROOT: optionalUrl(["http:", "https:"]),
      TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
      TELEGRAM_WEBHOOK_URL: optionalUrl(["https:", "http:"]),
      TELEGRAM_WEBHOOK_SECRET: z.preprocess((v) => (v === "" ? undefined : v), secretToken.optional()),
    },
    problems(source, has) {
      const out: string[] = [];
      if (has("TELEGRAM_BOT_TOKEN") && source.TELEGRAM_MODE === "webhook") {
        if (!has("TELEGRAM_WEBHOOK_URL")) out.push("TELEGRAM_WEBHOOK_URL: is required when TELEGRAM_MODE=webhook");
        if (!has("TELEGRAM_WEBHOOK_SECRET")) out.push("TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_MODE=webhook");
      }
      return out;
    },
    parse(e) {
      if (typeof e.TELEGRAM_BOT_TOKEN !== "string") return undefined;
      const base = { token: e.TELEGRAM_BOT_TOKEN, username: (e.TELEGRAM_BOT_USERNAME as string | undefined)?.replace(/^@/, ""), apiRoot: e.TELEGRAM_API_ROOT as string | undefined };
      return e.TELEGRAM_MODE === "webhook"
        ? { ...base, mode: "webhook", webhookUrl: e.TELEGRAM_WEBHOOK_URL as string, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET as string }
        : { ...base, mode: "polling" };
    },
  },
};
