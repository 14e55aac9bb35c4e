/**
 * What an administrator's digest says (pure): the scope's indicators and their change since
 * the digest before, the week's activity (new pairs, meetings held and missed, feedback,
 * satisfaction answers), what is overdue, and the organisations furthest from the 70 % target.
 * A digest in which nothing changed is not worth sending.
 */
import { changedIndicators, compareSnapshots, type IndicatorChange } from "../indicators/compare.js";
import { flattenIndicators, type FlatIndicators } from "../indicators/flatten.js";
import type { IndicatorSet } from "../indicators/result-types.js";

export interface DigestActivity {
  /** Pairs and groups confirmed in the period. */
  newPairs: number;
  meetingsHeld: number;
  meetingsMissed: number;
  /** Feedback forms after meetings submitted in the period (002 §7.4). */
  feedbackForms: number;
  /** Satisfaction questionnaires submitted in the period (001 stage 6). */
  satisfactionAnswers: number;
}

export interface DigestOverdue {
  /** Meetings whose time passed more than a day ago without being marked held or missed. */
  unresolvedMeetings: number;
  /** Curator tasks past their due date and not done. */
  curatorTasks: number;
}

export interface OrganisationIndicators {
  id: string;
  name: string;
  indicators: IndicatorSet;
}

export interface OrganisationStanding {
  id: string;
  name: string;
  /** Share of learners 10–19 involved, % (003, 004: target 70 %); null without Form 1 data. */
  pupilsPercent: number | null;
  /** Learners still to involve to reach the target; null without Form 1 data. */
  stillNeeded: number | null;
  teachersPercent: number | null;
  pairs: number;
}

export interface DigestInput {
  current: IndicatorSet;
  /** Indicators shown in the digest before (null: the first digest). */
  previous: IndicatorSet | null;
  activity: DigestActivity;
  overdue: DigestOverdue;
  /** Overdue items at the digest before (null when unknown). */
  previousOverdue: DigestOverdue | null;
  organisations: readonly OrganisationIndicators[];
}

export interface Digest {
  indicators: FlatIndicators;
  changes: IndicatorChange[];
  activity: DigestActivity;
  overdue: DigestOverdue;
  /** Organisations furthest from the target, most behind first (only for scopes of several organisations). */
  behind: OrganisationStanding[];
  /** Organisations of the scope without the Form 1 figure of children 10–19. */
  withoutForm1: number;
  worthSending: boolean;
}

export function standingOf(o: OrganisationIndicators): OrganisationStanding {
  const s = o.indicators;
  return {
    id: o.id,
    name: o.name,
    pupilsPercent: s.pupilsTarget.percent,
    stillNeeded: s.pupilsTarget.stillNeeded,
    teachersPercent: s.teachersTarget.percent,
    pairs: s.pairsAndGroups.total,
  };
}

const collator = new Intl.Collator("ru", { sensitivity: "base", numeric: true });

/**
 * Organisations ordered from the furthest behind: lowest share of learners involved first
 * (then teachers), fewer pairs first, then by name. Organisations without Form 1 data are left
 * out: their share is unknown, and the digest counts them apart.
 */
export function mostBehind(organisations: readonly OrganisationIndicators[], count: number): OrganisationStanding[] {
  return organisations
    .map(standingOf)
    .filter((o) => o.pupilsPercent !== null || o.teachersPercent !== null)
    .sort(
      (a, b) =>
        (a.pupilsPercent ?? Number.POSITIVE_INFINITY) - (b.pupilsPercent ?? Number.POSITIVE_INFINITY) ||
        (a.teachersPercent ?? Number.POSITIVE_INFINITY) - (b.teachersPercent ?? Number.POSITIVE_INFINITY) ||
        a.pairs - b.pairs ||
        collator.compare(a.name, b.name),
    )
    .slice(0, count);
}

function anyActivity(a: DigestActivity): boolean {
  return a.newPairs + a.meetingsHeld + a.meetingsMissed + a.feedbackForms + a.satisfactionAnswers > 0;
}

function overdueChanged(now: DigestOverdue, before: DigestOverdue | null): boolean {
  if (before === null) return now.unresolvedMeetings + now.curatorTasks > 0;
  return now.unresolvedMeetings !== before.unresolvedMeetings || now.curatorTasks !== before.curatorTasks;
}

export function composeDigest(input: DigestInput, options: { behindCount?: number } = {}): Digest {
  const changes = changedIndicators(compareSnapshots(input.current, input.previous));
  return {
    indicators: flattenIndicators(input.current),
    changes,
    activity: input.activity,
    overdue: input.overdue,
    behind: input.organisations.length > 1 ? mostBehind(input.organisations, options.behindCount ?? 3) : [],
    withoutForm1: input.current.pupilsTarget.organisationsWithoutBase,
    worthSending: changes.length > 0 || anyActivity(input.activity) || overdueChanged(input.overdue, input.previousOverdue),
  };
}
