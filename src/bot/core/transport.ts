import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Platform } from "../../domain/platforms.js";
import type { CommandMenu } from "./commands/menu.js";
import type { UpdateProcessor } from "./processor.js";
import type { Messenger } from "./types.js";

/**
 * The contract of a messenger's adapter (src/bot/<platform>/adapter.ts, registered in
 * src/adapters.ts): a transport takes the messenger's updates in (long polling or a webhook,
 * acknowledged only once their effects are stored) and hands each to `processor.handle`; its
 * `Messenger` sends within the profile's limits and maps the platform's errors to the core's.
 */

export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A little state a transport keeps between runs (a long poll's position), in the service's Redis. */
export interface TransportState {
  get(key: string): Promise<string | null | undefined>;
  set(key: string, value: string): Promise<unknown>;
}

export interface Transport {
  readonly platform: Platform;
  readonly messenger: Messenger;
  attach(processor: UpdateProcessor): void;
  /** Starts taking updates: a long poll, or registering the webhook. */
  start(): Promise<void>;
  /** Stops taking updates and waits for the ones in hand. */
  stop(): Promise<void>;
  /** The handler of POST /webhooks/<platform> when the messenger pushes its updates; undefined when it is polled. */
  webhook(): WebhookHandler | undefined;
  /** What invitation links point at (the bot's username, the community's id), once known. */
  inviteTarget(): string | undefined;
}

export interface AdapterContext<O> {
  logger: Logger;
  /** The command menus (src/bot/core/commands/menu.ts), for messengers that show one. */
  menu: () => CommandMenu[];
  state: TransportState;
  /** Settings of this adapter a test or a benchmark gives (Telegram's known bot, VK's request rate). */
  options?: O;
}

export interface MessengerAdapter<C, T extends Transport, O = Record<string, never>> {
  readonly platform: Platform;
  create(config: C, context: AdapterContext<O>): T;
}
