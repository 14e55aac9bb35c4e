/**
 * What a curator may set about matching in their programme (`/match_settings`): the must-haves
 * one by one, and the points of the weights table under short names. Pure: the command turns
 * the curator's words (or a button's text) into a change, this module applies it to the stored
 * settings.matching ({ weights, policy }) and reads back what is in force.
 */
import { MatchingInputError } from "./types.js";
import { DEFAULT_MUST_HAVES, DEFAULT_WEIGHTS, MUST_HAVES, resolvePolicy, resolveWeights, type MatchWeights, type MustHaves } from "./weights.js";

/** Weights under the names a curator types, in the order they are shown. */
export const CURATOR_WEIGHTS = [
  ["mutual", "mutualChoice"],
  ["onesided", "oneSidedChoice"],
  ["goals", "goalCovered"],
  ["profile", "preferredProfile"],
  ["interests", "sharedInterest"],
  ["grade", "gradeFit"],
  ["time", "commonSlot"],
  ["format", "commonFormat"],
] as const satisfies readonly (readonly [string, keyof MatchWeights])[];

export type CuratorWeight = (typeof CURATOR_WEIGHTS)[number][0];

/** The largest number of points a curator may give one weight. */
export const MAX_CURATOR_POINTS = 1000;

export type SettingChange =
  | { kind: "show" }
  | { kind: "toggle"; mustHave: keyof MustHaves }
  | { kind: "weight"; name: CuratorWeight; points: number }
  | { kind: "reset" };

/** The stored shape: settings.matching of a programme. */
export interface StoredMatching {
  weights?: Record<string, unknown>;
  policy?: { mustHave?: Record<string, unknown> } & Record<string, unknown>;
}

const weightKey = (name: string): keyof MatchWeights | undefined => CURATOR_WEIGHTS.find(([n]) => n === name)?.[1];

/**
 * A change as a button carries it (`time`, `w-goals-50`, `reset`; empty: show), or null.
 * Points outside 0..MAX_CURATOR_POINTS or not whole are refused.
 */
export function decodeSettingChange(wire: string): SettingChange | null {
  if (wire === "") return { kind: "show" };
  if (wire === "reset") return { kind: "reset" };
  if ((MUST_HAVES as readonly string[]).includes(wire)) return { kind: "toggle", mustHave: wire as keyof MustHaves };
  const m = /^w-([a-z]+)-(\d{1,7})$/.exec(wire);
  if (!m || !weightKey(m[1]!)) return null;
  const points = Number(m[2]);
  if (points > MAX_CURATOR_POINTS) return null;
  return { kind: "weight", name: m[1] as CuratorWeight, points };
}

export function encodeSettingChange(change: SettingChange): string {
  switch (change.kind) {
    case "show":
      return "";
    case "reset":
      return "reset";
    case "toggle":
      return change.mustHave;
    case "weight":
      return `w-${change.name}-${change.points}`;
  }
}

/** Typed words (`goals 50`, `time`, `reset`, also the Russian names) as a button's text, or null. */
export function typedSettingChange(text: string): string | null {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const name = TYPED_NAMES[words[0]!] ?? words[0]!;
  if (words.length === 1) return name === "reset" || (MUST_HAVES as readonly string[]).includes(name) ? name : null;
  if (words.length === 2 && weightKey(name) && /^\d{1,7}$/.test(words[1]!)) return decodeSettingChange(`w-${name}-${Number(words[1])}`) ? `w-${name}-${Number(words[1])}` : null;
  return null;
}

const TYPED_NAMES: Record<string, string> = {
  сброс: "reset",
  время: "time",
  формат: "format",
  класс: "grade",
  взаимный: "mutual",
  односторонний: "onesided",
  цели: "goals",
  профиль: "profile",
  интересы: "interests",
};

/** The stored settings after a change (show: unchanged; reset: none). */
export function applySettingChange(current: StoredMatching, change: SettingChange): StoredMatching {
  const { mustHave } = effectiveSettings(current);
  switch (change.kind) {
    case "show":
      return current;
    case "reset":
      return {};
    case "toggle":
      return { ...current, policy: { ...current.policy, mustHave: { ...mustHave, [change.mustHave]: !mustHave[change.mustHave] } } };
    case "weight": {
      const key = weightKey(change.name)!;
      return { ...current, weights: { ...current.weights, [key]: change.points } };
    }
  }
}

/** What is in force: the stored settings over the defaults; settings that do not validate count as the defaults. */
export function effectiveSettings(current: StoredMatching): { mustHave: MustHaves; weights: MatchWeights } {
  let mustHave: MustHaves = { ...DEFAULT_MUST_HAVES };
  let weights: MatchWeights = { ...DEFAULT_WEIGHTS };
  try {
    mustHave = resolvePolicy(current.policy as Parameters<typeof resolvePolicy>[0]).mustHave;
  } catch (error) {
    if (!(error instanceof MatchingInputError)) throw error;
  }
  try {
    weights = resolveWeights(current.weights as Parameters<typeof resolveWeights>[0]);
  } catch (error) {
    if (!(error instanceof MatchingInputError)) throw error;
  }
  return { mustHave, weights };
}
