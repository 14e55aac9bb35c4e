import type { Update } from "grammy/types";
import type { App } from "../../src/app.js";
import type { FakeTelegram } from "./fake-telegram.js";
import type { FakeVk } from "./fake-vk.js";
import { VK_GROUP_ID } from "./fake-vk.js";
import { FakeMax } from "./fake-max.js";
import type { Platform } from "../../src/domain/platforms.js";

/** A message as the person sees it now (edits applied). */
export interface SeenMessage {
  id: number;
  text: string;
  /** `opens`: what a button that opens the web app or a link opens (the messenger's own form: an address, `vk-app:<id>`, `max-app:<bot>`). */
  buttons: { label: string; payload: string; opens?: string }[][];
  document?: boolean;
  /** A picture came with the message (Telegram sendPhoto, VK photo attachment). */
  photo?: boolean;
  /** The document or picture as the messenger received it. */
  file?: { filename: string; content: Buffer };
}

/** A person using the bot through a messenger; the same tests drive every messenger. */
export interface TestUser {
  readonly platform: Platform;
  readonly id: string;
  /** Whether each update also waits for the deliveries it handed over for other people (default true). */
  waitsForOthers: boolean;
  /** Set: the person's updates go through it (e.g. to the app's webhook over HTTP) instead of straight to the transport. */
  post?: (update: unknown) => Promise<void>;
  send(text: string): Promise<void>;
  sendSticker(): Promise<void>;
  /** Opens the bot through an invitation deep link. */
  open(code: string): Promise<void>;
  /** Stops or blocks the bot, as the messenger tells it (Telegram: blocked; VK: messages forbidden; MAX: bot stopped). */
  stopBot(): Promise<void>;
  /** Allows the bot again, before writing to it (Telegram: unblocked; VK: messages allowed; MAX: opened again). */
  allowBot(): Promise<void>;
  /** Taps the button with this label on the newest message that shows it. */
  press(label: string | RegExp): Promise<void>;
  /** Taps a button on a specific message (for stale-button tests). */
  pressOn(messageId: number, label: string | RegExp): Promise<void>;
  /** Sends a raw button payload, as a forged or outdated client could. */
  pressPayload(payload: string): Promise<void>;
  /** Every message in the chat as it looks now, oldest first. */
  messages(): SeenMessage[];
  last(): SeenMessage;
  /** Texts of the messages that arrived after `mark()`. */
  since(mark: number): string[];
  mark(): number;
}

let updateId = 1;

/**
 * Runs one update and waits until what it wrote for other people (outbox rows handed to the
 * outbound queues after its commit, jobs it started) has been delivered, as a person would see it
 * a moment later. An update that handed nothing over has nothing more to wait for.
 */
async function settled(app: App, update: () => Promise<unknown>, waitsForOthers: boolean): Promise<void> {
  if (!waitsForOthers) {
    await update();
    return;
  }
  const before = app.processor.handOvers;
  await update();
  await app.processor.drain();
  if (app.processor.handOvers === before) return;
  for (const queue of app.worker?.queues.values() ?? []) {
    for (let i = 0; i < 400 && (await queue.count()) + (await queue.getActiveCount()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
  }
  await app.processor.drain();
  await app.outbound.drained(app.services.now(), 10_000);
}
let vkEventId = 1;

function matches(label: string, wanted: string | RegExp): boolean {
  return typeof wanted === "string" ? label === wanted : wanted.test(label);
}

function findButton(messages: SeenMessage[], wanted: string | RegExp): { message: SeenMessage; payload: string } {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    for (const row of m.buttons) for (const b of row) if (matches(b.label, wanted)) return { message: m, payload: b.payload };
  }
  const visible = messages.slice(-3).map((m) => `${m.text.slice(0, 80)} [${m.buttons.flat().map((b) => b.label).join(" | ")}]`);
  throw new Error(`no button ${String(wanted)}; last messages:\n${visible.join("\n")}`);
}

/** What the bot sent to a chat, as the fake keeps it (an edit names the message it replaces). */
interface ReceivedMessage {
  text: string;
  replaces?: unknown;
}

/** What every test person reads the same way: the newest message, and what came after a mark. */
abstract class ChatUser {
  /**
   * Whether each update also waits for what it handed over for other people (deliveries by the
   * outbound queues, jobs), as the scenarios need before they read another person's chat. Off,
   * an update ends when the person's own answer is at the messenger.
   */
  waitsForOthers = true;

  /**
   * How the person's updates reach the bot: unset, straight into the app's transport (as its
   * long polling hands them over); set, through this (the update benchmark posts them to the
   * app's webhooks over HTTP).
   */
  post?: (update: unknown) => Promise<void>;
  abstract messages(): SeenMessage[];
  /** What the bot sent to this person's chat, sends and edits, oldest first. */
  protected abstract received(): ReceivedMessage[];

  last(): SeenMessage {
    const all = this.messages();
    if (!all.length) throw new Error("no messages");
    return all[all.length - 1]!;
  }

  mark(): number {
    return this.received().length;
  }

  since(mark: number): string[] {
    return this.received().slice(mark).filter((m) => m.replaces === undefined).map((m) => m.text);
  }
}

export class TelegramTestUser extends ChatUser implements TestUser {
  readonly platform = "telegram" as const;
  /** The @username Telegram sends with each update; none by default, as for many people. */
  username?: string;
  constructor(private readonly appRef: () => App, private readonly fake: FakeTelegram, readonly id: string, private readonly languageCode = "ru") {
    super();
  }

  private get app(): App {
    return this.appRef();
  }

  private from() {
    return { id: Number(this.id), is_bot: false, first_name: "Тест", language_code: this.languageCode, ...(this.username ? { username: this.username } : {}) };
  }

  private async deliver(update: Omit<Update, "update_id">): Promise<void> {
    const full = { update_id: updateId++, ...update } as Update;
    await settled(this.app, () => (this.post ? this.post(full) : this.app.telegram!.handleUpdate(full)), this.waitsForOthers);
  }

  send(text: string): Promise<void> {
    return this.deliver({ message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: Number(this.id), type: "private", first_name: "Тест" }, from: this.from(), text } as any });
  }

  sendSticker(): Promise<void> {
    return this.deliver({
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(this.id), type: "private", first_name: "Тест" },
        from: this.from(),
        sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
      } as any,
    });
  }

  open(code: string): Promise<void> {
    return this.send(`/start ${code}`);
  }

  private memberUpdate(status: "kicked" | "member"): Promise<void> {
    const chat = { id: Number(this.id), type: "private", first_name: "Тест" };
    const bot = { id: 1, is_bot: true, first_name: "Наставник", username: "nastavnik_test_bot" };
    const date = Math.floor(Date.now() / 1000);
    return this.deliver({
      my_chat_member: {
        chat,
        from: this.from(),
        date,
        old_chat_member: status === "kicked" ? { status: "member", user: bot } : { status: "kicked", user: bot, until_date: 0 },
        new_chat_member: status === "kicked" ? { status: "kicked", user: bot, until_date: 0 } : { status: "member", user: bot },
      } as any,
    });
  }

  stopBot(): Promise<void> {
    return this.memberUpdate("kicked");
  }

  allowBot(): Promise<void> {
    return this.memberUpdate("member");
  }

  async press(label: string | RegExp): Promise<void> {
    const { message, payload } = findButton(this.messages(), label);
    await this.pressPayloadOn(message.id, payload);
  }

  async pressOn(messageId: number, label: string | RegExp): Promise<void> {
    const message = this.messages().find((m) => m.id === messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    const { payload } = findButton([message], label);
    await this.pressPayloadOn(messageId, payload);
  }

  pressPayload(payload: string): Promise<void> {
    const last = this.messages().at(-1);
    return this.pressPayloadOn(last?.id ?? 1, payload);
  }

  private pressPayloadOn(messageId: number, data: string): Promise<void> {
    return this.deliver({
      callback_query: {
        id: String(updateId),
        from: this.from(),
        chat_instance: "ci",
        data,
        message: { message_id: messageId, date: 0, chat: { id: Number(this.id), type: "private", first_name: "Тест" }, text: "" } as any,
      },
    });
  }

  messages(): SeenMessage[] {
    const out = new Map<number, SeenMessage>();
    for (const m of this.fake.toChat(this.id)) {
      const buttons = m.buttons.map((row) => row.map((b) => ({ label: b.text, payload: b.data, ...(b.opens ? { opens: b.opens } : {}) })));
      if (m.replaces !== undefined) {
        const old = out.get(m.replaces);
        if (old) out.set(m.replaces, { ...old, text: m.text, buttons });
      } else out.set(m.messageId, { id: m.messageId, text: m.text, buttons, document: m.document, ...(m.photo ? { photo: true } : {}), ...(m.file ? { file: m.file } : {}) });
    }
    return [...out.values()];
  }

  protected received(): ReceivedMessage[] {
    return this.fake.toChat(this.id);
  }
}

export class VkTestUser extends ChatUser implements TestUser {
  private async handle(event: any): Promise<void> {
    await settled(this.app, () => (this.post ? this.post(event) : this.app.vk!.handleEvent(event)), this.waitsForOthers);
  }

  readonly platform = "vk" as const;
  constructor(private readonly appRef: () => App, private readonly fake: FakeVk, readonly id: string) {
    super();
  }

  private get app(): App {
    return this.appRef();
  }

  private message(fields: Record<string, unknown>) {
    return {
      type: "message_new",
      event_id: `e${vkEventId++}`,
      v: "5.199",
      group_id: VK_GROUP_ID,
      object: {
        message: {
          id: vkEventId,
          date: Math.floor(Date.now() / 1000),
          peer_id: Number(this.id),
          from_id: Number(this.id),
          conversation_message_id: this.fake.nextCmid(this.id),
          out: 0,
          text: "",
          attachments: [],
          fwd_messages: [],
          important: false,
          is_hidden: false,
          version: 1,
          ...fields,
        },
        client_info: { button_actions: ["text", "callback"], keyboard: true, inline_keyboard: true, carousel: true, lang_id: 0 },
      },
    };
  }

  send(text: string): Promise<void> {
    return this.handle(this.message({ text }) as any);
  }

  /** A message with a payload of the sender's own (any string, as another client may send). */
  sendWithPayload(text: string, payload: string): Promise<void> {
    return this.handle(this.message({ text, payload }) as any);
  }

  sendSticker(): Promise<void> {
    return this.handle(this.message({ attachments: [{ type: "sticker", sticker: { product_id: 1, sticker_id: 1 } }] }) as any);
  }

  open(code: string): Promise<void> {
    return this.handle(this.message({ text: "Начать", ref: code, ref_source: "link" }) as any);
  }

  private subscription(type: "message_allow" | "message_deny"): Promise<void> {
    return this.handle({ type, event_id: `e${vkEventId++}`, v: "5.199", group_id: VK_GROUP_ID, object: { user_id: Number(this.id), ...(type === "message_allow" ? { key: "" } : {}) } });
  }

  stopBot(): Promise<void> {
    return this.subscription("message_deny");
  }

  allowBot(): Promise<void> {
    return this.subscription("message_allow");
  }

  async press(label: string | RegExp): Promise<void> {
    const { message, payload } = findButton(this.messages(), label);
    await this.pressRaw(message.id, payload);
  }

  async pressOn(messageId: number, label: string | RegExp): Promise<void> {
    const message = this.messages().find((m) => m.id === messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    const { payload } = findButton([message], label);
    await this.pressRaw(messageId, payload);
  }

  pressPayload(payload: string): Promise<void> {
    return this.pressRaw(this.messages().at(-1)?.id ?? 1, JSON.stringify({ p: payload }));
  }

  private pressRaw(cmid: number, payloadJson: string): Promise<void> {
    const eventId = `ev${vkEventId++}`;
    return this.handle({
      type: "message_event",
      event_id: eventId,
      v: "5.199",
      group_id: VK_GROUP_ID,
      object: { user_id: Number(this.id), peer_id: Number(this.id), event_id: eventId, payload: JSON.parse(payloadJson), conversation_message_id: cmid },
    } as any);
  }

  /** Messages keyed by conversation_message_id, the id VK uses for edits and button events. */
  messages(): SeenMessage[] {
    const out = new Map<number, SeenMessage>();
    for (const m of this.fake.toPeer(this.id)) {
      const buttons = m.buttons.map((row) => row.map((b) => ({ label: b.label, payload: b.payload, ...(b.opens ? { opens: b.opens } : {}) })));
      if (m.replaces !== undefined) {
        const old = out.get(m.replaces);
        if (old) out.set(m.replaces, { ...old, text: m.text, buttons });
      } else {
        const photo = /(^|,)photo/.test(m.attachment ?? "");
        const file = this.fake.fileOf(m.attachment, "doc") ?? this.fake.fileOf(m.attachment, "photo");
        out.set(m.conversationMessageId, { id: m.conversationMessageId, text: m.text, buttons, document: /(^|,)doc/.test(m.attachment ?? ""), ...(photo ? { photo: true } : {}), ...(file ? { file } : {}) });
      }
    }
    return [...out.values()];
  }

  protected received(): ReceivedMessage[] {
    return this.fake.toPeer(this.id);
  }
}

let maxSeq = 1;

/**
 * A person in MAX: their updates go through the MAX transport as the long poll or the webhook
 * would hand them over (the client library's calls go to the fake over HTTP); the dialog has an
 * id of its own, as in MAX.
 */
export class MaxTestUser extends ChatUser implements TestUser {
  readonly platform = "max" as const;
  /** The public name MAX sends with each update; none by default. */
  username?: string;
  /** The dialog's id in MAX (updates carry it; the bot writes to the person by their user id). */
  readonly chatId: string;
  constructor(private readonly appRef: () => App, private readonly fake: FakeMax, readonly id: string, private readonly locale = "ru") {
    super();
    this.chatId = FakeMax.dialogOf(id);
  }

  private get app(): App {
    return this.appRef();
  }

  private user() {
    return { user_id: Number(this.id), name: "Тест", first_name: "Тест", username: this.username ?? null, is_bot: false, last_activity_time: Date.now() };
  }

  private async deliver(update: Record<string, unknown>): Promise<void> {
    const full = { timestamp: Date.now() + maxSeq++, ...update };
    await settled(this.app, () => (this.post ? this.post(full) : this.app.max!.handleUpdate(full as any)), this.waitsForOthers);
  }

  private message(body: Record<string, unknown>) {
    return {
      update_type: "message_created",
      user_locale: this.locale,
      message: {
        sender: this.user(),
        recipient: { chat_id: Number(this.chatId), chat_type: "dialog", user_id: null },
        timestamp: Date.now(),
        body: { mid: `user.mid.${maxSeq++}`, seq: maxSeq, text: null, attachments: null, ...body },
      },
    };
  }

  send(text: string): Promise<void> {
    return this.deliver(this.message({ text }));
  }

  sendSticker(): Promise<void> {
    return this.deliver(this.message({ attachments: [{ type: "sticker", payload: { url: "https://example.org/s.webp", code: "s" }, width: 128, height: 128 }] }));
  }

  /** https://max.ru/<bot>?start=<code>: MAX opens the dialog with a bot_started carrying the code. */
  open(code: string): Promise<void> {
    return this.deliver({ update_type: "bot_started", chat_id: Number(this.chatId), user: this.user(), payload: code, user_locale: this.locale });
  }

  stopBot(): Promise<void> {
    return this.deliver({ update_type: "bot_stopped", chat_id: Number(this.chatId), user: this.user(), user_locale: this.locale });
  }

  /** MAX has no "allowed" update: the person opens the bot again, which starts it without a code. */
  allowBot(): Promise<void> {
    return this.deliver({ update_type: "bot_started", chat_id: Number(this.chatId), user: this.user(), user_locale: this.locale });
  }

  async press(label: string | RegExp): Promise<void> {
    const { message, payload } = findButton(this.messages(), label);
    await this.pressOnMid(this.midOf(message.id), payload);
  }

  async pressOn(messageId: number, label: string | RegExp): Promise<void> {
    const message = this.messages().find((m) => m.id === messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    const { payload } = findButton([message], label);
    await this.pressOnMid(this.midOf(messageId), payload);
  }

  pressPayload(payload: string): Promise<void> {
    const last = this.messages().at(-1);
    return this.pressOnMid(last ? this.midOf(last.id) : "mid.0", payload);
  }

  private pressOnMid(mid: string, payload: string): Promise<void> {
    return this.deliver({
      update_type: "message_callback",
      callback: { timestamp: Date.now(), callback_id: `cb.${maxSeq++}`, payload, user: this.user() },
      message: { sender: { user_id: 900000111, name: "bot", first_name: "bot", username: null, is_bot: true, last_activity_time: 0 }, recipient: { chat_id: Number(this.chatId), chat_type: "dialog", user_id: Number(this.id) }, timestamp: Date.now(), body: { mid, seq: 1, text: "" } },
      user_locale: this.locale,
    });
  }

  /** MAX names messages by a string `mid`; the tests number them by the number inside it. */
  private midOf(id: number): string {
    return `mid.${id}`;
  }

  messages(): SeenMessage[] {
    const out = new Map<number, SeenMessage>();
    for (const m of this.fake.toChat(this.id)) {
      const id = Number(m.mid.slice(4));
      if (m.replaces !== undefined) {
        const old = out.get(id);
        if (old) out.set(id, { ...old, text: m.text, buttons: m.buttons });
      } else out.set(id, { id, text: m.text, buttons: m.buttons, document: !!m.document, ...(m.photo ? { photo: true } : {}), ...(m.file ? { file: m.file } : {}) });
    }
    return [...out.values()];
  }

  protected received(): ReceivedMessage[] {
    return this.fake.toChat(this.id);
  }
}
