/**
 * What the reports need to know about a participant, read from their submitted questionnaire
 * (mentor-questionnaire, 002 §7.1) or request (mentee-request) and the programme's form of
 * mentorship. Pure: unknown or missing answers give nulls, never guesses beyond those below.
 *
 * - Category: from who the form's mentors and mentees are (src/domain/vocabulary.ts); a mentee
 *   teacher with 0–3 years of experience is a young specialist (003 item 10, 004 Form 1); the
 *   mentees of «педагог вуза/колледжа – молодой педагог» are young specialists by definition.
 *   A lecturer of a college or university is not the organisation's teaching staff: "other".
 * - Age: a pupil mentee gives it; a pupil mentor gives the grade, and the age is taken as
 *   grade + 6 — the age at which a pupil starts that grade, so nobody is counted older than
 *   they are (a 9th-grader counts among the 15–19-year-olds of 003 item 16, an 8th-grader not).
 * - Enterprise (003 item 12): the workplace of a mentor who is an employer's or partner's
 *   specialist.
 * - Form 4 «наимен. ПОО, специальность, курс», Form 5 «место работы, должность»: as answered.
 */
import type { ParticipantCategory } from "./indicators/input-types.js";
import type { MentorshipForm } from "./roles.js";
import { menteeAudience, mentorAudience } from "./vocabulary.js";

export interface ParticipantFacts {
  category: ParticipantCategory;
  age: number | null;
  /** School grade (pupils), as answered. */
  grade: number | null;
  enterprise: string | null;
  workplace: string | null;
  position: string | null;
  college: string | null;
  speciality: string | null;
  /** Year of study (course). */
  year: number | null;
  experienceYears: number | null;
}

type Answers = Readonly<Record<string, unknown>>;

const YOUNG_SPECIALIST_MAX_YEARS = 3;

function text(a: Answers, id: string): string | null {
  const v = a[id];
  if (typeof v !== "string") return null;
  const t = v.replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}

function int(a: Answers, id: string): number | null {
  const v = a[id];
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,3}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : null;
}

export function participantFacts(form: MentorshipForm, role: "mentor" | "mentee", answers: Answers | null): ParticipantFacts {
  const a: Answers = answers ?? {};
  const grade = int(a, "grade");
  const experienceYears = role === "mentee" ? int(a, "experienceYears") : null;
  const facts: ParticipantFacts = {
    category: "other",
    age: null,
    grade,
    enterprise: null,
    workplace: text(a, "workplace"),
    position: text(a, "position"),
    college: text(a, "college"),
    speciality: text(a, "speciality"),
    year: int(a, "course"),
    experienceYears,
  };
  if (role === "mentee") {
    switch (menteeAudience(form)) {
      case "pupil":
        facts.category = "pupil";
        facts.age = int(a, "age");
        break;
      case "student":
        facts.category = "student";
        break;
      case "teacher":
        facts.category =
          form === "lecturer_young_teacher" || (experienceYears !== null && experienceYears <= YOUNG_SPECIALIST_MAX_YEARS) ? "young_teacher" : "teacher";
        break;
    }
    return facts;
  }
  switch (mentorAudience(form)) {
    case "pupil":
      facts.category = "pupil";
      facts.age = grade === null ? null : grade + 6;
      break;
    case "student":
      facts.category = "student";
      break;
    case "teacher":
      facts.category = "teacher";
      break;
    case "lecturer":
      facts.category = "other";
      break;
    case "specialist":
      facts.category = "employer_specialist";
      facts.enterprise = facts.workplace;
      break;
  }
  return facts;
}
