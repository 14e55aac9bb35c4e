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
import { pulseSurvey } from "./pulse-survey.js";
import { silentPairs } from "./silent-pairs.js";
import { unmatchedMentees } from "./unmatched-mentees.js";

/**
 * The rules of the programme cycle, run in this order every tick. The order matters where a
 * rule changes what a later one reads: the planned endings come before what follows an ending
 * (the final report of a pair ended this tick) and before the silent pairs (an ended pair is
 * not silent).
 */
export const LIFECYCLE_RULES: readonly Rule[] = [
  // Participants, around meetings.
  meetingReminders,
  afterMeetingQuestion,
  feedbackReminders,
  // Participants, through the pair's months.
  monthlyReport,
  pulseSurvey,
  // Endings.
  plannedEndings,
  endingFollowUp,
  finalReport,
  // Curators.
  silentPairs,
  programmeEnding,
  mutualChoiceOpen,
  unmatchedMentees,
  federalForm,
];
