/** Results of the monitoring indicators of seed 003, for one scope. */

/** A share of a Form 1 population, e.g. teachers who are mentors. */
export interface ShareIndicator {
  /** Distinct persons in the scope who meet the rule (each person once). */
  count: number;
  /**
   * Denominator: the Form 1 figure summed over the scope's organisations that reported it;
   * null when none did ("no data").
   */
  base: number | null;
  /**
   * Persons counted in organisations that reported the base, divided by the base, × 100.
   * null when the base is null or 0. Not clamped: above 100 means inconsistent Form 1 data.
   */
  percent: number | null;
  /** Organisations of the scope without the figure: their persons are not in `percent`. */
  organisationsWithoutBase: number;
}

/** Progress towards the target "at least 70 % involved" (003, 004). */
export interface TargetProgress extends ShareIndicator {
  targetPercent: number;
  /** null when the percent is unknown. */
  reached: boolean | null;
  /** Persons still to involve to reach the target; 0 once reached; null without a base. */
  stillNeeded: number | null;
}

export interface SatisfactionIndicator {
  /** Distinct persons who answered. */
  respondents: number;
  /** Mean of the respondents' normalised scores × 100; null without respondents. */
  percent: number | null;
}

export interface PairsIndicator {
  /** One mentor with one mentee. */
  pairs: number;
  /** One mentor with two or more mentees. */
  groups: number;
  total: number;
}

export interface IndicatorSet {
  /** 003 item 7. */
  pairsAndGroups: PairsIndicator;
  /** 003 item 9. */
  approvedPersonalisedProgrammes: number;
  /** 003 item 10. */
  youngTeachersAsMentees: ShareIndicator;
  /** 003 item 11. */
  teachersAsMentors: ShareIndicator;
  /** 003 item 12. */
  enterprisesInvolved: number;
  /** 003 item 13. */
  menteeSatisfaction: SatisfactionIndicator;
  /** 003 item 14. */
  mentorSatisfaction: SatisfactionIndicator;
  /** 003 item 15. */
  childrenAsMentees: ShareIndicator;
  /** 003 item 16. */
  teenagersAsMentors: ShareIndicator;
  /** 003 preamble, 004: at least 70 % of learners involved. */
  pupilsTarget: TargetProgress;
  /** 004: at least 70 % of teaching staff involved. */
  teachersTarget: TargetProgress;
}

export type ScopeKind = "programme" | "organisation" | "district" | "region";

export interface ScopedIndicators {
  scope: ScopeKind;
  /** Programme or organisation id, district or region name. */
  id: string;
  name: string;
  indicators: IndicatorSet;
}
