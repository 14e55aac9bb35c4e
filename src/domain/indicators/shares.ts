/**
 * Shares of Form 1 populations and progress towards the 70 % target.
 *
 * Counting rules shared by every share (documented once here):
 * - only participants marked as having completed the full cycle count (000 §9: "participation
 *   for the purpose of assessing involvement means completing the full cycle");
 * - a person is counted once per scope, whatever the number of programmes or records
 *   (004: «обучающийся учитывается ОДИН раз»);
 * - the denominator is the Form 1 figure of the scope's organisations (summed for districts
 *   and regions); organisations that did not report the figure are left out of both the
 *   numerator and the denominator of `percent`, and are counted in `organisationsWithoutBase`.
 */
import { headCount, percentOf, sum } from "./arithmetic.js";
import type { OrganisationInput, ParticipantInput } from "./input-types.js";
import type { ShareIndicator, TargetProgress } from "./result-types.js";
import type { Scope } from "./scope.js";

export type ParticipantRule = (p: ParticipantInput) => boolean;
export type BaseFigure = (o: OrganisationInput) => number | null | undefined;

interface ShareParts {
  share: ShareIndicator;
  /** Numerator of `percent`: persons in organisations that reported the base. */
  countInBase: number;
}

function distinctPersons(participants: readonly ParticipantInput[]): number {
  return new Set(participants.map((p) => p.personId)).size;
}

function shareParts(scope: Scope, rule: ParticipantRule, figure: BaseFigure, what: string): ShareParts {
  const counted = scope.participants.filter((p) => p.completedCycle && rule(p));
  const reporting = new Map<string, number>();
  for (const o of scope.organisations) {
    const value = headCount(figure(o), `${what} of organisation ${o.id}`);
    if (value !== null) reporting.set(o.id, value);
  }
  const base = reporting.size > 0 ? sum([...reporting.values()]) : null;
  const inBase = counted.filter((p) => reporting.has(scope.organisationOf.get(p.programmeId) ?? ""));
  const countInBase = distinctPersons(inBase);
  return {
    share: {
      count: distinctPersons(counted),
      base,
      percent: percentOf(countInBase, base),
      organisationsWithoutBase: scope.organisations.length - reporting.size,
    },
    countInBase,
  };
}

export function shareIndicator(scope: Scope, rule: ParticipantRule, figure: BaseFigure, what: string): ShareIndicator {
  return shareParts(scope, rule, figure, what).share;
}

/** The target of 003/004: at least 70 % of learners and of teaching staff involved. */
export const TARGET_PERCENT = 70;

export function targetProgress(
  scope: Scope,
  rule: ParticipantRule,
  figure: BaseFigure,
  what: string,
  targetPercent: number = TARGET_PERCENT,
): TargetProgress {
  const { share, countInBase } = shareParts(scope, rule, figure, what);
  const base = share.base;
  // Integer arithmetic: 7 of 10 reaches 70 % exactly, with no floating-point surprises.
  const needed = base === null ? null : Math.ceil((targetPercent * base) / 100);
  return {
    ...share,
    targetPercent,
    reached: base === null || base === 0 ? null : countInBase * 100 >= targetPercent * base,
    stillNeeded: needed === null || base === 0 ? null : Math.max(0, needed - countInBase),
  };
}

export function isAgeBetween(p: ParticipantInput, from: number, to: number): boolean {
  return p.age !== null && p.age >= from && p.age <= to;
}
