import type { IncomingMessage, ServerResponse } from "node:http";
import { listen, readBody } from "./http.js";
import { multipartFiles } from "./fake-telegram.js";

/**
 * A stand-in for the MAX Bot API over HTTP: @maxhub/max-bot-api's client talks to it as to
 * platform-api2.max.ru. It checks the token in the Authorization header, keeps MAX's limits
 * (text ≤ 4000 characters; inline keyboards ≤ 30 rows, ≤ 7 buttons a row and ≤ 3 in a row with a
 * link/open_app/request button, ≤ 210 buttons, labels ≤ 128 characters, payloads ≤ 1024 bytes;
 * every press answered with a message or a notification), records what the bot sent, serves
 * `GET /updates` with `marker`, takes files through `/uploads`, and can fail, rate-limit (30/s)
 * or answer `attachment.not.ready` for a while after an upload.
 */

export const MAX_TOKEN = "max-test-token-0123456789abcdef";
export const MAX_BOT = { user_id: 900000111, name: "Наставник", first_name: "Наставник", username: "nastavnik_max_bot", is_bot: true, last_activity_time: 0 };

export interface SentMaxMessage {
  method: "send" | "edit";
  chatId: string;
  mid: string;
  text: string;
  /** `opens`: what an open_app (`max-app:<bot>`) or link (its address) button opens instead of sending a payload. */
  buttons: { label: string; payload: string; opens?: string }[][];
  replaces?: string;
  file?: { filename: string; content: Buffer };
  photo?: boolean;
  document?: boolean;
  at: number;
}

export interface MaxFailure {
  status: number;
  code: string;
  message?: string;
}

const LINKISH = new Set(["link", "open_app", "request_contact", "request_geo_location"]);

export class FakeMax {
  readonly sent: SentMaxMessage[] = [];
  private readonly byChat = new Map<string, SentMaxMessage[]>();
  /** Each message sent (not its edits), by its id. */
  private readonly byMid = new Map<string, SentMaxMessage>();
  readonly calls: { method: string; path: string; query: Record<string, string>; body: any; at: number }[] = [];
  readonly answers: { callbackId: string; body: any }[] = [];
  readonly subscriptions: { url: string; secret?: string; update_types?: string[] }[] = [];
  /** Requests the fake refused for breaking a limit, with the reason. */
  readonly refused: string[] = [];
  private nextMid = 1;
  private seq = 1;
  private failures: { method: string; chatId?: string; failure: MaxFailure; times: number }[] = [];
  private limitPerSecond?: number;
  private window: number[] = [];
  rateLimited = 0;
  /** Updates for long polling, numbered from 1; a marker M acknowledges every update before M. */
  private updates: { n: number; update: unknown }[] = [];
  private nextUpdate = 1;
  private waiters: (() => void)[] = [];
  private readonly uploads = new Map<string, { filename: string; content: Buffer; kind: "file" | "image" }>();
  private nextUpload = 1;
  /** Sends with a just-uploaded attachment answered `attachment.not.ready` before one goes through. */
  notReadyTimes = 0;
  notReadyAnswered = 0;
  /** The command menu the bot set with PATCH /me (undefined: never set). */
  commands?: { name: string; description: string | null }[];
  url = "";
  private closeServer?: () => Promise<void>;

  static async start(): Promise<FakeMax> {
    const fake = new FakeMax();
    const { url, close } = await listen((req, res) => fake.handle(req, res));
    fake.url = url;
    fake.closeServer = close;
    return fake;
  }

  close(): Promise<void> {
    for (const w of this.waiters) w();
    return this.closeServer?.() ?? Promise.resolve();
  }

  /** The dialog of a user with the bot: MAX gives it an id of its own. */
  static dialogOf(userId: string): string {
    return String(7_000_000_000 + Number(userId));
  }

  failNext(method: "POST /messages" | "PUT /messages" | "POST /answers" | "GET /updates" | "POST /uploads", failure: MaxFailure, options: { chatId?: string; times?: number } = {}): void {
    this.failures.push({ method, chatId: options.chatId, failure, times: options.times ?? 1 });
  }

  /** Runs before each API call; "drop" swallows the call unanswered, as a request lost on the way would be. */
  intercept?: (method: string, query: Record<string, string>, body: any) => void | "drop" | Promise<void | "drop">;
  private hangs: { method: string; chatId?: string; times: number }[] = [];

  /** The next calls of a method (to one chat) get no answer at all: the client sees a timeout; nothing is sent. */
  hangNext(method: "POST /messages", options: { chatId?: string; times?: number } = {}): void {
    this.hangs.push({ method, chatId: options.chatId, times: options.times ?? 1 });
  }

  enforceLimit(perSecond: number | undefined): void {
    this.limitPerSecond = perSecond;
  }

  /** Queues an update for `GET /updates`. */
  queueUpdate(update: unknown): void {
    this.updates.push({ n: this.nextUpdate++, update });
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Updates not yet acknowledged by a marker past them. */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  toChat(chatId: string): SentMaxMessage[] {
    return this.byChat.get(chatId) ?? [];
  }

  private record(m: SentMaxMessage): void {
    this.sent.push(m);
    if (m.method === "send") this.byMid.set(m.mid, m);
    let list = this.byChat.get(m.chatId);
    if (!list) this.byChat.set(m.chatId, (list = []));
    list.push(m);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const answer = await this.respond(req.method ?? "GET", req.url ?? "/", req.headers.authorization, req.headers["content-type"] ?? "", raw);
    if (answer) res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  }

  /**
   * The API without HTTP, as `fetch` (benchmarks route the client's calls through it, so they
   * measure the bot and not localhost's sockets); every check and limit is the same.
   */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const plain = init.headers && !(init.headers instanceof Headers) && !Array.isArray(init.headers) ? (init.headers as Record<string, string>) : undefined;
    const headers = plain ? undefined : new Headers(init.headers);
    const header = (name: string) => (plain ? Object.entries(plain).find(([k]) => k.toLowerCase() === name)?.[1] : headers!.get(name)) ?? undefined;
    const raw = init.body === undefined || init.body === null ? Buffer.alloc(0) : typeof init.body === "string" ? Buffer.from(init.body) : Buffer.from(await new Response(init.body).arrayBuffer());
    const answer = await this.respond(init.method ?? "GET", `${url.pathname}${url.search}`, header("authorization"), header("content-type") ?? "", raw);
    if (!answer) return new Promise<Response>(() => undefined); // never answered
    // The answer as the client reads it (status, JSON body, content type), serialised and parsed as over HTTP.
    const text = JSON.stringify(answer.body);
    return { status: answer.status, ok: answer.status < 300, headers: new Headers({ "content-type": "application/json" }), json: async () => JSON.parse(text), text: async () => text } as unknown as Response;
  };

  /** One request's answer (undefined: none is given). */
  private async respond(httpMethod: string, path: string, authorization: string | undefined, contentType: string, raw: Buffer): Promise<{ status: number; body: unknown } | undefined> {
    const arrived = Date.now();
    const url = new URL(path, this.url);
    const json = (status: number, body: unknown) => ({ status, body });
    const upload = /^\/upload\/(\d+)$/.exec(url.pathname);
    if (upload && httpMethod === "POST") {
      const slot = `u${upload[1]}`;
      const kind = this.uploads.get(slot)?.kind ?? "file";
      const [file] = multipartFiles(raw, contentType);
      if (!file) return json(400, { code: "upload.empty", message: "no file" });
      this.uploads.set(slot, { filename: file.filename, content: file.content, kind });
      this.pendingNotReady = this.notReadyTimes;
      return json(200, kind === "image" ? { photos: { [`p${upload[1]}`]: { token: `img-${upload[1]}` } } } : { token: `file-${upload[1]}` });
    }
    if (authorization !== MAX_TOKEN) return json(401, { code: "verify.token", message: "Invalid access_token" });
    const query = Object.fromEntries(url.searchParams);
    let body: any = {};
    try {
      body = raw.length ? JSON.parse(raw.toString("utf8")) : {};
    } catch {
      return json(400, { code: "proto.payload", message: "bad JSON" });
    }
    const method = `${httpMethod} ${url.pathname}`;
    this.calls.push({ method, path: url.pathname, query, body, at: arrived });
    const hang = this.hangs.find((x) => x.method === method && (!x.chatId || x.chatId === (query.chat_id ?? query.user_id)));
    if (hang && --hang.times <= 0) this.hangs.splice(this.hangs.indexOf(hang), 1);
    if (hang || (this.intercept && (await this.intercept(method, query, body)) === "drop")) return undefined; // no answer
    const { status, answer } = await this.call(method, query, body, arrived);
    return json(status, answer);
  }

  private pendingNotReady = 0;

  private async call(method: string, query: Record<string, string>, body: any, arrived: number): Promise<{ status: number; answer: unknown }> {
    const ok = (answer: unknown) => ({ status: 200, answer });
    const bad = (reason: string, code = "proto.payload") => {
      this.refused.push(reason);
      return { status: 400, answer: { code, message: reason } };
    };
    const chatId = query.chat_id;
    const addressee = chatId ?? query.user_id;
    const failure = this.failures.find((f) => f.method === method && (!f.chatId || f.chatId === addressee));
    if (failure) {
      if (--failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      return { status: failure.failure.status, answer: { code: failure.failure.code, message: failure.failure.message ?? failure.failure.code } };
    }
    if (this.limitPerSecond && (method === "POST /messages" || method === "PUT /messages")) {
      this.window = this.window.filter((t) => arrived - t < 1000);
      if (this.window.length >= this.limitPerSecond) {
        this.rateLimited++;
        return { status: 429, answer: { code: "too.many.requests", message: "Too many requests" } };
      }
      this.window.push(arrived);
    }
    switch (method) {
      case "GET /me":
        return ok({ ...MAX_BOT, ...(this.commands ? { commands: this.commands } : {}) });
      case "PATCH /me/commands": {
        // The official client's setMyCommands. MAX takes at most 32 commands, a name of 1–64 characters and a description up to 128.
        const commands = body.commands;
        if (commands !== undefined) {
          if (!Array.isArray(commands) || commands.length > 32) return bad("commands: at most 32");
          for (const c of commands) {
            if (typeof c?.name !== "string" || c.name.length < 1 || c.name.length > 64) return bad("commands.name: 1 to 64 characters");
            if (c.description != null && (typeof c.description !== "string" || c.description.length > 128)) return bad("commands.description: at most 128 characters");
          }
          this.commands = commands.map((c: { name: string; description?: string | null }) => ({ name: c.name, description: c.description ?? null }));
        }
        return ok({ ...MAX_BOT, commands: this.commands ?? [] });
      }
      case "GET /subscriptions":
        return ok({ subscriptions: this.subscriptions.map((s) => ({ url: s.url, time: 0, update_types: s.update_types ?? [] })) });
      case "POST /subscriptions":
        if (!/^https:\/\//.test(String(body.url ?? ""))) return bad("the webhook must be an HTTPS address");
        this.subscriptions.splice(0, this.subscriptions.length, ...this.subscriptions.filter((s) => s.url !== body.url), { url: body.url, secret: body.secret, update_types: body.update_types });
        return ok({ success: true });
      case "DELETE /subscriptions": {
        const i = this.subscriptions.findIndex((s) => s.url === query.url);
        if (i >= 0) this.subscriptions.splice(i, 1);
        return ok({ success: true });
      }
      case "GET /updates":
        return ok(await this.takeUpdates(query.marker === undefined ? undefined : Number(query.marker), Number(query.timeout ?? 0)));
      case "POST /uploads": {
        const type = query.type;
        if (type !== "file" && type !== "image") return bad(`upload type ${type} is not used by the bot`);
        const n = this.nextUpload++;
        this.uploads.set(`u${n}`, { filename: "", content: Buffer.alloc(0), kind: type });
        return ok({ url: `${this.url}/upload/${n}` });
      }
      case "POST /messages": {
        // The bot writes to a dialog by its chat_id or to a person by their user_id; kept per addressee.
        const to = chatId ?? query.user_id;
        if (!to) return bad("chat_id or user_id is required");
        const problem = this.checkBody(body);
        if (problem) return bad(problem);
        const files = this.filesOf(body.attachments);
        if (typeof files === "string") return bad(files);
        if (files.length && this.pendingNotReady > 0) {
          this.pendingNotReady--;
          this.notReadyAnswered++;
          return { status: 400, answer: { code: "attachment.not.ready", message: "Key: errors.process.attachment.file.not.processed" } };
        }
        const mid = `mid.${this.nextMid++}`;
        const file = files[0];
        this.record({
          method: "send",
          chatId: to,
          mid,
          text: String(body.text ?? ""),
          buttons: keyboardOf(body.attachments),
          ...(file ? { file: { filename: file.filename, content: file.content } } : {}),
          ...(file?.kind === "image" ? { photo: true } : {}),
          ...(file?.kind === "file" ? { document: true } : {}),
          at: arrived,
        });
        return ok({ message: { sender: MAX_BOT, recipient: { chat_id: Number(chatId ?? FakeMax.dialogOf(to)), chat_type: "dialog", user_id: query.user_id ? Number(query.user_id) : null }, timestamp: arrived, body: { mid, seq: this.seq++, text: body.text ?? null } } });
      }
      case "PUT /messages": {
        const original = query.message_id === undefined ? undefined : this.byMid.get(query.message_id);
        if (!original) return { status: 404, answer: { code: "not.found", message: "message not found" } };
        const problem = this.checkBody(body);
        if (problem) return bad(problem);
        const buttons = body.attachments === undefined ? (this.toChat(original.chatId).filter((m) => m.mid === original.mid).at(-1)?.buttons ?? []) : keyboardOf(body.attachments);
        this.record({ method: "edit", chatId: original.chatId, mid: original.mid, replaces: original.mid, text: String(body.text ?? original.text), buttons, at: arrived });
        return ok({ success: true });
      }
      case "POST /answers":
        if (!query.callback_id) return bad("callback_id is required");
        if (!body.message && !body.notification) return bad("an answer needs a message or a notification");
        this.answers.push({ callbackId: query.callback_id, body });
        return ok({ success: true });
      default:
        return { status: 404, answer: { code: "not.found", message: `no method ${method}` } };
    }
  }

  /** MAX's limits on a message body: the text and the inline keyboard. */
  private checkBody(body: any): string | undefined {
    if (typeof body.text === "string" && body.text.length > 4000) return `text is ${body.text.length} characters, more than 4000`;
    for (const a of body.attachments ?? []) {
      if (a?.type !== "inline_keyboard") continue;
      const rows: any[][] = a.payload?.buttons ?? [];
      if (rows.length > 30) return `${rows.length} rows of buttons, more than 30`;
      let total = 0;
      for (const row of rows) {
        total += row.length;
        const linkish = row.some((b) => LINKISH.has(b.type));
        if (row.length > (linkish ? 3 : 7)) return `${row.length} buttons in a row, more than ${linkish ? 3 : 7}`;
        for (const b of row) {
          if (typeof b.text !== "string" || b.text.length < 1 || b.text.length > 128) return `a button's text of ${String(b.text).length} characters (1–128)`;
          if (b.type === "callback" && (typeof b.payload !== "string" || Buffer.byteLength(b.payload) > 1024)) return "a callback payload over 1024 bytes";
          if (b.type === "open_app" && !(typeof b.web_app === "string" && b.web_app.length > 0) && !Number.isInteger(b.contact_id)) return "an open_app button names no bot (web_app or contact_id)";
          if (b.type === "link" && !/^https?:\/\/\S+$/.test(String(b.url ?? ""))) return "a link button without an address";
        }
      }
      if (total > 210) return `${total} buttons, more than 210`;
    }
    return undefined;
  }

  /** The uploaded files a message attaches, or why they cannot be attached. */
  private filesOf(attachments: any[] | undefined): { filename: string; content: Buffer; kind: "file" | "image" }[] | string {
    const out: { filename: string; content: Buffer; kind: "file" | "image" }[] = [];
    for (const a of attachments ?? []) {
      if (a?.type === "file") {
        const n = /^file-(\d+)$/.exec(a.payload?.token ?? "")?.[1];
        const f = n ? this.uploads.get(`u${n}`) : undefined;
        if (!f?.content.length) return "unknown file token";
        out.push(f);
      } else if (a?.type === "image") {
        const token = a.payload?.token ?? (Object.values(a.payload?.photos ?? {})[0] as { token?: string } | undefined)?.token;
        const n = /^img-(\d+)$/.exec(token ?? "")?.[1];
        const f = n ? this.uploads.get(`u${n}`) : undefined;
        if (!f?.content.length) return "unknown image token";
        out.push(f);
      }
    }
    return out;
  }

  private async takeUpdates(marker: number | undefined, timeoutSeconds: number): Promise<{ updates: unknown[]; marker: number }> {
    if (marker !== undefined) this.updates = this.updates.filter((u) => u.n >= marker);
    if (this.updates.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(timeoutSeconds * 1000, 2000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const batch = this.updates.slice(0, 100);
    return { updates: batch.map((u) => u.update), marker: batch.length ? batch.at(-1)!.n + 1 : (marker ?? this.nextUpdate) };
  }
}

function keyboardOf(attachments: any[] | undefined): { label: string; payload: string; opens?: string }[][] {
  const kb = (attachments ?? []).find((a) => a?.type === "inline_keyboard");
  const opens = (b: any): string | undefined => (b.type === "open_app" ? `max-app:${b.web_app ?? b.contact_id}` : b.type === "link" ? b.url : undefined);
  return (kb?.payload?.buttons ?? []).map((row: any[]) => row.map((b) => ({ label: b.text, payload: b.payload, ...(opens(b) ? { opens: opens(b) } : {}) })));
}
