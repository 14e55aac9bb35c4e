import type { IncomingMessage, ServerResponse } from "node:http";
import { listen, readBody } from "./http.js";
import { multipartFiles } from "./fake-telegram.js";

/**
 * A stand-in for the VK API and Bots Long Poll over HTTP: vk-io talks to it as to
 * api.vk.ru. It records messages, keeps VK's random_id semantics (a repeated random_id
 * sends nothing new), numbers messages per conversation, and can fail or rate-limit.
 */

export interface SentVkMessage {
  method: string;
  peerId: string;
  messageId: number;
  conversationMessageId: number;
  text: string;
  /** `opens`: what an open_app (`vk-app:<app id>`) or open_link (its address) button opens instead of sending a payload. */
  buttons: { label: string; payload: string; opens?: string }[][];
  randomId?: number;
  replaces?: number;
  attachment?: string;
  at: number;
}

export interface VkFailure {
  error_code: number;
  error_msg: string;
}

export const VK_GROUP_ID = 220000111;

export class FakeVk {
  readonly sent: SentVkMessage[] = [];
  private readonly byPeer = new Map<string, SentVkMessage[]>();
  readonly calls: { method: string; params: Record<string, string>; at?: number }[] = [];
  private nextMessageId = 5000;
  private cmids = new Map<string, number>();
  private randomIds = new Map<string, number>();
  private failures: { method: string; peerId?: string; failure: VkFailure; times: number }[] = [];
  private events: { ts: number; event: unknown }[] = [];
  private ts = 1;
  private waiters: (() => void)[] = [];
  private limitPerSecond?: number;
  private window: number[] = [];
  /** Files uploaded for documents and photos, by the number the upload answer and the saved attachment carry. */
  readonly uploads = new Map<number, { filename: string; content: Buffer }>();
  private nextUpload = 1;
  rateLimited = 0;
  duplicatesDropped = 0;
  url = "";
  private closeServer?: () => Promise<void>;

  static async start(): Promise<FakeVk> {
    const fake = new FakeVk();
    const { url, close } = await listen((req, res) => fake.handle(req, res));
    fake.url = url;
    fake.closeServer = close;
    return fake;
  }

  get apiBaseUrl(): string {
    return `${this.url}/method`;
  }

  close(): Promise<void> {
    for (const w of this.waiters) w();
    return this.closeServer?.() ?? Promise.resolve();
  }

  failNext(method: string, failure: VkFailure, options: { peerId?: string; times?: number } = {}): void {
    this.failures.push({ method, peerId: options.peerId, failure, times: options.times ?? 1 });
  }

  enforceLimit(perSecond: number | undefined): void {
    this.limitPerSecond = perSecond;
  }

  /** Runs before each API call over HTTP; "drop" swallows the call unanswered, as a request lost on the way would be. */
  intercept?: (method: string, params: Record<string, string>) => void | "drop" | Promise<void | "drop">;
  private hangs: { method: string; peerId?: string; times: number }[] = [];

  /** The next calls of a method (to one peer) over HTTP get no answer at all: the client sees a timeout; nothing is sent. */
  hangNext(method: string, options: { peerId?: string; times?: number } = {}): void {
    this.hangs.push({ method, peerId: options.peerId, times: options.times ?? 1 });
  }

  /** The next conversation message id in a peer's dialog (user and bot messages share the counter). */
  nextCmid(peerId: string): number {
    const n = (this.cmids.get(peerId) ?? 0) + 1;
    this.cmids.set(peerId, n);
    return n;
  }

  /** Queues an event for Bots Long Poll. */
  queueEvent(event: unknown): void {
    this.events.push({ ts: ++this.ts, event });
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  toPeer(peerId: string): SentVkMessage[] {
    return this.byPeer.get(peerId) ?? [];
  }

  private record(m: SentVkMessage): void {
    this.sent.push(m);
    let list = this.byPeer.get(m.peerId);
    if (!list) this.byPeer.set(m.peerId, (list = []));
    list.push(m);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const body = await readBody(req);
    const raw = url.pathname === "/upload" ? body.toString("latin1") : body.toString("utf8");
    const json = (body: unknown): void => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/longpoll") return json(await this.poll(Number(url.searchParams.get("ts")), Number(url.searchParams.get("wait") ?? 0)));
    if (url.pathname === "/upload") {
      const n = this.nextUpload++;
      const [file] = multipartFiles(Buffer.from(raw, "latin1"), req.headers["content-type"] ?? "");
      if (file) this.uploads.set(n, { filename: file.filename, content: file.content });
      return json({ file: `uploaded-${n}`, server: 1, photo: `uploaded-${n}`, hash: "hash" });
    }
    const method = url.pathname.replace(/^\/method\//, "");
    const params = Object.fromEntries(new URLSearchParams(raw));
    const hang = this.hangs.find((x) => x.method === method && (!x.peerId || x.peerId === params.peer_id));
    if (hang && --hang.times <= 0) this.hangs.splice(this.hangs.indexOf(hang), 1);
    if (hang || (this.intercept && (await this.intercept(method, params)) === "drop")) {
      this.calls.push({ method, params, at: Date.now() });
      return; // no answer
    }
    json(this.call(method, params));
  }

  /** One API call: what the HTTP server answers, also usable in process. */
  call(method: string, params: Record<string, string>): { response?: unknown; error?: unknown } {
    this.calls.push({ method, params, at: Date.now() });
    const peerId = params.peer_id;
    const failure = this.failures.find((f) => f.method === method && (!f.peerId || f.peerId === peerId));
    if (failure) {
      if (--failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      return { error: { ...failure.failure, request_params: [] } };
    }
    if (this.limitPerSecond && method === "messages.send") {
      const now = Date.now();
      this.window = this.window.filter((t) => now - t < 1000);
      if (this.window.length >= this.limitPerSecond) {
        this.rateLimited++;
        return { error: { error_code: 6, error_msg: "Too many requests per second", request_params: [] } };
      }
      this.window.push(now);
    }
    switch (method) {
      case "messages.send": {
        const invalid = keyboardProblem(params.keyboard);
        if (invalid) return { error: { error_code: 911, error_msg: `Keyboard format is invalid: ${invalid}`, request_params: [] } };
        const dedup = `${peerId}:${params.random_id}`;
        if (params.random_id && params.random_id !== "0" && this.randomIds.has(dedup)) {
          this.duplicatesDropped++;
          return { response: this.randomIds.get(dedup) };
        }
        const messageId = this.nextMessageId++;
        if (params.random_id) this.randomIds.set(dedup, messageId);
        this.record({
          method,
          peerId: peerId!,
          messageId,
          conversationMessageId: this.nextCmid(peerId!),
          text: params.message ?? "",
          buttons: keyboardOf(params.keyboard),
          randomId: params.random_id ? Number(params.random_id) : undefined,
          attachment: params.attachment,
          at: Date.now(),
        });
        return { response: messageId };
      }
      case "messages.edit": {
        const invalid = keyboardProblem(params.keyboard);
        if (invalid) return { error: { error_code: 911, error_msg: `Keyboard format is invalid: ${invalid}`, request_params: [] } };
        const cmid = Number(params.conversation_message_id);
        this.record({ method, peerId: peerId!, messageId: 0, conversationMessageId: cmid, replaces: cmid, text: params.message ?? "", buttons: keyboardOf(params.keyboard), at: Date.now() });
        return { response: 1 };
      }
      case "messages.sendMessageEventAnswer":
        return { response: 1 };
      case "groups.getLongPollServer":
        return { response: { server: `${this.url}/longpoll`, key: "key", ts: String(this.ts) } };
      case "docs.getMessagesUploadServer":
        return { response: { upload_url: `${this.url}/upload` } };
      case "docs.save":
        return { response: { type: "doc", doc: { id: uploadNumber(params.file), owner_id: -VK_GROUP_ID, title: params.title ?? "file", size: 1, ext: "xlsx", url: "", date: 0, type: 8 } } };
      case "photos.getMessagesUploadServer":
        return { response: { upload_url: `${this.url}/upload`, album_id: -3, group_id: VK_GROUP_ID } };
      case "photos.saveMessagesPhoto":
        return { response: [{ id: uploadNumber(params.photo), owner_id: -VK_GROUP_ID, album_id: -3, date: 0, sizes: [], text: "" }] };
      default:
        return { response: 1 };
    }
  }

  /** The uploaded file behind an attachment of a sent message ("doc-1_2" or "photo-1_3"), when it went through /upload. */
  fileOf(attachment: string | undefined, kind: "doc" | "photo"): { filename: string; content: Buffer } | undefined {
    for (const a of (attachment ?? "").split(",")) {
      const m = /^(doc|photo)-?\d+_(\d+)/.exec(a.trim());
      if (m && m[1] === kind) return this.uploads.get(Number(m[2]));
    }
    return undefined;
  }

  private async poll(ts: number, wait: number): Promise<unknown> {
    if (!this.events.some((e) => e.ts > ts) && wait > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(wait * 1000, 2000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const fresh = this.events.filter((e) => e.ts > ts);
    return { ts: String(fresh.length ? fresh[fresh.length - 1]!.ts : ts), updates: fresh.map((e) => e.event) };
  }
}

/** "uploaded-<n>" → n; anything else → 1, the id the fake always gave before uploads were kept. */
function uploadNumber(value: string | undefined): number {
  const m = /^uploaded-(\d+)$/.exec(value ?? "");
  return m ? Number(m[1]) : 1;
}

/**
 * VK's rules for an inline keyboard: at most 6 rows, 5 buttons a row and 10 in all, labels up to
 * 40 characters; an open_app button names its app by a numeric app_id, an open_link an http(s)
 * address, and a row holding either has at most two buttons.
 */
function keyboardProblem(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const k = JSON.parse(raw);
  const rows: any[][] = k.buttons ?? [];
  if (k.inline && rows.length > 6) return `${rows.length} rows, more than 6`;
  if (k.inline && rows.flat().length > 10) return `${rows.flat().length} buttons, more than 10`;
  for (const row of rows) {
    if (row.length > 5) return `${row.length} buttons in a row, more than 5`;
    const wide = row.some((b) => b.action?.type === "open_app" || b.action?.type === "open_link");
    if (wide && row.length > 2) return `${row.length} buttons in a row with open_app or open_link, more than 2`;
    for (const b of row) {
      const a = b.action ?? {};
      if (typeof a.label === "string" && a.label.length > 40) return "a label over 40 characters";
      if (a.type === "open_app" && !(Number.isInteger(a.app_id) && a.app_id > 0)) return "open_app without an app_id";
      if (a.type === "open_link" && !/^https?:\/\/\S+$/.test(String(a.link ?? ""))) return "open_link without an address";
    }
  }
  return undefined;
}

function keyboardOf(raw: string | undefined): { label: string; payload: string; opens?: string }[][] {
  if (!raw) return [];
  const k = JSON.parse(raw);
  const opens = (a: any): string | undefined => (a.type === "open_app" ? `vk-app:${a.app_id}` : a.type === "open_link" ? a.link : undefined);
  return (k.buttons ?? []).map((row: any[]) => row.map((b) => ({ label: b.action.label, payload: b.action.payload, ...(opens(b.action) ? { opens: opens(b.action) } : {}) })));
}
