import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Bot, type Api } from "@maxhub/max-bot-api";
import type { Update, UpdateType } from "@maxhub/max-bot-api/types";
import type { Logger } from "pino";
import { errorSummary, RetryLaterError, type UpdateProcessor } from "../core/processor.js";
import { sleep } from "../core/sleep.js";
import type { CommandMenu } from "../core/commands/menu.js";
import type { Transport, TransportState, WebhookHandler } from "../core/transport.js";
import { fromMaxUpdate } from "./convert.js";
import { MaxMessenger } from "./messenger.js";
import type { MaxConfig } from "./profile.js";

/** The largest webhook body accepted (as on the other messengers): 1 MB. */
const WEBHOOK_BODY_LIMIT = 1_000_000;
/** MAX waits a limited time for a webhook's answer; an update still in hand after this is answered 503 and comes again. */
const WEBHOOK_ANSWER_MS = 25_000;
const SECRET_HEADER = "x-max-bot-api-secret";
const UPDATE_TYPES: UpdateType[] = ["message_created", "message_callback", "bot_started", "bot_stopped"];
/** The marker of long polling, kept across restarts: updates before it are acknowledged. */
const MARKER_KEY = "max:marker";

export interface MaxTransportOptions {
  config: MaxConfig;
  logger: Logger;
  /** Where the long poll's marker is kept between runs (the service's Redis). */
  state?: TransportState;
  /** The command menus (src/bot/core/commands/menu.ts): MAX shows one, in the default language. */
  menu?: () => CommandMenu[];
}

/** MAX's limits of the bot's commands (the bot's commands): 32 commands, a description up to 128 characters. */
const MAX_MENU = { commands: 32, description: 128 } as const;

/**
 * MAX through the client of @maxhub/max-bot-api (its requests, errors, uploads), with our own
 * loop and webhook: the library's polling moves its marker on before the batch is handled and
 * handles the whole batch at once, and its webhook answers 200 before the update is handled, so
 * neither could tell MAX an update was not stored. Here long polling (`GET /updates`) moves the
 * marker only past a batch whose every update is stored (and keeps it in Redis across restarts);
 * the webhook answers 200 only when the update is stored, anything else makes MAX send it again,
 * and the frame's dedup record makes the repeat a no-op. Per-chat order is the processor's.
 */
export class MaxTransport implements Transport {
  readonly platform = "max" as const;
  readonly api: Api;
  readonly messenger: MaxMessenger;
  private processor?: UpdateProcessor;
  private polling?: Promise<void>;
  private readonly abort = new AbortController();
  private readonly log: Logger;

  constructor(private readonly options: MaxTransportOptions) {
    // Only the API client of the library's Bot is used: nothing of it runs until called.
    this.api = new Bot(options.config.token, { clientOptions: { baseUrl: options.config.apiBaseUrl } }).api;
    this.messenger = new MaxMessenger(this.api);
    this.log = options.logger.child({ platform: "max" });
  }

  attach(processor: UpdateProcessor): void {
    this.processor = processor;
  }

  inviteTarget(): string | undefined {
    return this.options.config.username;
  }

  async start(): Promise<void> {
    const { config } = this.options;
    await this.setCommandMenu();
    if (config.mode === "webhook") {
      await this.api.subscribe(config.webhookUrl, config.webhookSecret, UPDATE_TYPES);
      this.log.info("webhook subscribed");
      return;
    }
    // Updates go to the subscriptions while there are any: polling needs none.
    for (const s of await this.api.getSubscriptions()) await this.api.unsubscribe(s.url);
    this.polling = this.pollLoop();
    this.log.info("long polling started");
  }

  /**
   * The bot's command list (the official client's setMyCommands, PATCH /me/commands): MAX keeps one for every chat and every language, so it is
   * the default language's menu, within MAX's limits. A list MAX did not take is logged and the bot
   * starts anyway (the list can also be set on the MAX business platform): the commands work
   * typed, and /help lists them.
   */
  async setCommandMenu(): Promise<void> {
    const menu = this.options.menu?.().find((m) => m.languageCode === undefined);
    if (!menu) return;
    const commands = menu.commands.slice(0, MAX_MENU.commands).map((c) => ({
      name: c.command,
      description: c.description.length > MAX_MENU.description ? `${c.description.slice(0, MAX_MENU.description - 1)}…` : c.description,
    }));
    if (menu.commands.length > MAX_MENU.commands) this.log.warn({ commands: menu.commands.length, kept: MAX_MENU.commands }, "command menu cut to MAX's limit");
    try {
      await this.api.setMyCommands(commands);
    } catch (error) {
      this.log.warn({ err: errorSummary(error), commands: commands.length }, "command menu not set");
    }
  }

  /** Handles one update; resolves when its effects are stored, rejects when they are not. A press is answered either way. */
  async handleUpdate(update: Update): Promise<void> {
    const processor = this.processor;
    if (!processor) throw new Error("MAX transport not attached");
    const event = fromMaxUpdate(update, this.options.config.username);
    try {
      if (event) await processor.handle(event);
    } finally {
      if (update.update_type === "message_callback") {
        // MAX wants an answer to every press: a short notice (the question itself is edited by the reply).
        // (The API takes `notification`; the library's type of the body names only `message`.)
        const notice = { notification: "✓" } as unknown as Parameters<Api["answerOnCallback"]>[1];
        await this.api.answerOnCallback(update.callback.callback_id, notice).catch(() => undefined);
      }
    }
  }

  webhook(): WebhookHandler | undefined {
    return this.options.config.mode === "webhook" ? this.webhookHandler() : undefined;
  }

  /** The node:http handler of POST /webhooks/max: 401 without the subscription's secret, 500 when the update must come again. */
  webhookHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
    const config = this.options.config;
    if (config.mode !== "webhook") throw new Error("MAX is not in webhook mode");
    const secret = Buffer.from(config.webhookSecret);
    return async (req, res) => {
      const given = req.headers[SECRET_HEADER];
      const presented = Buffer.from(typeof given === "string" ? given : "");
      if (presented.length !== secret.length || !timingSafeEqual(presented, secret)) {
        res.writeHead(401).end();
        req.resume();
        return;
      }
      // An update is a few kilobytes: a larger body is refused (413), unread when its length says so.
      if (Number(req.headers["content-length"]) > WEBHOOK_BODY_LIMIT) {
        res.writeHead(413, { connection: "close" }).end(() => req.destroy());
        return;
      }
      let update: Update;
      try {
        update = JSON.parse(await readBody(req, WEBHOOK_BODY_LIMIT)) as Update;
      } catch (error) {
        if (!res.headersSent) res.writeHead(error instanceof BodyTooLarge ? 413 : 400, { connection: "close" }).end(() => req.destroy());
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), WEBHOOK_ANSWER_MS);
      });
      try {
        const outcome = await Promise.race([this.handleUpdate(update), late]);
        if (outcome === "late") res.writeHead(503).end();
        else res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      } catch (error) {
        if (!(error instanceof RetryLaterError)) this.log.error({ err: errorSummary(error) }, "webhook update failed");
        if (!res.headersSent) res.writeHead(500).end();
      } finally {
        clearTimeout(timer);
      }
    };
  }

  private async pollLoop(): Promise<void> {
    const state = this.options.state;
    const stored = await state?.get(MARKER_KEY).catch(() => undefined);
    let marker = stored ? Number(stored) : undefined;
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let batch: { updates: Update[]; marker: number };
      try {
        batch = await this.api.getUpdates(UPDATE_TYPES, { marker, timeout: 25, signal: this.abort.signal } as Parameters<Api["getUpdates"]>[1]);
        failures = 0;
      } catch (error) {
        if (this.abort.signal.aborted) break;
        failures++;
        this.log.warn({ err: errorSummary(error) }, "getUpdates failed");
        await sleep(Math.min(30_000, 500 * 2 ** failures), this.abort.signal);
        continue;
      }
      // Chats are handled concurrently; the processor keeps each chat in order.
      const results = await Promise.allSettled(batch.updates.map((u) => this.handleUpdate(u)));
      const retry = results.some((r) => r.status === "rejected" && r.reason instanceof RetryLaterError);
      for (const r of results) if (r.status === "rejected" && !(r.reason instanceof RetryLaterError)) this.log.error({ err: errorSummary(r.reason) }, "update failed");
      if (retry) {
        // The marker stays: MAX gives the batch again; the updates stored meanwhile are skipped as duplicates.
        failures++;
        await sleep(Math.min(10_000, 500 * 2 ** failures), this.abort.signal);
        continue;
      }
      if (batch.marker !== undefined && batch.marker !== null && batch.marker !== marker) {
        marker = batch.marker;
        await state?.set(MARKER_KEY, String(marker)).catch((error) => this.log.warn({ err: errorSummary(error) }, "marker not kept"));
      }
    }
  }

  /** Stops taking updates and waits for the ones in hand. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.polling?.catch(() => undefined);
    await this.processor?.drain();
  }
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.pause();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}
