import type { AppFlow } from "../registry.js";
import type { HookResult, TextRef } from "../types.js";
import { formatDateTime } from "../../domain/time.js";
import { param, requirePerson } from "./common.js";

/**
 * The relay mode: after /write every message the person types goes to the other side of their
 * pair through the bot (src/usecases/relay.ts), until they leave it with the button or /cancel.
 * Each message is a run of this one-question flow, and the next run begins at once, its prompt
 * saying the message was passed on. A sticker or a photo is answered that only text goes.
 */

export const RELAY = "relay";

export const relayFlow: AppFlow = {
  id: RELAY,
  version: 1,
  title: "relay-title",
  summary: false,
  steps: [{ id: "message", type: "text", prompt: "relay-prompt", hint: "relay-hint", maxLength: 2000, exit: { label: "relay-btn-leave", message: "relay-left" } }],
  async complete({ answers, ctx, services }): Promise<HookResult> {
    const personId = requirePerson(ctx);
    const pair = await services.pairs.get(param(ctx, "pairId"));
    if (!pair) return { messages: [[{ key: "relay-not-yours" }]] };
    const now = services.now();
    const result = await services.relay.send({ pair, senderId: personId, text: String(answers.message ?? ""), now });
    const again = (params: Record<string, string>, messages: TextRef[][] = []): HookResult => ({ messages, next: { flowId: RELAY, params: { ...ctx.params, ...params } } });
    if (!result.ok) {
      if (result.problem === "only-contacts") return again({ last: "none" }, [[{ key: "relay-only-contacts" }]]);
      return { messages: [[{ key: result.problem === "ended" ? "relay-pair-ended" : "relay-not-yours" }]] };
    }
    const notes: TextRef[][] = [];
    if (result.removed.length) notes.push([{ key: "relay-contacts-removed" }]);
    if (result.categories.includes("self_harm")) notes.push([{ key: "relay-support" }]);
    return again(result.delayed ? { last: "later", at: formatDateTime(result.deliverAt, pair.timezone) } : { last: "sent" }, notes);
  },
};
