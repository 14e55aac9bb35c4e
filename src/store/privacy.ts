import type { PrismaClient } from "../db/client.js";
import type { Clock } from "../domain/clock.js";
import { ERASED, isIdentifyingText, redactor, traces, type Redactor } from "../domain/erasure.js";
import { chatKey } from "../domain/messaging.js";
import type { DataCategory, DestructionProcess, DestructionReason } from "../domain/retention.js";
import { recordDestruction } from "./destruction-acts.js";

/** Why and by what an erasure is made: its act says so. */
export interface DestructionCause {
  reason: DestructionReason;
  /** When the reason arose (default: the erasure's time). */
  reasonAt?: Date;
  process: DestructionProcess;
}

/** The person's own request, through /forget. */
export const SUBJECT_REQUEST: DestructionCause = { reason: "subject_request", process: "forget-command" };

/**
 * A person's rights over their data (152-ФЗ): see everything stored about them, and withdraw
 * consent. Withdrawal erases what identifies them — name, messenger accounts, free-text
 * answers, choices of other people, messages — and keeps what the programme's aggregate
 * indicators are made of (that a participant of this role took part, completed the cycle,
 * gave these numeric scores), so reports stay correct without saying who.
 */
export class Privacy {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: Clock,
  ) {}

  /** Everything stored about the person, as one document. */
  async export(personId: string): Promise<Record<string, unknown>> {
    const person = await this.prisma.person.findUnique({
      where: { id: personId },
      include: {
        identities: { select: { platform: true, externalId: true, username: true, createdAt: true } },
        consents: { select: { kind: true, version: true, textHash: true, platform: true, representativeName: true, representativeRelation: true, givenAt: true, withdrawnAt: true } },
        participations: {
          select: {
            id: true,
            role: true,
            status: true,
            capacity: true,
            joinedAt: true,
            completedCycleAt: true,
            programme: { select: { name: true, organisation: { select: { name: true } } } },
            preferencesGiven: { select: { question: true, rank: true, to: { select: { role: true, person: { select: { displayName: true } } } } } },
            memberships: { select: { joinedAt: true, leftAt: true, pair: { select: { status: true, confirmedAt: true, endedAt: true, meetings: { select: { startsAt: true, place: true, status: true } } } } } },
            mentorOf: { select: { status: true, confirmedAt: true, endedAt: true, meetings: { select: { startsAt: true, place: true, status: true } } } },
          },
        },
        formResponses: { select: { formId: true, formVersion: true, subjectKey: true, answers: true, status: true, submittedAt: true, updatedAt: true } },
        notifications: { select: { kind: true, status: true, sentAt: true } },
      },
    });
    if (!person) return {};
    const conversations = await this.prisma.conversation.findMany({ where: { personId }, select: { flowId: true, state: true, updatedAt: true } });
    const relayed = await this.prisma.relayMessage.findMany({ where: { senderId: personId }, select: { text: true, createdAt: true }, orderBy: { createdAt: "asc" } });
    return {
      exportedAt: this.now().toISOString(),
      person: { language: person.language, name: person.displayName, minor: person.isMinor, since: person.createdAt },
      accounts: person.identities,
      consents: person.consents,
      programmes: person.participations.map((p) => ({
        programme: p.programme.name,
        organisation: p.programme.organisation.name,
        role: p.role,
        status: p.status,
        capacity: p.capacity,
        joinedAt: p.joinedAt,
        completedCycleAt: p.completedCycleAt,
        choices: p.preferencesGiven.map((c) => ({ question: c.question, rank: c.rank, chose: c.to.person.displayName, theirRole: c.to.role })),
        pairsAsMentee: p.memberships.map((m) => ({ ...m.pair, joinedAt: m.joinedAt, leftAt: m.leftAt })),
        pairsAsMentor: p.mentorOf,
      })),
      forms: person.formResponses,
      formsInProgress: conversations.map((c) => ({ flow: c.flowId, answers: (c.state as any)?.answers ?? {}, updatedAt: c.updatedAt })),
      messagesSent: person.notifications,
      relayMessagesWritten: relayed,
    };
  }

  /**
   * Withdraws consent and erases the person's identifying data. Returns the programmes they
   * took part in (for telling the curators), or null when there was nothing to erase.
   *
   * Erased: the name, the legal representative's name and relation, the messenger accounts and link codes,
   * the text answers (numbers and yes/no stay for the indicators), choices of other people,
   * the person's own messages and flows in progress, the places of the meetings they typed or
   * met at one-to-one, the note on how a one-to-one pair of theirs ended, and the records of
   * their updates that carry an account id, the texts of their relay messages. What other people's records say about them —
   * messages sent or waiting (names, contacts, places), relay messages, answers, notes on pairs and tasks,
   * suggestions, flows in progress — stays, with the name, the accounts and what the person
   * typed replaced by "—" (src/domain/erasure.ts); a message still waiting is not sent.
   * Pairs, meetings, participations and numbers stay, without a name.
   *
   * The same transaction writes the act of the destruction with the extract from the
   * processing log (src/store/destruction-acts.ts): /forget and the retention job alike.
   */
  async forget(personId: string, now: Date = this.now(), cause: DestructionCause = SUBJECT_REQUEST): Promise<{ programmeIds: string[]; actId: string } | null> {
    return this.prisma.$transaction(async (tx) => {
      const person = await tx.person.findUnique({
        where: { id: personId },
        select: { erasedAt: true, displayName: true, identities: { select: { platform: true, externalId: true, chatId: true, username: true } }, consents: { select: { representativeName: true } } },
      });
      if (!person || person.erasedAt) return null;
      const participations = await tx.participation.findMany({ where: { personId }, select: { id: true, programmeId: true, role: true, programme: { select: { organisationId: true } } } });
      const programmeIds = [...new Set(participations.map((p) => p.programmeId))];
      const own = participations.map((p) => p.id);
      const chatKeys = person.identities.map((i) => chatKey(i));
      const responses = await tx.formResponse.findMany({ where: { personId }, select: { id: true, answers: true } });
      const conversations = await tx.conversation.findMany({ where: { OR: [{ personId }, { chatKey: { in: chatKeys } }] }, select: { state: true } });
      const pairs = await tx.pair.findMany({ where: { OR: [{ mentorId: { in: own } }, { members: { some: { menteeId: { in: own } } } }] }, select: { id: true, mentorId: true, members: { select: { menteeId: true } } } });
      // A meeting's place locates the person when they typed it or when the meeting was theirs one-to-one.
      const oneToOne = new Set(pairs.filter((p) => own.includes(p.mentorId) || p.members.length === 1).map((p) => p.id));
      const meetings = await tx.meeting.findMany({ where: { OR: [{ proposedById: personId }, { pairId: { in: [...oneToOne] } }], place: { not: null } }, select: { id: true, place: true, proposedById: true } });

      // What they wrote through the relay went to the other side (and is in that person's messages).
      const relayed = await tx.relayMessage.findMany({ where: { senderId: personId }, select: { text: true } });
      const typed = [
        ...[...responses.map((r) => r.answers), ...conversations.map((c) => (c.state as { answers?: unknown } | null)?.answers)].flatMap(textAnswers),
        ...relayed.map((m) => m.text).filter(isIdentifyingText),
      ];
      const redact = redactor(
        traces({
          phrases: [person.displayName, ...person.consents.map((c) => c.representativeName), ...typed, ...meetings.filter((m) => m.proposedById === personId).map((m) => m.place)],
          handles: person.identities.flatMap((i) => [i.externalId, i.chatId, i.username]),
        }),
      );

      // What the act lists: the categories the person had.
      const destroyed = new Set<DataCategory>();
      const had = (category: DataCategory, count: number) => {
        if (count > 0) destroyed.add(category);
      };
      had("name", person.displayName ? 1 : 0);
      had("representative-name", person.consents.filter((c) => c.representativeName).length);
      had("messenger-accounts", person.identities.length);

      await tx.consent.updateMany({ where: { personId, withdrawnAt: null }, data: { withdrawnAt: now } });
      // Who the legal representative is — their name and their relation to the child — goes with the person.
      await tx.consent.updateMany({ where: { personId, OR: [{ representativeName: { not: null } }, { representativeRelation: { not: null } }] }, data: { representativeName: null, representativeRelation: null } });
      // Numeric answers (scores, ages, years) feed the indicators; text and choices may identify.
      for (const r of responses) {
        const all = Object.entries((r.answers ?? {}) as Record<string, unknown>);
        const kept = Object.fromEntries(all.filter(([, v]) => typeof v === "number" || typeof v === "boolean"));
        had("text-answers", all.filter(([, v]) => v !== null && typeof v !== "number" && typeof v !== "boolean").length);
        await tx.formResponse.update({ where: { id: r.id }, data: { answers: kept as Record<string, number | boolean> } });
      }
      had("choices", (await tx.preference.deleteMany({ where: { fromId: { in: own } } })).count);
      await tx.participation.updateMany({ where: { personId, status: { not: "completed" } }, data: { status: "left" } });
      had("forms-in-progress", (await tx.conversation.deleteMany({ where: { OR: [{ personId }, { chatKey: { in: chatKeys } }] } })).count);
      had("messages", (await tx.notification.deleteMany({ where: { personId } })).count);
      had("link-codes", (await tx.identityLinkCode.deleteMany({ where: { personId } })).count);
      had("link-codes", (await tx.webLoginToken.deleteMany({ where: { personId } })).count);
      await tx.messengerIdentity.deleteMany({ where: { personId } });
      if (meetings.length) had("meeting-places", (await tx.meeting.updateMany({ where: { id: { in: meetings.map((m) => m.id) } }, data: { place: null } })).count);
      // The note on why a one-to-one pair ended is about the two of them.
      if (oneToOne.size) had("pair-notes", (await tx.pair.updateMany({ where: { id: { in: [...oneToOne] }, endComment: { not: null } }, data: { endComment: null } })).count);
      // A VK update is recorded under its peer (`vk:<peer>:<message>`): those records go; a redelivery of one is a stranger's message.
      const ids = [...new Set(person.identities.flatMap((i) => [i.externalId, i.chatId]))].filter((id) => /^[\w-]+$/.test(id));
      if (ids.length) had("update-records", await tx.$executeRawUnsafe(`DELETE FROM "ProcessedUpdate" WHERE key ~ $1`, `^[^:]+:(.+:)?(${ids.join("|")})(:|$)`));
      await tx.person.update({ where: { id: personId }, data: { displayName: null, erasedAt: now } });
      // Their relay messages keep their place (the pair wrote this much), without the text.
      had("messages", (await tx.relayMessage.updateMany({ where: { senderId: personId }, data: { text: ERASED, removed: [] } })).count);

      had("mentions", (await this.redactOthers(tx, redact, personId, programmeIds, now)) + (await this.redactRelay(tx, redact, pairs.map((p) => p.id))));
      const act = await recordDestruction(tx, {
        subjectId: personId,
        roles: participations.map((p) => p.role),
        organisationIds: participations.map((p) => p.programme.organisationId),
        programmeIds,
        participationIds: own,
        reason: cause.reason,
        reasonAt: cause.reasonAt ?? now,
        process: cause.process,
        categories: destroyed,
        destroyedAt: now,
      });
      return { programmeIds, actId: act.id };
    });
  }

  /** What the other side of the person's pairs wrote to them through the relay, with the traces of the person taken out; the number of messages changed. */
  private async redactRelay(tx: Tx, redact: Redactor, pairIds: string[]): Promise<number> {
    const patterns = redact.patterns();
    if (!patterns.length || !pairIds.length) return 0;
    const rows = await tx.$queryRawUnsafe<{ id: string; text: string }[]>(`SELECT id, text FROM "RelayMessage" WHERE "pairId" = ANY($1::text[]) AND text ILIKE ANY($2::text[])`, pairIds, patterns);
    for (const m of rows) await tx.relayMessage.update({ where: { id: m.id }, data: { text: redact.text(m.text) } });
    return rows.length;
  }

  /** What other people's records of the person's programmes say about the person, with the traces taken out; the number of records changed. */
  private async redactOthers(tx: Tx, redact: Redactor, personId: string, programmeIds: string[], now: Date): Promise<number> {
    const patterns = redact.patterns();
    if (!patterns.length || !programmeIds.length) return 0;
    let changed = 0;
    // Everyone who shares a programme with the person: only they were told about them.
    const people = (await tx.participation.findMany({ where: { programmeId: { in: programmeIds }, personId: { not: personId } }, select: { personId: true }, distinct: ["personId"] })).map((p) => p.personId);
    const rows = <T>(sql: string, ...params: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, ...params, patterns);
    const last = (n: number) => `$${n}::text[]`;

    const notifications = await rows<{ id: string; payload: unknown; status: string }>(`SELECT id, payload, status::text FROM "Notification" WHERE "personId" = ANY($1::text[]) AND payload::text ILIKE ANY(${last(2)})`, people);
    for (const n of notifications) {
      const r = redact.json(n.payload);
      if (!r.changed) continue;
      changed++;
      // A message still waiting to go out would name nobody: it is not sent.
      await tx.notification.update({ where: { id: n.id }, data: { payload: r.value as object, ...(n.status === "pending" ? { status: "cancelled" } : {}) } });
    }
    const states = await rows<{ chatKey: string; state: unknown }>(`SELECT "chatKey", state FROM "Conversation" WHERE "personId" = ANY($1::text[]) AND state::text ILIKE ANY(${last(2)})`, people);
    for (const c of states) {
      const r = redact.json(c.state);
      if (!r.changed) continue;
      changed++;
      await tx.conversation.update({ where: { chatKey: c.chatKey }, data: { state: r.value as object, updatedAt: now } });
    }
    const answers = await rows<{ id: string; answers: unknown }>(`SELECT id, answers FROM "FormResponse" WHERE "programmeId" = ANY($1::text[]) AND answers::text ILIKE ANY(${last(2)})`, programmeIds);
    for (const a of answers) {
      const r = redact.json(a.answers);
      if (!r.changed) continue;
      changed++;
      await tx.formResponse.update({ where: { id: a.id }, data: { answers: r.value as object } });
    }
    const notes = await rows<{ id: string; endComment: string }>(`SELECT id, "endComment" FROM "Pair" WHERE "programmeId" = ANY($1::text[]) AND "endComment" ILIKE ANY(${last(2)})`, programmeIds);
    for (const p of notes) await tx.pair.update({ where: { id: p.id }, data: { endComment: redact.text(p.endComment) } });
    const tasks = await rows<{ id: string; note: string }>(`SELECT id, note FROM "CuratorTask" WHERE "programmeId" = ANY($1::text[]) AND note ILIKE ANY(${last(2)})`, programmeIds);
    for (const t of tasks) await tx.curatorTask.update({ where: { id: t.id }, data: { note: redact.text(t.note) } });
    const suggestions = await rows<{ id: string; rejectReason: string | null; reasons: unknown }>(
      `SELECT id, "rejectReason", reasons FROM "MatchSuggestion" WHERE "programmeId" = ANY($1::text[]) AND ("rejectReason" ILIKE ANY(${last(2)}) OR reasons::text ILIKE ANY(${last(2)}))`,
      programmeIds,
    );
    for (const s of suggestions) await tx.matchSuggestion.update({ where: { id: s.id }, data: { rejectReason: s.rejectReason === null ? null : redact.text(s.rejectReason), reasons: redact.json(s.reasons).value as object } });
    const runs = await rows<{ id: string; stats: unknown }>(`SELECT id, stats FROM "MatchRun" WHERE "programmeId" = ANY($1::text[]) AND stats::text ILIKE ANY(${last(2)})`, programmeIds);
    for (const m of runs) await tx.matchRun.update({ where: { id: m.id }, data: { stats: redact.json(m.stats).value as object } });
    return changed + notes.length + tasks.length + suggestions.length + runs.length;
  }
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The texts among a form's answers (choices are codes, numbers and yes/no are no text). */
function textAnswers(answers: unknown): string[] {
  if (!answers || typeof answers !== "object") return [];
  return Object.values(answers as Record<string, unknown>).filter((v): v is string => typeof v === "string" && isIdentifyingText(v));
}
