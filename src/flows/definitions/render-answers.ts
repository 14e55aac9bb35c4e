import { applicableSteps, formatAnswer, isQuestion, truncate } from "../engine.js";
import type { Translate } from "../../i18n/index.js";
import type { AppFlow } from "../registry.js";
import type { Answer, Answers, FlowContext, FlowState, ResolvedOption } from "../types.js";

/**
 * Stored answers as a person reads them: each question (its first line) with the answer in
 * the reader's language. Answers to questions the definition does not have (an earlier
 * version of the form) are shown as they were stored rather than dropped.
 */
export interface RenderOptions {
  /** Parameters the form was asked with (the programme's form decides which questions applied). */
  params?: FlowContext["params"];
  /** Labels of computed options (people), by value. */
  labels?: Record<string, string>;
  /** Step ids to leave out (answers private to the curator, when the reader is not one). */
  hide?: readonly string[];
  /** Longest answer shown. */
  maxAnswer?: number;
}

export function questionLine(prompt: string): string {
  const first = prompt.split("\n").find((l) => l.trim()) ?? prompt;
  return truncate(first.trim(), 140);
}

export function renderAnswers(def: AppFlow, answers: Answers, t: Translate, o: RenderOptions = {}): string {
  const ctx: FlowContext = { lang: "ru", chat: { platform: "telegram", chatId: "", userId: "" }, params: o.params ?? {} };
  const shown = new Set<string>();
  const lines: string[] = [];
  const options: Record<string, ResolvedOption[]> = {};
  for (const step of def.steps) {
    if ("options" in step && !Array.isArray(step.options)) {
      options[step.id] = Object.entries(o.labels ?? {}).map(([value, text]) => ({ value, label: { text } }));
    }
  }
  const state = { options } as unknown as FlowState;
  for (const step of applicableSteps(def, answers, ctx).filter(isQuestion)) {
    shown.add(step.id);
    if (o.hide?.includes(step.id)) continue;
    const answer = answers[step.id];
    if (answer === undefined) continue;
    lines.push(`• ${questionLine(t(step.prompt, stringArgs(o.params)))}\n  ${truncate(formatAnswer(step, answer, state, t), o.maxAnswer ?? 1000)}`);
  }
  const unknown = Object.entries(answers).filter(([id]) => !shown.has(id) && !def.steps.some((s) => s.id === id));
  if (unknown.length) {
    lines.push(t("form-earlier-version-answers"));
    for (const [id, value] of unknown) lines.push(`• ${id}: ${truncate(plain(value), o.maxAnswer ?? 1000)}`);
  }
  return lines.join("\n");
}

/** Each stored answer with its question and its wording in the reader's language, beside the stored value (codes). */
export function labelledAnswers(def: AppFlow, answers: Answers, t: Translate, params: FlowContext["params"] = {}): Record<string, { question: string; value: Answer; shown: string }> {
  const state = { options: {} } as unknown as FlowState;
  const out: Record<string, { question: string; value: Answer; shown: string }> = {};
  for (const [id, value] of Object.entries(answers)) {
    const step = def.steps.find((s) => s.id === id);
    out[id] = step
      ? { question: questionLine(t(step.prompt, stringArgs(params))), value, shown: formatAnswer(step, value, state, t) }
      : { question: id, value, shown: plain(value) };
  }
  return out;
}

function plain(value: Answer): string {
  if (Array.isArray(value)) return value.join(", ");
  if (value === null) return "—";
  return String(value);
}

function stringArgs(params: FlowContext["params"] | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
}
