import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES, LOCALES_DIR } from "../../src/i18n/index.js";
import { createFlowRegistry } from "../../src/flows/index.js";
import { createCommandRegistry } from "../../src/bot/core/commands/index.js";
import { ALL_VOCABULARIES, labelKey } from "../../src/domain/vocabulary.js";
import type { Step } from "../../src/flows/types.js";

const ROOT = join(LOCALES_DIR, "..");
const SOURCES = [
  "src/bot/core/commands/forms.ts",
  "src/bot/core/commands/curator.ts",
  "src/store/form-tickets.ts",
  "src/flows/engine.ts",
  ...readdirSync(join(ROOT, "src/flows/definitions")).map((f) => `src/flows/definitions/${f}`),
];

/** Messages of one .ftl file: id → the variables its text uses. */
function parse(file: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const start = /^([a-zA-Z][\w-]*)\s*=(.*)$/.exec(line);
    if (start) {
      if (out.has(start[1]!)) throw new Error(`${file}: ${start[1]} defined twice`);
      current = new Set();
      out.set(start[1]!, current);
      for (const m of start[2]!.matchAll(/\$([\w-]+)/g)) current.add(m[1]!);
    } else if (/^\s+\S/.test(line) && current) {
      for (const m of line.matchAll(/\$([\w-]+)/g)) current.add(m[1]!);
    } else if (!/^\s*$/.test(line)) current = undefined;
  }
  return out;
}

const files = (lang: string) => readdirSync(join(LOCALES_DIR, lang)).filter((f) => f.endsWith(".ftl")).sort();
const all = (lang: string) => {
  const ids = new Map<string, Set<string>>();
  for (const f of files(lang)) for (const [id, vars] of parse(join(LOCALES_DIR, lang, f))) {
    if (ids.has(id)) throw new Error(`locales/${lang}: ${id} defined in two files`);
    ids.set(id, vars);
  }
  return ids;
};

/** Every locale key the flows, commands and vocabularies use. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const flow of createFlowRegistry().all()) {
    keys.add(flow.title);
    for (const step of flow.steps as Step[]) {
      keys.add(step.prompt);
      if (step.hint) keys.add(step.hint);
      if ("options" in step && Array.isArray(step.options)) for (const o of step.options) keys.add(o.label);
      if (step.type === "scale") for (const k of [step.lowLabel, step.highLabel]) if (k) keys.add(k);
      if (step.type === "consent") keys.add(step.declined);
    }
  }
  for (const c of createCommandRegistry().all()) keys.add(c.description);
  for (const list of ALL_VOCABULARIES) for (const code of list.codes) keys.add(labelKey(list, code));
  // Keys built at run time from a fixed set of values.
  for (const s of ["joined", "approved", "declined", "active", "completed", "left"]) keys.add(`participant-status-${s}`);
  for (const p of ["unknown", "not-participant", "round-closed", "not-approved", "already", "meeting-not-yet", "meeting-cancelled"]) keys.add(`form-problem-${p}`);
  for (const r of ["mentor", "mentee"]) {
    for (const k of ["form-after-join", "form-pending-questionnaire", "profile-not-filled", "curator-section"]) keys.add(`${k}-${r}`);
    for (const kind of ["mutual_choice", "satisfaction"]) keys.add(`survey-opened-${kind}-${r}`);
    for (const q of ["work_with", "can_help"]) keys.add(`curator-choice-${r}-${q}`);
  }
  for (const kind of ["mutual_choice", "satisfaction"]) for (const k of ["curator-round", "curator-survey-opened"]) keys.add(`${k}-${kind}`);
  for (const s of ["approved", "declined"]) for (const k of ["iv-outcome", "iv-done"]) keys.add(`${k}-${s}`);
  for (const p of ["not-curator", "not-mentor", "status"]) keys.add(`iv-problem-${p}`);
  keys.add("mc-problem-not-participant");
  // Keys written literally in the code of the forms and their commands.
  for (const file of SOURCES) {
    const code = readFileSync(join(ROOT, file), "utf8");
    for (const m of code.matchAll(/(?:\bsay|\bt|\bthanks)\(\s*"([a-z][\w-]*)"|\bkey:\s*"([a-z][\w-]*)"/g)) keys.add((m[1] ?? m[2])!);
  }
  return [...keys].sort();
}

describe("locales", () => {
  it("Russian and English have the same files", () => {
    expect(files("en")).toEqual(files("ru"));
    expect(files("ru").length).toBeGreaterThan(0);
  });

  for (const file of files("ru")) {
    it(`${file}: the same keys in Russian and English, each using the same variables`, () => {
      const ru = parse(join(LOCALES_DIR, "ru", file));
      const en = parse(join(LOCALES_DIR, "en", file));
      expect([...en.keys()].sort()).toEqual([...ru.keys()].sort());
      const differing = [...ru].filter(([id, vars]) => [...vars].sort().join() !== [...(en.get(id) ?? [])].sort().join()).map(([id]) => id);
      expect(differing).toEqual([]);
    });
  }

  it("no key is defined in two files of a language", () => {
    for (const lang of LANGUAGES) expect(() => all(lang)).not.toThrow();
  });

  it("every key the flows, commands and vocabularies use exists in both languages", () => {
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(300);
    for (const lang of LANGUAGES) {
      const ids = all(lang);
      expect(keys.filter((k) => !ids.has(k)), lang).toEqual([]);
    }
  });
});
