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
