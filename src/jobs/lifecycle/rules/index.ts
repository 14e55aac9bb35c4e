import type { Rule } from "../rule.js";
import { afterMeetingQuestion } from "./after-meeting.js";
import { endingFollowUp } from "./ending-follow-up.js";
import { federalForm } from "./federal-form.js";
import { feedbackReminders } from "./feedback-reminders.js";
import { finalReport } from "./final-report.js";
import { meetingReminders } from "./meeting-reminders.js";
import { monthlyReport } from "./monthly-report.js";
import { mutualChoiceOpen } from "./mutual-choice-open.js";
import { plannedEndings } from "./planned-endings.js";
import { programmeEnding } from "./programme-ending.js";
import { programmeLookout } from "./programme-lookout.js";
import { pulseSurvey } from "./pulse-survey.js";
import { silentPairs } from "./silent-pairs.js";
import { unmatchedMentees } from "./unmatched-mentees.js";

/**
 * The rules over programmes whose moment has come, in this order. The planned endings come
 * first: the pairs they end are looked at (the ending's follow-up, the final report) in the
 * same tick's pair rounds, which run after the programme rounds.
 */
export const PROGRAMME_RULES: readonly Rule[] = [plannedEndings, programmeEnding, mutualChoiceOpen, unmatchedMentees, federalForm, programmeLookout];

/** The rules over pairs (with their meetings) whose moment has come, in this order. */
export const PAIR_RULES: readonly Rule[] = [
  // Participants, around meetings.
  meetingReminders,
  afterMeetingQuestion,
  feedbackReminders,
  // Participants, through the pair's months.
  monthlyReport,
  pulseSurvey,
  // After an ending.
  endingFollowUp,
  finalReport,
  // Curators.
  silentPairs,
];
