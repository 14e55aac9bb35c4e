import { GrammyError, InputFile, type Api } from "grammy";
import type { InlineKeyboardMarkup, MessageEntity } from "grammy/types";
import { MessengerBase } from "../core/messenger.js";
import { RateLimitedError, RecipientUnreachableError, type Button, type OutgoingMessage, type SentMessage } from "../core/types.js";
import { telegramProfile } from "./profile.js";

export { TELEGRAM_LIMITS } from "./profile.js";

function keyboard(rows: Button[][] | undefined): InlineKeyboardMarkup {
  return { inline_keyboard: (rows ?? []).map((row) => row.map((b) => (b.app ? { text: b.label, web_app: { url: b.app.url } } : { text: b.label, callback_data: b.payload }))) };
}

/**
 * Telegram shows a `tg://user?id=…` link in plain text as text, not as a link: each one (the
 * contact of someone without a public username) is sent with a text-link entity over it, which
 * Telegram opens as the person's chat.
 */
export function accountLinks(text: string): MessageEntity[] {
  return [...text.matchAll(/tg:\/\/user\?id=\d{1,20}/g)].map((m) => ({ type: "text_link", offset: m.index, length: m[0].length, url: m[0] }));
}

/** Sends the core's messages through the Bot API (grammY), mapping its errors to the core's. */
export class TelegramMessenger extends MessengerBase {
  constructor(private readonly api: Api) {
    super(telegramProfile);
  }

  protected async edit(chatId: string, ref: string, message: OutgoingMessage): Promise<void> {
    try {
      await this.api.editMessageText(chatId, Number(ref), message.text, { reply_markup: keyboard(message.buttons), link_preview_options: { is_disabled: true }, entities: accountLinks(message.text) });
    } catch (error) {
      if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
      throw error;
    }
  }

  protected async sendNew(chatId: string, message: OutgoingMessage): Promise<SentMessage> {
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
      entities: accountLinks(message.text),
    });
    return { ref: String(sent.message_id) };
  }

  protected mapError(error: unknown): unknown {
    return mapTelegramError(error);
  }
}

export function mapTelegramError(error: unknown): unknown {
  if (error instanceof GrammyError) {
    if (error.error_code === 403) return new RecipientUnreachableError(error.description);
    if (error.error_code === 429) return new RateLimitedError((error.parameters.retry_after ?? 1) * 1000);
  }
  return error;
}
