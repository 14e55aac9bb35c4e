import { MatchingInputError } from "./types.js";

/**
 * How a suggested pair is scored — the points a curator can tune. A pair's score is the sum of
 * the points below (rounded to a whole number, at least 1 for any allowed pair); the matching
 * then looks for the set of pairs with the best total over the whole cohort.
 *
 * 1. Mutual choice comes first. When the mentee and the mentor chose each other in the
 *    mutual-choice survey the pair gets `mutualChoice`; when only one of them chose the other,
 *    `oneSidedChoice`. Each side's rank adds `rankBonus` (first choice +100, second +50, third 0).
 *    With the defaults a mutual choice (≥ 1000) always beats a one-sided one (≤ 695), and any
 *    choice (≥ 300) beats a pair nobody chose (≤ 295), however well it fits.
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
  oneSidedChoice: 300,
  rankBonus: Object.freeze([100, 50, 0]),
  goalCovered: 40,
  preferredProfile: 20,
  sharedInterest: 15,
  gradeFit: 30,
  commonSlot: 10,
  commonFormat: 10,
  maxItemsCounted: 3,
});

/**
 * Which pairs may be suggested at all, besides the hard rules (capacity, forbidden pairs, fixed pairs).
 *
 * - `requireChoice`: "none" (default) lets the fit alone make a pair; "any" needs at least one side
 *   to have chosen the other; "mutual" needs both.
 * - `requireTimeOrChoice` (default true): a pair with NO common time slot is suggested only if at
 *   least one side chose the other — people who cannot meet and did not ask for each other are
 *   not paired. When a person did not state availability (empty slots), the rule does not apply.
 *   With false such pairs are allowed and simply get no time points.
 */
export interface MatchPolicy {
  requireChoice: "none" | "any" | "mutual";
  requireTimeOrChoice: boolean;
}

export const DEFAULT_POLICY: Readonly<MatchPolicy> = Object.freeze({ requireChoice: "none", requireTimeOrChoice: true });

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

export function resolvePolicy(overrides: Partial<MatchPolicy> | undefined): MatchPolicy {
  const p: MatchPolicy = { ...DEFAULT_POLICY, ...overrides };
  if (!["none", "any", "mutual"].includes(p.requireChoice)) {
    throw new MatchingInputError(`Unknown requireChoice ${String(p.requireChoice)}`);
  }
  return p;
}
