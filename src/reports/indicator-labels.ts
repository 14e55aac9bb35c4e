/** Fluent keys of the indicators' names (locales/<lang>/reports.ftl), for the digest and the sheet. */
import type { IndicatorKey } from "../domain/indicators/flatten.js";

export const INDICATOR_LABEL_KEYS: Readonly<Record<IndicatorKey, string>> = {
  pairs: "report-indicator-pairs",
  groups: "report-indicator-groups",
  approvedPersonalisedProgrammes: "report-indicator-personalised-programmes",
  "youngTeachersAsMentees.count": "report-indicator-young-teachers-mentees-count",
  "youngTeachersAsMentees.percent": "report-indicator-young-teachers-mentees-percent",
  "teachersAsMentors.count": "report-indicator-teachers-mentors-count",
  "teachersAsMentors.percent": "report-indicator-teachers-mentors-percent",
  enterprisesInvolved: "report-indicator-enterprises",
  "menteeSatisfaction.percent": "report-indicator-mentee-satisfaction-percent",
  "menteeSatisfaction.respondents": "report-indicator-mentee-satisfaction-respondents",
  "mentorSatisfaction.percent": "report-indicator-mentor-satisfaction-percent",
  "mentorSatisfaction.respondents": "report-indicator-mentor-satisfaction-respondents",
  "childrenAsMentees.count": "report-indicator-children-mentees-count",
  "childrenAsMentees.percent": "report-indicator-children-mentees-percent",
  "teenagersAsMentors.count": "report-indicator-teenagers-mentors-count",
  "teenagersAsMentors.percent": "report-indicator-teenagers-mentors-percent",
  "pupilsTarget.count": "report-indicator-pupils-target-count",
  "pupilsTarget.percent": "report-indicator-pupils-target-percent",
  "pupilsTarget.stillNeeded": "report-indicator-pupils-target-still-needed",
  "teachersTarget.count": "report-indicator-teachers-target-count",
  "teachersTarget.percent": "report-indicator-teachers-target-percent",
  "teachersTarget.stillNeeded": "report-indicator-teachers-target-still-needed",
};
