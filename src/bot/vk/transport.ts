import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { VK } from "vk-io";
import type { Logger } from "pino";
import type { VkConfig } from "./profile.js";
import type { PollSource } from "../core/polling.js";
import { errorSummary, RetryLaterError, type UpdateProcessor } from "../core/processor.js";
import { BodyTooLargeError, readBody, refusedByLength, refuseTooLarge } from "../core/webhook-body.js";
import { fromVkMessage, fromVkMessageEvent, fromVkSubscription, withReadablePayload } from "./convert.js";
import { VkMessenger } from "./messenger.js";
import type { WebhookHandler } from "../core/transport.js";
import { TransportBase } from "../core/transport-base.js";

export interface VkTransportOptions {
  config: VkConfig;
  logger: Logger;
  /** Requests per second the API client allows itself (VK: 20 for a community token). */
  apiLimit?: number;
}

interface VkEvent {
  type: string;
  object?: unknown;
  group_id?: number;
  event_id?: string;
  secret?: string;
}

/**
 * VK through vk-io: updates in by Bots Long Poll or Callback API, messages out through the
 * API. Both paths hand vk-io the raw event and wait for the core; Long Poll moves `ts` on,
 * and the Callback API answers "ok", only when the events' effects are stored.
 */
export class VkTransport extends TransportBase<"vk"> {
  readonly vk: VK;
  readonly messenger: VkMessenger;

  constructor(private readonly options: VkTransportOptions) {
    super("vk", options.logger);
    const { config } = options;
    // A self-hosted or test API may be plain HTTP; vk-io defaults to an HTTPS agent.
    const plainHttp = config.apiBaseUrl?.startsWith("http:") ?? false;
    this.vk = new VK({
      agent: (plainHttp ? new HttpAgent({ keepAlive: true }) : new HttpsAgent({ keepAlive: true })) as HttpsAgent,
      token: config.token,
      pollingGroupId: config.groupId,
      apiLimit: options.apiLimit ?? 20,
      // Plain requests, one every 1000/apiLimit ms: no batching into execute().
      apiMode: "sequential",
      ...(config.apiBaseUrl ? { apiBaseUrl: config.apiBaseUrl.replace(/\/$/, "") } : {}),
    });
    this.messenger = new VkMessenger(this.vk, config.app ? { appId: config.app.id, groupId: config.groupId } : undefined);
  }

  override attach(processor: UpdateProcessor): void {
    super.attach(processor);
    this.vk.updates.on("message_new", async (ctx) => {
      const event = fromVkMessage(ctx);
      if (event) await this.report(() => processor.handle(event));
    });
    this.vk.updates.on("message_event", async (ctx) => {
      const event = fromVkMessageEvent(ctx);
      if (!event) return;
      try {
        await this.report(() => processor.handle(event));
      } finally {
        await this.vk.api.messages
          .sendMessageEventAnswer({ event_id: ctx.eventId, user_id: ctx.userId, peer_id: ctx.peerId })
          .catch(() => undefined);
      }
    });
  }

  async start(): Promise<void> {
    if (this.options.config.mode === "longpoll") {
      this.poll.start(this.events());
      this.log.info("long poll started");
    }
  }

  /**
   * vk-io catches handler errors itself (and prints them); the outcome of an event is carried
   * out of its middleware here, so a failed event is not acknowledged to VK.
   */
  private readonly outcome = new AsyncLocalStorage<{ error?: unknown }>();

  private async report(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const holder = this.outcome.getStore();
      if (!holder) throw error;
      holder.error = error;
    }
  }

  /** Handles one raw event (Callback API body or Long Poll update); resolves when its effects are stored, rejects when they are not. */
  async handleEvent(event: VkEvent): Promise<void> {
    const subscription = fromVkSubscription(event);
    if (subscription) {
      if (!this.processor) throw new Error("VK transport not attached");
      await this.processor.handle(subscription);
      return;
    }
    const holder: { error?: unknown } = {};
    const readable = withReadablePayload(event as unknown as Record<string, unknown>);
    await this.outcome.run(holder, () => this.vk.updates.handleWebhookUpdate(readable));
    if (holder.error !== undefined) throw holder.error;
  }

  webhook(): WebhookHandler | undefined {
    return this.options.config.mode === "callback" ? this.callbackHandler() : undefined;
  }

  inviteTarget(): string {
    return String(this.options.config.groupId);
  }

  /** The node:http handler for the Callback API. */
  callbackHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
    const config = this.options.config;
    if (config.mode !== "callback") throw new Error("VK is not in callback mode");
    return async (req, res) => {
      // An event is a few kilobytes: a larger body is refused (413), unread when its length says so.
      if (refusedByLength(req, res)) return;
      let body: VkEvent;
      try {
        body = JSON.parse(await readBody(req));
      } catch (error) {
        if (error instanceof BodyTooLargeError) refuseTooLarge(req, res);
        else res.writeHead(400).end("bad request");
        return;
      }
      if (body.secret !== config.secret || body.group_id !== config.groupId) {
        res.writeHead(403).end("forbidden");
        return;
      }
      if (body.type === "confirmation") {
        res.writeHead(200, { "content-type": "text/plain" }).end(config.confirmation);
        return;
      }
      try {
        await this.handleEvent(body);
        res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      } catch (error) {
        if (!(error instanceof RetryLaterError)) this.log.error({ err: errorSummary(error) }, "callback event failed");
        // Anything but "ok" makes VK send the event again.
        res.writeHead(500).end("retry");
      }
    };
  }

  /**
   * Bots Long Poll: a_check on the server groups.getLongPollServer gave, from `ts`; `ts` moves on
   * only past stored events (kept otherwise: the same events come again, the handled ones are
   * skipped as duplicates). A server whose key expired or lost its history is asked for anew.
   */
  private events(): PollSource<VkEvent> {
    const { groupId } = this.options.config;
    let server: { server: string; key: string; ts: string } | undefined;
    return {
      next: async (signal) => {
        try {
          server ??= (await this.vk.api.groups.getLongPollServer({ group_id: groupId })) as any;
          const url = new URL(server!.server);
          url.searchParams.set("act", "a_check");
          url.searchParams.set("key", server!.key);
          url.searchParams.set("ts", String(server!.ts));
          url.searchParams.set("wait", "25");
          const response = await fetch(url, { signal });
          const data = (await response.json()) as { ts?: string; updates?: VkEvent[]; failed?: number };
          if (data.failed) {
            if (data.failed === 1 && data.ts) server!.ts = String(data.ts);
            else server = undefined; // key expired or information lost: ask for a new server
            return undefined;
          }
          const current = server!;
          return {
            updates: data.updates ?? [],
            acknowledge: () => {
              if (data.ts) current.ts = String(data.ts);
            },
          };
        } catch (error) {
          server = undefined;
          throw error;
        }
      },
      handle: (event) => this.handleEvent(event),
      logs: { askFailed: "long poll failed", updateFailed: "event failed" },
      failuresReset: "stored",
    };
  }
}
