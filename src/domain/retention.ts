/**
 * How long a participant's personal data are kept, and why they are destroyed (152-ФЗ art. 21).
 *
 * The purpose of the data is the programme and its reporting: the curator enters the year's
 * participants into the federal statistics form by 20 January of the following year (000 §9).
 * So a programme's data are kept until the end of 20 January of the year after the one it ended
 * in, plus the organisation's margin in days; from then on its people's data are due. A person
 * is destroyed when every programme they take part in is past its term, at once on their own
 * request (/forget), and when a consent of theirs is withdrawn and none of that kind is in force.
 * The law gives 30 days from the reason; the daily job destroys what is due on its next run.
 */

import { addDays, utcDate, zonedTime } from "./time.js";

/** The organisation's margin after 20 January by default: none. */
export const DEFAULT_RETENTION_MARGIN_DAYS = 0;
export const MAX_RETENTION_MARGIN_DAYS = 3650;
/** Destroyed within this many days of the reason (152-ФЗ art. 21 parts 4–5). */
export const DESTRUCTION_DEADLINE_DAYS = 30;
/** The federal statistics form is due by this day of January of the following year (000 §9). */
export const FEDERAL_FORM_DAY = 20;

export const DESTRUCTION_REASONS = ["subject_request", "consent_withdrawn", "purpose_reached"] as const;
export type DestructionReason = (typeof DESTRUCTION_REASONS)[number];

/** The process that destroyed the data (an act names it). */
export const DESTRUCTION_PROCESSES = ["forget-command", "retention-job"] as const;
export type DestructionProcess = (typeof DESTRUCTION_PROCESSES)[number];

/** How the data are destroyed: identifying values deleted, or replaced by "—" where others' records keep their place; numbers kept without a name. */
export const DESTRUCTION_METHOD = "erasure-in-place";

/**
 * The categories of personal data an erasure can destroy, in the order an act lists them. Each
 * act names those the subject had.
 */
export const DATA_CATEGORIES = [
  "name",
  "representative-name",
  "messenger-accounts",
  "text-answers",
  "choices",
  "messages",
  "forms-in-progress",
  "meeting-places",
  "pair-notes",
  "link-codes",
  "update-records",
  "mentions",
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/**
 * The moment a programme's data are due: 00:00 in the organisation's zone of the day after
 * 20 January of the year after the programme's last day (a calendar date), plus the margin.
 */
export function retentionEnds(endsOn: Date, marginDays: number, timeZone: string): Date {
  const year = Number(utcDate(endsOn).slice(0, 4)) + 1;
  const lastKept = `${year}-01-${String(FEDERAL_FORM_DAY).padStart(2, "0")}`;
  return zonedTime(addDays(lastKept, 1 + marginDays), 0, 0, timeZone);
}

export interface ConsentFact {
  kind: string;
  withdrawnAt: Date | null;
}

export interface SubjectFacts {
  /** When each of the person's programmes is past its term (retentionEnds). */
  programmeTerms: readonly Date[];
  consents: readonly ConsentFact[];
  /** An administrator keeps their account for their role: no programme's term ends it. */
  administrator: boolean;
}

export interface DueDestruction {
  reason: DestructionReason;
  /** When the reason arose: the term's end or the last withdrawal. */
  reasonAt: Date;
}

/**
 * Whether a person's data are due at `now`, and why. A withdrawn consent counts when no consent
 * of its kind is in force (a newer one replaces it); then the data go whatever the programmes.
 */
export function dueDestruction(facts: SubjectFacts, now: Date): DueDestruction | null {
  const inForce = new Set(facts.consents.filter((c) => c.withdrawnAt === null).map((c) => c.kind));
  const withdrawn = facts.consents.filter((c): c is ConsentFact & { withdrawnAt: Date } => c.withdrawnAt !== null && c.withdrawnAt <= now && !inForce.has(c.kind));
  if (withdrawn.length) return { reason: "consent_withdrawn", reasonAt: latest(withdrawn.map((c) => c.withdrawnAt)) };
  if (facts.administrator || !facts.programmeTerms.length) return null;
  const term = latest(facts.programmeTerms);
  return term <= now ? { reason: "purpose_reached", reasonAt: term } : null;
}

function latest(dates: readonly Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** One entry of the processing log as an act's extract keeps it: ids, actions and times, no one's name. */
export interface ActLogEntry {
  id: string;
  /** ISO time of the entry. */
  at: string;
  actorId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  programmeId: string | null;
  details: unknown;
}
