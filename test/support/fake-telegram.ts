import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import { listen, readBody } from "./http.js";

/**
 * A stand-in for the Telegram Bot API over HTTP: grammY talks to it exactly as to
 * api.telegram.org. It records what the bot sent, serves getUpdates from a queue, and can
 * be told to fail (403 blocked, 429 with retry_after, 5xx) or to enforce rate limits.
 */

export interface SentTelegramMessage {
  method: string;
  chatId: string;
  messageId: number;
  text: string;
  /** `opens`: the address a web_app button opens (a Mini App) instead of sending data. */
  buttons: { text: string; data: string; opens?: string }[][];
  replaces?: number;
  document?: boolean;
  /** Sent with sendPhoto. */
  photo?: boolean;
  /** The file sent with sendDocument or sendPhoto (multipart upload), as received. */
  file?: { filename: string; content: Buffer };
  at: number;
}

export interface TelegramFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export interface BotCommandEntry {
  command: string;
  description: string;
}

export interface TelegramRateLimits {
  perChatPerSecond: number;
  globalPerSecond: number;
}

export const BOT_INFO = {
  id: 777000111,
  is_bot: true as const,
  first_name: "Наставник",
  username: "nastavnik_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export class FakeTelegram {
  readonly sent: SentTelegramMessage[] = [];
  private readonly byChat = new Map<string, SentTelegramMessage[]>();
  readonly calls: { method: string; payload: any; at?: number }[] = [];
  private nextMessageId = 1000;
  private updates: Update[] = [];
  private waiters: (() => void)[] = [];
  private failures: { method: string; chatId?: string; failure: TelegramFailure; times: number }[] = [];
  private limits?: TelegramRateLimits;
  private chatWindows = new Map<string, number[]>();
  private globalWindow: number[] = [];
  rateLimited = 0;
  /** Command menus set with setMyCommands, by scope and language (see `menu`). */
  private readonly menus = new Map<string, BotCommandEntry[]>();
  url = "";
  private closeServer?: () => Promise<void>;

  static async start(): Promise<FakeTelegram> {
    const fake = new FakeTelegram();
    const { url, close } = await listen((req, res) => fake.handle(req, res));
    fake.url = url;
    fake.closeServer = close;
    return fake;
  }

  close(): Promise<void> {
    for (const w of this.waiters) w();
    return this.closeServer?.() ?? Promise.resolve();
  }

  failNext(method: string, failure: TelegramFailure, options: { chatId?: string; times?: number } = {}): void {
    this.failures.push({ method, chatId: options.chatId, failure, times: options.times ?? 1 });
  }

  enforceLimits(limits: TelegramRateLimits | undefined): void {
    this.limits = limits;
  }

  /** Runs before each API call; "drop" swallows the call unanswered, as a request lost on the way would be. */
  intercept?: (method: string, payload: any) => void | "drop" | Promise<void | "drop">;
  private hangs: { method: string; chatId?: string; times: number }[] = [];

  /** The next calls of a method (to one chat) get no answer at all: the client sees a timeout; nothing is sent. */
  hangNext(method: string, options: { chatId?: string; times?: number } = {}): void {
    this.hangs.push({ method, chatId: options.chatId, times: options.times ?? 1 });
  }

  /** Queues an update for getUpdates (long polling). */
  queueUpdate(update: Update): void {
    this.updates.push(update);
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** The command menu set for a scope (`all_private_chats`, `default`, `chat:<id>`…) and language ("" for every language without its own). */
  menu(scope = "all_private_chats", languageCode = ""): BotCommandEntry[] | undefined {
    return this.menus.get(`${scope}|${languageCode}`);
  }

  toChat(chatId: string): SentTelegramMessage[] {
    return this.byChat.get(chatId) ?? [];
  }

  private record(m: SentTelegramMessage): void {
    this.sent.push(m);
    let list = this.byChat.get(m.chatId);
    if (!list) this.byChat.set(m.chatId, (list = []));
    list.push(m);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    // Telegram counts a request when it arrives, not when this process got round to reading its body.
    const arrived = Date.now();
    const raw = await readBody(req);
    if (!match) return void res.writeHead(404).end();
    const type = req.headers["content-type"] ?? "";
    const payload = type.includes("application/json") ? JSON.parse(raw.toString("utf8") || "{}") : parseMultipart(raw, type);
    const files = type.includes("multipart/form-data") ? multipartFiles(raw, type) : [];
    if (files.length) Object.defineProperty(payload, "__files", { value: files, enumerable: false });
    const { status, body } = await this.call(match[2]!, payload, arrived);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }

  /** One Bot API call: what the HTTP server answers, also usable in process (a grammY transformer). */
  async call(method: string, payload: any, arrived = Date.now()): Promise<{ status: number; body: any }> {
    this.calls.push({ method, payload, at: arrived });
    const reply = (body: unknown, status = 200) => ({ status, body });
    const chatId = payload.chat_id !== undefined ? String(payload.chat_id) : undefined;
    const hang = this.hangs.find((x) => x.method === method && (!x.chatId || x.chatId === chatId));
    if (hang && --hang.times <= 0) this.hangs.splice(this.hangs.indexOf(hang), 1);
    if (hang || (this.intercept && (await this.intercept(method, payload)) === "drop")) return new Promise(() => undefined);

    const failure = this.failures.find((f) => f.method === method && (!f.chatId || f.chatId === chatId));
    if (failure) {
      if (--failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      return reply({ ok: false, ...failure.failure }, failure.failure.error_code >= 500 ? failure.failure.error_code : 200);
    }
    if (this.limits && (method === "sendMessage" || method === "sendDocument" || method === "sendPhoto") && chatId) {
      const retry = this.checkLimits(chatId, arrived);
      if (retry) {
        this.rateLimited++;
        return reply({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retry}`, parameters: { retry_after: retry } });
      }
    }

    switch (method) {
      case "getMe":
        return reply({ ok: true, result: BOT_INFO });
      case "setMyCommands": {
        // Telegram's limits: at most 100 commands, each 1–32 characters of [a-z0-9_] with a description of 1–256.
        const commands = typeof payload.commands === "string" ? JSON.parse(payload.commands) : payload.commands;
        const scope = typeof payload.scope === "string" ? JSON.parse(payload.scope) : (payload.scope ?? { type: "default" });
        const languageCode = String(payload.language_code ?? "");
        const bad = (description: string) => reply({ ok: false, error_code: 400, description: `Bad Request: ${description}` }, 400);
        if (!Array.isArray(commands)) return bad("parameter \"commands\" is required");
        if (commands.length > 100) return bad("BOT_COMMANDS_TOO_MUCH");
        for (const c of commands) {
          if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) return bad("BOT_COMMAND_INVALID");
          if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) return bad("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        if (languageCode !== "" && !/^[a-z]{2}$/.test(languageCode)) return bad("LANG_CODE_INVALID");
        const scopeKey = scope.type === "chat" || scope.type === "chat_administrators" || scope.type === "chat_member" ? `${scope.type}:${scope.chat_id}` : String(scope.type);
        this.menus.set(`${scopeKey}|${languageCode}`, commands.map((c: BotCommandEntry) => ({ command: c.command, description: c.description })));
        return reply({ ok: true, result: true });
      }
      case "setWebhook":
      case "deleteWebhook":
      case "answerCallbackQuery":
        return reply({ ok: true, result: true });
      case "getUpdates":
        return reply({ ok: true, result: await this.takeUpdates(Number(payload.offset ?? 0), Number(payload.timeout ?? 0)) });
      case "sendMessage":
      case "sendDocument":
      case "sendPhoto": {
        const problem = keyboardProblem(payload.reply_markup);
        if (problem) return reply({ ok: false, error_code: 400, description: `Bad Request: ${problem}` }, 400);
        const messageId = this.nextMessageId++;
        const file = fileOf(payload, method === "sendPhoto" ? "photo" : "document");
        this.record({
          method,
          chatId: chatId!,
          messageId,
          text: String(payload.text ?? payload.caption ?? ""),
          buttons: keyboardOf(payload.reply_markup),
          document: method === "sendDocument",
          ...(method === "sendPhoto" ? { photo: true } : {}),
          ...(file ? { file } : {}),
          at: arrived,
        });
        return reply({ ok: true, result: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" }, text: payload.text } });
      }
      case "editMessageText": {
        const problem = keyboardProblem(payload.reply_markup);
        if (problem) return reply({ ok: false, error_code: 400, description: `Bad Request: ${problem}` }, 400);
        this.record({ method, chatId: chatId!, messageId: Number(payload.message_id), replaces: Number(payload.message_id), text: String(payload.text), buttons: keyboardOf(payload.reply_markup), at: Date.now() });
        return reply({ ok: true, result: { message_id: Number(payload.message_id), date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: "private" }, text: payload.text } });
      }
      default:
        return reply({ ok: true, result: true });
    }
  }

  /** Sliding windows of one second (stricter than evenly spaced buckets): never more than the limit within any second. */
  private checkLimits(chatId: string, now: number): number | undefined {
    const window = (this.chatWindows.get(chatId) ?? []).filter((t) => now - t < 1000);
    this.globalWindow = this.globalWindow.filter((t) => now - t < 1000);
    if (window.length >= this.limits!.perChatPerSecond || this.globalWindow.length >= this.limits!.globalPerSecond) return 1;
    window.push(now);
    this.chatWindows.set(chatId, window);
    this.globalWindow.push(now);
    return undefined;
  }

  private async takeUpdates(offset: number, timeoutSeconds: number): Promise<Update[]> {
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    if (this.updates.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(timeoutSeconds * 1000, 2000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.updates.filter((u) => u.update_id >= offset).slice(0, 100);
  }
}

function keyboardOf(markup: unknown): { text: string; data: string; opens?: string }[][] {
  const m = typeof markup === "string" ? JSON.parse(markup) : markup;
  const rows = (m as any)?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  return rows.map((row: any[]) => row.map((b) => ({ text: b.text, data: b.callback_data, ...(b.web_app ? { opens: b.web_app.url } : {}) })));
}

/**
 * Telegram's rules for an inline keyboard's buttons: exactly one action each — callback_data of
 * 1–64 bytes, a url, or a web_app whose url is HTTPS (a Mini App opens only over HTTPS).
 */
function keyboardProblem(markup: unknown): string | undefined {
  const m = typeof markup === "string" ? JSON.parse(markup) : markup;
  const rows = (m as any)?.inline_keyboard;
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows) {
    for (const b of row as any[]) {
      const actions = ["callback_data", "url", "web_app"].filter((k) => b[k] !== undefined);
      if (actions.length !== 1) return "BUTTON_TYPE_INVALID";
      if (b.callback_data !== undefined && (typeof b.callback_data !== "string" || Buffer.byteLength(b.callback_data) < 1 || Buffer.byteLength(b.callback_data) > 64)) return "BUTTON_DATA_INVALID";
      if (b.web_app !== undefined && !/^https:\/\/[^\s]+$/.test(String(b.web_app?.url ?? ""))) return "BUTTON_URL_INVALID";
    }
  }
  return undefined;
}

/** The file a sendDocument/sendPhoto referred to (`attach://<id>` or the field itself), over HTTP or in process (grammY InputFile). */
function fileOf(payload: any, field: string): { filename: string; content: Buffer } | undefined {
  const files: MultipartFile[] = payload.__files ?? [];
  const ref = typeof payload[field] === "string" ? /^attach:\/\/(.+)$/.exec(payload[field])?.[1] : undefined;
  const found = files.find((f) => f.name === (ref ?? field)) ?? files[0];
  if (found) return { filename: found.filename, content: found.content };
  const input = payload[field];
  if (input && typeof input === "object" && Buffer.isBuffer((input as any).fileData)) return { filename: String((input as any).filename ?? "file"), content: (input as any).fileData };
  return undefined;
}

export interface MultipartFile {
  name: string;
  filename: string;
  content: Buffer;
}

/** The file parts of a multipart/form-data body, byte for byte. */
export function multipartFiles(raw: Buffer, contentType: string): MultipartFile[] {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) return [];
  const out: MultipartFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      // grammY writes the file name unquoted (`filename=report.xlsx`); browsers and vk-io quote it.
      const named = /filename=(?:"([^"]*)"|([^;\r\n]+))/.exec(headers);
      const filename = named ? (named[1] ?? named[2]!.trim()) : undefined;
      const name = /name="([^"]+)"/.exec(headers)?.[1];
      if (filename !== undefined && name) {
        let body = part.subarray(headerEnd + 4);
        if (body.subarray(-2).toString("latin1") === "\r\n") body = body.subarray(0, -2);
        out.push({ name, filename, content: Buffer.from(body) });
      }
    }
    start = next;
  }
  return out;
}

/** Just enough multipart parsing to read the text fields of sendDocument. */
function parseMultipart(raw: Buffer, contentType: string): Record<string, string> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return {};
  const out: Record<string, string> = {};
  for (const part of raw.toString("latin1").split(`--${boundary}`)) {
    const name = /name="([^"]+)"/.exec(part)?.[1];
    if (!name || /filename=/.test(part)) continue;
    const value = part.split("\r\n\r\n").slice(1).join("\r\n\r\n").replace(/\r\n$/, "");
    out[name] = Buffer.from(value, "latin1").toString("utf8");
  }
  return out;
}
