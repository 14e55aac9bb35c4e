import type { UserFromGetMe } from "grammy/types";
import type { MessengerAdapter } from "../core/transport.js";
import type { TelegramConfig } from "./profile.js";
import { TelegramTransport } from "./transport.js";

export const telegramAdapter: MessengerAdapter<TelegramConfig, TelegramTransport, { botInfo?: UserFromGetMe }> = {
  platform: "telegram",
  create: (config, { logger, menu, options }) => new TelegramTransport({ config, logger, botInfo: options?.botInfo, menu }),
};
