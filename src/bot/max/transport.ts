import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Bot, type Api } from "@maxhub/max-bot-api";
import type { Update, UpdateType } from "@maxhub/max-bot-api/types";
import type { Logger } from "pino";
import type { PolledBatch, PollSource } from "../core/polling.js";
import { errorSummary, RetryLaterError } from "../core/processor.js";
import type { CommandMenu } from "../core/commands/menu.js";
import type { TransportState, WebhookHandler } from "../core/transport.js";
import { TransportBase } from "../core/transport-base.js";
import { BodyTooLargeError, readBody, refusedByLength, refuseTooLarge } from "../core/webhook-body.js";
import { fromMaxUpdate } from "./convert.js";
import { MaxMessenger } from "./messenger.js";
import type { MaxConfig } from "./profile.js";

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
  /** The HTTP client of the API calls (default: the global fetch). */
  fetch?: typeof fetch;
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
export class MaxTransport extends TransportBase<"max"> {
  readonly api: Api;
  readonly messenger: MaxMessenger;

  constructor(private readonly options: MaxTransportOptions) {
    super("max", options.logger);
    // Only the API client of the library's Bot is used: nothing of it runs until called.
    this.api = new Bot(options.config.token, { clientOptions: { baseUrl: options.config.apiBaseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) } }).api;
    this.messenger = new MaxMessenger(this.api, options.config.username);
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
    this.poll.start(this.updates());
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
      if (refusedByLength(req, res)) return;
      let update: Update;
      try {
        update = JSON.parse(await readBody(req)) as Update;
      } catch (error) {
        if (res.headersSent) return;
        if (error instanceof BodyTooLargeError) refuseTooLarge(req, res);
        else res.writeHead(400, { connection: "close" }).end(() => req.destroy());
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

  /**
   * GET /updates from the marker, which moves on (and is kept in the state, across restarts) only
   * past a batch whose every update is stored; otherwise it stays, and MAX gives the batch again.
   */
  private updates(): PollSource<Update> {
    const state = this.options.state;
    let marker: number | undefined;
    let resumed = false;
    return {
      next: async (signal): Promise<PolledBatch<Update>> => {
        if (!resumed) {
          const stored = await state?.get(MARKER_KEY).catch(() => undefined);
          marker = stored ? Number(stored) : undefined;
          resumed = true;
        }
        const batch = await this.api.getUpdates(UPDATE_TYPES, { marker, timeout: 25, signal } as Parameters<Api["getUpdates"]>[1]);
        return {
          updates: batch.updates,
          acknowledge: async () => {
            if (batch.marker === undefined || batch.marker === null || batch.marker === marker) return;
            marker = batch.marker;
            await state?.set(MARKER_KEY, String(marker)).catch((error) => this.log.warn({ err: errorSummary(error) }, "marker not kept"));
          },
        };
      },
      handle: (update) => this.handleUpdate(update),
      logs: { askFailed: "getUpdates failed", updateFailed: "update failed" },
      failuresReset: "answer",
    };
  }
}
