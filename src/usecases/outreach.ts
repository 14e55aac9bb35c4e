import type { Clock } from "../domain/clock.js";
import type { TextRef } from "../flows/types.js";
import type { I18n, Translate } from "../i18n/index.js";
import { isLanguage } from "../i18n/index.js";
import type { IncomingEvent, Messenger, Platform } from "../domain/messaging.js";
import type { Outbox, OutboxMessage } from "../store/notifications.js";
import { currentFrame } from "../db/frame-context.js";

export interface OutreachButton {
  label: TextRef;
  command: string;
  args?: string;
}

export interface TellInput {
  /** What the message is, for the Notification record (no personal data). */
  kind: string;
  /** Deterministic key: the same message to the same person is sent once. */
  dedupKey: string;
  /** Parts joined by blank lines, or text built in the recipient's language. */
  text: TextRef[] | ((t: Translate) => string);
  buttons?: OutreachButton[][];
}

/**
 * `queued`: recorded in the outbox, to be delivered within the messengers' limits (a person the
 * bot cannot reach is reported to the curators by the delivery); `duplicate`: sent before under
 * the same key; `no-channel`: the person has no account the bot can write to.
 */
export type TellOutcome = "queued" | "duplicate" | "no-channel";

/** The outbound queues, as Outreach needs them (src/jobs/outbound.ts). */
export interface OutboundDispatch {
  dispatch(now: Date, options?: { personIds?: string[]; priority?: "interactive" | "bulk" }): Promise<number>;
}

export interface OutreachWiring {
  messengers: ReadonlyMap<Platform, Messenger>;
  i18n: I18n;
  /** Handles an event as if the person had sent it: in their chat's frame, one at a time per chat. */
  processor: { handle(event: IncomingEvent): Promise<unknown> };
  /** The outbound queues every message goes through. */
  outbound: OutboundDispatch;
}

/**
 * Messages the bot sends on its own initiative to one person — the mentor told the outcome of
 * the interview, participants told a survey is open, a mentor sent the mentee's monthly
 * report — in their language. Each is an outbox row (Notification) under a deterministic key,
 * so it goes out once, delivered through the outbound queue of the person's messenger within
 * its rate limits (src/jobs/outbound.ts). Nothing here waits for a delivery: inside an update
 * the rows commit with it and are handed to the queues after COMMIT; elsewhere (jobs) they are
 * handed over at once.
 *
 * startForm() begins a form in the person's chat as an update of that chat would (inside its
 * frame, so the progress is stored like any answer); the scheduler calls it for feedback
 * after a meeting, the monthly report, the pulse and exit surveys.
 */
export class Outreach {
  private wiring?: OutreachWiring;

  constructor(
    private readonly outbox: Outbox,
    private readonly now: Clock,
  ) {}

  attach(wiring: OutreachWiring): void {
    this.wiring = wiring;
  }

  private require(): OutreachWiring {
    if (!this.wiring) throw new Error("outreach used before the messengers were attached");
    return this.wiring;
  }

  /** The person's accounts the bot can write to (allowed, reachable, on a messenger the service runs), the first one they used first. */
  private async channels(personId: string): Promise<{ id: string; platform: Platform; chatId: string; externalId: string; language: string }[]> {
    const { messengers } = this.require();
    return (await this.outbox.accounts(personId)).filter((i) => messengers.has(i.platform));
  }

  /** Records one message to a person, due now. */
  async tell(personId: string, input: TellInput): Promise<TellOutcome> {
    const [outcome] = await this.tellMany([{ personId, input }]);
    return outcome!;
  }

  /** Records many messages, each in its recipient's language, due now. */
  async tellMany(items: readonly { personId: string; input: TellInput }[]): Promise<TellOutcome[]> {
    const { i18n } = this.require();
    const now = this.now();
    const outcomes: TellOutcome[] = new Array(items.length).fill("no-channel");
    const messages: OutboxMessage[] = [];
    const index = new Map<string, number>();
    for (const [i, { personId, input }] of items.entries()) {
      const channels = await this.channels(personId);
      if (!channels.length) continue;
      const lang = channels[0]!.language;
      const parts = typeof input.text === "function" ? [{ text: input.text(i18n.translator(isLanguage(lang) ? lang : "ru")) }] : input.text;
      messages.push({ personId, dedupKey: input.dedupKey, kind: input.kind, parts, buttons: input.buttons, dueAt: now });
      index.set(input.dedupKey, i);
      outcomes[i] = "duplicate";
    }
    const created = await this.queue(messages);
    for (const key of created) outcomes[index.get(key)!] = "queued";
    return outcomes;
  }

  /** Records messages (due now or later); those due by `now` go to the outbound queues once recorded. */
  async queue(messages: readonly OutboxMessage[], options: { now?: Date } = {}): Promise<string[]> {
    const created = await this.outbox.add(messages);
    if (!created.length) return created;
    const now = options.now ?? this.now();
    const keys = new Set(created);
    const people = [...new Set(messages.filter((m) => keys.has(m.dedupKey) && m.dueAt <= now).map((m) => m.personId))];
    if (!people.length) return created;
    const frame = currentFrame();
    if (frame) for (const id of people) frame.outbox.add(id);
    else await this.require().outbound.dispatch(now, { personIds: people, priority: "interactive" });
    return created;
  }

  /**
   * Begins a form for a person (a ticket of the /form command, e.g. `fb.<meetingId>`): the
   * first question appears in their chat, or — when they are in the middle of another form —
   * an offer to answer it later. Handled once per key.
   */
  async startForm(personId: string, ticket: string, dedupKey: string): Promise<"started" | "no-channel"> {
    return this.runCommand(personId, "form", ticket, dedupKey);
  }

  /**
   * Runs a command in the person's chat as if they had sent it (on `platform` when they use it):
   * how the result of a job (a matching run) reaches the curator who asked. Handled once per key.
   */
  async runCommand(personId: string, command: string, args: string, dedupKey: string, platform?: Platform): Promise<"started" | "no-channel"> {
    const { processor } = this.require();
    const channels = await this.channels(personId);
    const channel = channels.find((c) => c.platform === platform) ?? channels[0];
    if (!channel) return "no-channel";
    await processor.handle({
      updateKey: `out:${dedupKey}`,
      chat: { platform: channel.platform, chatId: channel.chatId, userId: channel.externalId },
      input: { kind: "command", command, args },
    });
    return "started";
  }

  /** Feedback after a meeting (002 §7.4), asked of each side; the subject is the meeting. */
  startMeetingFeedback(personId: string, meetingId: string) {
    return this.startForm(personId, `fb.${meetingId}`, `feedback-${meetingId}-${personId}`);
  }

  /** The mentee's report to the mentor for the current month (002 §6.2); `month` (YYYY-MM) only names the occurrence. */
  startMonthlyReport(personId: string, pairId: string, month: string) {
    return this.startForm(personId, `mr.${pairId}`, `monthly-report-${pairId}-${month}-${personId}`);
  }

  /** The mentee's final report on the individual plan, due within two weeks after the end (002 §6.2). */
  startFinalReport(personId: string, pairId: string) {
    return this.startForm(personId, `fr.${pairId}`, `final-report-${pairId}-${personId}`);
  }

  /** The short pulse survey 30 days after the pair started. */
  startPulseSurvey(personId: string, pairId: string) {
    return this.startForm(personId, `pu.${pairId}`, `pulse-${pairId}-${personId}`);
  }

  /** The exit survey when a pair ended early (002 §7.5). */
  startExitSurvey(personId: string, pairId: string) {
    return this.startForm(personId, `ex.${pairId}`, `exit-${pairId}-${personId}`);
  }
}
