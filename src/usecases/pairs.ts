import type { PrismaClient } from "../db/client.js";
import type { TextRef } from "../flows/types.js";
import { contactLinks } from "../platforms.js";
import { finalReportDueDate } from "../domain/deadlines.js";
import { isActivePair, statusAfterEnding, type EndReason } from "../domain/lifecycle.js";
import { lifecycleSettings } from "../domain/lifecycle-settings.js";
import { outOfQuiet } from "../domain/quiet-hours.js";
import { formatIsoDate } from "../domain/time.js";
import type { Audit } from "../store/audit.js";
import type { OutboxButton, OutboxMessage } from "../store/notifications.js";
import { menteeNames, membersOf, Pairs, partnersOf, type ConfirmPairInput, type ConfirmResult, type EndResult, type PairView } from "../store/pairs.js";
import type { Participants } from "../store/participants.js";
import type { RelayStore } from "../store/relay.js";
import type { Surveys } from "../store/surveys.js";
import type { CuratorTasks } from "../store/tasks.js";
import type { Outreach } from "./outreach.js";

const nameOf = (p: { displayName: string | null; erasedAt: Date | null }) => (p.erasedAt ? "—" : (p.displayName ?? "—"));

/**
 * What happens to a pair (002 §7.3–7.5), over the pairs' storage: confirming it — both sides
 * and the curators are told the result with each other's contacts (shared only now), or, when
 * the programme relays the pair (a minor in it, by default), with how to write through the bot
 * and no contacts until a curator allows them (`allowContacts`) — and
 * ending it, as planned or early, with the surveys, the mentee's final report and the
 * curator's talk with both sides that an ending brings. Commands, flows and the scheduler all
 * call these; the messages are defined here, once.
 */
export class PairService extends Pairs {
  constructor(
    prisma: PrismaClient,
    private readonly outreach: Outreach,
    private readonly participants: Participants,
    private readonly tasks: CuratorTasks,
    private readonly surveys: Surveys,
    private readonly audit: Audit,
    private readonly relay: RelayStore,
  ) {
    super(prisma);
  }

  /**
   * Confirms a pair (one mentee) or a group (several) of the programme: the Pair and its
   * members are created, the participations become active, and the mentor, the mentees and
   * the curators are told, each with the others' names and contacts. Confirming the same
   * pair again changes nothing and tells nobody twice.
   */
  async confirmPair(input: ConfirmPairInput): Promise<ConfirmResult> {
    const now = input.now;
    const menteeIds = [...new Set(input.menteeParticipationIds)];
    if (!menteeIds.length) return { ok: false, problem: "no-mentees" };
    if (!(await this.participants.isCurator(input.confirmedById, input.programmeId))) {
      await this.audit.record({ actorId: input.confirmedById, action: "curator.confirm_pair", outcome: "denied", targetType: "programme", targetId: input.programmeId, programmeId: input.programmeId });
      return { ok: false, problem: "not-curator" };
    }
    const result = await this.create(input);
    if (!result.ok) return result;
    await this.audit.record({
      actorId: input.confirmedById,
      action: "curator.confirm_pair",
      outcome: "allowed",
      targetType: "pair",
      targetId: result.pairId,
      programmeId: input.programmeId,
      details: { mentees: menteeIds.length, probation: input.probation ?? false, created: result.created },
    });
    if (result.created) await this.announce(result.pairId, now);
    return result;
  }

  /**
   * Tells the mentor, the mentees and the curators that the pair is confirmed: the curators with
   * the contacts of both sides; the sides with each other's contacts — or, when the pair is relayed,
   * without them, with how to write through the bot — and with the curators' contacts.
   */
  private async announce(pairId: string, now: Date): Promise<void> {
    const pair = (await this.get(pairId))!;
    const relayed = (await this.relay.state(pair.id))?.relayed ?? true;
    const curators = await this.participants.curators(pair.programmeId);
    const people = [pair.mentor.personId, ...pair.mentees.map((m) => m.personId), ...curators];
    const identities = await this.prisma.messengerIdentity.findMany({ where: { personId: { in: people } }, select: { personId: true, platform: true, externalId: true, username: true }, orderBy: { createdAt: "asc" } });
    const names = await this.prisma.person.findMany({ where: { id: { in: curators } }, select: { id: true, displayName: true, erasedAt: true } });
    const contact = (personId: string, name: string, role: "mentor" | "mentee" | "curator"): TextRef => ({
      key: "lc-contact",
      args: { role, name, links: contactLinks(identities.filter((i) => i.personId === personId)).join(", ") || "—" },
    });
    const curatorLines = curators.map((c) => {
      const p = names.find((n) => n.id === c);
      return contact(c, p ? nameOf(p) : "—", "curator");
    });
    const meet: OutboxButton[][] = [[{ label: { key: "lc-btn-propose" }, command: "meet", args: `new.${pair.id}` }]];
    if (relayed) meet.push([{ label: { key: "relay-btn-write" }, command: "write", args: pair.id }]);
    // A relayed pair gets no contacts of each other: how to write through the bot instead.
    const partnerLines = (lines: TextRef[]): TextRef[] => (relayed ? [{ key: "lc-pair-relayed" }] : lines);
    const messages: OutboxMessage[] = [];
    messages.push({
      personId: pair.mentor.personId,
      dedupKey: `pair-confirmed-${pair.id}-${pair.mentor.personId}`,
      kind: "pair-confirmed",
      parts: [
        { key: "lc-pair-confirmed-mentor", args: { programme: pair.programmeName, mentees: menteeNames(pair), count: pair.mentees.length } },
        ...partnerLines(pair.mentees.map((m) => contact(m.personId, m.name, "mentee"))),
        ...curatorLines,
        { key: "lc-pair-next-step" },
      ],
      buttons: meet,
      dueAt: now,
    });
    for (const m of pair.mentees) {
      messages.push({
        personId: m.personId,
        dedupKey: `pair-confirmed-${pair.id}-${m.personId}`,
        kind: "pair-confirmed",
        parts: [{ key: "lc-pair-confirmed-mentee", args: { programme: pair.programmeName, mentor: pair.mentor.name } }, ...partnerLines([contact(pair.mentor.personId, pair.mentor.name, "mentor")]), ...curatorLines, { key: "lc-pair-next-step" }],
        buttons: meet,
        dueAt: now,
      });
    }
    for (const c of curators) {
      messages.push({
        personId: c,
        dedupKey: `pair-confirmed-${pair.id}-${c}`,
        kind: "pair-confirmed",
        parts: [
          { key: "lc-pair-confirmed-curator", args: { programme: pair.programmeName, mentor: pair.mentor.name, mentees: menteeNames(pair), count: pair.mentees.length, probation: pair.probation ? "yes" : "no" } },
          contact(pair.mentor.personId, pair.mentor.name, "mentor"),
          ...pair.mentees.map((m) => contact(m.personId, m.name, "mentee")),
          ...(relayed ? [{ key: "lc-pair-relayed-curator", args: { number: pair.number } }] : []),
        ],
        dueAt: now,
      });
    }
    await this.outreach.queue(messages, { now });
  }

  /**
   * A curator lets a relayed pair have each other's contacts: recorded once (the caller audits
   * it), and each side is sent the other's contacts. False when it was allowed before.
   */
  async allowContacts(pair: PairView, curatorId: string, now: Date): Promise<boolean> {
    if (!(await this.relay.allowContacts(pair.id, curatorId, now))) return false;
    const identities = await this.prisma.messengerIdentity.findMany({ where: { personId: { in: membersOf(pair) } }, select: { personId: true, platform: true, externalId: true, username: true }, orderBy: { createdAt: "asc" } });
    const contact = (personId: string, name: string, role: "mentor" | "mentee"): TextRef => ({
      key: "lc-contact",
      args: { role, name, links: contactLinks(identities.filter((i) => i.personId === personId)).join(", ") || "—" },
    });
    const messages: OutboxMessage[] = [
      {
        personId: pair.mentor.personId,
        dedupKey: `contacts-allowed-${pair.id}-${pair.mentor.personId}`,
        kind: "contacts-allowed",
        parts: [{ key: "relay-contacts-allowed" }, ...pair.mentees.map((m) => contact(m.personId, m.name, "mentee"))],
        dueAt: now,
      },
      ...pair.mentees.map((m): OutboxMessage => ({
        personId: m.personId,
        dedupKey: `contacts-allowed-${pair.id}-${m.personId}`,
        kind: "contacts-allowed",
        parts: [{ key: "relay-contacts-allowed" }, contact(pair.mentor.personId, pair.mentor.name, "mentor")],
        dueAt: now,
      })),
    ];
    await this.outreach.queue(messages, { now });
    return true;
  }

  /**
   * Ends a working pair: as planned (the programme is over, the goals are reached) or early
   * (moved away, illness, no time, conflict, other — 002 §7.5). Named by a curator of the
   * programme, or by the scheduler (no curator) at the programme's end. Then, once each:
   * both sides are told and asked the satisfaction (planned) or exit (early) survey, the
   * mentee is asked the final report with its deadline, and the curators get the task of
   * talking with both sides.
   */
  async end(input: { pairId: string; reason: EndReason; comment?: string | null; endedById: string | null; now: Date }): Promise<EndResult> {
    const pair = await this.get(input.pairId);
    if (!pair) return { ok: false, problem: "unknown" };
    if (input.endedById && !(await this.participants.isCurator(input.endedById, pair.programmeId))) return { ok: false, problem: "not-curator" };
    const status = statusAfterEnding(input.reason);
    if (!(await this.markEnded({ pairId: pair.id, status, reason: input.reason, comment: input.comment, now: input.now }))) return { ok: false, problem: "already-ended" };
    const ended = (await this.get(pair.id))!;
    await this.afterEnding(ended, input.now);
    return { ok: true, pair: ended, changed: true };
  }

  /** What an ending brings (idempotent: every message and task has its key). */
  async afterEnding(pair: PairView, now: Date): Promise<void> {
    if (isActivePair(pair.status) || !pair.endedAt) return;
    const reason = pair.endReason ?? "other";
    const planned = pair.status === "completed";
    const settings = lifecycleSettings(pair.settings);
    const dueDate = formatIsoDate(finalReportDueDate(pair.endedAt, pair.timezone, settings));
    // An ending at midnight (the programme's last day over) is told to the participants when quiet hours end.
    const toldAt = outOfQuiet(now, pair.timezone, settings.quietHours);
    let survey: OutboxButton | null = null;
    if (planned) {
      const { round } = await this.surveys.open(pair.programmeId, "satisfaction", now);
      survey = { label: { key: "lc-btn-satisfaction" }, command: "form", args: `sat.${round.id}` };
    }
    const messages: OutboxMessage[] = [];
    for (const personId of membersOf(pair)) {
      const mentee = personId !== pair.mentor.personId;
      const buttons: OutboxButton[][] = [];
      if (survey) buttons.push([survey]);
      else buttons.push([{ label: { key: "lc-btn-exit-survey" }, command: "form", args: `ex.${pair.id}` }]);
      if (mentee) buttons.push([{ label: { key: "lc-btn-final-report" }, command: "form", args: `fr.${pair.id}` }]);
      messages.push({
        personId,
        dedupKey: `pair-ended-${pair.id}-${personId}`,
        kind: "pair-ended",
        parts: [
          { key: planned ? "lc-pair-ended-planned" : "lc-pair-ended-early", args: { programme: pair.programmeName, partner: partnersOf(pair, personId), reason } },
          ...(mentee ? [{ key: "lc-final-report-due", args: { date: dueDate } }] : []),
        ],
        buttons,
        dueAt: toldAt,
      });
    }
    for (const c of await this.participants.curators(pair.programmeId)) {
      messages.push({
        personId: c,
        dedupKey: `pair-ended-${pair.id}-${c}`,
        kind: "pair-ended",
        parts: [{ key: "lc-pair-ended-curator", args: { number: pair.number, mentor: pair.mentor.name, mentees: menteeNames(pair), reason, planned: planned ? "yes" : "no" } }],
        buttons: [[{ label: { key: "lc-btn-overdue" }, command: "overdue", args: "" }]],
        dueAt: toldAt,
        merge: "alerts",
      });
    }
    await this.outreach.queue(messages, { now });
    // Last: the scheduler takes a missing task for an ending whose follow-up was cut short, and does it again.
    await this.tasks.ensure({
      dedupKey: `talk-after-ending-${pair.id}`,
      programmeId: pair.programmeId,
      kind: "talk_after_ending",
      pairId: pair.id,
      note: reason,
      dueAt: new Date(pair.endedAt.getTime() + 7 * 86_400_000),
    });
  }
}
