export const ROLES = ["mentor", "mentee", "curator"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const MENTORSHIP_FORMS = [
  "pupil_pupil",
  "teacher_teacher",
  "student_pupil",
  "employer_pupil",
  "teacher_pupil",
  "head_teacher",
  "employer_student",
  "lecturer_young_teacher",
  "partner_teacher",
] as const;
export type MentorshipForm = (typeof MENTORSHIP_FORMS)[number];

export function isMentorshipForm(value: unknown): value is MentorshipForm {
  return typeof value === "string" && (MENTORSHIP_FORMS as readonly string[]).includes(value);
}
