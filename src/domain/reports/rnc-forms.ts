/**
 * Which accounting form of the regional mentoring centre (004) each form of mentorship goes to.
 *
 * 004 has Forms 2–5 for «ученик – ученик», «учитель – учитель», «студент – ученик» and
 * «работодатель – ученик». «педагог – ученик» (listed among the region's practices in 004) and
 * the teachers' model forms of 001 stage 4 have no form of their own: they go to an extra
 * form, "other", with the same columns plus the form of mentorship.
 */
import type { MentorshipForm } from "../roles.js";

export const RNC_PROGRAMME_FORMS = ["form2", "form3", "form4", "form5", "other"] as const;
export type RncProgrammeForm = (typeof RNC_PROGRAMME_FORMS)[number];

export const RNC_FORM_OF: Readonly<Record<MentorshipForm, RncProgrammeForm>> = {
  pupil_pupil: "form2",
  teacher_teacher: "form3",
  student_pupil: "form4",
  employer_pupil: "form5",
  teacher_pupil: "other",
  head_teacher: "other",
  employer_student: "other",
  lecturer_young_teacher: "other",
  partner_teacher: "other",
};

/**
 * What 004 asks to say about the mentors next to their number: Form 4 «наимен. ПОО,
 * специальность, курс», Form 5 «место работы, должность»; none for Forms 2–3. The extra form
 * describes each mentor by whichever of the two the mentor has.
 */
export type MentorDetailMode = "none" | "study" | "workplace" | "any";

export const MENTOR_DETAIL_MODE: Readonly<Record<RncProgrammeForm, MentorDetailMode>> = {
  form2: "none",
  form3: "none",
  form4: "study",
  form5: "workplace",
  other: "any",
};
