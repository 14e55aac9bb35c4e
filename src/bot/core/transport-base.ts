import type { Logger } from "pino";
import type { Platform } from "../../domain/platforms.js";
import { LongPoll } from "./polling.js";
import type { UpdateProcessor } from "./processor.js";
import type { Transport, WebhookHandler } from "./transport.js";
import type { Messenger } from "./types.js";

/**
 * What every messenger's transport shares: the processor it hands updates to, its log (with the
 * platform's name), its long poll, and stopping — the poll ended first, then the updates in hand
 * finished. An adapter gives its messenger, its start, its webhook and how updates reach the processor.
 */
export abstract class TransportBase<P extends Platform> implements Transport {
  abstract readonly messenger: Messenger;
  protected processor?: UpdateProcessor;
  protected readonly log: Logger;
  protected readonly poll: LongPoll;

  constructor(
    readonly platform: P,
    logger: Logger,
  ) {
    this.log = logger.child({ platform });
    this.poll = new LongPoll(this.log);
  }

  attach(processor: UpdateProcessor): void {
    this.processor = processor;
  }

  abstract start(): Promise<void>;
  abstract webhook(): WebhookHandler | undefined;
  abstract inviteTarget(): string | undefined;

  /** Stops taking updates and waits for the ones in hand. */
  async stop(): Promise<void> {
    await this.poll.stop();
    await this.processor?.drain();
  }
}
