/**
 * What identifies a person who withdrew consent, and taking it out of what other people's
 * records say (messages sent to them, their answers, notes, flows in progress). Pure: the
 * store collects the traces and the rows, these functions decide what the rows become.
 *
 * Two kinds of trace:
 * - phrases: the name, the legal representative's name, what the person typed (answers,
 *   meeting places) — found as whole words, in any case, and replaced by the placeholder;
 * - handles: account ids, chat ids and usernames — a word that holds one (a bare id, an
 *   `@username`, a link such as `tg://user?id=…`, `https://t.me/<username>`, `vk.com/id…`,
 *   whatever the messenger) is replaced whole, so no link is left half-made.
 */

export interface Traces {
  phrases: readonly string[];
  handles: readonly string[];
}

/** What stands where the person was named. */
export const ERASED = "—";

/** Choice answers are codes (`sat-morning`, `olympiad_prep`, `7`): they say nothing about who answered. */
const CODE = /^[a-z0-9_.:-]*$/;
const LETTER = /\p{L}/u;

/** A text the person typed that may identify them: not a code, at least three characters with a letter. */
export function isIdentifyingText(value: string): boolean {
  const s = value.trim();
  return s.length >= 3 && LETTER.test(s) && !CODE.test(s);
}

/** Characters of one word around a handle: a link ends at a blank, a comma or a bracket. */
const WORD = '[^\\s,;«»"()<>\\[\\]]*';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The distinct traces, longest first (a name inside a longer answer goes with the answer). */
export function traces(input: { phrases: Iterable<string | null | undefined>; handles: Iterable<string | null | undefined> }): Traces {
  const clean = (values: Iterable<string | null | undefined>, keep: (s: string) => boolean) =>
    [...new Set([...values].flatMap((v) => (typeof v === "string" && keep(v.trim()) ? [v.trim()] : [])))].sort((a, b) => b.length - a.length);
  return {
    phrases: clean(input.phrases, (s) => s.length >= 3 && LETTER.test(s)),
    handles: clean(input.handles, (s) => s.replace(/^@/, "").length >= 3).map((h) => h.replace(/^@/, "")),
  };
}

export interface Redactor {
  /** The text with every trace replaced; the same string when there was none. */
  text(value: string): string;
  /** A JSON value with every string in it redacted (keys and `base64` pictures left alone); `changed` says whether anything was. */
  json<T>(value: T): { value: T; changed: boolean };
  /** SQL LIKE patterns (case-insensitive) that a text holding a trace matches: to find the candidate rows. */
  patterns(): string[];
}

export function redactor(t: Traces): Redactor {
  const phrase = t.phrases.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${t.phrases.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_])`, "giu") : null;
  // A word holding a handle: an id not run into other digits (`vk.com/id<id>`), a username not into other letters.
  const bounded = (h: string) => (/^\d+$/.test(h) ? `(?<!\\p{N})${h}(?!\\p{N})` : `(?<![\\p{L}\\p{N}_])${escapeRegExp(h)}(?![\\p{L}\\p{N}_])`);
  const handle = t.handles.length ? new RegExp(`${WORD}(?:${t.handles.map(bounded).join("|")})${WORD}`, "giu") : null;
  const text = (value: string): string => {
    let out = value;
    if (phrase) out = out.replace(phrase, ERASED);
    if (handle) out = out.replace(handle, (word) => word.replace(/^([^\p{L}\p{N}@]*).*?([.!?:]*)$/u, `$1${ERASED}$2`));
    return out;
  };
  const walk = (value: unknown, key: string | null): { value: unknown; changed: boolean } => {
    if (typeof value === "string") {
      if (key === "base64") return { value, changed: false };
      const out = text(value);
      return { value: out, changed: out !== value };
    }
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((v) => {
        const r = walk(v, null);
        changed ||= r.changed;
        return r.value;
      });
      return { value: changed ? out : value, changed };
    }
    if (value && typeof value === "object") {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const r = walk(v, k);
        changed ||= r.changed;
        out[k] = r.value;
      }
      return { value: changed ? out : value, changed };
    }
    return { value, changed: false };
  };
  return {
    text,
    json<T>(value: T) {
      const r = walk(value, null);
      return { value: r.value as T, changed: r.changed };
    },
    patterns() {
      const like = (s: string) => `%${s.replace(/[\\%_]/g, "\\$&")}%`;
      // JSON keeps quotes and backslashes escaped; the rest (Cyrillic too) as is.
      return [...new Set([...t.phrases, ...t.handles].flatMap((s) => [like(s), like(JSON.stringify(s).slice(1, -1))]))];
    },
  };
}
