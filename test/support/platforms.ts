import { PLATFORMS, type Platform } from "../../src/domain/platforms.js";
import type { Harness } from "./harness.js";

/**
 * The test side of each messenger's profile: how its fake is told to refuse, slow down, fail or
 * hang, and what its ids and links look like. The scenarios run on every registered messenger
 * (`describe.each(ON_EVERY_PLATFORM)`) and reach the fakes only through this.
 */
export interface TestPlatform {
  /** The chat the bot writes to for this user (on MAX too the user's id: the bot writes to a person, not to the dialog's id). */
  chatIdOf(userId: string): string;
  /** How a pair's partner sees this account's contact, for an account without a public name. */
  contactOf(userId: string): string;
  /** The next sends to this chat fail as for a person who blocked the bot. */
  blockNext(h: Harness, chatId: string, times: number): void;
  /** The next send to this chat is refused with "too many requests" once. */
  rateLimitNext(h: Harness, chatId: string): void;
  /** The next sends to this chat fail with the platform's server error. */
  failNext(h: Harness, chatId: string, times: number): void;
  /** The next sends to this chat get no answer at all. */
  hangNext(h: Harness, chatId: string, times?: number): void;
  /** The fake enforces the platform's rate limits (undefined: none). */
  enforceLimits(h: Harness, on: boolean): void;
  rateLimited(h: Harness): number;
  /** The texts the bot sent to this chat, with when each arrived. */
  sentTo(h: Harness, chatId: string): { text: string; at: number }[];
  /** The send requests to this chat as the fake received them (VK: with their random_id). */
  sendCalls(h: Harness, chatId: string): { at: number; randomId?: string }[];
  /** Runs on each send before it is answered ("drop": never answered). */
  interceptSends(h: Harness, onSend: ((text: string) => void | "drop" | Promise<void | "drop">) | undefined): void;
}

export const ON_EVERY_PLATFORM = PLATFORMS;

const blocked = { error_code: 403, description: "Forbidden: bot was blocked by the user" };

export const TEST_PLATFORMS: Record<Platform, TestPlatform> = {
  telegram: {
    chatIdOf: (userId) => userId,
    contactOf: (userId) => `tg://user?id=${userId}`,
    blockNext: (h, chatId, times) => h.tg.failNext("sendMessage", blocked, { chatId, times }),
    rateLimitNext: (h, chatId) => h.tg.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }, { chatId }),
    failNext: (h, chatId, times) => h.tg.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, { chatId, times }),
    hangNext: (h, chatId, times) => h.tg.hangNext("sendMessage", { chatId, times }),
    enforceLimits: (h, on) => h.tg.enforceLimits(on ? { perChatPerSecond: 1, globalPerSecond: 30 } : undefined),
    rateLimited: (h) => h.tg.rateLimited,
    sendCalls: (h, chatId) => h.tg.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === chatId).map((c) => ({ at: c.at ?? 0 })),
    sentTo: (h, chatId) => h.tg.toChat(chatId).filter((m) => m.replaces === undefined),
    interceptSends: (h, onSend) => {
      h.tg.intercept = onSend ? (method, payload) => (method === "sendMessage" ? onSend(String(payload.text)) : undefined) : undefined;
    },
  },
  vk: {
    chatIdOf: (userId) => userId,
    contactOf: (userId) => `https://vk.com/id${userId}`,
    blockNext: (h, chatId, times) => h.vk.failNext("messages.send", { error_code: 901, error_msg: "Can't send messages for users without permission" }, { peerId: chatId, times }),
    rateLimitNext: (h, chatId) => h.vk.failNext("messages.send", { error_code: 6, error_msg: "Too many requests per second" }, { peerId: chatId }),
    failNext: (h, chatId, times) => h.vk.failNext("messages.send", { error_code: 10, error_msg: "Internal server error" }, { peerId: chatId, times }),
    hangNext: (h, chatId, times) => h.vk.hangNext("messages.send", { peerId: chatId, times }),
    enforceLimits: (h, on) => h.vk.enforceLimit(on ? 20 : undefined),
    rateLimited: (h) => h.vk.rateLimited,
    sendCalls: (h, chatId) => h.vk.calls.filter((c) => c.method === "messages.send" && c.params.peer_id === chatId).map((c) => ({ at: c.at ?? 0, randomId: c.params.random_id })),
    sentTo: (h, chatId) => h.vk.toPeer(chatId).filter((m) => m.replaces === undefined),
    interceptSends: (h, onSend) => {
      h.vk.intercept = onSend ? (method, params) => (method === "messages.send" ? onSend(String(params.message)) : undefined) : undefined;
    },
  },
  max: {
    chatIdOf: (userId) => userId,
    contactOf: (userId) => `MAX ID ${userId}`,
    blockNext: (h, chatId, times) => h.max.failNext("POST /messages", { status: 403, code: "chat.denied", message: "chat.denied" }, { chatId, times }),
    rateLimitNext: (h, chatId) => h.max.failNext("POST /messages", { status: 429, code: "too.many.requests" }, { chatId }),
    failNext: (h, chatId, times) => h.max.failNext("POST /messages", { status: 502, code: "internal.error", message: "Bad Gateway" }, { chatId, times }),
    hangNext: (h, chatId, times) => h.max.hangNext("POST /messages", { chatId, times }),
    enforceLimits: (h, on) => h.max.enforceLimit(on ? 30 : undefined),
    rateLimited: (h) => h.max.rateLimited,
    sendCalls: (h, chatId) => h.max.calls.filter((c) => c.method === "POST /messages" && (c.query.user_id ?? c.query.chat_id) === chatId).map((c) => ({ at: c.at })),
    sentTo: (h, chatId) => h.max.toChat(chatId).filter((m) => m.replaces === undefined),
    interceptSends: (h, onSend) => {
      h.max.intercept = onSend ? (method, _query, body) => (method === "POST /messages" ? onSend(String(body.text ?? "")) : undefined) : undefined;
    },
  },
};
