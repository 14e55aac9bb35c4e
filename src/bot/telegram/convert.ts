import type { Update } from "grammy/types";
import { parseText } from "../core/text-input.js";
import type { IncomingEvent, UnsupportedKind } from "../core/types.js";

/** A Telegram update as the core sees it; null for updates the bot does not answer. */
export function fromTelegramUpdate(update: Update, botUsername?: string): IncomingEvent | null {
  const updateKey = `tg:${update.update_id}`;
  if (update.callback_query) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (chat && chat.type !== "private") return null;
    const chatId = String(chat?.id ?? q.from.id);
    return {
      updateKey,
      chat: { platform: "telegram", chatId, userId: String(q.from.id) },
      input: { kind: "button", payload: q.data ?? "", messageRef: q.message ? String(q.message.message_id) : undefined },
      languageHint: q.from.language_code,
      username: q.from.username,
    };
  }
  const member = update.my_chat_member;
  if (member) {
    // A private chat's member update: the person blocked the bot ("kicked") or unblocked it.
    if (member.chat.type !== "private" || member.from.is_bot) return null;
    const status = member.new_chat_member.status;
    if (status !== "kicked" && status !== "member") return null;
    return { updateKey, chat: { platform: "telegram", chatId: String(member.chat.id), userId: String(member.from.id) }, input: { kind: "reach", reachable: status === "member" } };
  }
  const m = update.message;
  if (m?.chat.type !== "private" || !m.from || m.from.is_bot) return null;
  return {
    updateKey,
    chat: { platform: "telegram", chatId: String(m.chat.id), userId: String(m.from.id) },
    input: m.text !== undefined ? parseText(m.text, botUsername) : { kind: "unsupported", what: unsupportedKind(m) },
    languageHint: m.from.language_code,
    username: m.from.username,
  };
}

function unsupportedKind(m: NonNullable<Update["message"]>): UnsupportedKind {
  if (m.sticker) return "sticker";
  if (m.photo) return "photo";
  if (m.voice || m.audio) return "voice";
  if (m.video || m.video_note || m.animation) return "video";
  if (m.document) return "document";
  if (m.location || m.venue) return "location";
  if (m.contact) return "contact";
  return "other";
}
