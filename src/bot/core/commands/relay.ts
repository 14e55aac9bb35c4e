import { isActivePair } from "../../../domain/lifecycle.js";
import { formatDateTime } from "../../../domain/time.js";
import { partnersOf, sideOf, menteeNames, type PairView } from "../../../store/pairs.js";
import type { Button } from "../types.js";
import { flagArg, recordId, withUsage } from "./codecs.js";
import { FLOW_IDS } from "./flow-ids.js";
import { defineCommand, type CommandContext } from "./registry.js";
import { pair as pairScope } from "./scopes.js";

/**
 * The pairs' safe channel (src/usecases/relay.ts) from both sides. Participants: /write (the
 * relay mode with their pair; a mentor of several pairs chooses one), «Сообщить куратору о
 * проблеме» (/flag, a button under every relay message and after a feedback). Curators: /relay
 * (read a pair's correspondence — only while a flag on it is open; audited, and both sides are
 * told) and /contacts_allow (the pair may have each other's contacts; audited). Anyone not in
 * the pair, or not its curator, is refused and the refusal audited.
 */

const NOT_YOURS = "relay-not-yours";

function relayParams(pair: PairView, personId: string) {
  return { pairId: pair.id, partner: partnersOf(pair, personId), timezone: pair.timezone, last: "" };
}

/** /write [text]: the relay mode with the person's pair; a text typed after the command is the first message. */
export const writeCommand = defineCommand({
  name: "write",
  description: "cmd-write",
  audience: "participant",
  audit: "relay.write",
  async run(ctx) {
    const { session, deps, actor: personId } = ctx;
    const raw = ctx.input.trim();
    const start = async (pair: PairView, text?: string) => {
      if (!isActivePair(pair.status)) {
        session.say("relay-pair-ended");
        return;
      }
      // Already writing to someone: this relay takes the place of that one.
      if (session.conversation?.flowId === FLOW_IDS.relay) session.conversation = session.conversation.parent ?? null;
      await deps.runner.start(session, FLOW_IDS.relay, relayParams(pair, personId));
      if (text) await deps.runner.handle(session, { kind: "text", text });
    };
    if (recordId.decode(raw)) {
      const pair = await deps.services.pairs.get(raw);
      if (!pair || !sideOf(pair, personId)) return ctx.denied({ key: NOT_YOURS, target: { type: "pair", id: raw, programmeId: pair?.programmeId } });
      return start(pair);
    }
    const pairs = await deps.services.pairs.workingOf(personId);
    if (!pairs.length) {
      session.say("relay-no-pair");
      return;
    }
    if (pairs.length === 1) return start(pairs[0]!, raw || undefined);
    const buttons: Button[][] = pairs.slice(0, 8).map((p) => [{ label: session.t("relay-btn-write-with", { with: partnersOf(p, personId) }), payload: recordId.payload("write", p.id) }]);
    session.say(raw ? "relay-choose-pair-first" : "relay-choose-pair", undefined, buttons);
  },
});

/** «Сообщить куратору о проблеме»: a flag on the pair of a relay message or of a feedback, raised once per person and message. */
export const flagCommand = defineCommand({
  name: "flag",
  description: "cmd-flag",
  audience: "participant",
  help: "hidden",
  args: withUsage(flagArg, "relay-flag-usage"),
  audit: "relay.flag",
  async run(ctx) {
    const { session, deps, actor: personId, input } = ctx;
    const message = input.on === "message" ? await deps.services.relay.store.message(input.id) : null;
    const pairId = input.on === "message" ? message?.pairId : input.id;
    const pair = pairId ? await deps.services.pairs.get(pairId) : null;
    if (!pair || !sideOf(pair, personId)) return ctx.denied({ key: NOT_YOURS, target: { type: input.on === "message" ? "relay_message" : "pair", id: input.id, programmeId: pair?.programmeId } });
    const raised = await deps.services.relay.raise({
      pair,
      reason: "button",
      origin: input.on === "message" ? "relay" : "feedback",
      personId,
      dedupKey: `flag-${input.on}-${input.id}-${personId}`,
      now: deps.now(),
    });
    session.say(raised ? "relay-flag-raised" : "relay-flag-already");
    return ctx.allowed({ target: { type: "pair", id: pair.id, programmeId: pair.programmeId }, details: { on: input.on, raised } });
  },
});

function historyText(ctx: CommandContext, pair: PairView, rows: { senderId: string; senderRole: string; text: string; createdAt: Date }[]): string {
  const t = ctx.session.t;
  const nameOf = (id: string) => (id === pair.mentor.personId ? pair.mentor.name : (pair.mentees.find((m) => m.personId === id)?.name ?? "—"));
  return rows.map((r) => t("relay-read-line", { at: formatDateTime(r.createdAt, pair.timezone), role: r.senderRole, name: nameOf(r.senderId), text: r.text })).join("\n\n");
}

/** /relay <pair>: the curator reads a pair's correspondence, only while a flag on it is open; audited, and the pair is told. */
export const relayCommand = defineCommand({
  name: "relay",
  description: "cmd-relay",
  audience: "curator",
  scope: pairScope(),
  audit: "curator.relay_read",
  async run(ctx) {
    const { session, deps, object: pair } = ctx;
    const read = await deps.services.relay.read(pair, deps.now());
    if (!read.ok) return ctx.denied({ key: "relay-read-no-flag" });
    const t = session.t;
    session.sayText([t("relay-read-title", { number: pair.number, mentor: pair.mentor.name, mentees: menteeNames(pair), shown: read.messages.length, total: read.total }), read.messages.length ? historyText(ctx, pair, read.messages) : t("relay-read-empty"), t("relay-read-told")].join("\n\n"));
    return ctx.allowed({ details: { messages: read.messages.length } });
  },
});

/** /contacts_allow <pair>: the curator lets a relayed pair have each other's contacts; each side is sent the other's. */
export const contactsAllowCommand = defineCommand({
  name: "contacts_allow",
  description: "cmd-contacts-allow",
  audience: "curator",
  scope: pairScope(),
  audit: "curator.contacts_allow",
  async run(ctx) {
    const { session, deps, object: pair, actor } = ctx;
    const state = await deps.services.relay.store.state(pair.id);
    if (!state?.relayed) {
      session.say("relay-contacts-not-relayed", { number: pair.number });
      return;
    }
    const changed = await deps.services.pairs.allowContacts(pair, actor, deps.now());
    session.say(changed ? "relay-contacts-allowed-curator" : "relay-contacts-already", { number: pair.number });
    return ctx.allowed({ details: { changed } });
  },
});

export const relayCommands = [writeCommand, flagCommand, relayCommand, contactsAllowCommand];
