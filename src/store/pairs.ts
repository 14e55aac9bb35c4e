import { LOOK_NOW } from "./lifecycle-schedule.js";
import type { Prisma, PrismaClient } from "../db/client.js";
import { PAIR_STAGES, type EndReason, type PairStatus } from "../domain/lifecycle.js";
import { inBatches } from "./batches.js";

/**
 * Pairs and groups of a programme (002 §7.3–7.5), as stored: created when a curator confirms
 * them, numbered by confirmation, working through the stages of 002 §7.4, marked ended. What
 * confirming and ending bring (messages, surveys, tasks) is in src/usecases/pairs.ts.
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

/** A pair with its people — the one read model of who is in a pair; numbered views add the number. */
export type PairWithPeople = Omit<PairView, "number">;

function withPeople(r: PairRecord): PairWithPeople {
  return {
    id: r.id,
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

function view(r: PairRecord, number: number): PairView {
  return { ...withPeople(r), number };
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

// The formatters are src/domain/time.ts's; these names stay for the code that still imports them here.

export class Pairs {
  constructor(protected readonly prisma: PrismaClient) {}

  /**
   * Creates the pair (one mentee) or group of the programme and makes its people active, under a
   * per-programme lock so a mentee cannot land in two pairs. The same pair again is reported as
   * it stands (`created: false`); nothing is told to anyone here (src/usecases/pairs.ts does).
   */
  async create(input: ConfirmPairInput): Promise<ConfirmResult> {
    const now = input.now;
    const menteeIds = [...new Set(input.menteeParticipationIds)];
    if (!menteeIds.length) return { ok: false, problem: "no-mentees" };
    return this.prisma.$transaction(async (tx): Promise<ConfirmResult> => {
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
      // Who is left without a pair, and since when matching began, changed.
      await tx.programme.update({ where: { id: input.programmeId }, data: { nextLookAt: LOOK_NOW } });
      return { ok: true, pairId: pair.id, created: true };
    });
  }

  /** Marks a working pair ended (false when it was not working) and cancels its meetings still ahead. */
  async markEnded(input: { pairId: string; status: PairStatus; reason: EndReason; comment?: string | null; now: Date }): Promise<boolean> {
    const { count } = await this.prisma.pair.updateMany({
      where: { id: input.pairId, status: { in: WORKING } },
      data: { status: input.status, endedAt: input.now, endReason: input.reason, endComment: input.comment?.slice(0, 500) ?? null, lastActivityAt: input.now, nextLookAt: LOOK_NOW },
    });
    if (count === 0) return false;
    // Its mentees are without a pair now.
    await this.prisma.$executeRaw`UPDATE "Programme" SET "nextLookAt" = ${LOOK_NOW} WHERE id = (SELECT "programmeId" FROM "Pair" WHERE id = ${input.pairId})`;
    // Meetings still planned will not take place.
    await this.prisma.meeting.updateMany({ where: { pairId: input.pairId, status: { in: ["proposed", "confirmed"] }, startsAt: { gt: input.now } }, data: { status: "cancelled", revision: { increment: 1 } } });
    return true;
  }

  /** The pairs that match, with their people, oldest first (one query, whatever their number). */
  /**
   * The pairs matching `where`, with their people. Their ids are read first and the pairs with
   * their people a slice at a time: Prisma loads relations with an `IN` list of the parents' ids,
   * which a region's pairs would take beyond PostgreSQL's limit on parameters.
   */
  async find(where: Prisma.PairWhereInput): Promise<PairWithPeople[]> {
    const ids = await this.prisma.pair.findMany({ where, select: { id: true }, orderBy: [{ confirmedAt: "asc" }, { id: "asc" }] });
    return this.withIds(ids.map((r) => r.id));
  }

  /** These pairs with their people, in the order given (ids not found are left out). */
  async withIds(ids: readonly string[]): Promise<PairWithPeople[]> {
    const rows = (await inBatches(ids, (slice) => this.prisma.pair.findMany({ where: { id: { in: slice } }, select: PAIR_SELECT }))) as PairRecord[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [withPeople(r)] : [];
    });
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

  /** Something happened in the pair (a meeting proposed, confirmed, moved, cancelled): its last activity, and the scheduler looks at it again. */
  async touch(pairId: string, now: Date): Promise<void> {
    await this.prisma.$executeRaw`UPDATE "Pair" SET "lastActivityAt" = GREATEST("lastActivityAt", ${now}), "nextLookAt" = ${LOOK_NOW} WHERE id = ${pairId}`;
  }

  async setProbation(pairId: string, probation: boolean): Promise<void> {
    await this.prisma.pair.update({ where: { id: pairId }, data: { probation, nextLookAt: LOOK_NOW } });
  }
}
