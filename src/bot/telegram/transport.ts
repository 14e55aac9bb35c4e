import type { IncomingMessage, ServerResponse } from "node:http";
import { Bot, BotError, webhookCallback } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { TelegramConfig } from "./profile.js";
import type { CommandMenu } from "../core/commands/menu.js";
import type { PolledBatch, PollSource } from "../core/polling.js";
import { errorSummary, RetryLaterError, type UpdateProcessor } from "../core/processor.js";
import { refusedByLength } from "../core/webhook-body.js";
import { fromTelegramUpdate } from "./convert.js";
import { TelegramMessenger } from "./messenger.js";
import type { WebhookHandler } from "../core/transport.js";
import { TransportBase } from "../core/transport-base.js";

export interface TelegramTransportOptions {
  config: TelegramConfig;
  logger: Logger;
  /** Known bot identity (skips getMe; tests set it). */
  botInfo?: UserFromGetMe;
  /** The command menus set at start (src/bot/core/commands/menu.ts), from the command registry and the locales. */
  menu: () => CommandMenu[];
}

const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/**
 * Telegram through grammY: updates in by long polling or webhook, messages out through
 * the Bot API. Long polling advances its offset only past updates whose effects are
 * stored; a webhook update that could not be stored is answered with an error, so
 * Telegram delivers it again.
 */
export class TelegramTransport extends TransportBase<"telegram"> {
  readonly bot: Bot;
  readonly messenger: TelegramMessenger;
  private grammyWebhook?: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

  constructor(private readonly options: TelegramTransportOptions) {
    super("telegram", options.logger);
    this.bot = new Bot(options.config.token, {
      botInfo: options.botInfo,
      client: options.config.apiRoot ? { apiRoot: options.config.apiRoot } : undefined,
    });
    this.messenger = new TelegramMessenger(this.bot.api);
  }

  override attach(processor: UpdateProcessor): void {
    super.attach(processor);
    this.bot.use(async (ctx) => {
      const event = fromTelegramUpdate(ctx.update, this.bot.botInfo?.username);
      if (!event) return;
      try {
        await processor.handle(event);
      } finally {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      }
    });
  }

  webhook(): WebhookHandler | undefined {
    return this.options.config.mode === "webhook" ? this.webhookHandler() : undefined;
  }

  /** The bot's username: configured, or learnt from getMe at start. */
  inviteTarget(): string | undefined {
    return this.options.config.username ?? this.options.botInfo?.username ?? (this.bot.isInited() ? this.bot.botInfo.username : undefined);
  }

  /** Starts receiving updates: long polling, or registering the webhook. */
  async start(): Promise<void> {
    await this.bot.init();
    await this.setCommandMenu();
    if (this.options.config.mode === "webhook") {
      await this.bot.api.setWebhook(this.options.config.webhookUrl, {
        secret_token: this.options.config.webhookSecret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      this.log.info("webhook registered");
      return;
    }
    await this.bot.api.deleteWebhook({ drop_pending_updates: false });
    this.poll.start(this.updates());
    this.log.info("long polling started");
  }

  /**
   * The command menu of every private chat, one per language (Russian by default, English for
   * English clients). A menu Telegram did not take is logged and the bot starts anyway: the
   * commands work typed, and /help lists them.
   */
  async setCommandMenu(): Promise<void> {
    const menus = this.options.menu();
    for (const menu of menus) {
      try {
        await this.bot.api.setMyCommands(menu.commands, { scope: { type: "all_private_chats" }, ...(menu.languageCode ? { language_code: menu.languageCode } : {}) });
      } catch (error) {
        this.log.warn({ err: errorSummary(error), language: menu.language, commands: menu.commands.length }, "command menu not set");
      }
    }
  }

  /** Handles one update as if it came from Telegram; resolves when its effects are stored. */
  async handleUpdate(update: Update): Promise<void> {
    if (!this.bot.isInited()) await this.bot.init();
    try {
      await this.bot.handleUpdate(update);
    } catch (error) {
      throw error instanceof BotError ? error.error : error;
    }
  }

  /** The node:http handler for webhook mode: 401 without the right secret, 500 when the update must come again. */
  webhookHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
    const config = this.options.config;
    if (config.mode !== "webhook") throw new Error("Telegram is not in webhook mode");
    this.grammyWebhook ??= webhookCallback(this.bot, "http", { secretToken: config.webhookSecret, onTimeout: "throw", timeoutMilliseconds: 25_000 });
    return async (req, res) => {
      // Telegram sends its length; an update is a few kilobytes. Larger bodies are refused unread.
      if (refusedByLength(req, res, true)) return;
      try {
        await this.grammyWebhook!(req, res);
      } catch (error) {
        const cause = error instanceof BotError ? error.error : error;
        if (!(cause instanceof RetryLaterError)) this.log.error({ err: errorSummary(cause) }, "webhook update failed");
        if (!res.headersSent) res.writeHead(500).end();
      }
    };
  }

  /** getUpdates from the offset; an update that must come again moves the offset back to it. */
  private updates(): PollSource<Update> {
    let offset = 0;
    return {
      next: async (signal): Promise<PolledBatch<Update>> => {
        const updates = await this.bot.api.getUpdates({ offset, timeout: 25, allowed_updates: [...ALLOWED_UPDATES] }, signal as any);
        return {
          updates,
          acknowledge: () => {
            if (updates.length) offset = updates[updates.length - 1]!.update_id + 1;
          },
          // Not acknowledged: Telegram sends these again; handled ones among them are skipped as duplicates.
          retry: (again) => {
            offset = Math.min(...again.map((u) => u.update_id));
          },
        };
      },
      handle: (update) => this.handleUpdate(update),
      logs: { askFailed: "getUpdates failed", updateFailed: "update failed" },
      failuresReset: "answer",
    };
  }
}
