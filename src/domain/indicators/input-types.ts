/**
 * Plain input types of the monitoring indicators (seed 003) and of the RNC accounting forms
 * (seed 004). They are deliberately independent of Prisma: the app maps its rows onto them.
 */
import type { MentorshipForm } from "../roles.js";

export type { MentorshipForm } from "../roles.js";

/** An organisation with its Form 1 figures (004 Form 1). Unknown figures are null. */
export interface OrganisationInput {
  id: string;
  name: string;
  /** Municipal district (муниципальный район). */
  district: string | null;
  region: string | null;
  /** Form 1 «Контакты: ФИО директора, тел., почта, почт. адрес». */
  headName?: string | null;
  headContacts?: string | null;
  /** Form 1: children aged 10–19 in the organisation. */
  childrenAged10to19: number | null;
  /** Form 1: teaching staff (педагогические работники). */
  teachersCount: number | null;
  /** Form 1: young specialists, teachers with 0–3 years of experience. */
  youngSpecialistsCount: number | null;
  /**
   * Children and teenagers aged 15–19 (denominator of 003 item 16). Not part of Form 1,
   * so it is optional; without it that share is null ("no data").
   */
  childrenAged15to19?: number | null;
}

export interface ProgrammeInput {
  id: string;
  organisationId: string;
  form: MentorshipForm;
  name: string;
  /** «Результат программы» (004 Forms 2–5). */
  statedResult: string | null;
  /**
   * Approved personalised programmes of mentorship (001 stage 4, 003 item 9): a flag
   * (true = one approved programme) or a count, e.g. one per pair of a teachers' programme.
   */
  approvedPersonalisedProgrammes: boolean | number;
}

export const PARTICIPANT_CATEGORIES = [
  "pupil",
  "student",
  "teacher",
  "young_teacher",
  "employer_specialist",
  "other",
] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];

export type ParticipantRole = "mentor" | "mentee";

/** One role of one person in one programme (a person may have several). */
export interface ParticipantInput {
  personId: string;
  programmeId: string;
  role: ParticipantRole;
  /** The curator's mark "completed the full cycle of the programme" (000 §9). */
  completedCycle: boolean;
  category: ParticipantCategory;
  /** Age in full years, null when unknown. */
  age: number | null;
  /** Enterprise or organisation the participant represents (employers, social partners). */
  enterprise: string | null;
  /** Form 5: «место работы, должность». */
  workplace: string | null;
  position: string | null;
  /** Form 4: «наимен. ПОО, специальность, курс». */
  college: string | null;
  speciality: string | null;
  year: number | null;
}

/** Stages of a pair/group, as in the app's data model. */
export const PAIR_STATUSES = [
  "acquaintance",
  "trial",
  "planning",
  "regular",
  "final",
  "completed",
  "ended_early",
] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

/** A mentor with one mentee (pair) or several (group). Ids are person ids. */
export interface PairInput {
  id: string;
  programmeId: string;
  mentorId: string;
  menteeIds: readonly string[];
  status: PairStatus;
}

/** One answer to a satisfaction questionnaire (001 stage 6) on a numeric scale [min, max]. */
export interface SatisfactionScoreInput {
  personId: string;
  programmeId: string;
  role: ParticipantRole;
  score: number;
  min: number;
  max: number;
}

export interface MentorshipData {
  organisations: readonly OrganisationInput[];
  programmes: readonly ProgrammeInput[];
  participants: readonly ParticipantInput[];
  pairs: readonly PairInput[];
  satisfaction: readonly SatisfactionScoreInput[];
}

/** Learners: pupils of schools and students of colleges (обучающиеся). */
export const LEARNER_CATEGORIES: ReadonlySet<ParticipantCategory> = new Set(["pupil", "student"]);
/** Teaching staff (педагогические работники), young specialists included. */
export const TEACHER_CATEGORIES: ReadonlySet<ParticipantCategory> = new Set(["teacher", "young_teacher"]);

/**
 * Forms of the teachers' model (001 stage 4); 003 item 9 counts personalised programmes of
 * teaching staff, i.e. of these forms only. «учитель – учитель» is both Form 3 of 004 and
 * «педагог – педагог» of 001.
 */
export const TEACHERS_MODEL_FORMS: ReadonlySet<MentorshipForm> = new Set([
  "teacher_teacher",
  "head_teacher",
  "employer_student",
  "lecturer_young_teacher",
  "partner_teacher",
]);
