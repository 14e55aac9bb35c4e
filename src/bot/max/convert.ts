import type { Update } from "@maxhub/max-bot-api/types";
import { parseText } from "../core/text-input.js";
import type { IncomingEvent, UnsupportedKind } from "../core/types.js";

/**
 * A MAX update as the core sees it (the bot writes to a person by their user id, which MAX
 * accepts for a dialog: so an account known before its first message, an administrator added
 * from the CLI, can be written to); null for what the bot does not answer (group chats,
 * channels, bots, updates of other kinds). Every event carries a key a redelivered update
 * repeats: the message's `mid`, the press's `callback_id`, the start's chat and time.
 */
export function fromMaxUpdate(update: Update, botUsername?: string): IncomingEvent | null {
  switch (update.update_type) {
    case "message_created": {
      const m = update.message;
      if (m.recipient.chat_type !== "dialog" || !m.sender || m.sender.is_bot || m.recipient.chat_id === null) return null;
      const text = m.body.text ?? "";
      return {
        updateKey: `max:m:${m.body.mid}`,
        chat: { platform: "max", chatId: String(m.sender.user_id), userId: String(m.sender.user_id) },
        input: text.trim() ? parseText(text, botUsername) : { kind: "unsupported", what: unsupportedKind(m.body.attachments?.[0]?.type) },
        languageHint: locale(update.user_locale),
        username: m.sender.username ?? undefined,
      };
    }
    case "bot_started":
      // https://max.ru/<bot>?start=<code> opens the dialog with the code as the payload.
      return {
        updateKey: `max:start:${update.user.user_id}:${update.timestamp}`,
        chat: { platform: "max", chatId: String(update.user.user_id), userId: String(update.user.user_id) },
        input: { kind: "command", command: "start", args: (update.payload ?? "").trim() },
        languageHint: locale(update.user_locale),
        username: update.user.username ?? undefined,
      };
    case "bot_stopped":
      // The person stopped the bot: nothing reaches them on MAX until they write again.
      return {
        updateKey: `max:stop:${update.user.user_id}:${update.timestamp}`,
        chat: { platform: "max", chatId: String(update.user.user_id), userId: String(update.user.user_id) },
        input: { kind: "reach", reachable: false },
      };
    case "message_callback": {
      const m = update.message;
      if (m?.recipient.chat_type !== "dialog" || m.recipient.chat_id === null) return null;
      const user = update.callback.user;
      return {
        updateKey: `max:cb:${update.callback.callback_id}`,
        chat: { platform: "max", chatId: String(user.user_id), userId: String(user.user_id) },
        input: { kind: "button", payload: update.callback.payload ?? "", messageRef: m.body.mid },
        languageHint: locale(update.user_locale),
        username: user.username ?? undefined,
      };
    }
    default:
      return null;
  }
}

function unsupportedKind(type: string | undefined): UnsupportedKind {
  switch (type) {
    case "sticker":
      return "sticker";
    case "image":
      return "photo";
    case "audio":
      return "voice";
    case "video":
      return "video";
    case "file":
      return "document";
    case "location":
      return "location";
    case "contact":
      return "contact";
    default:
      return "other";
  }
}

/** MAX's user_locale ("ru", "en"…), a hint only. */
function locale(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}
