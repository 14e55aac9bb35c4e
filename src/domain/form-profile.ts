import { experienceBand, slotsOf, type DeficitKind, type TimeSlot } from "./vocabulary.js";

/**
 * What the matching algorithm needs from a submitted questionnaire (mentor-questionnaire) or
 * request (mentee-request), as code lists of src/domain/vocabulary.ts. Pure: it reads the
 * stored answers by their step ids and ignores anything it does not know, so answers of any
 * version of the forms can be read.
 */
export interface MatchingProfile {
  role: "mentor" | "mentee";
  interests: string[];
  /** Mentor: what they can help with; mentee: their deficits. Same codes, by kind. */
  topics: Record<DeficitKind, string[]>;
  /** Every `<day>-<part>` the person can meet at, e.g. `mon-evening`. */
  slots: TimeSlot[];
  formats: string[];
  frequency: string | null;
  /** Mentee: their own grade / course / experience band; mentor: the ones they prefer (empty: any). */
  grades: string[];
  courses: string[];
  experience: string[];
  /** Mentors: how many mentees they can take. */
  capacity: number | null;
}

type Stored = Record<string, unknown>;

const list = (a: Stored, ...ids: string[]): string[] => {
  const out: string[] = [];
  for (const id of ids) {
    const v = a[id];
    if (Array.isArray(v)) for (const x of v) if (typeof x === "string" && !out.includes(x)) out.push(x);
  }
  return out;
};
const one = (a: Stored, id: string): string[] => (typeof a[id] === "string" ? [a[id] as string] : []);

export const MENTOR_QUESTIONNAIRE = "mentor-questionnaire";
export const MENTEE_REQUEST = "mentee-request";

export function matchingProfile(formId: string, answers: Stored): MatchingProfile | null {
  const common = {
    interests: list(answers, "interests"),
    slots: slotsOf(list(answers, "days"), list(answers, "times")),
    formats: list(answers, "formats"),
    frequency: typeof answers.frequency === "string" ? answers.frequency : null,
  };
  if (formId === MENTOR_QUESTIONNAIRE) {
    return {
      role: "mentor",
      ...common,
      topics: {
        educational: list(answers, "helpEducational", "helpEducationalTeacher"),
        social: list(answers, "helpSocial"),
        professional: list(answers, "helpProfessional", "helpProfessionalTeacher"),
      },
      grades: list(answers, "preferredGrades"),
      courses: list(answers, "preferredCourses"),
      experience: list(answers, "preferredExperience"),
      capacity: typeof answers.capacity === "number" ? answers.capacity : null,
    };
  }
  if (formId === MENTEE_REQUEST) {
    return {
      role: "mentee",
      ...common,
      topics: {
        educational: list(answers, "deficitsEducational", "deficitsEducationalTeacher"),
        social: list(answers, "deficitsSocial"),
        professional: list(answers, "deficitsProfessional", "deficitsProfessionalTeacher"),
      },
      grades: one(answers, "grade"),
      courses: one(answers, "course"),
      experience: typeof answers.experienceYears === "number" ? [experienceBand(answers.experienceYears)] : [],
      capacity: null,
    };
  }
  return null;
}
