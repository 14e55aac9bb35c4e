/** Descriptions of mentors for Forms 4–5 (004): grouped, so «4 студента 2 курса» is one entry. */
import type { ParticipantInput } from "../indicators/input-types.js";
import type { MentorDetailMode } from "./rnc-forms.js";

export interface WorkplaceDetail {
  kind: "workplace";
  workplace: string | null;
  position: string | null;
  /** Number of mentors with exactly this description. */
  count: number;
}

export interface StudyDetail {
  kind: "study";
  college: string | null;
  speciality: string | null;
  year: number | null;
  count: number;
}

export type MentorDetail = WorkplaceDetail | StudyDetail;

function clean(value: string | null): string | null {
  const v = value?.replace(/\s+/g, " ").trim() ?? "";
  return v === "" ? null : v;
}

function studyOf(p: ParticipantInput): StudyDetail | null {
  const d: StudyDetail = { kind: "study", college: clean(p.college), speciality: clean(p.speciality), year: p.year, count: 1 };
  return d.college === null && d.speciality === null && d.year === null ? null : d;
}

function workplaceOf(p: ParticipantInput): WorkplaceDetail | null {
  const d: WorkplaceDetail = { kind: "workplace", workplace: clean(p.workplace), position: clean(p.position), count: 1 };
  return d.workplace === null && d.position === null ? null : d;
}

function detailOf(p: ParticipantInput, mode: MentorDetailMode): MentorDetail | null {
  switch (mode) {
    case "none":
      return null;
    case "study":
      return studyOf(p);
    case "workplace":
      return workplaceOf(p);
    case "any":
      return p.category === "student" ? (studyOf(p) ?? workplaceOf(p)) : (workplaceOf(p) ?? studyOf(p));
  }
}

function keyOf(d: MentorDetail): string {
  return d.kind === "study"
    ? JSON.stringify([d.kind, d.college, d.speciality, d.year])
    : JSON.stringify([d.kind, d.workplace, d.position]);
}

/** One record per mentor (already distinct), described per the mode, equal descriptions merged. */
export function mentorDetails(mentors: readonly ParticipantInput[], mode: MentorDetailMode): MentorDetail[] {
  const grouped = new Map<string, MentorDetail>();
  for (const mentor of mentors) {
    const detail = detailOf(mentor, mode);
    if (detail === null) continue;
    const key = keyOf(detail);
    const existing = grouped.get(key);
    if (existing) existing.count += 1;
    else grouped.set(key, detail);
  }
  return [...grouped.values()];
}
