import type { MentorshipForm } from "./roles.js";

/**
 * The code lists the questionnaires answer with and the matching algorithm reads.
 * Every code has a locale label `vocab-<list>-<code>` in locales/{ru,en}/forms.ftl.
 * Codes are stable: answers store them; renaming one is a migration of stored answers.
 *
 * Mentors answer "what can you help with" and mentees "what is hard for you" from the same
 * lists, so a mentor's competencies and a mentee's deficits intersect by code (002 §7.3:
 * the mentor's profile or experience must answer the mentee's request).
 */

export interface Vocabulary<C extends string = string> {
  /** Name of the list; labels are `vocab-<id>-<code>`. */
  id: string;
  codes: readonly C[];
}

function vocabulary<const C extends string>(id: string, codes: readonly C[]): Vocabulary<C> {
  return { id, codes };
}

export function labelKey(list: Vocabulary, code: string): string {
  return `vocab-${list.id}-${code}`;
}

/** Special interests and hobbies (002 §7.1). */
export const INTERESTS = vocabulary("interest", [
  "sport",
  "music",
  "art",
  "theatre",
  "reading",
  "writing",
  "science",
  "technology",
  "programming",
  "robotics",
  "languages",
  "history",
  "travel",
  "nature",
  "volunteering",
  "games",
  "photo_video",
  "business",
  "crafts",
  "cooking",
]);

/**
 * Deficits by kind (004 «Дефициты в практике образования»): educational — knowledge and
 * skills; social — abilities and personal qualities; professional — work actions. The
 * educational and professional lists differ for learners (pupils, students) and for
 * teachers (young teachers, teachers); the social list is shared.
 */
export const EDUCATIONAL_LEARNER = vocabulary("edu", [
  "math",
  "russian",
  "literature",
  "foreign_language",
  "physics",
  "chemistry",
  "biology",
  "history_social",
  "geography",
  "informatics",
  "study_skills",
  "exam_prep",
  "olympiad_prep",
  "project_research",
  "digital_skills",
]);
export const EDUCATIONAL_TEACHER = vocabulary("edu", [
  "subject_knowledge",
  "age_psychology",
  "modern_methods",
  "digital_skills",
  "project_research",
  "regulations",
]);
export const SOCIAL = vocabulary("social", [
  "communication",
  "self_confidence",
  "self_organisation",
  "teamwork",
  "leadership",
  "motivation",
  "stress_resilience",
  "adaptation",
  "creativity",
]);
export const PROFESSIONAL_LEARNER = vocabulary("pro", ["career_choice", "workplace_skills", "entrepreneurship", "public_speaking", "job_search"]);
export const PROFESSIONAL_TEACHER = vocabulary("pro", [
  "lesson_planning",
  "classroom_management",
  "assessment",
  "individual_approach",
  "class_teacher_work",
  "parents_communication",
  "extracurricular",
  "documentation",
  "public_speaking",
]);

export const DEFICIT_KINDS = ["educational", "social", "professional"] as const;
export type DeficitKind = (typeof DEFICIT_KINDS)[number];

/** Weekdays and parts of the day; a time slot is `<day>-<part>`, e.g. `mon-evening`. */
export const DAYS = vocabulary("day", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
export const DAY_PARTS = vocabulary("part", ["morning", "afternoon", "evening"]);
export type Day = (typeof DAYS.codes)[number];
export type DayPart = (typeof DAY_PARTS.codes)[number];
export type TimeSlot = `${Day}-${DayPart}`;

export const FREQUENCIES = vocabulary("frequency", ["weekly", "twice_month", "monthly"]);
export const MEETING_FORMATS = vocabulary("format", ["offline", "online"]);

/** School grades of pupils from the age of 10; mentors among pupils are 15–19 (grades 8–11). */
export const GRADES = vocabulary("grade", ["4", "5", "6", "7", "8", "9", "10", "11"]);
export const MENTOR_GRADES = vocabulary("grade", ["8", "9", "10", "11"]);
/** Year of study at a college or university. */
export const COURSES = vocabulary("course", ["1", "2", "3", "4", "5", "6"]);
/** Teaching experience; 0–3 years is a young specialist (003, 004 Form 1). */
export const EXPERIENCE_BANDS = vocabulary("experience", ["0-1", "1-3", "3-10", "10-plus"]);

export function experienceBand(years: number): (typeof EXPERIENCE_BANDS.codes)[number] {
  if (years < 1) return "0-1";
  if (years <= 3) return "1-3";
  if (years <= 10) return "3-10";
  return "10-plus";
}

export function slotsOf(days: readonly string[], parts: readonly string[]): TimeSlot[] {
  const out: TimeSlot[] = [];
  for (const d of DAYS.codes) {
    if (!days.includes(d)) continue;
    for (const p of DAY_PARTS.codes) if (parts.includes(p)) out.push(`${d}-${p}`);
  }
  return out;
}

/** Who the mentees of a form of mentorship are (004, 001 stage 4). */
export type MenteeAudience = "pupil" | "student" | "teacher";
/** Who the mentors are: a pupil 15–19, a college student, a teacher, a lecturer of a college or university, a specialist of an employer or partner. */
export type MentorAudience = "pupil" | "student" | "teacher" | "lecturer" | "specialist";

const MENTEES: Record<MentorshipForm, MenteeAudience> = {
  pupil_pupil: "pupil",
  student_pupil: "pupil",
  employer_pupil: "pupil",
  teacher_pupil: "pupil",
  employer_student: "student",
  teacher_teacher: "teacher",
  head_teacher: "teacher",
  lecturer_young_teacher: "teacher",
  partner_teacher: "teacher",
};
const MENTORS: Record<MentorshipForm, MentorAudience> = {
  pupil_pupil: "pupil",
  student_pupil: "student",
  employer_pupil: "specialist",
  teacher_pupil: "teacher",
  employer_student: "specialist",
  teacher_teacher: "teacher",
  head_teacher: "teacher",
  lecturer_young_teacher: "lecturer",
  partner_teacher: "specialist",
};

export function menteeAudience(form: MentorshipForm): MenteeAudience {
  return MENTEES[form];
}

export function mentorAudience(form: MentorshipForm): MentorAudience {
  return MENTORS[form];
}

/** Every list with its labels, for the locale completeness test. */
export const ALL_VOCABULARIES: readonly Vocabulary[] = [
  INTERESTS,
  EDUCATIONAL_LEARNER,
  EDUCATIONAL_TEACHER,
  SOCIAL,
  PROFESSIONAL_LEARNER,
  PROFESSIONAL_TEACHER,
  DAYS,
  DAY_PARTS,
  FREQUENCIES,
  MEETING_FORMATS,
  GRADES,
  MENTOR_GRADES,
  COURSES,
  EXPERIENCE_BANDS,
];
