import { LOOK_NOW } from "./lifecycle-schedule.js";
import type { PrismaClient } from "../db/client.js";
import type { Clock } from "../domain/clock.js";
import { CURRENT_MENTEE, MATCHABLE_MENTOR, type ParticipationStatus } from "./participants.js";

export type RoundKind = "mutual_choice" | "satisfaction";

export interface Round {
  id: string;
  programmeId: string;
  kind: RoundKind | "pulse" | "exit";
  openedAt: Date;
  closedAt: Date | null;
}

export type PreferenceQuestion = "work_with" | "can_help";

/**
 * Survey rounds the curator opens and closes (the mutual choice after the common meeting,
 * 002 §7.3; the satisfaction questionnaires at the end, 001 stage 6), and the ranked
 * preferences given in the mutual choice.
 */
export class Surveys {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: Clock,
  ) {}

  async get(roundId: string): Promise<Round | null> {
    return this.prisma.surveyRound.findUnique({ where: { id: roundId } });
  }

  async current(programmeId: string, kind: RoundKind): Promise<Round | null> {
    return this.prisma.surveyRound.findFirst({ where: { programmeId, kind, closedAt: null }, orderBy: { openedAt: "desc" } });
  }

  /** Opens a round; when one of the kind is open already, that one is returned. */
  async open(programmeId: string, kind: RoundKind, now: Date): Promise<{ round: Round; created: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      // One opener at a time per programme and kind.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`survey:${programmeId}:${kind}`}, 0))`;
      const open = await tx.surveyRound.findFirst({ where: { programmeId, kind, closedAt: null } });
      if (open) return { round: open, created: false };
      await tx.programme.update({ where: { id: programmeId }, data: { nextLookAt: LOOK_NOW } });
      return { round: await tx.surveyRound.create({ data: { programmeId, kind, openedAt: now } }), created: true };
    });
  }

  async close(programmeId: string, kind: RoundKind, now: Date): Promise<Round | null> {
    const open = await this.current(programmeId, kind);
    if (!open) return null;
    return this.prisma.surveyRound.update({ where: { id: open.id }, data: { closedAt: now } });
  }

  /** Who is asked in a round: approved mentors and current mentees for the mutual choice; every mentor and mentee still in for satisfaction. */
  async audience(programmeId: string, kind: RoundKind): Promise<{ personId: string; participationId: string; role: "mentor" | "mentee" }[]> {
    const statuses = (role: "mentor" | "mentee"): ParticipationStatus[] =>
      kind === "mutual_choice" ? (role === "mentor" ? MATCHABLE_MENTOR : CURRENT_MENTEE) : ["joined", "approved", "active", "completed"];
    const rows = await this.prisma.participation.findMany({
      where: {
        programmeId,
        person: { erasedAt: null },
        OR: [
          { role: "mentor", status: { in: statuses("mentor") } },
          { role: "mentee", status: { in: statuses("mentee") } },
        ],
      },
      select: { id: true, personId: true, role: true },
      orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    });
    return rows.map((r) => ({ personId: r.personId, participationId: r.id, role: r.role as "mentor" | "mentee" }));
  }

  /**
   * Replaces the person's ranked choices in the programme. Each chosen person must still be
   * on the other side of the programme (a mentor approved, a mentee still in); others are dropped.
   */
  async recordPreferences(input: {
    personId: string;
    programmeId: string;
    role: "mentor" | "mentee";
    picks: Record<PreferenceQuestion, string[]>;
  }): Promise<{ ok: true; stored: number } | { ok: false; problem: "not-participant" }> {
    return this.prisma.$transaction(async (tx) => {
      const from = await tx.participation.findUnique({
        where: { personId_programmeId_role: { personId: input.personId, programmeId: input.programmeId, role: input.role } },
        select: { id: true, status: true },
      });
      const allowed = input.role === "mentor" ? MATCHABLE_MENTOR : CURRENT_MENTEE;
      if (!from || !allowed.includes(from.status)) return { ok: false, problem: "not-participant" } as const;
      const other = input.role === "mentor" ? "mentee" : "mentor";
      const ids = [...new Set(Object.values(input.picks).flat())];
      const valid = new Set(
        (
          await tx.participation.findMany({
            where: { id: { in: ids }, programmeId: input.programmeId, role: other, status: { in: other === "mentor" ? MATCHABLE_MENTOR : CURRENT_MENTEE } },
            select: { id: true },
          })
        ).map((p) => p.id),
      );
      await tx.preference.deleteMany({ where: { fromId: from.id } });
      const createdAt = this.now();
      const rows: { programmeId: string; fromId: string; toId: string; question: string; rank: number; createdAt: Date }[] = [];
      for (const question of ["work_with", "can_help"] as const) {
        const chosen = input.picks[question].filter((id, i, all) => valid.has(id) && all.indexOf(id) === i);
        for (const [i, toId] of chosen.entries()) rows.push({ programmeId: input.programmeId, fromId: from.id, toId, question, rank: i + 1, createdAt });
      }
      if (rows.length) await tx.preference.createMany({ data: rows });
      return { ok: true, stored: rows.length } as const;
    });
  }

  async preferencesOf(participationId: string): Promise<{ question: string; rank: number; toId: string }[]> {
    return this.prisma.preference.findMany({ where: { fromId: participationId }, select: { question: true, rank: true, toId: true }, orderBy: [{ question: "desc" }, { rank: "asc" }] });
  }
}
