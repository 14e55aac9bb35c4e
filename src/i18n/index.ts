import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

export const LANGUAGES = ["ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "ru";

export type TArgs = Record<string, FluentVariable>;
export type Translate = (key: string, args?: TArgs) => string;

/** A text to show: a locale key with arguments, or literal text (names of people, answers). */
export type TextRef = { key: string; args?: TArgs } | { text: string };

/** The text a TextRef stands for, in the translator's language. */
export function textOf(ref: TextRef, t: Translate): string {
  return "text" in ref ? ref.text : t(ref.key, ref.args);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales");

/** All texts of the product, one Fluent bundle per language, shared by both messengers and the jobs. */
export class I18n {
  private readonly bundles = new Map<Language, FluentBundle>();
  private readonly keys = new Map<Language, Set<string>>();

  constructor(dir: string = LOCALES_DIR) {
    // Found from this file's place, under tsx (src/i18n) and compiled (dist/i18n) alike; an
    // installation without them must not start and show message keys.
    if (!existsSync(dir)) throw new Error(`locales not found at ${dir}`);
    for (const lang of LANGUAGES) {
      const bundle = new FluentBundle(lang, { useIsolating: false });
      const keys = new Set<string>();
      const langDir = join(dir, lang);
      if (existsSync(langDir)) {
        for (const file of readdirSync(langDir).filter((f) => f.endsWith(".ftl")).sort()) {
          const resource = new FluentResource(readFileSync(join(langDir, file), "utf8"));
          const errors = bundle.addResource(resource);
          if (errors.length > 0) throw new Error(`locales/${lang}/${file}: ${errors.map((e) => e.message).join("; ")}`);
          for (const entry of resource.body) keys.add(entry.id);
        }
      }
      this.bundles.set(lang, bundle);
      this.keys.set(lang, keys);
    }
  }

  keysOf(lang: Language): ReadonlySet<string> {
    return this.keys.get(lang) ?? new Set();
  }

  has(key: string, lang: Language = DEFAULT_LANGUAGE): boolean {
    return this.bundles.get(lang)?.hasMessage(key) ?? false;
  }

  t(lang: Language, key: string, args?: TArgs): string {
    const bundle = this.bundles.get(lang)?.hasMessage(key) ? this.bundles.get(lang)! : this.bundles.get(DEFAULT_LANGUAGE)!;
    const message = bundle.getMessage(key);
    if (!message?.value) return key;
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, errors);
    return text;
  }

  translator(lang: Language): Translate {
    return (key, args) => this.t(lang, key, args);
  }
}

/** A Fluent text of one's own (an organisation's consent documents), read as locales' files are. */
export interface FluentSource {
  /** The messages it defines. */
  ids: ReadonlySet<string>;
  /** What could not be read (a line Fluent does not parse). */
  errors: string[];
  /** The message with its arguments; `errors` lists what did not resolve (an unknown variable). */
  format(id: string, args?: TArgs): { text: string; errors: string[] };
}

export function fluentSource(source: string, lang: Language): FluentSource {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const resource = new FluentResource(source);
  const errors = bundle.addResource(resource).map((e) => e.message);
  const ids = new Set<string>();
  for (const entry of resource.body) ids.add(entry.id);
  // Fluent skips what it cannot parse: an unindented line that is neither a comment nor `id =` starts no message, an error of the file.
  const junk = source.split("\n").filter((line) => /^\S/.test(line) && !line.startsWith("#") && !/^-?[a-zA-Z][\w-]*\s*=/.test(line));
  for (const line of junk) errors.push(`not a Fluent message: ${line.slice(0, 60)}`);
  return {
    ids,
    errors,
    format(id, args) {
      const message = bundle.getMessage(id);
      if (!message?.value) return { text: "", errors: [`no message ${id}`] };
      const problems: Error[] = [];
      const text = bundle.formatPattern(message.value, args, problems);
      return { text, errors: problems.map((e) => e.message) };
    },
  };
}
