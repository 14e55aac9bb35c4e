/** Indicators as a flat list of named numbers: for the weekly digest and the indicators sheet. */
import type { IndicatorSet } from "./result-types.js";

/** In the order of seed 003's table, then the 70 % targets. */
export const INDICATOR_KEYS = [
  "pairs",
  "groups",
  "approvedPersonalisedProgrammes",
  "youngTeachersAsMentees.count",
  "youngTeachersAsMentees.percent",
  "teachersAsMentors.count",
  "teachersAsMentors.percent",
  "enterprisesInvolved",
  "menteeSatisfaction.percent",
  "menteeSatisfaction.respondents",
  "mentorSatisfaction.percent",
  "mentorSatisfaction.respondents",
  "childrenAsMentees.count",
  "childrenAsMentees.percent",
  "teenagersAsMentors.count",
  "teenagersAsMentors.percent",
  "pupilsTarget.count",
  "pupilsTarget.percent",
  "pupilsTarget.stillNeeded",
  "teachersTarget.count",
  "teachersTarget.percent",
  "teachersTarget.stillNeeded",
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** Keys whose value is a percentage (their changes are in percentage points). */
export function isPercentKey(key: IndicatorKey): boolean {
  return key.endsWith(".percent");
}

/** null means "no data". */
export type FlatIndicators = Record<IndicatorKey, number | null>;

export function flattenIndicators(s: IndicatorSet): FlatIndicators {
  return {
    pairs: s.pairsAndGroups.pairs,
    groups: s.pairsAndGroups.groups,
    approvedPersonalisedProgrammes: s.approvedPersonalisedProgrammes,
    "youngTeachersAsMentees.count": s.youngTeachersAsMentees.count,
    "youngTeachersAsMentees.percent": s.youngTeachersAsMentees.percent,
    "teachersAsMentors.count": s.teachersAsMentors.count,
    "teachersAsMentors.percent": s.teachersAsMentors.percent,
    enterprisesInvolved: s.enterprisesInvolved,
    "menteeSatisfaction.percent": s.menteeSatisfaction.percent,
    "menteeSatisfaction.respondents": s.menteeSatisfaction.respondents,
    "mentorSatisfaction.percent": s.mentorSatisfaction.percent,
    "mentorSatisfaction.respondents": s.mentorSatisfaction.respondents,
    "childrenAsMentees.count": s.childrenAsMentees.count,
    "childrenAsMentees.percent": s.childrenAsMentees.percent,
    "teenagersAsMentors.count": s.teenagersAsMentors.count,
    "teenagersAsMentors.percent": s.teenagersAsMentors.percent,
    "pupilsTarget.count": s.pupilsTarget.count,
    "pupilsTarget.percent": s.pupilsTarget.percent,
    "pupilsTarget.stillNeeded": s.pupilsTarget.stillNeeded,
    "teachersTarget.count": s.teachersTarget.count,
    "teachersTarget.percent": s.teachersTarget.percent,
    "teachersTarget.stillNeeded": s.teachersTarget.stillNeeded,
  };
}
