import { z } from "zod";
import { blankAsAbsent, optionalString, optionalUrl } from "../../domain/env-schema.js";
import type { PlatformLimits } from "../../domain/messaging.js";
import type { PlatformProfile } from "../../domain/platforms.js";

/** The community's VK Mini App (the web app opened from the bot), when it has one: its id and its secret key, which signs the launch parameters. */
export interface VkMiniApp {
  id: number;
  secret: string;
}

export type VkConfig =
  | { token: string; groupId: number; apiBaseUrl?: string; apiLimit?: number; app?: VkMiniApp; mode: "longpoll" }
  | { token: string; groupId: number; apiBaseUrl?: string; apiLimit?: number; app?: VkMiniApp; mode: "callback"; secret: string; confirmation: string };

/** VK inline keyboards: at most 6 rows of 5 and 10 buttons in all; labels up to 40 characters. */
export const VK_LIMITS: PlatformLimits = {
  maxTextLength: 4096,
  maxButtonRows: 6,
  maxButtonsPerRow: 5,
  maxButtons: 10,
  maxLabelLength: 40,
  maxPayloadBytes: 255,
};

/** VK as the rest of the service knows it (pure: no vk-io here). */
export const vkProfile: PlatformProfile<VkConfig> = {
  id: "vk",
  name: "VK",
  limits: VK_LIMITS,
  // A community token: about 20 requests a second.
  pace: { perSecond: 20, perChatMs: 0 },
  // vk-io waits out VK's error 6 itself, holding every request given to it meanwhile and then
  // sending them back to back; a few at a time keeps that backlog too small to pass the limit.
  inFlight: 4,
  keepsUsername: false,
  invite: {
    env: "VK_GROUP_ID",
    placeholder: "<group id>",
    fromEnv: (value) => (/^\d+$/.test(value?.trim() ?? "") && Number(value) > 0 ? String(Number(value)) : undefined),
    target: (config) => String(config.groupId),
    link: (groupId, code) => `https://vk.me/club${groupId}?ref=${code}`,
  },
  contactLink: (identity) => `https://vk.com/id${identity.externalId}`,
  config: {
    enabledBy: "VK_GROUP_TOKEN",
    fields: {
      VK_GROUP_TOKEN: optionalString,
      VK_GROUP_ID: z.preprocess(blankAsAbsent, z.coerce.number().int().positive().optional()),
      VK_API_BASE_URL: optionalUrl(["http:", "https:"]),
      VK_MODE: z.enum(["longpoll", "callback"]).default("longpoll"),
      VK_CALLBACK_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(8).max(50).optional()),
      VK_CALLBACK_CONFIRMATION: optionalString,
      /** Requests a second one process makes to VK's API (unset: just under VK's 20/s for a community; raise only if VK raised it). */
      VK_API_LIMIT: z.preprocess(blankAsAbsent, z.coerce.number().positive().max(1000).optional()),
      /** The VK Mini App of the web app: its id and its secret key (the app's settings), which signs its launch parameters. */
      VK_APP_ID: z.preprocess(blankAsAbsent, z.coerce.number().int().positive().optional()),
      VK_APP_SECRET: z.preprocess(blankAsAbsent, z.string().trim().min(8).max(128).optional()),
    },
    problems(source, has) {
      const out: string[] = [];
      if (has("VK_GROUP_TOKEN") && !has("VK_GROUP_ID")) out.push("VK_GROUP_ID: is required with VK_GROUP_TOKEN");
      if (!has("VK_GROUP_TOKEN") && has("VK_GROUP_ID")) out.push("VK_GROUP_TOKEN: is required with VK_GROUP_ID");
      if (has("VK_GROUP_TOKEN") && source.VK_MODE === "callback") {
        if (!has("VK_CALLBACK_SECRET")) out.push("VK_CALLBACK_SECRET: is required when VK_MODE=callback");
        if (!has("VK_CALLBACK_CONFIRMATION")) out.push("VK_CALLBACK_CONFIRMATION: is required when VK_MODE=callback");
      }
      if (has("VK_APP_ID") !== has("VK_APP_SECRET")) out.push(has("VK_APP_ID") ? "VK_APP_SECRET: is required with VK_APP_ID" : "VK_APP_ID: is required with VK_APP_SECRET");
      return out;
    },
    parse(e) {
      if (typeof e.VK_GROUP_TOKEN !== "string" || typeof e.VK_GROUP_ID !== "number") return undefined;
      const base = { token: e.VK_GROUP_TOKEN, groupId: e.VK_GROUP_ID, apiBaseUrl: e.VK_API_BASE_URL as string | undefined, ...(typeof e.VK_API_LIMIT === "number" ? { apiLimit: e.VK_API_LIMIT } : {}),
        ...(typeof e.VK_APP_ID === "number" && typeof e.VK_APP_SECRET === "string" ? { app: { id: e.VK_APP_ID, secret: e.VK_APP_SECRET } } : {}),
      };
      return e.VK_MODE === "callback"
        ? { ...base, mode: "callback", secret: e.VK_CALLBACK_SECRET as string, confirmation: e.VK_CALLBACK_CONFIRMATION as string }
        : { ...base, mode: "longpoll" };
    },
  },
};
