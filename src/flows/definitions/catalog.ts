import type { AppFlow } from "../registry.js";
import { meetingFeedback } from "./meeting-feedback.js";
import { menteeRequest } from "./mentee-request.js";
import { mentorInterview } from "./mentor-interview.js";
import { mentorQuestionnaire } from "./mentor-questionnaire.js";
import { mutualChoice } from "./mutual-choice.js";
import { finalReport, monthlyReport } from "./reports.js";
import { exitSurvey, pulseSurvey, satisfactionMentee, satisfactionMentor } from "./surveys.js";

/**
 * Every form of the programme cycle, current versions. When a form's questions change, its
 * version goes up and the previous definition moves to ARCHIVE, so answers given to it
 * (FormResponse.formVersion) stay readable with the questions they answered.
 */
export const CYCLE_FORMS: readonly AppFlow[] = [
  mentorQuestionnaire,
  menteeRequest,
  mentorInterview,
  mutualChoice,
  meetingFeedback,
  monthlyReport,
  finalReport,
  satisfactionMentor,
  satisfactionMentee,
  pulseSurvey,
  exitSurvey,
];

/** Earlier versions of the forms, kept only to read answers given to them. */
export const ARCHIVE: readonly AppFlow[] = [];

/** The questionnaire of each role, filled after joining and seen in /profile. */
export const QUESTIONNAIRE_OF = { mentor: mentorQuestionnaire.id, mentee: menteeRequest.id } as const;

/** The definition that answers of this form and version were given to; the current one when that version is not kept. */
export function definitionFor(formId: string, version: number): { def: AppFlow; exact: boolean } | undefined {
  const archived = ARCHIVE.find((f) => f.id === formId && f.version === version);
  if (archived) return { def: archived, exact: true };
  const current = CYCLE_FORMS.find((f) => f.id === formId);
  return current ? { def: current, exact: current.version === version } : undefined;
}
