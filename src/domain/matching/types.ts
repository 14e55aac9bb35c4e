/**
 * Plain input and output types of whole-cohort matching of mentors and mentees in ONE programme.
 * They are independent of Prisma and of the messengers: the app maps its rows onto them
 * (approved participations, questionnaire answers, Preference rows, ended pairs, rejected
 * suggestions, confirmed pairs) and stores the result as MatchRun / MatchSuggestion rows.
 *
 * All "codes" are short machine strings from the questionnaire vocabularies
 * ("robotics", "math_olympiad", "mon-evening", …). Matching compares them literally.
 */

export type MeetingFormat = "offline" | "online";


/** An inclusive range of grades (or ages) a mentor prefers to work with. */
export interface GradeRange {
  min: number;
  max: number;
}

/** An approved mentor of the programme. */
export interface MentorInput {
  id: string;
  /** How many mentees the mentor can lead at once (1 = a pair, more = a group). Integer ≥ 1. */
  capacity: number;
  /** What the mentor can help with; compared with the mentee's goals and deficits. */
  competencies: readonly string[];
  interests: readonly string[];
  /** Preferred grades (or ages) of mentees; null = no preference. */
  menteeGrades: GradeRange | null;
  /** Availability slots such as "mon-evening"; empty = not stated (never excludes a pair). */
  slots: readonly string[];
  /** Meeting formats the mentor accepts; empty = not stated. */
  formats: readonly MeetingFormat[];
}

/** An approved mentee of the programme. */
export interface MenteeInput {
  id: string;
  /** Goals and deficits (of any kind) as codes; compared with mentor competencies. */
  goals: readonly string[];
  interests: readonly string[];
  /** Grade (or age); null = unknown. */
  grade: number | null;
  /** Availability slots; empty = not stated (never excludes a pair). */
  slots: readonly string[];
  formats: readonly MeetingFormat[];
  /** Optional wished-for mentor profile, as codes looked up among mentor competencies and interests. */
  preferredMentorProfile?: readonly string[];
}

/** The two questions of the mutual-choice survey; both count as a choice, the better rank wins. */
export type ChoiceQuestion = "work_with" | "can_help";

/**
 * One answer of the mutual-choice survey: `by` chose the other person of the pair with `rank`
 * (1 = first choice). Several answers about the same pair and side keep the best (lowest) rank.
 * Answers naming people unknown to this programme's input are ignored.
 */
export interface ChoiceInput {
  by: "mentee" | "mentor";
  menteeId: string;
  mentorId: string;
  /** Integer ≥ 1; ranks 1..3 are expected, larger ranks still count as a choice without rank bonus. */
  rank: number;
  question?: ChoiceQuestion;
}

/** Why a pair must never be suggested. */
export type ForbiddenCause = "conflict" | "curator_rejected";

export interface ForbiddenPair {
  mentorId: string;
  menteeId: string;
  cause: ForbiddenCause;
}

/** A pair already confirmed: it stays, consumes the mentor's capacity, and its mentee is not re-matched. */
export interface FixedPair {
  mentorId: string;
  menteeId: string;
}

export interface MatchingInput {
  mentors: readonly MentorInput[];
  mentees: readonly MenteeInput[];
  choices?: readonly ChoiceInput[];
  forbidden?: readonly ForbiddenPair[];
  fixed?: readonly FixedPair[];
}

/**
 * - `best_total`: the largest total score over the cohort.
 * - `most_matched`: the largest number of matched mentees first, then the largest total score.
 * - `stable`: mentee-proposing deferred acceptance: no mentor and mentee would both rather be together.
 */
export type MatchMode = "best_total" | "most_matched" | "stable";
export const MATCH_MODES: readonly MatchMode[] = ["best_total", "most_matched", "stable"];

/** Machine-readable explanation of a pair's score; `points` is this reason's share of the score. */
export type MatchReason =
  | { code: "mutual_choice"; ranks: [menteeRank: number, mentorRank: number]; points: number }
  | { code: "mentee_choice"; rank: number; points: number }
  | { code: "mentor_choice"; rank: number; points: number }
  | { code: "competencies"; items: string[]; points: number }
  | { code: "profile_fit"; items: string[]; points: number }
  | { code: "shared_interests"; items: string[]; points: number }
  | { code: "grade_fit"; grade: number; points: number }
  | { code: "time_fit"; items: string[]; points: number }
  | { code: "format_fit"; items: string[]; points: number }
  // Warnings: shown to the curator, worth no points.
  | { code: "no_common_time"; points: 0 }
  | { code: "no_common_format"; points: 0 }
  | { code: "grade_outside"; grade: number; min: number; max: number; points: 0 };

export type MatchReasonCode = MatchReason["code"];
export const MATCH_REASON_CODES: readonly MatchReasonCode[] = [
  "mutual_choice",
  "mentee_choice",
  "mentor_choice",
  "competencies",
  "profile_fit",
  "shared_interests",
  "grade_fit",
  "time_fit",
  "format_fit",
  "no_common_time",
  "no_common_format",
  "grade_outside",
];

/** A suggested pair (or one seat of a mentor's group). */
export interface Suggestion {
  mentorId: string;
  menteeId: string;
  /** Integer ≥ 1: the sum of the reasons' points (at least 1 for any allowed pair). */
  score: number;
  reasons: MatchReason[];
}

/** A fixed pair as it stays; score and reasons are null/empty when a person is not in the input lists. */
export interface KeptPair {
  mentorId: string;
  menteeId: string;
  score: number | null;
  reasons: MatchReason[];
}

/**
 * Why a mentee got no mentor:
 * - `no_candidates`: every mentor is excluded for this mentee (forbidden pairs) or there are no mentors;
 * - `no_mutual_choice`: the policy requires a (mutual) choice and no allowed mentor has one with the mentee;
 * - `no_compatible_time`: allowed mentors exist, but none shares a time slot (and nobody chose anybody, unless common time is a must-have);
 * - `no_must_have`: every mentor fails one of the programme's must-haves (common time, format, grade);
 * - `no_capacity`: suitable mentors existed, but their places went to other mentees (or fixed pairs).
 */
/**
 * Why a mentee has no mentor. The solver gives the first five; the last four are what happened
 * after its run: the curator rejected the suggested pair, it waits for confirmation, the mentee
 * joined after the run, or the confirmed pair has ended.
 */
export type UnmatchedCause = "no_candidates" | "no_mutual_choice" | "no_compatible_time" | "no_must_have" | "no_capacity" | "suggestion_rejected" | "awaiting_confirmation" | "after_run" | "pair_ended";
export const UNMATCHED_CAUSES: readonly UnmatchedCause[] = ["no_candidates", "no_mutual_choice", "no_compatible_time", "no_must_have", "no_capacity", "suggestion_rejected", "awaiting_confirmation", "after_run", "pair_ended"];

export interface UnmatchedMentee {
  menteeId: string;
  cause: UnmatchedCause;
  /** How many mentors would have been allowed for this mentee (ignoring capacity). */
  candidates: number;
}

export interface MatchingStats {
  mentors: number;
  /** Mentees taking part in this run (fixed-pair mentees excluded). */
  mentees: number;
  matched: number;
  totalScore: number;
  /** Candidate edges of the final graph, with the pairs the optimality check added (all allowed pairs on small instances). */
  candidateEdges: number;
  /** Solve rounds: 1 + the rounds that added edges the optimality check asked for. */
  rounds: number;
  /**
   * best_total / most_matched: the result is proven optimal over ALL allowed pairs (dual check).
   * stable: the result has no blocking pair among all allowed pairs.
   */
  proven: boolean;
}

export interface MatchingResult {
  mode: MatchMode;
  /** New pairs, ordered by mentor id, then mentee id. */
  suggestions: Suggestion[];
  /** Fixed pairs, in the order given. */
  kept: KeptPair[];
  /** Mentees left without a mentor, ordered by id. */
  unmatched: UnmatchedMentee[];
  /** Mentors with places left after fixed pairs and suggestions, ordered by id. */
  freeCapacity: { mentorId: string; free: number }[];
  stats: MatchingStats;
}

/** A pair of the blocking-pair report: both would rather be together than with what they have. */
export interface BlockingPair {
  mentorId: string;
  menteeId: string;
  score: number;
  /** The mentee's current mentor and that pair's score (null: the mentee has none). */
  menteeCurrent: { mentorId: string; score: number } | null;
  /** The mentee the mentor would give up, or null when the mentor has a free place. */
  mentorWorst: { menteeId: string; score: number } | null;
}

export class MatchingInputError extends Error {
  override readonly name = "MatchingInputError";
}
