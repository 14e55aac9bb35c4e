import type { MessageContext, MessageEventContext } from "vk-io";
import { parseText } from "../core/text-input.js";
import type { IncomingEvent, Input, UnsupportedKind } from "../core/types.js";

/** VK's "Start" button and the usual ways people type "start" in Russian and English. */
const START_WORDS = new Set(["начать", "start", "старт", "/start"]);

function payloadString(payload: unknown): string | undefined {
  if (payload && typeof payload === "object" && typeof (payload as any).p === "string") return (payload as any).p;
  return undefined;
}

/** A VK new-message event as the core sees it; null for what the bot does not answer (chats, own messages). */
export function fromVkMessage(ctx: MessageContext): IncomingEvent | null {
  if (ctx.isOutbox || ctx.isChat || ctx.senderId <= 0) return null;
  const peerId = String(ctx.peerId);
  const messageKey = ctx.conversationMessageId ?? ctx.id;
  const event = (input: Input): IncomingEvent => ({
    updateKey: `vk:${peerId}:${messageKey}`,
    chat: { platform: "vk", chatId: peerId, userId: String(ctx.senderId) },
    input,
  });
  // A link vk.me/club…?ref=CODE opens the dialog with the code as a referral.
  if (ctx.referralValue) return event({ kind: "command", command: "start", args: ctx.referralValue });
  const payload = ctx.messagePayload;
  if (payload && typeof payload === "object" && (payload as any).command === "start") return event({ kind: "command", command: "start", args: "" });
  const buttonPayload = payloadString(payload);
  if (buttonPayload !== undefined) return event({ kind: "button", payload: buttonPayload });
  const text = ctx.text ?? "";
  if (text.trim()) {
    const [first, ...rest] = text.trim().split(/\s+/);
    if (first && START_WORDS.has(first.toLowerCase())) return event({ kind: "command", command: "start", args: rest.join(" ") });
    return event(parseText(text));
  }
  return event({ kind: "unsupported", what: unsupportedKind(ctx) });
}

/**
 * The person forbade the community's messages (`message_deny`) or allowed them again
 * (`message_allow`); null for other events. Keyed by the event's id, which a redelivery repeats.
 */
export function fromVkSubscription(event: { type: string; object?: unknown; event_id?: string }): IncomingEvent | null {
  if (event.type !== "message_allow" && event.type !== "message_deny") return null;
  const userId = (event.object as { user_id?: unknown } | undefined)?.user_id;
  if (typeof userId !== "number" || userId <= 0 || !event.event_id) return null;
  return {
    updateKey: `vk:sub:${event.event_id}`,
    chat: { platform: "vk", chatId: String(userId), userId: String(userId) },
    input: { kind: "reach", reachable: event.type === "message_allow" },
  };
}

/** A press of a VK callback button. */
export function fromVkMessageEvent(ctx: MessageEventContext): IncomingEvent | null {
  if (ctx.peerId !== ctx.userId) return null;
  return {
    updateKey: `vk:ev:${ctx.eventId}`,
    chat: { platform: "vk", chatId: String(ctx.peerId), userId: String(ctx.userId) },
    input: { kind: "button", payload: payloadString(ctx.eventPayload) ?? "", messageRef: String(ctx.conversationMessageId) },
  };
}

function unsupportedKind(ctx: MessageContext): UnsupportedKind {
  const type = ctx.attachments[0]?.type as string | undefined;
  switch (type) {
    case "sticker":
      return "sticker";
    case "photo":
      return "photo";
    case "audio_message":
    case "audio":
      return "voice";
    case "video":
      return "video";
    case "doc":
      return "document";
    default:
      return ctx.geo ? "location" : "other";
  }
}

/**
 * A new message whose payload is not JSON (sent by another client, or a button of another bot
 * forwarded) is an ordinary message: vk-io would throw parsing it, and the event would never be
 * answered (Long Poll) or be redelivered forever (Callback API).
 */
export function withReadablePayload(event: Record<string, unknown>): Record<string, unknown> {
  const object = event.object as { message?: { payload?: unknown } } | undefined;
  const payload = object?.message?.payload;
  if (event.type !== "message_new" || typeof payload !== "string") return event;
  try {
    JSON.parse(payload);
    return event;
  } catch {
    const { payload: _dropped, ...message } = object!.message!;
    return { ...event, object: { ...object, message } };
  }
}
