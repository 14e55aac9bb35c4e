import { GrammyError, InputFile, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import {
  RateLimitedError,
  RecipientUnreachableError,
  type Button,
  type Messenger,
  type OutgoingMessage,
  type SendOptions,
  type SentMessage,
} from "../core/types.js";
import { telegramProfile } from "./profile.js";

export { TELEGRAM_LIMITS } from "./profile.js";

function keyboard(rows: Button[][] | undefined): InlineKeyboardMarkup {
  return { inline_keyboard: (rows ?? []).map((row) => row.map((b) => ({ text: b.label, callback_data: b.payload }))) };
}

/** Sends the core's messages through the Bot API (grammY), mapping its errors to the core's. */
export class TelegramMessenger implements Messenger {
  readonly platform = "telegram" as const;
  readonly limits = telegramProfile.limits;

  constructor(private readonly api: Api) {}

  async send(chatId: string, message: OutgoingMessage, _options?: SendOptions): Promise<SentMessage> {
    try {
      if (message.replaces) {
        try {
          await this.api.editMessageText(chatId, Number(message.replaces), message.text, { reply_markup: keyboard(message.buttons), link_preview_options: { is_disabled: true } });
        } catch (error) {
          if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return { ref: message.replaces };
          throw error;
        }
        return { ref: message.replaces };
      }
      if (message.document) {
        const sent = await this.api.sendDocument(chatId, new InputFile(message.document.content, message.document.filename), {
          caption: message.text.slice(0, 1024),
          reply_markup: message.buttons?.length ? keyboard(message.buttons) : undefined,
        });
        return { ref: String(sent.message_id) };
      }
      if (message.image) {
        const sent = await this.api.sendPhoto(chatId, new InputFile(message.image.content, message.image.filename), {
          caption: message.text.slice(0, 1024),
          reply_markup: message.buttons?.length ? keyboard(message.buttons) : undefined,
        });
        return { ref: String(sent.message_id) };
      }
      const sent = await this.api.sendMessage(chatId, message.text, {
        reply_markup: message.buttons?.length ? keyboard(message.buttons) : undefined,
        link_preview_options: { is_disabled: true },
      });
      return { ref: String(sent.message_id) };
    } catch (error) {
      throw mapTelegramError(error);
    }
  }
}

export function mapTelegramError(error: unknown): unknown {
  if (error instanceof GrammyError) {
    if (error.error_code === 403) return new RecipientUnreachableError(error.description);
    if (error.error_code === 429) return new RateLimitedError((error.parameters.retry_after ?? 1) * 1000);
  }
  return error;
}
