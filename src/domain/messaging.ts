/**
 * The neutral vocabulary of messaging: where an update came from, what a person sent, what
 * the bot sends and within which limits. Every messenger adapter translates to and from it;
 * the bot, the stores and the jobs share it. Pure types and functions: nothing here knows
 * about any one messenger, or does any I/O.
 */

import type { Platform } from "./platforms.js";

export type { Platform } from "./platforms.js";

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
  | { kind: "unsupported"; what: UnsupportedKind }
  /** The person stopped or blocked the bot (false), or allowed its messages again (true): no answer is possible or wanted. */
  | { kind: "reach"; reachable: boolean };

export interface IncomingEvent {
  /** Stable key of the messenger update; a redelivered update has the same key. */
  updateKey: string;
  chat: ChatRef;
  input: Input;
  /** The messenger's language of the user interface, a hint only. */
  languageHint?: string;
  /** The sender's public username on the messenger (Telegram's @name), when they have one: their contact link in a pair. */
  username?: string;
}

export interface Button {
  label: string;
  /** Opaque ASCII payload, at most PlatformLimits.maxPayloadBytes bytes (empty on a button that opens the web app). */
  payload: string;
  /**
   * The button opens the web app (its HTTPS address) instead of sending a payload: a Mini App
   * where the messenger has them — Telegram's `web_app` button, MAX's `open_app` of the bot's
   * mini app, VK's `open_app` of the community's VK Mini App — else a link to the address.
   */
  app?: { url: string };
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

/** The payload of a button that runs a command with its arguments (`c|<command>|<args>`; src/bot/core/payload.ts parses it). */
export function commandPayload(command: string, args = ""): string {
  return `c|${command}|${args}`;
}

/** A label on one line, cut to max characters with an ellipsis. */
export function truncateLabel(label: string, max: number): string {
  const oneLine = label.replace(/\s+/g, " ").trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/** Splits text into chunks no longer than max, at paragraph, then line, then word boundaries. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** Text (split to the platform's length) with the keyboard on its last part. */
export function attach(text: string, rows: Button[][], limits: PlatformLimits): OutgoingMessage[] {
  const chunks = splitText(text, limits.maxTextLength);
  return chunks.map((c, i) => (i === chunks.length - 1 && rows.length ? { text: c, buttons: rows } : { text: c }));
}
