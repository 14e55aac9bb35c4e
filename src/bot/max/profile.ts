import { z } from "zod";
import { blankAsAbsent, optionalString, optionalUrl, secretToken } from "../../domain/env-schema.js";
import type { PlatformLimits } from "../../domain/messaging.js";
import type { PlatformProfile } from "../../domain/platforms.js";

export type MaxConfig =
  | { token: string; username?: string; apiBaseUrl: string; mode: "polling" }
  | { token: string; username?: string; apiBaseUrl: string; mode: "webhook"; webhookUrl: string; webhookSecret: string };

/** The platform's current API host (dev.max.ru). */
export const MAX_API_BASE_URL = "https://platform-api2.max.ru";

/**
 * MAX inline keyboards: at most 30 rows of 7 (3 in a row with a link, open_app or request
 * button; the bot's are callback buttons only) and 210 buttons; a label up to 128 characters, a
 * payload up to 1024 bytes; a message up to 4000 characters.
 */
export const MAX_LIMITS: PlatformLimits = {
  maxTextLength: 4000,
  maxButtonRows: 30,
  maxButtonsPerRow: 7,
  maxButtons: 210,
  maxLabelLength: 128,
  maxPayloadBytes: 1024,
};

const USERNAME = /^[A-Za-z0-9_.]{2,64}$/;

/** MAX as the rest of the service knows it (pure: no client library here). */
export const maxProfile: PlatformProfile<MaxConfig> = {
  id: "max",
  name: "MAX",
  limits: MAX_LIMITS,
  // 30 requests a second for a bot (dev.max.ru); no per-chat limit is published.
  pace: { perSecond: 30, perChatMs: 0 },
  inFlight: 30,
  keepsUsername: true,
  invite: {
    env: "MAX_BOT_USERNAME",
    placeholder: "<bot username>",
    fromEnv: (value) => value?.trim().replace(/^@/, "") || undefined,
    target: (config) => config.username,
    // Opens the bot with a bot_started update carrying the code as its payload.
    link: (username, code) => `https://max.ru/${username}?start=${code}`,
  },
  contactLink(identity) {
    const username = identity.username?.replace(/^@/, "");
    // Without a public name MAX has no link to an account: its id is all there is to give.
    return username && USERNAME.test(username) ? `https://max.ru/${username}` : `MAX ID ${identity.externalId}`;
  },
  config: {
    enabledBy: "MAX_BOT_TOKEN",
    fields: {
      MAX_BOT_TOKEN: z.preprocess(blankAsAbsent, z.string().trim().regex(/^\S{16,512}$/, "must be the bot's token from the MAX business platform").optional()),
      MAX_BOT_USERNAME: optionalString,
      MAX_API_BASE_URL: optionalUrl(["http:", "https:"]),
      MAX_MODE: z.enum(["polling", "webhook"]).default("polling"),
      MAX_WEBHOOK_URL: optionalUrl(["https:"]),
      MAX_WEBHOOK_SECRET: z.preprocess((v) => (v === "" ? undefined : v), secretToken.optional()),
    },
    problems(source, has) {
      const out: string[] = [];
      if (has("MAX_BOT_TOKEN") && source.MAX_MODE === "webhook") {
        if (!has("MAX_WEBHOOK_URL")) out.push("MAX_WEBHOOK_URL: is required when MAX_MODE=webhook");
        if (!has("MAX_WEBHOOK_SECRET")) out.push("MAX_WEBHOOK_SECRET: is required when MAX_MODE=webhook");
      }
      return out;
    },
    parse(e) {
      if (typeof e.MAX_BOT_TOKEN !== "string") return undefined;
      const base = {
        token: e.MAX_BOT_TOKEN,
        username: (e.MAX_BOT_USERNAME as string | undefined)?.replace(/^@/, ""),
        apiBaseUrl: ((e.MAX_API_BASE_URL as string | undefined) ?? MAX_API_BASE_URL).replace(/\/$/, ""),
      };
      return e.MAX_MODE === "webhook"
        ? { ...base, mode: "webhook", webhookUrl: e.MAX_WEBHOOK_URL as string, webhookSecret: e.MAX_WEBHOOK_SECRET as string }
        : { ...base, mode: "polling" };
    },
  },
};
