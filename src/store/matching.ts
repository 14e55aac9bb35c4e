import type { PrismaClient } from "../db/client.js";
import { matchingProfile, MENTEE_REQUEST, MENTOR_QUESTIONNAIRE, type MatchingProfile } from "../domain/form-profile.js";
import { PAIR_STAGES, type PairStatus } from "../domain/lifecycle.js";
import { DEFICIT_KINDS } from "../domain/vocabulary.js";
import type {
  ChoiceInput,
  FixedPair,
  ForbiddenPair,
  MatchingInput,
  MatchingOptions,
  MatchingResult,
  MatchMode,
  MatchReason,
  MeetingFormat,
  MenteeInput,
  MentorInput,
  StoredMatching,
  UnmatchedCause,
} from "../domain/matching/index.js";
import { CURRENT_MENTEE, MATCHABLE_MENTOR } from "./participants.js";

/**
 * Whole-cohort matching of a programme as stored: the cohort read from the database (approved
 * mentors, mentees still in, their questionnaires, the mutual choice, pairs that must never be
 * suggested, pairs that stay), the runs (MatchRun) with their numbered suggestions
 * (MatchSuggestion), and the curator's decisions on them. Numbers are unique in the programme
 * and never reused, so "/confirm 12" always means one suggestion; a new run supersedes the
 * undecided suggestions of the earlier ones.
 */

const WORKING = [...PAIR_STAGES] as PairStatus[];

export interface UnmatchedEntry {
  menteeId: string;
  cause: UnmatchedCause;
  candidates: number;
}

export interface RunStats {
  mentors: number;
  mentees: number;
  matched: number;
  kept: number;
  totalScore: number;
  proven: boolean;
  unmatched: UnmatchedEntry[];
}

export interface RunView {
  id: string;
  programmeId: string;
  mode: MatchMode;
  createdAt: Date;
  stats: RunStats;
}

export type SuggestionStatus = "suggested" | "confirmed" | "rejected" | "superseded";

export interface SuggestionView {
  id: string;
  runId: string;
  programmeId: string;
  number: number;
  mentorId: string;
  menteeId: string;
  score: number;
  reasons: MatchReason[];
  status: SuggestionStatus;
  rejectReason: string | null;
}

export interface Cohort {
  input: MatchingInput;
  options: MatchingOptions;
}

export type DecideProblem = "not-suggested" | "mentor-full" | "mentee-in-pair" | "mentor-not-approved" | "mentee-not-in-programme" | "not-curator";
export type DecideResult = { ok: true; pairId?: string } | { ok: false; problem: DecideProblem; status?: SuggestionStatus };

const asStats = (raw: unknown): RunStats => {
  const s = (raw ?? {}) as Partial<RunStats>;
  return {
    mentors: s.mentors ?? 0,
    mentees: s.mentees ?? 0,
    matched: s.matched ?? 0,
    kept: s.kept ?? 0,
    totalScore: s.totalScore ?? 0,
    proven: s.proven ?? false,
    unmatched: Array.isArray(s.unmatched) ? s.unmatched : [],
  };
};

type SuggestionRow = Omit<SuggestionView, "reasons"> & { reasons: unknown };

const suggestionView = (r: SuggestionRow): SuggestionView => ({ ...r, reasons: (Array.isArray(r.reasons) ? r.reasons : []) as MatchReason[] });

const FORMATS: readonly MeetingFormat[] = ["offline", "online"];

function codesOf(profile: MatchingProfile | null): { topics: string[]; interests: string[]; slots: string[]; formats: MeetingFormat[] } {
  if (!profile) return { topics: [], interests: [], slots: [], formats: [] };
  return {
    topics: DEFICIT_KINDS.flatMap((k) => profile.topics[k]),
    interests: profile.interests,
    slots: profile.slots,
    formats: profile.formats.filter((f): f is MeetingFormat => (FORMATS as readonly string[]).includes(f)),
  };
}

function gradeRange(grades: readonly string[]): { min: number; max: number } | null {
  const numbers = grades.map(Number).filter(Number.isFinite);
  return numbers.length ? { min: Math.min(...numbers), max: Math.max(...numbers) } : null;
}

/** Programme settings → weights and policy (settings.matching.{weights, policy}); anything else is ignored. */
function matchingSettings(settings: unknown): MatchingOptions {
  const m = (settings as { matching?: { weights?: unknown; policy?: unknown } } | null)?.matching;
  if (!m || typeof m !== "object") return {};
  const out: MatchingOptions = {};
  if (m.weights && typeof m.weights === "object") out.weights = m.weights as MatchingOptions["weights"];
  if (m.policy && typeof m.policy === "object") out.policy = m.policy as MatchingOptions["policy"];
  return out;
}

export class Matching {
  constructor(protected readonly prisma: PrismaClient) {}

  /** The programme's settings.matching (empty when none were set). */
  async settings(programmeId: string): Promise<StoredMatching> {
    const programme = await this.prisma.programme.findUnique({ where: { id: programmeId }, select: { settings: true } });
    const m = (programme?.settings as { matching?: unknown } | null)?.matching;
    return m && typeof m === "object" ? (m as StoredMatching) : {};
  }

  /** Replaces settings.matching with what `change` makes of it; the other settings stay. Under the programme's matching lock. */
  async updateSettings(programmeId: string, change: (current: StoredMatching) => StoredMatching): Promise<StoredMatching> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`match-settings:${programmeId}`}, 0))`;
      const programme = await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { settings: true } });
      const settings = programme.settings && typeof programme.settings === "object" ? (programme.settings as Record<string, unknown>) : {};
      const current = settings.matching && typeof settings.matching === "object" ? (settings.matching as StoredMatching) : {};
      const next = change(current);
      await tx.programme.update({ where: { id: programmeId }, data: { settings: { ...settings, matching: next } as object } });
      return next;
    });
  }

  /** The cohort of a programme as the matching domain reads it. */
  async cohort(programmeId: string): Promise<Cohort> {
    const programme = await this.prisma.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { settings: true } });
    const people = await this.prisma.participation.findMany({
      where: {
        programmeId,
        person: { erasedAt: null },
        OR: [
          { role: "mentor", status: { in: MATCHABLE_MENTOR } },
          { role: "mentee", status: { in: CURRENT_MENTEE } },
        ],
      },
      select: { id: true, personId: true, role: true, capacity: true },
      orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    });
    const responses = await this.prisma.formResponse.findMany({
      where: { programmeId, formId: { in: [MENTOR_QUESTIONNAIRE, MENTEE_REQUEST] }, subjectKey: "", status: "submitted" },
      select: { personId: true, formId: true, answers: true },
    });
    const profileOf = (personId: string, formId: string): MatchingProfile | null => {
      const r = responses.find((x) => x.personId === personId && x.formId === formId);
      return r ? matchingProfile(formId, (r.answers ?? {}) as Record<string, unknown>) : null;
    };
    const mentors: MentorInput[] = [];
    const mentees: MenteeInput[] = [];
    for (const p of people) {
      if (p.role === "mentor") {
        const profile = profileOf(p.personId, MENTOR_QUESTIONNAIRE);
        const c = codesOf(profile);
        const capacity = Math.max(1, Math.floor(p.capacity ?? profile?.capacity ?? 1));
        mentors.push({ id: p.id, capacity, competencies: c.topics, interests: c.interests, menteeGrades: gradeRange(profile?.grades ?? []), slots: c.slots, formats: c.formats });
      } else {
        const profile = profileOf(p.personId, MENTEE_REQUEST);
        const c = codesOf(profile);
        const grade = Number(profile?.grades[0]);
        mentees.push({ id: p.id, goals: c.topics, interests: c.interests, grade: Number.isFinite(grade) && profile?.grades.length ? grade : null, slots: c.slots, formats: c.formats });
      }
    }
    const roleOf = new Map(people.map((p) => [p.id, p.role]));
    const preferences = await this.prisma.preference.findMany({ where: { programmeId }, select: { fromId: true, toId: true, rank: true, question: true } });
    const choices: ChoiceInput[] = [];
    for (const p of preferences) {
      const from = roleOf.get(p.fromId);
      const to = roleOf.get(p.toId);
      const question = p.question === "can_help" ? "can_help" : "work_with";
      if (from === "mentee" && to === "mentor") choices.push({ by: "mentee", menteeId: p.fromId, mentorId: p.toId, rank: Math.max(1, p.rank), question });
      else if (from === "mentor" && to === "mentee") choices.push({ by: "mentor", menteeId: p.toId, mentorId: p.fromId, rank: Math.max(1, p.rank), question });
    }
    const forbidden: ForbiddenPair[] = [];
    const conflicts = await this.prisma.pair.findMany({ where: { programmeId, endReason: "conflict" }, select: { mentorId: true, members: { select: { menteeId: true } } } });
    for (const c of conflicts) for (const m of c.members) forbidden.push({ mentorId: c.mentorId, menteeId: m.menteeId, cause: "conflict" });
    const rejected = await this.prisma.matchSuggestion.findMany({ where: { programmeId, status: "rejected" }, select: { mentorId: true, menteeId: true } });
    for (const r of rejected) forbidden.push({ mentorId: r.mentorId, menteeId: r.menteeId, cause: "curator_rejected" });
    const working = await this.prisma.pairMember.findMany({ where: { leftAt: null, pair: { programmeId, status: { in: WORKING } } }, select: { menteeId: true, pair: { select: { mentorId: true } } }, orderBy: { joinedAt: "asc" } });
    const fixed: FixedPair[] = [];
    const seen = new Set<string>();
    for (const w of working) {
      if (seen.has(w.menteeId)) continue;
      seen.add(w.menteeId);
      fixed.push({ mentorId: w.pair.mentorId, menteeId: w.menteeId });
    }
    return { input: { mentors, mentees, choices, forbidden, fixed }, options: matchingSettings(programme.settings) };
  }

  /** Stores a run and its numbered suggestions; the undecided suggestions of earlier runs are superseded. */
  async saveRun(input: { programmeId: string; mode: MatchMode; startedById: string | null; result: MatchingResult; now: Date }): Promise<RunView> {
    const { programmeId, result } = input;
    const stats: RunStats = {
      mentors: result.stats.mentors,
      mentees: result.stats.mentees,
      matched: result.stats.matched,
      kept: result.kept.length,
      totalScore: result.stats.totalScore,
      proven: result.stats.proven,
      unmatched: result.unmatched.map((u) => ({ menteeId: u.menteeId, cause: u.cause, candidates: u.candidates })),
    };
    // Best pairs first: the curator reads the most convincing suggestions on the first page.
    const ordered = [...result.suggestions].sort((a, b) => b.score - a.score || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : a.menteeId < b.menteeId ? -1 : 1));
    const run = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`match:${programmeId}`}, 0))`;
      await tx.matchSuggestion.updateMany({ where: { programmeId, status: "suggested" }, data: { status: "superseded" } });
      const last = await tx.matchSuggestion.aggregate({ where: { programmeId }, _max: { number: true } });
      const first = (last._max.number ?? 0) + 1;
      const run = await tx.matchRun.create({ data: { programmeId, mode: input.mode, startedById: input.startedById, createdAt: input.now, stats: stats as object }, select: { id: true, createdAt: true } });
      if (ordered.length) {
        await tx.matchSuggestion.createMany({
          data: ordered.map((s, i) => ({ runId: run.id, programmeId, number: first + i, mentorId: s.mentorId, menteeId: s.menteeId, score: s.score, reasons: s.reasons as object[] })),
        });
      }
      return run;
    });
    return { id: run.id, programmeId, mode: input.mode, createdAt: run.createdAt, stats };
  }

  async run(runId: string): Promise<RunView | null> {
    const r = await this.prisma.matchRun.findUnique({ where: { id: runId }, select: { id: true, programmeId: true, mode: true, createdAt: true, stats: true } });
    return r ? { ...r, mode: r.mode as MatchMode, stats: asStats(r.stats) } : null;
  }

  async latestRun(programmeId: string): Promise<RunView | null> {
    const r = await this.prisma.matchRun.findFirst({ where: { programmeId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    return r ? this.run(r.id) : null;
  }

  async suggestionsOf(runId: string): Promise<SuggestionView[]> {
    const rows = await this.prisma.matchSuggestion.findMany({ where: { runId }, orderBy: { number: "asc" } });
    return rows.map((r) => suggestionView(r as SuggestionRow));
  }

  async suggestion(id: string): Promise<SuggestionView | null> {
    const r = await this.prisma.matchSuggestion.findUnique({ where: { id } });
    return r ? suggestionView(r as SuggestionRow) : null;
  }

  async byNumber(programmeId: string, number: number): Promise<SuggestionView | null> {
    const r = await this.prisma.matchSuggestion.findUnique({ where: { programmeId_number: { programmeId, number } } });
    return r ? suggestionView(r as SuggestionRow) : null;
  }

  /** Undecided suggestions of the programme (only the latest run has any). */
  async open(programmeId: string): Promise<SuggestionView[]> {
    const rows = await this.prisma.matchSuggestion.findMany({ where: { programmeId, status: "suggested" }, orderBy: { number: "asc" } });
    return rows.map((r) => suggestionView(r as SuggestionRow));
  }

  /** Places the mentor has left: capacity minus mentees in working pairs. */
  async placesLeft(mentorId: string): Promise<number> {
    const mentor = await this.prisma.participation.findUnique({ where: { id: mentorId }, select: { capacity: true, personId: true, programmeId: true } });
    if (!mentor) return 0;
    let capacity = mentor.capacity;
    if (capacity === null) {
      // As in cohort(): the questionnaire's answer when the participation has none.
      const r = await this.prisma.formResponse.findFirst({ where: { personId: mentor.personId, programmeId: mentor.programmeId, formId: MENTOR_QUESTIONNAIRE, subjectKey: "", status: "submitted" }, select: { answers: true } });
      capacity = r ? (matchingProfile(MENTOR_QUESTIONNAIRE, (r.answers ?? {}) as Record<string, unknown>)?.capacity ?? null) : null;
    }
    const busy = await this.prisma.pairMember.count({ where: { leftAt: null, pair: { mentorId, status: { in: WORKING } } } });
    return Math.max(1, Math.floor(capacity ?? 1)) - busy;
  }

  /** Marks these suggestions confirmed (those still open). */
  async markConfirmed(suggestionIds: readonly string[], curatorId: string, now: Date): Promise<void> {
    await this.prisma.matchSuggestion.updateMany({ where: { id: { in: [...suggestionIds] }, status: "suggested" }, data: { status: "confirmed", decidedAt: now, decidedById: curatorId } });
  }

  /** Rejects a suggestion: the pair is never suggested again in this programme. */
  async reject(suggestion: SuggestionView, curatorId: string, reason: string | null, now: Date): Promise<DecideResult> {
    const { count } = await this.prisma.matchSuggestion.updateMany({
      where: { id: suggestion.id, status: { in: ["suggested", "superseded"] } },
      data: { status: "rejected", rejectReason: reason ? reason.slice(0, 500) : null, decidedAt: now, decidedById: curatorId },
    });
    if (count === 0) {
      const current = await this.prisma.matchSuggestion.findUnique({ where: { id: suggestion.id }, select: { status: true } });
      return { ok: false, problem: "not-suggested", status: (current?.status as SuggestionStatus | undefined) ?? suggestion.status };
    }
    return { ok: true };
  }

  /** Adds or changes the reason of a rejected suggestion; false when it is not rejected. */
  async setRejectReason(suggestionId: string, reason: string): Promise<boolean> {
    const { count } = await this.prisma.matchSuggestion.updateMany({ where: { id: suggestionId, status: "rejected" }, data: { rejectReason: reason.slice(0, 500) } });
    return count > 0;
  }

  /** Mentees of the latest run left without a mentor who still have no working pair. */
  async unmatched(programmeId: string): Promise<{ run: RunView; mentees: UnmatchedEntry[] } | null> {
    const run = await this.latestRun(programmeId);
    if (!run) return null;
    // Every mentee of the programme still without a working pair, with the cause: the run's own, or what happened since.
    const mentees = await this.prisma.participation.findMany({
      where: { programmeId, role: "mentee", status: { in: CURRENT_MENTEE }, person: { erasedAt: null }, memberships: { none: { leftAt: null, pair: { status: { in: WORKING } } } } },
      select: { id: true },
      orderBy: { joinedAt: "asc" },
    });
    const byRun = new Map(run.stats.unmatched.map((u) => [u.menteeId, u]));
    const suggested = new Map((await this.suggestionsOf(run.id)).map((s) => [s.menteeId, s.status]));
    const causeOf = (id: string): UnmatchedCause => {
      const status = suggested.get(id);
      if (status === "suggested") return "awaiting_confirmation";
      if (status === "confirmed") return "pair_ended";
      if (status) return "suggestion_rejected";
      return "after_run";
    };
    const entries: UnmatchedEntry[] = [];
    for (const { id } of mentees) entries.push(byRun.get(id) ?? { menteeId: id, cause: causeOf(id), candidates: 0 });
    // The run's unmatched first, in its order; then the others as they joined.
    const order = new Map(run.stats.unmatched.map((u, i) => [u.menteeId, i]));
    entries.sort((a, b) => (order.get(a.menteeId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.menteeId) ?? Number.MAX_SAFE_INTEGER));
    return { run, mentees: entries };
  }
}
