import { PLATFORMS, type Platform } from "../../src/domain/platforms.js";
import { PROFILES } from "../../src/platforms.js";
import { FakeMax } from "./fake-max.js";
import type { Harness } from "./harness.js";
import type { TestUser } from "./users.js";

/**
 * The test side of each messenger's profile: how its fake is told to refuse, slow down, fail or
 * hang, and what its ids and links look like. The scenarios run on every registered messenger
 * (`describe.each(ON_EVERY_PLATFORM)`) and reach the fakes only through this.
 */
export interface TestPlatform {
  /** The chat the bot writes to for this user (on MAX too the user's id: the bot writes to a person, not to the dialog's id). */
  chatIdOf(userId: string): string;
  /** How a pair's partner sees this account's contact: by its public name when it has one (and the messenger has them), else by its id. */
  contactOf(userId: string, username?: string): string;
  /** The numbers besides the user's id by which the messenger names this account or its dialog with the bot (MAX: the dialog's own id). */
  otherIdsOf(userId: string): { what: string; value: string }[];
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
  /** The chats of every message the bot sent (edits included), in the order they arrived. */
  sentChats(h: Harness): string[];
  /** The next send to this chat is refused as a bad request whose error echoes `echoed` back, as the APIs do. */
  refuseNext(h: Harness, chatId: string, echoed: string): void;
  /** What the log of such a refused send says of the error. */
  refusal: Record<string, unknown>;
  /** The key the log gives an update of this user's message. */
  updateKeyOf(userId: string): RegExp;
  /**
   * A text message from this user delivered as the messenger's update, with the person's name in it
   * where the messenger's updates carry one (Telegram and MAX do; a VK message carries no name).
   * Resolves once the bot has answered it.
   */
  sendNamed(h: Harness, userId: string, name: string, text: string): Promise<void>;
  /** Runs on each send before it is answered ("drop": never answered). */
  interceptSends(h: Harness, onSend: ((text: string) => void | "drop" | Promise<void | "drop">) | undefined): void;
}

export const ON_EVERY_PLATFORM = PLATFORMS;

/** The messengers whose accounts have public names the bot keeps (a Telegram @username, a MAX username). */
export const WITH_USERNAMES = PLATFORMS.filter((p) => PROFILES[p].keepsUsername);

/** Gives this person a public name (or takes it away), sent with their next updates; only where the messenger has them. */
export function setUsername(u: TestUser, username: string | undefined): void {
  if (!PROFILES[u.platform].keepsUsername) throw new Error(`${u.platform} accounts have no public names`);
  (u as TestUser & { username?: string }).username = username;
}

let namedUpdate = 990_001;

const blocked = { error_code: 403, description: "Forbidden: bot was blocked by the user" };

export const TEST_PLATFORMS: Record<Platform, TestPlatform> = {
  telegram: {
    chatIdOf: (userId) => userId,
    contactOf: (userId, username) => (username ? `https://t.me/${username}` : `tg://user?id=${userId}`),
    otherIdsOf: () => [],
    blockNext: (h, chatId, times) => h.tg.failNext("sendMessage", blocked, { chatId, times }),
    rateLimitNext: (h, chatId) => h.tg.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }, { chatId }),
    failNext: (h, chatId, times) => h.tg.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, { chatId, times }),
    hangNext: (h, chatId, times) => h.tg.hangNext("sendMessage", { chatId, times }),
    enforceLimits: (h, on) => h.tg.enforceLimits(on ? { perChatPerSecond: 1, globalPerSecond: 30 } : undefined),
    rateLimited: (h) => h.tg.rateLimited,
    sendCalls: (h, chatId) => h.tg.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === chatId).map((c) => ({ at: c.at ?? 0 })),
    sentTo: (h, chatId) => h.tg.toChat(chatId).filter((m) => m.replaces === undefined),
    sentChats: (h) => h.tg.sent.map((m) => m.chatId),
    refuseNext: (h, chatId, echoed) => h.tg.failNext("sendMessage", { error_code: 400, description: `Bad Request: can't parse entities in "${echoed}": ${echoed}` }, { chatId }),
    refusal: { name: "GrammyError", code: 400 },
    updateKeyOf: () => /^tg:\d+$/,
    sendNamed: async (h, userId, name, text) => {
      const id = namedUpdate++;
      await h.app.telegram!.handleUpdate({
        update_id: id,
        message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: Number(userId), type: "private", first_name: name }, from: { id: Number(userId), is_bot: false, first_name: name }, text },
      } as never);
    },
    interceptSends: (h, onSend) => {
      h.tg.intercept = onSend ? (method, payload) => (method === "sendMessage" ? onSend(String(payload.text)) : undefined) : undefined;
    },
  },
  vk: {
    chatIdOf: (userId) => userId,
    contactOf: (userId) => `https://vk.com/id${userId}`,
    otherIdsOf: () => [],
    blockNext: (h, chatId, times) => h.vk.failNext("messages.send", { error_code: 901, error_msg: "Can't send messages for users without permission" }, { peerId: chatId, times }),
    rateLimitNext: (h, chatId) => h.vk.failNext("messages.send", { error_code: 6, error_msg: "Too many requests per second" }, { peerId: chatId }),
    failNext: (h, chatId, times) => h.vk.failNext("messages.send", { error_code: 10, error_msg: "Internal server error" }, { peerId: chatId, times }),
    hangNext: (h, chatId, times) => h.vk.hangNext("messages.send", { peerId: chatId, times }),
    enforceLimits: (h, on) => h.vk.enforceLimit(on ? 20 : undefined),
    rateLimited: (h) => h.vk.rateLimited,
    sendCalls: (h, chatId) => h.vk.calls.filter((c) => c.method === "messages.send" && c.params.peer_id === chatId).map((c) => ({ at: c.at ?? 0, randomId: c.params.random_id })),
    sentTo: (h, chatId) => h.vk.toPeer(chatId).filter((m) => m.replaces === undefined),
    sentChats: (h) => h.vk.sent.map((m) => m.peerId),
    refuseNext: (h, chatId, echoed) => h.vk.failNext("messages.send", { error_code: 100, error_msg: `One of the parameters specified was missing or invalid: message "${echoed}" ${echoed}` }, { peerId: chatId }),
    refusal: { code: 100 },
    updateKeyOf: (userId) => new RegExp(`^vk:${userId}:`),
    // VK's message_new carries no name: the person's message as VK delivers it.
    sendNamed: (h, userId, _name, text) => h.user("vk", userId).send(text),
    interceptSends: (h, onSend) => {
      h.vk.intercept = onSend ? (method, params) => (method === "messages.send" ? onSend(String(params.message)) : undefined) : undefined;
    },
  },
  max: {
    chatIdOf: (userId) => userId,
    contactOf: (userId, username) => (username ? `https://max.ru/${username}` : `MAX ID ${userId}`),
    otherIdsOf: (userId) => [{ what: "dialog id", value: FakeMax.dialogOf(userId) }],
    blockNext: (h, chatId, times) => h.max.failNext("POST /messages", { status: 403, code: "chat.denied", message: "chat.denied" }, { chatId, times }),
    rateLimitNext: (h, chatId) => h.max.failNext("POST /messages", { status: 429, code: "too.many.requests" }, { chatId }),
    failNext: (h, chatId, times) => h.max.failNext("POST /messages", { status: 502, code: "internal.error", message: "Bad Gateway" }, { chatId, times }),
    hangNext: (h, chatId, times) => h.max.hangNext("POST /messages", { chatId, times }),
    enforceLimits: (h, on) => h.max.enforceLimit(on ? 30 : undefined),
    rateLimited: (h) => h.max.rateLimited,
    sendCalls: (h, chatId) => h.max.calls.filter((c) => c.method === "POST /messages" && (c.query.user_id ?? c.query.chat_id) === chatId).map((c) => ({ at: c.at })),
    sentTo: (h, chatId) => h.max.toChat(chatId).filter((m) => m.replaces === undefined),
    sentChats: (h) => h.max.sent.map((m) => m.chatId),
    refuseNext: (h, chatId, echoed) => h.max.failNext("POST /messages", { status: 400, code: "proto.payload", message: `Invalid message text "${echoed}": ${echoed}` }, { chatId }),
    refusal: { code: "proto.payload" },
    updateKeyOf: () => /^max:m:/,
    sendNamed: async (h, userId, name, text) => {
      const id = namedUpdate++;
      const sender = { user_id: Number(userId), name, first_name: name, username: null, is_bot: false, last_activity_time: Date.now() };
      await h.app.max!.handleUpdate({
        update_type: "message_created",
        timestamp: Date.now(),
        user_locale: "ru",
        message: { sender, recipient: { chat_id: Number(FakeMax.dialogOf(userId)), chat_type: "dialog", user_id: null }, timestamp: Date.now(), body: { mid: `named.mid.${id}`, seq: id, text } },
      } as never);
    },
    interceptSends: (h, onSend) => {
      h.max.intercept = onSend ? (method, _query, body) => (method === "POST /messages" ? onSend(String(body.text ?? "")) : undefined) : undefined;
    },
  },
};
