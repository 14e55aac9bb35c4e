import type { PrismaClient } from "../db/client.js";

/**
 * What curators see of the programme cycle run by other parts of the bot (pairs, meetings,
 * feedback after meetings): read straight from their tables, read-only.
 */

export interface PairView {
  id: string;
  status: string;
  probation: boolean;
  confirmedAt: Date;
  endedAt: Date | null;
  mentor: { participationId: string; personId: string; name: string | null };
  mentees: { participationId: string; personId: string; name: string | null; left: boolean }[];
  meetings: MeetingView[];
}

export interface MeetingView {
  id: string;
  pairId: string;
  startsAt: Date;
  stage: string;
  status: string;
  place: string | null;
  /** Person ids of those who submitted feedback after the meeting. */
  feedbackFrom: string[];
}

export interface ProgrammeMeeting extends MeetingView {
  programmeId: string;
  mentorName: string | null;
  menteeNames: (string | null)[];
}

const PERSON = { select: { displayName: true, erasedAt: true } } as const;
const nameOf = (p: { displayName: string | null; erasedAt: Date | null }) => (p.erasedAt ? null : p.displayName);

export class ProgrammeViews {
  constructor(private readonly prisma: PrismaClient) {}

  private async feedback(programmeIds: string[], meetingIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!meetingIds.length) return out;
    const rows = await this.prisma.formResponse.findMany({
      where: { programmeId: { in: programmeIds }, formId: "meeting-feedback", status: "submitted", subjectKey: { in: meetingIds } },
      select: { personId: true, subjectKey: true },
    });
    for (const r of rows) out.set(r.subjectKey, [...(out.get(r.subjectKey) ?? []), r.personId]);
    return out;
  }

  /** The pairs and groups a participation is part of (as mentor or mentee), newest first, with their last meetings. */
  async pairsOf(participationId: string, meetingsPerPair = 5): Promise<PairView[]> {
    const pairs = await this.prisma.pair.findMany({
      where: { OR: [{ mentorId: participationId }, { members: { some: { menteeId: participationId } } }] },
      orderBy: [{ confirmedAt: "desc" }, { id: "asc" }],
      take: 5,
      select: {
        id: true,
        programmeId: true,
        status: true,
        probation: true,
        confirmedAt: true,
        endedAt: true,
        mentor: { select: { id: true, personId: true, person: PERSON } },
        members: { select: { menteeId: true, leftAt: true, mentee: { select: { personId: true, person: PERSON } } }, orderBy: { joinedAt: "asc" } },
        meetings: { orderBy: { startsAt: "desc" }, take: meetingsPerPair, select: { id: true, startsAt: true, stage: true, status: true, place: true } },
      },
    });
    const feedback = await this.feedback([...new Set(pairs.map((p) => p.programmeId))], pairs.flatMap((p) => p.meetings.map((m) => m.id)));
    return pairs.map((p) => ({
      id: p.id,
      status: p.status,
      probation: p.probation,
      confirmedAt: p.confirmedAt,
      endedAt: p.endedAt,
      mentor: { participationId: p.mentor.id, personId: p.mentor.personId, name: nameOf(p.mentor.person) },
      mentees: p.members.map((m) => ({ participationId: m.menteeId, personId: m.mentee.personId, name: nameOf(m.mentee.person), left: m.leftAt !== null })),
      meetings: p.meetings.map((m) => ({ ...m, pairId: p.id, feedbackFrom: feedback.get(m.id) ?? [] })),
    }));
  }

  /**
   * Meetings of the programmes: upcoming (proposed or confirmed, from now to `until`) and missed
   * (marked missed, or past by more than `graceHours` and never marked held) since `since`.
   */
  async meetings(programmeIds: string[], now: Date, options: { until: Date; since: Date; graceHours: number; limit: number }): Promise<{ upcoming: ProgrammeMeeting[]; missed: ProgrammeMeeting[] }> {
    if (!programmeIds.length) return { upcoming: [], missed: [] };
    const select = {
      id: true,
      pairId: true,
      startsAt: true,
      stage: true,
      status: true,
      place: true,
      pair: {
        select: {
          programmeId: true,
          mentor: { select: { person: PERSON } },
          members: { where: { leftAt: null }, select: { mentee: { select: { person: PERSON } } } },
        },
      },
    } as const;
    const inProgrammes = { pair: { programmeId: { in: programmeIds } } };
    const [upcoming, missed] = await Promise.all([
      this.prisma.meeting.findMany({
        where: { ...inProgrammes, status: { in: ["proposed", "confirmed"] }, startsAt: { gte: now, lt: options.until } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: options.limit,
        select,
      }),
      this.prisma.meeting.findMany({
        where: {
          ...inProgrammes,
          startsAt: { gte: options.since, lt: now },
          OR: [{ status: "missed" }, { status: { in: ["proposed", "confirmed"] }, startsAt: { lt: new Date(now.getTime() - options.graceHours * 3_600_000) } }],
        },
        orderBy: [{ startsAt: "desc" }, { id: "asc" }],
        take: options.limit,
        select,
      }),
    ]);
    const all = [...upcoming, ...missed];
    const feedback = await this.feedback(programmeIds, all.map((m) => m.id));
    const view = (m: (typeof all)[number]): ProgrammeMeeting => ({
      id: m.id,
      pairId: m.pairId,
      startsAt: m.startsAt,
      stage: m.stage,
      status: m.status,
      place: m.place,
      feedbackFrom: feedback.get(m.id) ?? [],
      programmeId: m.pair.programmeId,
      mentorName: nameOf(m.pair.mentor.person),
      menteeNames: m.pair.members.map((x) => nameOf(x.mentee.person)),
    });
    return { upcoming: upcoming.map(view), missed: missed.map(view) };
  }
}
