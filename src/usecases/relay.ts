import type { TextRef } from "../flows/types.js";
import { lifecycleSettings } from "../domain/lifecycle-settings.js";
import { outOfQuiet } from "../domain/quiet-hours.js";
import { stripContacts, type ContactKind } from "../domain/relay/contacts.js";
import { flagLevel, flagMatcher, flagWordLists, type FlagCategory, type FlagReason } from "../domain/relay/flag-words.js";
import { formatDate, localDate } from "../domain/time.js";
import type { OutboxButton, OutboxMessage } from "../store/notifications.js";
import { menteeNames, membersOf, sideOf, type PairView } from "../store/pairs.js";
import type { Participants } from "../store/participants.js";
import type { RelayMessageRow, RelayStore } from "../store/relay.js";
import type { CuratorTasks } from "../store/tasks.js";
import type { Outreach } from "./outreach.js";

/** What stands in a relay message where a contact was. */
export const CONTACT_PLACEHOLDER = "•••";

/** The button «Сообщить куратору о проблеме» under a relay message or after a feedback: `m.<message>` or `p.<pair>`. */
export const flagButton = (args: string): OutboxButton => ({ label: { key: "relay-btn-flag" }, command: "flag", args });
export const writeButton = (pairId: string): OutboxButton => ({ label: { key: "relay-btn-reply" }, command: "write", args: pairId });

export type SendResult =
  | { ok: true; message: RelayMessageRow; removed: ContactKind[]; deliverAt: Date; delayed: boolean; categories: FlagCategory[] }
  | { ok: false; problem: "not-member" | "ended" | "only-contacts" };

/** Where a flag came from: a relay message or a meeting's feedback. */
export type FlagOrigin = "relay" | "feedback";

/**
 * The safe channel of a pair (the relay): its sides write to each other through the bot, the
 * message forwarded with the sender's name and role and with any contact taken out; each goes
 * through the outbox under its own key, so it reaches the other side once, within each
 * messenger's limits, and out of quiet hours. A message and a free-text feedback are checked
 * against the flag words; a hit — or a side's button — raises a flag: a curator's task listed in
 * /overdue, the curators alerted (self-harm and violence at once, the rest out of quiet hours).
 * The curator reads a relay only while a flag is open, and both sides are told of it.
 * No text of a message is ever logged.
 */
export class RelayService {
  constructor(
    readonly store: RelayStore,
    private readonly outreach: Outreach,
    private readonly participants: Participants,
    private readonly tasks: CuratorTasks,
  ) {}

  async send(input: { pair: PairView; senderId: string; text: string; now: Date }): Promise<SendResult> {
    const { pair, senderId, now } = input;
    const side = sideOf(pair, senderId);
    if (!side) return { ok: false, problem: "not-member" };
    if (pair.endedAt) return { ok: false, problem: "ended" };
    const stripped = stripContacts(input.text, CONTACT_PLACEHOLDER);
    if (!/[\p{L}\p{N}]/u.test(stripped.text.replaceAll(CONTACT_PLACEHOLDER, ""))) return { ok: false, problem: "only-contacts" };
    const message = await this.store.add({ pairId: pair.id, senderId, senderRole: side, text: stripped.text, removed: stripped.removed });
    const settings = lifecycleSettings(pair.settings);
    const deliverAt = outOfQuiet(now, pair.timezone, settings.quietHours);
    const sender = side === "mentor" ? pair.mentor.name : (pair.mentees.find((m) => m.personId === senderId)?.name ?? "—");
    const recipients = side === "mentor" ? pair.mentees.map((m) => m.personId) : [pair.mentor.personId];
    await this.outreach.queue(
      recipients.map(
        (personId): OutboxMessage => ({
          personId,
          dedupKey: `relay-${message.id}-${personId}`,
          kind: "relay-message",
          parts: [{ key: "relay-incoming", args: { role: side, name: sender, text: stripped.text } }],
          buttons: [[writeButton(pair.id)], [flagButton(`m.${message.id}`)]],
          dueAt: deliverAt,
        }),
      ),
      { now },
    );
    const lists = (await this.store.state(pair.id))?.flagWords;
    const categories = flagMatcher(flagWordLists(lists)).check(input.text);
    if (categories.length) await this.raise({ pair, reason: categories[0]!, origin: "relay", personId: senderId, dedupKey: `relay-words-${message.id}`, now });
    return { ok: true, message, removed: stripped.removed, deliverAt, delayed: deliverAt > now, categories };
  }

  /** Checks the free-text answers of a feedback against the flag words; a hit raises a flag on the pair. */
  async checkFeedback(input: { pair: PairView; personId: string; texts: string[]; subjectKey: string; now: Date }): Promise<FlagCategory[]> {
    const lists = (await this.store.state(input.pair.id))?.flagWords;
    const matcher = flagMatcher(flagWordLists(lists));
    const found = [...new Set(input.texts.flatMap((t) => matcher.check(t)))];
    const most = found.sort((a, b) => (flagLevel(a) === flagLevel(b) ? 0 : flagLevel(a) === "urgent" ? -1 : 1))[0];
    if (most) await this.raise({ pair: input.pair, reason: most, origin: "feedback", personId: input.personId, dedupKey: `feedback-words-${input.subjectKey}-${input.personId}`, now: input.now });
    return found;
  }

  /**
   * Raises a flag on a pair once per key: a curator's task (listed in /overdue) and an alert to
   * each curator — at once for self-harm and violence, out of quiet hours otherwise. Names the
   * pair and the reason, never the text. Returns whether it was raised now.
   */
  async raise(input: { pair: PairView; reason: FlagReason; origin: FlagOrigin; personId: string | null; dedupKey: string; now: Date }): Promise<boolean> {
    const { pair, now } = input;
    const { task, created } = await this.tasks.ensure({
      dedupKey: input.dedupKey,
      programmeId: pair.programmeId,
      kind: "relay_flag",
      pairId: pair.id,
      personId: input.personId ?? undefined,
      note: `${input.origin}:${input.reason}`,
      dueAt: now,
    });
    if (!created) return false;
    const urgent = flagLevel(input.reason) === "urgent";
    const dueAt = urgent ? now : outOfQuiet(now, pair.timezone, lifecycleSettings(pair.settings).quietHours);
    const curators = await this.participants.curators(pair.programmeId);
    await this.outreach.queue(
      curators.map(
        (c): OutboxMessage => ({
          personId: c,
          dedupKey: `flag-alert-${task.id}-${c}`,
          kind: urgent ? "flag-urgent" : "flag",
          parts: [{ key: "relay-flag-alert", args: { number: pair.number, mentor: pair.mentor.name, mentees: menteeNames(pair), reason: input.reason, origin: input.origin, urgent: urgent ? "yes" : "no" } }],
          buttons: [[{ label: { key: "relay-btn-read" }, command: "relay", args: pair.id }], [{ label: { key: "lc-btn-overdue" }, command: "overdue", args: "" }]],
          dueAt,
        }),
      ),
      { now },
    );
    return true;
  }

  /**
   * The curator's reading of a pair's relay: allowed only while a flag on it is open; both sides
   * are told that the curator read their correspondence (once a day). The caller audits it.
   */
  async read(pair: PairView, now: Date): Promise<{ ok: true; messages: RelayMessageRow[]; total: number } | { ok: false; problem: "no-flag" }> {
    if (!(await this.store.flagOpen(pair.id))) return { ok: false, problem: "no-flag" };
    const messages = await this.store.history(pair.id);
    const total = await this.store.count(pair.id);
    const day = localDate(now, pair.timezone);
    const notice: TextRef = { key: "relay-read-notice", args: { date: formatDate(now, pair.timezone) } };
    await this.outreach.queue(
      membersOf(pair).map((personId): OutboxMessage => ({ personId, dedupKey: `relay-read-${pair.id}-${day}-${personId}`, kind: "relay-read", parts: [notice], dueAt: now })),
      { now },
    );
    return { ok: true, messages, total };
  }
}
