import { LOOK_NOW } from "./lifecycle-schedule.js";
import type { Prisma, PrismaClient } from "../db/client.js";
import type { SqlExecutor } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";
import type { Answers } from "../flows/types.js";
import type { MentorshipForm, Role } from "../domain/roles.js";
import type { Platform } from "../domain/platforms.js";

export interface ProgrammeInfo {
  id: string;
  name: string;
  form: MentorshipForm;
  timezone: string;
  organisationName: string;
  startsOn: Date;
  endsOn: Date;
  status: "draft" | "active" | "finished";
  /** The messengers the organisation allows (none listed: every one). */
  messengers: Platform[];
}

export type ParticipationStatus = "joined" | "approved" | "declined" | "active" | "completed" | "left";

export interface ParticipantRow {
  /** Position in the programme's list (by joining), the number curators type. */
  number: number;
  participationId: string;
  programmeId: string;
  personId: string;
  name: string | null;
  role: "mentor" | "mentee";
  status: ParticipationStatus;
  capacity: number | null;
  joinedAt: Date;
}

export interface OwnParticipation {
  participationId: string;
  programme: ProgrammeInfo;
  role: Role;
  status: ParticipationStatus;
}

export type InterviewResult =
  | { ok: true; programmeId: string; programmeName: string; mentorPersonId: string; from: ParticipationStatus; to: ParticipationStatus }
  | { ok: false; problem: "not-curator" | "not-mentor" | "status" };

/** Mentors who passed the interview (002 §7.2) and may be chosen and matched. */
export const MATCHABLE_MENTOR: ParticipationStatus[] = ["approved", "active"];
/** Mentees still in the programme. */
export const CURRENT_MENTEE: ParticipationStatus[] = ["joined", "approved", "active"];

/** A programme with its organisation's name, time zone and messengers, as `programmeInfo` reads it (`g`: the programme, `o`: its organisation). */
const PROGRAMME_COLUMNS = `g.id, g.name, g.form::text AS form, g."startsOn", g."endsOn", g.status::text AS status, o.name AS "organisationName", o.timezone, o.messengers::text[] AS messengers`;

interface ProgrammeRow {
  id: string;
  name: string;
  form: MentorshipForm;
  startsOn: string;
  endsOn: string;
  status: ProgrammeInfo["status"];
  organisationName: string;
  timezone: string;
  messengers: Platform[];
}

/** SQL dates come as YYYY-MM-DD (src/db/client.ts); the programme's dates are midnight UTC, as Prisma gives them. */
function programmeInfo(p: ProgrammeRow): ProgrammeInfo {
  return {
    id: p.id,
    name: p.name,
    form: p.form,
    timezone: p.timezone,
    organisationName: p.organisationName,
    startsOn: new Date(`${p.startsOn}T00:00:00Z`),
    endsOn: new Date(`${p.endsOn}T00:00:00Z`),
    status: p.status,
    messengers: p.messengers,
  };
}

/**
 * Participants of programmes as curators and the forms see them: who curates what, the
 * numbered list of mentors and mentees, the interview decision, the people a mutual-choice
 * survey offers.
 */
export class Participants {
  constructor(
    private readonly prisma: PrismaClient,
    /** The queries every questionnaire and every form's ticket makes, as prepared SQL. */
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  async curatedProgrammes(personId: string): Promise<{ id: string; name: string }[]> {
    const rows = await this.prisma.participation.findMany({
      where: { personId, role: "curator", status: { not: "left" } },
      select: { programme: { select: { id: true, name: true } } },
      orderBy: { joinedAt: "asc" },
    });
    return rows.map((r) => r.programme);
  }

  async isCurator(personId: string, programmeId: string): Promise<boolean> {
    const p = await this.prisma.participation.findUnique({
      where: { personId_programmeId_role: { personId, programmeId, role: "curator" } },
      select: { status: true },
    });
    return !!p && p.status !== "left";
  }

  async curators(programmeId: string): Promise<string[]> {
    const rows = await this.sql.rows<{ personId: string }>(
      `SELECT p."personId" FROM "Participation" p JOIN "Person" pe ON pe.id = p."personId"
       WHERE p."programmeId" = $1 AND p.role = 'curator' AND p.status <> 'left' AND pe."erasedAt" IS NULL
       ORDER BY p."joinedAt"`,
      [programmeId],
    );
    return rows.map((r) => r.personId);
  }

  async programme(programmeId: string): Promise<ProgrammeInfo | null> {
    const row = await this.sql.one<ProgrammeRow>(`SELECT ${PROGRAMME_COLUMNS} FROM "Programme" g JOIN "Organisation" o ON o.id = g."organisationId" WHERE g.id = $1`, [programmeId]);
    return row ? programmeInfo(row) : null;
  }

  /** One mentor's or mentee's row of the programme's list, its number counted in the database (the whole list is not read). */
  async entry(programmeId: string, personId: string, role: "mentor" | "mentee"): Promise<ParticipantRow | null> {
    const row = await this.sql.one<{ id: string; status: ParticipationStatus; capacity: number | null; joinedAt: Date; displayName: string | null; erasedAt: Date | null; number: number }>(
      `SELECT p.id, p.status::text AS status, p.capacity, p."joinedAt", pe."displayName", pe."erasedAt",
         (SELECT count(*)::int FROM "Participation" q
           WHERE q."programmeId" = p."programmeId" AND q.role IN ('mentor', 'mentee') AND (q."joinedAt", q.id) <= (p."joinedAt", p.id)) AS number
       FROM "Participation" p JOIN "Person" pe ON pe.id = p."personId"
       WHERE p."programmeId" = $1 AND p."personId" = $2 AND p.role = $3::"Role"`,
      [programmeId, personId, role],
    );
    if (!row) return null;
    return {
      number: row.number,
      participationId: row.id,
      programmeId,
      personId,
      name: row.erasedAt ? null : row.displayName,
      role,
      status: row.status,
      capacity: row.capacity,
      joinedAt: row.joinedAt,
    };
  }

  /** Mentors and mentees of a programme, numbered in the order they joined (numbers never change). */
  async list(programmeId: string): Promise<ParticipantRow[]> {
    const rows = await this.prisma.participation.findMany({
      where: { programmeId, role: { in: ["mentor", "mentee"] } },
      select: { id: true, personId: true, role: true, status: true, capacity: true, joinedAt: true, person: { select: { displayName: true, erasedAt: true } } },
      orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    });
    return rows.map((r, i) => ({
      number: i + 1,
      participationId: r.id,
      programmeId,
      personId: r.personId,
      name: r.person.erasedAt ? null : r.person.displayName,
      role: r.role as "mentor" | "mentee",
      status: r.status,
      capacity: r.capacity,
      joinedAt: r.joinedAt,
    }));
  }

  async byId(participationId: string): Promise<ParticipantRow | null> {
    const p = await this.prisma.participation.findUnique({ where: { id: participationId }, select: { programmeId: true, role: true } });
    if (!p || p.role === "curator") return null;
    return (await this.list(p.programmeId)).find((r) => r.participationId === participationId) ?? null;
  }

  async byNumber(programmeId: string, number: number): Promise<ParticipantRow | null> {
    return (await this.list(programmeId)).find((r) => r.number === number) ?? null;
  }

  /** The person's places as mentor or mentee, with their programmes. */
  async ofPerson(personId: string): Promise<OwnParticipation[]> {
    const rows = await this.sql.rows<ProgrammeRow & { participationId: string; role: Role; participationStatus: ParticipationStatus }>(
      `SELECT p.id AS "participationId", p.role::text AS role, p.status::text AS "participationStatus", ${PROGRAMME_COLUMNS}
       FROM "Participation" p JOIN "Programme" g ON g.id = p."programmeId" JOIN "Organisation" o ON o.id = g."organisationId"
       WHERE p."personId" = $1 AND p.role IN ('mentor', 'mentee') AND p.status <> 'left'
       ORDER BY p."joinedAt"`,
      [personId],
    );
    return rows.map((r) => ({ participationId: r.participationId, programme: programmeInfo(r), role: r.role, status: r.participationStatus }));
  }

  async find(personId: string, programmeId: string, role: Role): Promise<{ id: string; status: ParticipationStatus } | null> {
    const p = await this.sql.one<{ id: string; status: ParticipationStatus }>(
      `SELECT id, status::text AS status FROM "Participation" WHERE "personId" = $1 AND "programmeId" = $2 AND role = $3::"Role"`,
      [personId, programmeId, role],
    );
    return p && p.status !== "left" ? p : null;
  }

  async setCapacity(personId: string, programmeId: string, role: Role, capacity: number): Promise<void> {
    await this.prisma.participation.updateMany({ where: { personId, programmeId, role }, data: { capacity } });
  }

  /**
   * Records the interview and its decision: approved or declined, for a mentor who has not
   * started working in a pair yet. Checked again here: only a curator of the mentor's programme.
   */
  async recordInterview(input: { curatorId: string; participationId: string; decision: "approve" | "decline"; answers: Answers; formId: string; formVersion: number }): Promise<InterviewResult> {
    return this.prisma.$transaction(async (tx) => {
      const p = await tx.participation.findUnique({
        where: { id: input.participationId },
        select: { id: true, role: true, status: true, personId: true, programmeId: true, programme: { select: { name: true } } },
      });
      if (!p) return { ok: false, problem: "not-mentor" } as const;
      const curator = await tx.participation.findUnique({
        where: { personId_programmeId_role: { personId: input.curatorId, programmeId: p.programmeId, role: "curator" } },
        select: { status: true },
      });
      if (!curator || curator.status === "left") return { ok: false, problem: "not-curator" } as const;
      if (p.role !== "mentor") return { ok: false, problem: "not-mentor" } as const;
      if (!["joined", "approved", "declined"].includes(p.status)) return { ok: false, problem: "status" } as const;
      const to: ParticipationStatus = input.decision === "approve" ? "approved" : "declined";
      await tx.participation.update({ where: { id: p.id }, data: { status: to } });
      await tx.programme.update({ where: { id: p.programmeId }, data: { nextLookAt: LOOK_NOW } });
      const now = this.now();
      const data = { formVersion: input.formVersion, answers: input.answers as Prisma.InputJsonValue, status: "submitted" as const, submittedAt: now, updatedAt: now };
      await tx.formResponse.upsert({
        where: { personId_formId_subjectKey_programmeId: { personId: p.personId, formId: input.formId, subjectKey: "", programmeId: p.programmeId } },
        create: { personId: p.personId, programmeId: p.programmeId, formId: input.formId, subjectKey: "", createdAt: now, ...data },
        update: data,
      });
      return { ok: true, programmeId: p.programmeId, programmeName: p.programme.name, mentorPersonId: p.personId, from: p.status, to } as const;
    });
  }

  /** Options of the mutual-choice survey: the people of the other side, by name, told apart when names repeat. */
  async choosable(programmeId: string, role: "mentor" | "mentee", excludePersonId?: string): Promise<{ value: string; label: string }[]> {
    const rows = await this.prisma.participation.findMany({
      where: {
        programmeId,
        role,
        status: { in: role === "mentor" ? MATCHABLE_MENTOR : CURRENT_MENTEE },
        person: { erasedAt: null },
        ...(excludePersonId ? { personId: { not: excludePersonId } } : {}),
      },
      select: { id: true, person: { select: { displayName: true } } },
      orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    });
    const seen = new Map<string, number>();
    return rows.map((r) => {
      const name = r.person.displayName ?? "—";
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return { value: r.id, label: n > 1 ? `${name} (${n})` : name };
    });
  }

  async names(participationIds: readonly string[]): Promise<Record<string, string>> {
    if (!participationIds.length) return {};
    const rows = await this.prisma.participation.findMany({
      where: { id: { in: [...participationIds] } },
      select: { id: true, person: { select: { displayName: true, erasedAt: true } } },
    });
    return Object.fromEntries(rows.map((r) => [r.id, r.person.erasedAt ? "—" : (r.person.displayName ?? "—")]));
  }
}
