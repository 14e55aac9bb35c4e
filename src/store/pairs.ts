import type { PrismaClient } from "../db/client.js";
import type { TextRef } from "../flows/types.js";
import { contactLinks } from "../domain/delivery.js";
import { finalReportDueDate } from "../domain/deadlines.js";
import { isActivePair, PAIR_STAGES, statusAfterEnding, type EndReason, type PairStatus } from "../domain/lifecycle.js";
import { lifecycleSettings } from "../domain/lifecycle-settings.js";
import { outOfQuiet } from "../domain/quiet-hours.js";
import { localParts } from "../domain/time.js";
import type { Audit } from "./audit.js";
import type { OutboxButton, OutboxMessage } from "./notifications.js";
import type { Outreach } from "./outreach.js";
import type { Participants } from "./participants.js";
import type { Surveys } from "./surveys.js";
import type { CuratorTasks } from "./tasks.js";

/**
 * Pairs and groups of a programme (002 §7.3–7.5): confirmed by a curator — both sides and the
 * curator are then told the result with each other's contacts (shared only now) — working
 * through the stages of 002 §7.4, and ended as planned or early, with the surveys, the
 * mentee's final report and the curator's talk with both sides that an ending brings.
 */

export interface ConfirmPairInput {
  programmeId: string;
  mentorParticipationId: string;
  menteeParticipationIds: string[];
  /** Person id of the curator confirming the pair. */
  confirmedById: string;
  /** A re-matched mentee's new pair: the curator is invited to its meetings (002 §7.5). */
  probation?: boolean;
  now: Date;
}

export type ConfirmProblem = "not-curator" | "mentor-not-approved" | "mentee-not-in-programme" | "mentee-in-pair" | "no-mentees";
export type ConfirmResult = { ok: true; pairId: string; created: boolean } | { ok: false; problem: ConfirmProblem; participationId?: string };

export interface PairPerson {
  personId: string;
  participationId: string;
  name: string;
}

export interface PairView {
  id: string;
  /** Position in the programme's list of pairs (by confirmation), the number curators type. */
  number: number;
  programmeId: string;
  programmeName: string;
  timezone: string;
  settings: unknown;
  status: PairStatus;
  probation: boolean;
  confirmedAt: Date;
  endedAt: Date | null;
  endReason: EndReason | null;
  lastActivityAt: Date;
  mentor: PairPerson;
  mentees: PairPerson[];
}

export type EndResult = { ok: true; pair: PairView; changed: boolean } | { ok: false; problem: "unknown" | "not-curator" | "already-ended" };

const WORKING = [...PAIR_STAGES] as PairStatus[];

const PAIR_SELECT = {
  id: true,
  programmeId: true,
  status: true,
  probation: true,
  confirmedAt: true,
  endedAt: true,
  endReason: true,
  lastActivityAt: true,
  programme: { select: { name: true, settings: true, organisation: { select: { timezone: true } } } },
  mentor: { select: { id: true, personId: true, person: { select: { displayName: true, erasedAt: true } } } },
  members: { where: { leftAt: null }, select: { menteeId: true, mentee: { select: { personId: true, person: { select: { displayName: true, erasedAt: true } } } } }, orderBy: { joinedAt: "asc" as const } },
} as const;

type PairRecord = {
  id: string;
  programmeId: string;
  status: PairStatus;
  probation: boolean;
  confirmedAt: Date;
  endedAt: Date | null;
  endReason: EndReason | null;
  lastActivityAt: Date;
  programme: { name: string; settings: unknown; organisation: { timezone: string } };
  mentor: { id: string; personId: string; person: { displayName: string | null; erasedAt: Date | null } };
  members: { menteeId: string; mentee: { personId: string; person: { displayName: string | null; erasedAt: Date | null } } }[];
};

const nameOf = (p: { displayName: string | null; erasedAt: Date | null }) => (p.erasedAt ? "—" : (p.displayName ?? "—"));

function view(r: PairRecord, number: number): PairView {
  return {
    id: r.id,
    number,
    programmeId: r.programmeId,
    programmeName: r.programme.name,
    timezone: r.programme.organisation.timezone,
    settings: r.programme.settings,
    status: r.status,
    probation: r.probation,
    confirmedAt: r.confirmedAt,
    endedAt: r.endedAt,
    endReason: r.endReason,
    lastActivityAt: r.lastActivityAt,
    mentor: { personId: r.mentor.personId, participationId: r.mentor.id, name: nameOf(r.mentor.person) },
    mentees: r.members.map((m) => ({ personId: m.mentee.personId, participationId: m.menteeId, name: nameOf(m.mentee.person) })),
  };
}

/** Who is in a pair, as the helpers below need it. */
export interface PairPeople {
  mentor: { personId: string; name: string };
  mentees: { personId: string; name: string }[];
}

/** "Имя Фамилия" of each mentee, joined. */
export function menteeNames(pair: Pick<PairPeople, "mentees">): string {
  return pair.mentees.map((m) => m.name).join(", ") || "—";
}

/** The people of a pair on the other side from this person: the mentees for the mentor, the mentor for a mentee. */
export function partnersOf(pair: PairPeople, personId: string): string {
  return pair.mentor.personId === personId ? menteeNames(pair) : pair.mentor.name;
}

export function sideOf(pair: PairPeople, personId: string): "mentor" | "mentee" | null {
  if (pair.mentor.personId === personId) return "mentor";
  return pair.mentees.some((m) => m.personId === personId) ? "mentee" : null;
}

/** Everyone working in the pair: the mentor, then the mentees. */
export function membersOf(pair: PairPeople): string[] {
  return [pair.mentor.personId, ...pair.mentees.map((m) => m.personId)];
}

export function formatLocalDate(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${String(p.day).padStart(2, "0")}.${String(p.month).padStart(2, "0")}.${p.year}`;
}

export function formatLocalTime(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

export class Pairs {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly outreach: Outreach,
    private readonly participants: Participants,
    private readonly tasks: CuratorTasks,
    private readonly surveys: Surveys,
    private readonly audit: Audit,
  ) {}

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
    const result = await this.prisma.$transaction(async (tx): Promise<ConfirmResult> => {
      // One confirmation at a time per programme: a mentee cannot land in two pairs.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pairs:${input.programmeId}`}, 0))`;
      const mentor = await tx.participation.findUnique({ where: { id: input.mentorParticipationId }, select: { programmeId: true, role: true, status: true } });
      if (!mentor || mentor.programmeId !== input.programmeId || mentor.role !== "mentor" || !["approved", "active"].includes(mentor.status)) {
        return { ok: false, problem: "mentor-not-approved", participationId: input.mentorParticipationId };
      }
      const mentees = await tx.participation.findMany({ where: { id: { in: menteeIds } }, select: { id: true, programmeId: true, role: true, status: true } });
      for (const id of menteeIds) {
        const m = mentees.find((x) => x.id === id);
        if (!m || m.programmeId !== input.programmeId || m.role !== "mentee" || !["joined", "approved", "active"].includes(m.status)) {
          return { ok: false, problem: "mentee-not-in-programme", participationId: id };
        }
      }
      const working = await tx.pairMember.findMany({
        where: { menteeId: { in: menteeIds }, leftAt: null, pair: { status: { in: WORKING } } },
        select: { menteeId: true, pair: { select: { id: true, mentorId: true, members: { where: { leftAt: null }, select: { menteeId: true } } } } },
      });
      const same = working.find((w) => w.pair.mentorId === input.mentorParticipationId && w.pair.members.length === menteeIds.length && w.pair.members.every((m) => menteeIds.includes(m.menteeId)));
      if (same) return { ok: true, pairId: same.pair.id, created: false };
      if (working.length) return { ok: false, problem: "mentee-in-pair", participationId: working[0]!.menteeId };
      const pair = await tx.pair.create({
        data: {
          programmeId: input.programmeId,
          mentorId: input.mentorParticipationId,
          probation: input.probation ?? false,
          confirmedAt: now,
          lastActivityAt: now,
          members: { create: menteeIds.map((menteeId) => ({ menteeId, joinedAt: now })) },
        },
        select: { id: true },
      });
      await tx.participation.updateMany({ where: { id: { in: [input.mentorParticipationId, ...menteeIds] } }, data: { status: "active" } });
      return { ok: true, pairId: pair.id, created: true };
    });
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

  /** Tells the mentor, the mentees and the curators that the pair is confirmed, with the contacts of the others. */
  private async announce(pairId: string, now: Date): Promise<void> {
    const pair = (await this.get(pairId))!;
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
    const messages: OutboxMessage[] = [];
    messages.push({
      personId: pair.mentor.personId,
      dedupKey: `pair-confirmed-${pair.id}-${pair.mentor.personId}`,
      kind: "pair-confirmed",
      parts: [
        { key: "lc-pair-confirmed-mentor", args: { programme: pair.programmeName, mentees: menteeNames(pair), count: pair.mentees.length } },
        ...pair.mentees.map((m) => contact(m.personId, m.name, "mentee")),
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
        parts: [{ key: "lc-pair-confirmed-mentee", args: { programme: pair.programmeName, mentor: pair.mentor.name } }, contact(pair.mentor.personId, pair.mentor.name, "mentor"), ...curatorLines, { key: "lc-pair-next-step" }],
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
          { key: "lc-pair-confirmed-curator", args: { programme: pair.programmeName, mentor: pair.mentor.name, mentees: menteeNames(pair), probation: pair.probation ? "yes" : "no" } },
          contact(pair.mentor.personId, pair.mentor.name, "mentor"),
          ...pair.mentees.map((m) => contact(m.personId, m.name, "mentee")),
        ],
        dueAt: now,
      });
    }
    await this.outreach.queue(messages, { now });
  }

  async get(pairId: string): Promise<PairView | null> {
    const r = (await this.prisma.pair.findUnique({ where: { id: pairId }, select: PAIR_SELECT })) as PairRecord | null;
    if (!r) return null;
    const number = await this.prisma.pair.count({ where: { programmeId: r.programmeId, OR: [{ confirmedAt: { lt: r.confirmedAt } }, { confirmedAt: r.confirmedAt, id: { lte: r.id } }] } });
    return view(r, number);
  }

  /** The pairs of a programme, numbered by confirmation (numbers never change). */
  async list(programmeId: string): Promise<PairView[]> {
    const rows = (await this.prisma.pair.findMany({ where: { programmeId }, select: PAIR_SELECT, orderBy: [{ confirmedAt: "asc" }, { id: "asc" }] })) as PairRecord[];
    return rows.map((r, i) => view(r, i + 1));
  }

  async byNumber(programmeId: string, number: number): Promise<PairView | null> {
    return (await this.list(programmeId)).find((p) => p.number === number) ?? null;
  }

  /** The working pairs this person is the mentor or a mentee of. */
  async workingOf(personId: string): Promise<PairView[]> {
    const rows = (await this.prisma.pair.findMany({
      where: { status: { in: WORKING }, OR: [{ mentor: { personId } }, { members: { some: { leftAt: null, mentee: { personId } } } }] },
      select: { id: true },
      orderBy: [{ confirmedAt: "asc" }, { id: "asc" }],
    })) as { id: string }[];
    const out: PairView[] = [];
    for (const r of rows) out.push((await this.get(r.id))!);
    return out;
  }

  async touch(pairId: string, now: Date): Promise<void> {
    await this.prisma.pair.updateMany({ where: { id: pairId, lastActivityAt: { lt: now } }, data: { lastActivityAt: now } });
  }

  async setProbation(pairId: string, probation: boolean): Promise<void> {
    await this.prisma.pair.update({ where: { id: pairId }, data: { probation } });
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
    const { count } = await this.prisma.pair.updateMany({
      where: { id: pair.id, status: { in: WORKING } },
      data: { status, endedAt: input.now, endReason: input.reason, endComment: input.comment?.slice(0, 500) ?? null, lastActivityAt: input.now },
    });
    if (count === 0) return { ok: false, problem: "already-ended" };
    // Meetings still planned will not take place.
    await this.prisma.meeting.updateMany({ where: { pairId: pair.id, status: { in: ["proposed", "confirmed"] }, startsAt: { gt: input.now } }, data: { status: "cancelled", revision: { increment: 1 } } });
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
    const dueDate = finalReportDueDate(pair.endedAt, pair.timezone, settings).split("-").reverse().join(".");
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
