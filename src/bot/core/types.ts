/**
 * The neutral vocabulary every messenger adapter translates to and from.
 * Nothing here knows about Telegram or VK.
 */

export type Platform = "telegram" | "vk";
export const PLATFORMS: readonly Platform[] = ["telegram", "vk"];

/** Where an update came from and where the answer goes. */
export interface ChatRef {
  platform: Platform;
  /** Chat the bot writes to (a private chat: the same as the user on both platforms). */
  chatId: string;
  /** The messenger's id of the person who wrote. */
  userId: string;
}

export type UnsupportedKind = "sticker" | "photo" | "voice" | "video" | "document" | "location" | "contact" | "other";

export type Input =
  | { kind: "text"; text: string }
  | { kind: "command"; command: string; args: string }
  | { kind: "button"; payload: string; messageRef?: string }
  | { kind: "unsupported"; what: UnsupportedKind };

export interface IncomingEvent {
  /** Stable key of the messenger update; a redelivered update has the same key. */
  updateKey: string;
  chat: ChatRef;
  input: Input;
  /** The messenger's language of the user interface, a hint only. */
  languageHint?: string;
}

export interface Button {
  label: string;
  /** Opaque ASCII payload, at most PlatformLimits.maxPayloadBytes bytes. */
  payload: string;
}

export interface OutgoingDocument {
  filename: string;
  mimeType: string;
  content: Buffer;
}

/** A picture sent with the message (PNG): Telegram sendPhoto, VK photo upload. */
export interface OutgoingImage {
  filename: string;
  content: Buffer;
}

export interface OutgoingMessage {
  text: string;
  /** Rows of inline buttons; the adapter renders them as the platform's inline keyboard. */
  buttons?: Button[][];
  document?: OutgoingDocument;
  /** A picture with the text as its caption (Telegram: at most 1024 characters of caption). */
  image?: OutgoingImage;
  /** When set, the message replaces an earlier bot message (editing it) where the platform can. */
  replaces?: string;
}

/** What a platform allows in one message; keyboards are laid out within these. */
export interface PlatformLimits {
  maxTextLength: number;
  maxButtonRows: number;
  maxButtonsPerRow: number;
  /** Buttons in one keyboard in all (VK inline keyboards: 10). */
  maxButtons: number;
  maxLabelLength: number;
  maxPayloadBytes: number;
}

/** The outbound half of an adapter: everything the core needs to talk to a person. */
export interface Messenger {
  readonly platform: Platform;
  readonly limits: PlatformLimits;
  send(chatId: string, message: OutgoingMessage, options?: SendOptions): Promise<SentMessage>;
}

export interface SendOptions {
  /** Deterministic key of this message: the platform sends it at most once where it can (VK random_id). */
  idempotencyKey?: string;
}

export interface SentMessage {
  ref?: string;
}

/** Thrown by a messenger when the person blocked the bot or deleted their account. */
export class RecipientUnreachableError extends Error {
  constructor(message = "recipient unreachable") {
    super(message);
    this.name = "RecipientUnreachableError";
  }
}

/** Thrown by a messenger when the platform asks to slow down. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited, retry after ${retryAfterMs} ms`);
    this.name = "RateLimitedError";
  }
}

export function chatKey(chat: Pick<ChatRef, "platform" | "chatId">): string {
  return `${chat.platform}:${chat.chatId}`;
}
