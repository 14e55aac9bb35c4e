/** A strict translator built from locales/<lang>/reports.ftl: unknown keys and format errors throw. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import type { Translate } from "../../../src/reports/index.js";

export const LOCALES = join(import.meta.dirname, "..", "..", "..", "locales");

export function reportsFtl(lang: "ru" | "en"): string {
  return readFileSync(join(LOCALES, lang, "reports.ftl"), "utf8");
}

export function messageIds(lang: "ru" | "en"): string[] {
  return new FluentResource(reportsFtl(lang)).body.map((entry) => entry.id);
}

export function strictTranslator(lang: "ru" | "en"): Translate {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(reportsFtl(lang)));
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("; "));
  return (key, args) => {
    const message = bundle.getMessage(key);
    if (!message?.value) throw new Error(`Missing message ${key} in ${lang}`);
    const formatErrors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, formatErrors);
    if (formatErrors.length > 0) throw new Error(`${key}: ${formatErrors.map((e) => e.message).join("; ")}`);
    return text;
  };
}
