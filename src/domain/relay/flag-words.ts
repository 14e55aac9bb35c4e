import { DEFAULT_FLAG_WORDS } from "./default-flag-words.js";

/**
 * Flags raised by words: relay messages and free-text feedback are checked against word lists
 * per language and category. Pure: the lists are data (defaults in default-flag-words.ts, an
 * organisation may replace a category's list), matching ignores case and ё/е, an entry is a
 * word or a phrase, and a word ending in `*` matches any ending (`травл*`: травля, травлю).
 */

export const FLAG_CATEGORIES = ["self_harm", "violence", "bullying", "private_meeting"] as const;
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];

/** A flag raised with the button (no category: the participant says what is wrong to the curator). */
export type FlagReason = FlagCategory | "button";

/** How soon the curator is told: self-harm and violence at once, day or night; the rest out of quiet hours. */
export type FlagLevel = "urgent" | "normal";

export function flagLevel(reason: FlagReason): FlagLevel {
  return reason === "self_harm" || reason === "violence" ? "urgent" : "normal";
}

/** Lists per language, then per category. */
export type FlagWordLists = Record<string, Partial<Record<FlagCategory, readonly string[]>>>;

/**
 * The lists in force for an organisation: the defaults, with each category the organisation
 * gave (`Organisation.flagWords`, same shape) replacing the default one of that language.
 * Malformed entries are ignored.
 */
export function flagWordLists(own: unknown): FlagWordLists {
  const out: FlagWordLists = {};
  for (const [lang, lists] of Object.entries(DEFAULT_FLAG_WORDS)) out[lang] = { ...lists };
  if (!own || typeof own !== "object" || Array.isArray(own)) return out;
  for (const [lang, lists] of Object.entries(own as Record<string, unknown>)) {
    if (!lists || typeof lists !== "object" || Array.isArray(lists)) continue;
    const target = (out[lang] ??= {});
    for (const category of FLAG_CATEGORIES) {
      const words = (lists as Record<string, unknown>)[category];
      if (Array.isArray(words)) target[category] = words.filter((w): w is string => typeof w === "string" && w.trim().length > 0);
    }
  }
  return out;
}

const normalise = (s: string) => s.toLocaleLowerCase("ru").replace(/ё/g, "е");
const words = (s: string) => normalise(s).split(/[^\p{L}\p{N}*]+/u).filter(Boolean);

/** One entry as words: each matched whole, or by its beginning when it ended in `*`. */
type Entry = { word: string; prefix: boolean }[];

function entryOf(text: string): Entry | null {
  const entry = words(text)
    .map((w) => ({ word: w.replace(/\*/g, ""), prefix: w.endsWith("*") }))
    .filter((w) => w.word.length > 0);
  return entry.length ? entry : null;
}

function hits(tokens: readonly string[], entry: Entry): boolean {
  for (let i = 0; i + entry.length <= tokens.length; i++) {
    let all = true;
    for (let j = 0; j < entry.length && all; j++) {
      const { word, prefix } = entry[j]!;
      const token = tokens[i + j]!;
      all = prefix ? token.startsWith(word) : token === word;
    }
    if (all) return true;
  }
  return false;
}

/** Compiled lists: the categories a text hits, the most serious first. */
export interface FlagMatcher {
  check(text: string): FlagCategory[];
}

export function flagMatcher(lists: FlagWordLists): FlagMatcher {
  const compiled = FLAG_CATEGORIES.map((category) => ({
    category,
    entries: Object.values(lists).flatMap((byCategory) => (byCategory[category] ?? []).map(entryOf).filter((e): e is Entry => e !== null)),
  }));
  return {
    check(text) {
      const tokens = words(text).map((w) => w.replace(/\*/g, ""));
      return compiled.filter((c) => c.entries.some((e) => hits(tokens, e))).map((c) => c.category);
    },
  };
}
