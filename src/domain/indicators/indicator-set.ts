/**
 * All indicators of seed 003 for one scope. Rules per indicator (see also shares.ts for the
 * full-cycle and count-once rules that every share follows):
 *
 * - youngTeachersAsMentees (003 item 10): mentees of category young_teacher, any form /
 *   Form 1 young specialists (0–3 years).
 * - teachersAsMentors (003 item 11): mentors of category teacher or young_teacher, any form /
 *   Form 1 teaching staff.
 * - childrenAsMentees (003 item 15): mentees who are learners (pupil or student) aged 10–19 /
 *   Form 1 children aged 10–19. Learners of unknown age are not counted.
 * - teenagersAsMentors (003 item 16): mentors who are learners aged 15–19 / the organisation's
 *   children aged 15–19 (an optional figure, not in Form 1). A college student mentoring in a
 *   school's programme counts in that school's figure.
 * - pupilsTarget (004 "не менее 70% обучающихся"): learners aged 10–19 in any role /
 *   Form 1 children aged 10–19.
 * - teachersTarget (004 "70% педагогических работников"): teaching staff in any role /
 *   Form 1 teaching staff.
 * - pairs, personalised programmes, enterprises: counts.ts; satisfaction: satisfaction.ts.
 */
import { countApprovedPersonalisedProgrammes, countEnterprises, countPairsAndGroups } from "./counts.js";
import { LEARNER_CATEGORIES, TEACHER_CATEGORIES } from "./input-types.js";
import type { IndicatorSet } from "./result-types.js";
import { satisfactionIndicator } from "./satisfaction.js";
import type { Scope } from "./scope.js";
import { isAgeBetween, shareIndicator, targetProgress } from "./shares.js";

export function indicatorSet(scope: Scope): IndicatorSet {
  return {
    pairsAndGroups: countPairsAndGroups(scope.pairs),
    approvedPersonalisedProgrammes: countApprovedPersonalisedProgrammes(scope.programmes),
    youngTeachersAsMentees: shareIndicator(
      scope,
      (p) => p.role === "mentee" && p.category === "young_teacher",
      (o) => o.youngSpecialistsCount,
      "youngSpecialistsCount",
    ),
    teachersAsMentors: shareIndicator(
      scope,
      (p) => p.role === "mentor" && TEACHER_CATEGORIES.has(p.category),
      (o) => o.teachersCount,
      "teachersCount",
    ),
    enterprisesInvolved: countEnterprises(scope.participants),
    menteeSatisfaction: satisfactionIndicator(scope.satisfaction, "mentee"),
    mentorSatisfaction: satisfactionIndicator(scope.satisfaction, "mentor"),
    childrenAsMentees: shareIndicator(
      scope,
      (p) => p.role === "mentee" && LEARNER_CATEGORIES.has(p.category) && isAgeBetween(p, 10, 19),
      (o) => o.childrenAged10to19,
      "childrenAged10to19",
    ),
    teenagersAsMentors: shareIndicator(
      scope,
      (p) => p.role === "mentor" && LEARNER_CATEGORIES.has(p.category) && isAgeBetween(p, 15, 19),
      (o) => o.childrenAged15to19,
      "childrenAged15to19",
    ),
    pupilsTarget: targetProgress(
      scope,
      (p) => LEARNER_CATEGORIES.has(p.category) && isAgeBetween(p, 10, 19),
      (o) => o.childrenAged10to19,
      "childrenAged10to19",
    ),
    teachersTarget: targetProgress(
      scope,
      (p) => TEACHER_CATEGORIES.has(p.category),
      (o) => o.teachersCount,
      "teachersCount",
    ),
  };
}
