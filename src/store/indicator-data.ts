import type { PrismaClient } from "../db/client.js";
import type { SqlExecutor } from "../db/sql.js";
import { satisfactionScores } from "../domain/form-scores.js";
import type { MentorshipData, OrganisationInput, PairInput, ParticipantInput, ProgrammeInput } from "../domain/indicators/input-types.js";
import { participantFacts, type ParticipantFacts } from "../domain/participant-facts.js";
import type { MentorshipForm } from "../domain/roles.js";
import type { MeetingRow, MenteeBaseRow, MentorBaseRow, PairRow, Translate } from "../reports/index.js";
import { inBatches } from "./batches.js";

/**
 * The database mapped onto the pure inputs of the indicators (seed 003) and of the RNC forms
 * (seed 004), and onto the rows of the curator's working sheets. Read-only, through Prisma.
 *
 * - Programmes in draft are left out; finished ones stay (their participants are the ones who
 *   completed the cycle).
 * - A participant completed the full cycle (000 §9) when the curator marked it
 *   (Participation.completedCycleAt) or the participation's status is "completed".
 * - Category, age, workplace, college…: from the submitted questionnaire or request
 *   (src/domain/participant-facts.ts).
 * - Pairs: a mentor with the mentees who have not left the pair.
 * - Approved personalised programmes (003 item 9): the programme's setting
 *   `approvedPersonalisedProgrammes` (a number or a flag) when the curator set it; otherwise
 *   one per pair or group of the programme that did not end early (each works by its own
 *   individual plan, 002 §7.4) — 003's own table has 2 pairs + 4 groups and 6 programmes.
 * - People who withdrew consent (erased) still count in the figures, anonymously, and are
 *   left out of every list with names.
 */

export type DataFilter = { organisationIds: readonly string[] } | { programmeIds: readonly string[] };

export const QUESTIONNAIRE_FORM: Record<"mentor" | "mentee", string> = { mentor: "mentor-questionnaire", mentee: "mentee-request" };
const SATISFACTION_FORMS = ["satisfaction-mentor", "satisfaction-mentee"];

interface LoadedProgramme {
  id: string;
  name: string;
  form: MentorshipForm;
  statedResult: string | null;
  settings: unknown;
  organisationId: string;
  organisation: { name: string; timezone: string };
}

interface LoadedParticipation {
  id: string;
  personId: string;
  programmeId: string;
  role: "mentor" | "mentee";
  status: string;
  completedCycleAt: Date | null;
  joinedAt: Date;
  person: { displayName: string | null; erasedAt: Date | null };
}

interface LoadedPair {
  id: string;
  programmeId: string;
  mentorId: string;
  status: PairInput["status"];
  probation: boolean;
  confirmedAt: Date;
  endedAt: Date | null;
  endReason: PairRow["endReason"];
  members: { menteeId: string; leftAt: Date | null }[];
}

export interface LoadedData {
  data: MentorshipData;
  programmes: LoadedProgramme[];
  participations: LoadedParticipation[];
  /** Participation id → facts from the questionnaire. */
  facts: Map<string, ParticipantFacts>;
  /** Participation id → the submitted questionnaire's answers. */
  answers: Map<string, Record<string, unknown>>;
  pairs: LoadedPair[];
  /** A timezone for dates: the first organisation's. */
  timezone: string;
}

export interface WorkbookRows {
  mentors: MentorBaseRow[];
  mentees: MenteeBaseRow[];
  pairs: PairRow[];
  meetings: MeetingRow[];
}

function isCompleted(p: { completedCycleAt: Date | null; status: string }): boolean {
  return p.completedCycleAt !== null || p.status === "completed";
}

/** Statuses of someone no longer in the programme: left, or not taken on after the interview. */
const OUT_OF_PROGRAMME = new Set(["left", "declined"]);

/**
 * The same data with everyone taking part now counted as if their cycle were complete: the
 * indicators "in the programme now", shown beside the official ones (which count only the full
 * cycle, 000 §9) while a programme runs. Never used for the reports.
 */
export function inProgrammeNow(loaded: LoadedData): MentorshipData {
  const participants = loaded.data.participants.map((p, i) => ({ ...p, completedCycle: !OUT_OF_PROGRAMME.has(loaded.participations[i]?.status ?? "left") }));
  return { ...loaded.data, participants };
}

/** Distinct people counted in a set of participants: now in the programme, and of them with the full cycle. */
export function peopleCounts(loaded: LoadedData): { now: number; completed: number } {
  const now = new Set(loaded.participations.filter((p) => !OUT_OF_PROGRAMME.has(p.status)).map((p) => p.personId)).size;
  const completed = new Set(loaded.data.participants.filter((p) => p.completedCycle).map((p) => p.personId)).size;
  return { now, completed };
}

function personalisedProgrammes(settings: unknown, pairs: readonly LoadedPair[]): number | boolean {
  const value = settings && typeof settings === "object" ? (settings as Record<string, unknown>).approvedPersonalisedProgrammes : undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  return pairs.filter((p) => p.status !== "ended_early" && p.members.some((m) => m.leftAt === null)).length;
}

function clip(text: string | null | undefined, max = 500): string | null {
  if (typeof text !== "string") return null;
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "") return null;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export class IndicatorData {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: SqlExecutor,
  ) {}

  /**
   * The mentors and mentees of these programmes with their names, in order of joining. A region
   * has hundreds of thousands: read as one prepared statement, not through Prisma's row mapping.
   */
  private async participations(programmeIds: string[]): Promise<LoadedParticipation[]> {
    const rows = await this.sql.rows<Omit<LoadedParticipation, "person"> & { displayName: string | null; erasedAt: Date | null }>(
      `SELECT p.id, p."personId", p."programmeId", p.role::text AS role, p.status::text AS status, p."completedCycleAt", p."joinedAt", u."displayName", u."erasedAt"
       FROM "Participation" p JOIN "Person" u ON u.id = p."personId"
       WHERE p."programmeId" = ANY($1::text[]) AND p.role IN ('mentor', 'mentee')
       ORDER BY p."joinedAt", p.id`,
      [programmeIds],
    );
    return rows.map(({ displayName, erasedAt, ...p }) => ({ ...p, person: { displayName, erasedAt } }));
  }

  /** The pairs of these programmes with their members, in order of confirmation. */
  private async pairsOf(programmeIds: string[]): Promise<LoadedPair[]> {
    const [pairs, members] = await Promise.all([
      this.sql.rows<Omit<LoadedPair, "members">>(
        `SELECT id, "programmeId", "mentorId", status::text AS status, probation, "confirmedAt", "endedAt", "endReason"::text AS "endReason"
         FROM "Pair" WHERE "programmeId" = ANY($1::text[]) ORDER BY "confirmedAt", id`,
        [programmeIds],
      ),
      this.sql.rows<{ pairId: string; menteeId: string; leftAt: Date | null }>(
        `SELECT m."pairId", m."menteeId", m."leftAt" FROM "PairMember" m JOIN "Pair" p ON p.id = m."pairId" WHERE p."programmeId" = ANY($1::text[]) ORDER BY m."joinedAt", m."menteeId"`,
        [programmeIds],
      ),
    ]);
    const membersOf = new Map<string, { menteeId: string; leftAt: Date | null }[]>();
    for (const m of members) {
      const list = membersOf.get(m.pairId);
      const member = { menteeId: m.menteeId, leftAt: m.leftAt };
      if (list) list.push(member);
      else membersOf.set(m.pairId, [member]);
    }
    return pairs.map((p) => ({ ...p, members: membersOf.get(p.id) ?? [] }));
  }

  /** Programme ids of the filter's organisations (or the programmes themselves), drafts left out. */
  async programmeIds(filter: DataFilter): Promise<string[]> {
    const where = "organisationIds" in filter ? { organisationId: { in: [...filter.organisationIds] } } : { id: { in: [...filter.programmeIds] } };
    const rows = await this.prisma.programme.findMany({ where: { ...where, status: { not: "draft" } }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  async load(filter: DataFilter): Promise<LoadedData> {
    const where = "organisationIds" in filter ? { organisationId: { in: [...filter.organisationIds] } } : { id: { in: [...filter.programmeIds] } };
    const programmes = (await this.prisma.programme.findMany({
      where: { ...where, status: { not: "draft" } },
      select: { id: true, name: true, form: true, statedResult: true, settings: true, organisationId: true, organisation: { select: { name: true, timezone: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    })) as LoadedProgramme[];
    const programmeIds = programmes.map((p) => p.id);
    const organisationIds = "organisationIds" in filter ? [...filter.organisationIds] : [...new Set(programmes.map((p) => p.organisationId))];
    const [organisations, participations, responses, pairs] = await Promise.all([
      this.prisma.organisation.findMany({
        where: { id: { in: organisationIds } },
        select: { id: true, name: true, district: true, region: true, headName: true, headContacts: true, childrenAged10to19: true, teachersCount: true, youngSpecialistsCount: true, timezone: true },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
      this.participations(programmeIds),
      this.sql.rows<{ personId: string; programmeId: string | null; formId: string; answers: unknown }>(
        `SELECT "personId", "programmeId", "formId", answers FROM "FormResponse"
         WHERE "programmeId" = ANY($1::text[]) AND status = 'submitted' AND "formId" = ANY($2::text[])`,
        [programmeIds, [...Object.values(QUESTIONNAIRE_FORM), ...SATISFACTION_FORMS]],
      ),
      this.pairsOf(programmeIds),
    ]);

    const formOf = new Map(programmes.map((p) => [p.id, p.form]));
    const answerKey = (personId: string, programmeId: string, formId: string) => `${personId}|${programmeId}|${formId}`;
    const answersBy = new Map<string, Record<string, unknown>>();
    for (const r of responses) {
      if (r.programmeId && r.answers && typeof r.answers === "object") answersBy.set(answerKey(r.personId, r.programmeId, r.formId), r.answers as Record<string, unknown>);
    }
    const facts = new Map<string, ParticipantFacts>();
    const answers = new Map<string, Record<string, unknown>>();
    const participants: ParticipantInput[] = participations.map((p) => {
      const a = answersBy.get(answerKey(p.personId, p.programmeId, QUESTIONNAIRE_FORM[p.role])) ?? null;
      if (a) answers.set(p.id, a);
      const f = participantFacts(formOf.get(p.programmeId) ?? "pupil_pupil", p.role, a);
      facts.set(p.id, f);
      return {
        personId: p.personId,
        programmeId: p.programmeId,
        role: p.role,
        completedCycle: isCompleted(p),
        category: f.category,
        age: f.age,
        enterprise: f.enterprise,
        workplace: f.workplace,
        position: f.position,
        college: f.college,
        speciality: f.speciality,
        year: f.year,
      };
    });
    const personOf = new Map(participations.map((p) => [p.id, p.personId]));
    const pairInputs: PairInput[] = pairs.flatMap((pair) => {
      const mentorId = personOf.get(pair.mentorId);
      if (!mentorId) return [];
      const menteeIds = pair.members.filter((m) => m.leftAt === null).flatMap((m) => personOf.get(m.menteeId) ?? []);
      return [{ id: pair.id, programmeId: pair.programmeId, mentorId, menteeIds, status: pair.status }];
    });
    const pairsOf = new Map<string, LoadedPair[]>();
    for (const pair of pairs) {
      const list = pairsOf.get(pair.programmeId);
      if (list) list.push(pair);
      else pairsOf.set(pair.programmeId, [pair]);
    }
    const programmeInputs: ProgrammeInput[] = programmes.map((p) => ({
      id: p.id,
      organisationId: p.organisationId,
      form: p.form,
      name: p.name,
      statedResult: p.statedResult,
      approvedPersonalisedProgrammes: personalisedProgrammes(p.settings, pairsOf.get(p.id) ?? []),
    }));
    const organisationInputs: OrganisationInput[] = organisations.map((o) => ({
      id: o.id,
      name: o.name,
      district: o.district,
      region: o.region,
      headName: o.headName,
      headContacts: o.headContacts,
      childrenAged10to19: o.childrenAged10to19,
      teachersCount: o.teachersCount,
      youngSpecialistsCount: o.youngSpecialistsCount,
    }));
    const satisfaction = satisfactionScores(
      responses.filter((r) => SATISFACTION_FORMS.includes(r.formId) && r.programmeId).map((r) => ({ personId: r.personId, programmeId: r.programmeId!, formId: r.formId, answers: (r.answers ?? {}) as Record<string, unknown> })),
    );
    return {
      data: { organisations: organisationInputs, programmes: programmeInputs, participants, pairs: pairInputs, satisfaction },
      programmes,
      participations,
      facts,
      answers,
      pairs,
      timezone: organisations[0]?.timezone ?? programmes[0]?.organisation.timezone ?? "Europe/Moscow",
    };
  }

  /**
   * The curator's working sheets (personal data: the caller audits the read): bases of mentors
   * and mentees, pairs and groups, meetings with the feedback after them.
   */
  async workbookRows(loaded: LoadedData, t: Translate): Promise<WorkbookRows> {
    const programmeById = new Map(loaded.programmes.map((p) => [p.id, p]));
    const participationById = new Map(loaded.participations.map((p) => [p.id, p]));
    const visible = (id: string) => {
      const p = participationById.get(id);
      return p && !p.person.erasedAt ? p : undefined;
    };
    const nameOf = (id: string) => visible(id)?.person.displayName ?? "—";
    const currentMentees = (pair: LoadedPair) => {
      const current = pair.members.filter((m) => m.leftAt === null);
      return (current.length ? current : pair.members).filter((m) => visible(m.menteeId)).map((m) => nameOf(m.menteeId));
    };
    const programmeIds = loaded.programmes.map((p) => p.id);
    const pairIds = loaded.pairs.map((p) => p.id);
    const [meetings, cycleResponses] = await Promise.all([
      inBatches(pairIds, (slice) =>
        this.prisma.meeting.findMany({
          where: { pairId: { in: slice } },
          select: { id: true, pairId: true, stage: true, startsAt: true, status: true, place: true },
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        }),
      ).then((rows) => rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),
      this.prisma.formResponse.findMany({
        where: { programmeId: { in: programmeIds }, status: "submitted", formId: { in: ["meeting-feedback", "final-report"] } },
        select: { personId: true, formId: true, subjectKey: true, answers: true },
      }),
    ]);

    const mentors: MentorBaseRow[] = [];
    const mentees: MenteeBaseRow[] = [];
    for (const p of loaded.participations) {
      if (p.person.erasedAt || p.status === "left") continue;
      const programme = programmeById.get(p.programmeId)!;
      const f = loaded.facts.get(p.id)!;
      const a = loaded.answers.get(p.id) ?? {};
      const completedCycle = isCompleted(p);
      if (p.role === "mentor") {
        const own = loaded.pairs.filter((x) => x.mentorId === p.id && x.status !== "ended_early");
        mentors.push({
          fullName: p.person.displayName ?? "—",
          organisation: programme.organisation.name,
          programme: programme.name,
          form: programme.form,
          category: f.category,
          age: f.age,
          placeOfWorkOrStudy: f.workplace ?? f.college,
          positionOrSpeciality:
            f.position ?? ([f.speciality, f.year === null ? null : t("report-mentor-year", { year: f.year })].filter((x) => x !== null).join(", ") || null),
          competencies: clip(a.experience as string | undefined),
          mentees: own.flatMap(currentMentees),
          joinedOn: p.joinedAt,
          completedCycle,
        });
      } else {
        const pair = [...loaded.pairs].reverse().find((x) => x.members.some((m) => m.menteeId === p.id && m.leftAt === null)) ?? [...loaded.pairs].reverse().find((x) => x.members.some((m) => m.menteeId === p.id));
        const report = pair && cycleResponses.find((r) => r.formId === "final-report" && r.personId === p.personId && r.subjectKey === pair.id);
        const request = [clip(a.goals as string | undefined, 300), clip(a.helpWanted as string | undefined, 300)].filter((x) => x !== null).join("; ");
        mentees.push({
          fullName: p.person.displayName ?? "—",
          organisation: programme.organisation.name,
          programme: programme.name,
          form: programme.form,
          category: f.category,
          age: f.age,
          request: request || null,
          mentor: pair ? nameOf(pair.mentorId) : null,
          joinedOn: p.joinedAt,
          result: clip((report?.answers as Record<string, unknown> | undefined)?.results as string | undefined),
          completedCycle,
        });
      }
    }

    const pairs: PairRow[] = loaded.pairs.map((pair) => {
      const programme = programmeById.get(pair.programmeId)!;
      return {
        programme: programme.name,
        form: programme.form,
        mentor: nameOf(pair.mentorId),
        mentees: currentMentees(pair),
        status: pair.status,
        probation: pair.probation,
        startedOn: pair.confirmedAt,
        endedOn: pair.endedAt,
        endReason: pair.endReason,
      };
    });

    const pairById = new Map(loaded.pairs.map((p) => [p.id, p]));
    const feedbackOf = (meetingId: string, personIds: readonly string[]) =>
      cycleResponses.filter((r) => r.formId === "meeting-feedback" && r.subjectKey === meetingId && personIds.includes(r.personId)).map((r) => (r.answers ?? {}) as Record<string, unknown>);
    const summary = (answers: Record<string, unknown>[]) =>
      answers
        .map((a) =>
          a.happened === false
            ? `${t("admin-feedback-not-held")}${typeof a.notHeldReason === "string" ? `: ${t(`fb-reason-${a.notHeldReason.replace(/_/g, "-")}`)}` : ""}`
            : [clip(a.done as string | undefined, 300), clip(a.next as string | undefined, 200)].filter((x) => x !== null).join(" → "),
        )
        .filter((s) => s !== "")
        .join(" | ") || null;
    const meetingRows: MeetingRow[] = meetings.flatMap((m) => {
      const pair = pairById.get(m.pairId);
      if (!pair) return [];
      const programme = programmeById.get(pair.programmeId)!;
      const mentorPerson = participationById.get(pair.mentorId)?.personId;
      const menteePersons = pair.members.flatMap((x) => participationById.get(x.menteeId)?.personId ?? []);
      const menteeAnswers = feedbackOf(m.id, menteePersons);
      const ratings = menteeAnswers.map((a) => a.usefulness).filter((v): v is number => typeof v === "number");
      return [
        {
          programme: programme.name,
          mentor: nameOf(pair.mentorId),
          mentees: currentMentees(pair),
          startsAt: m.startsAt,
          stage: m.stage,
          status: m.status,
          place: clip(m.place, 200),
          mentorFeedback: mentorPerson ? summary(feedbackOf(m.id, [mentorPerson])) : null,
          menteeFeedback: summary(menteeAnswers),
          menteeRating: ratings.length ? Math.round((ratings.reduce((s, v) => s + v, 0) / ratings.length) * 10) / 10 : null,
        },
      ];
    });
    return { mentors, mentees, pairs, meetings: meetingRows };
  }
}
