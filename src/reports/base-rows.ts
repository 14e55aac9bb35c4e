/**
 * Input rows of the curator's working sheets: the bases of mentors and mentees (000 §8.1,
 * 004 Раздел 5), pairs and groups (002 §7.3) and meetings with their feedback (002 §7.4).
 * Names are already resolved by the caller; enums are translated by the sheet builders.
 */
import type { MentorshipForm, PairStatus, ParticipantCategory } from "../domain/indicators/input-types.js";

export interface MentorBaseRow {
  fullName: string;
  organisation: string;
  programme: string;
  form: MentorshipForm;
  category: ParticipantCategory;
  age: number | null;
  /** Place of work, or college / school for learners. */
  placeOfWorkOrStudy: string | null;
  /** Position, or speciality and year for students. */
  positionOrSpeciality: string | null;
  /** Key competencies and experience from the mentor questionnaire (002 §7.1). */
  competencies: string | null;
  mentees: readonly string[];
  joinedOn: Date | null;
  /** The curator's mark of the full cycle (000 §9). */
  completedCycle: boolean;
}

export interface MenteeBaseRow {
  fullName: string;
  organisation: string;
  programme: string;
  form: MentorshipForm;
  category: ParticipantCategory;
  age: number | null;
  /** Key request: goals and deficits from the mentee's request. */
  request: string | null;
  mentor: string | null;
  joinedOn: Date | null;
  /** Result of the mentee's participation (final report, 002 §6.2). */
  result: string | null;
  completedCycle: boolean;
}

export const END_REASONS = ["planned", "moved", "illness", "no_time", "conflict", "other"] as const;
export type EndReason = (typeof END_REASONS)[number];

export interface PairRow {
  programme: string;
  form: MentorshipForm;
  mentor: string;
  mentees: readonly string[];
  status: PairStatus;
  /** A probation period after a change of mentor (002 §7.5). */
  probation: boolean;
  startedOn: Date | null;
  endedOn: Date | null;
  endReason: EndReason | null;
}

export const MEETING_STATUSES = ["proposed", "confirmed", "cancelled", "held", "missed"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface MeetingRow {
  programme: string;
  mentor: string;
  mentees: readonly string[];
  /** An instant; shown in the workbook's time zone. */
  startsAt: Date;
  stage: PairStatus;
  status: MeetingStatus;
  place: string | null;
  /** Feedback forms after the meeting (002 §7.4), summarised by the caller. */
  mentorFeedback: string | null;
  menteeFeedback: string | null;
  /** Mean rating of the meeting by the mentees, on the app's scale; null without answers. */
  menteeRating: number | null;
}
