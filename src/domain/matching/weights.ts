import { MatchingInputError } from "./types.js";

/**
 * How a suggested pair is scored — the points a curator can tune. A pair's score is the sum of
 * the points below (rounded to a whole number, at least 1 for any allowed pair); the matching
 * then looks for the set of pairs with the best total over the whole cohort.
 *
 * 0. First the programme's must-haves (MatchPolicy.mustHave): a pair that breaks one is never
 *    suggested, whoever chose whom — by default a common time slot and a common meeting format,
 *    when both people stated them.
 * 1. Mutual choice comes first. When the mentee and the mentor chose each other in the
 *    mutual-choice survey the pair gets `mutualChoice`; when only one of them chose the other,
 *    `oneSidedChoice`. Each side's rank adds `rankBonus` (first choice +40, second +20, third 0).
 *    With the defaults a mutual choice (≥ 1000) always beats a pair without one, however well it
 *    fits; a one-sided choice (60–100) weighs as much as two or three goals covered, so it helps
 *    a pair that fits, but no longer outweighs the fit (at most 295).
 * 2. Then the fit of the mentor's profile to the mentee's request:
 *    - `goalCovered` for each goal or deficit of the mentee that the mentor lists as a competency;
 *    - `preferredProfile` for each code of the mentee's wished-for mentor profile that the mentor has;
 *    - `sharedInterest` for each common interest;
 *    - `gradeFit` when the mentee's grade (age) is in the range the mentor prefers;
 *    - `commonSlot` for each common time slot;
 *    - `commonFormat` once when they share a meeting format (offline / online).
 *    At most `maxItemsCounted` items of each list count, so long lists do not outweigh the rest.
 *
 * Maximum fit with the defaults: 3×40 + 3×20 + 3×15 + 30 + 3×10 + 10 = 295.
 */
export interface MatchWeights {
  mutualChoice: number;
  oneSidedChoice: number;
  /** Bonus per side by rank: index 0 is the first choice; ranks beyond the list get 0. */
  rankBonus: readonly number[];
  goalCovered: number;
  preferredProfile: number;
  sharedInterest: number;
  gradeFit: number;
  commonSlot: number;
  commonFormat: number;
  maxItemsCounted: number;
}

export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  mutualChoice: 1000,
  oneSidedChoice: 60,
  rankBonus: Object.freeze([40, 20, 0]),
  goalCovered: 40,
  preferredProfile: 20,
  sharedInterest: 15,
  gradeFit: 30,
  commonSlot: 10,
  commonFormat: 10,
  maxItemsCounted: 3,
});

/**
 * Must-haves: conditions a pair must meet to be suggested at all — filters, not weights, and no
 * choice overrides them. An answer a person did not give (no slots, no format, no grade or no
 * preferred grades) never excludes a pair.
 * - `time` (default on): at least one common time slot;
 * - `format` (default on): a common meeting format (offline / online);
 * - `grade` (default off): the mentee's grade within the grades the mentor prefers.
 */
export interface MustHaves {
  time: boolean;
  format: boolean;
  grade: boolean;
}

export const MUST_HAVES: readonly (keyof MustHaves)[] = ["time", "format", "grade"];

/**
 * Which pairs may be suggested at all, besides the hard rules (capacity, forbidden pairs, fixed pairs).
 *
 * - `mustHave`: see MustHaves.
 * - `requireChoice`: "none" (default) lets the fit alone make a pair; "any" needs at least one side
 *   to have chosen the other; "mutual" needs both.
 * - `requireTimeOrChoice` (default true; it matters only when common time is not a must-have):
 *   a pair with NO common time slot is suggested only if at least one side chose the other.
 *   When a person did not state availability (empty slots), the rule does not apply.
 *   With false such pairs are allowed and simply get no time points.
 */
export interface MatchPolicy {
  mustHave: MustHaves;
  requireChoice: "none" | "any" | "mutual";
  requireTimeOrChoice: boolean;
}

/** What a programme's settings may give: the must-haves one by one. */
export type PolicyOverrides = Partial<Omit<MatchPolicy, "mustHave">> & { mustHave?: Partial<MustHaves> };

export const DEFAULT_MUST_HAVES: Readonly<MustHaves> = Object.freeze({ time: true, format: true, grade: false });

export const DEFAULT_POLICY: Readonly<MatchPolicy> = Object.freeze({ mustHave: DEFAULT_MUST_HAVES, requireChoice: "none", requireTimeOrChoice: true });

export function resolveWeights(overrides: Partial<MatchWeights> | undefined): MatchWeights {
  const w: MatchWeights = { ...DEFAULT_WEIGHTS, ...overrides };
  const numbers: [string, number][] = [
    ["mutualChoice", w.mutualChoice],
    ["oneSidedChoice", w.oneSidedChoice],
    ["goalCovered", w.goalCovered],
    ["preferredProfile", w.preferredProfile],
    ["sharedInterest", w.sharedInterest],
    ["gradeFit", w.gradeFit],
    ["commonSlot", w.commonSlot],
    ["commonFormat", w.commonFormat],
    ["maxItemsCounted", w.maxItemsCounted],
    ...w.rankBonus.map((b, i): [string, number] => [`rankBonus[${i}]`, b]),
  ];
  for (const [name, value] of numbers) {
    if (!Number.isFinite(value) || value < 0 || value > 1e6) {
      throw new MatchingInputError(`Weight ${name} must be a number from 0 to 1000000, got ${value}`);
    }
  }
  if (!Number.isInteger(w.maxItemsCounted)) throw new MatchingInputError("Weight maxItemsCounted must be an integer");
  return w;
}

export function resolvePolicy(overrides: PolicyOverrides | undefined): MatchPolicy {
  const p: MatchPolicy = { ...DEFAULT_POLICY, ...overrides, mustHave: { ...DEFAULT_MUST_HAVES, ...overrides?.mustHave } };
  for (const key of MUST_HAVES) if (typeof p.mustHave[key] !== "boolean") throw new MatchingInputError(`Must-have ${key} must be true or false`);
  if (!["none", "any", "mutual"].includes(p.requireChoice)) {
    throw new MatchingInputError(`Unknown requireChoice ${String(p.requireChoice)}`);
  }
  return p;
}
