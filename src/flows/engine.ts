import type { Translate } from "../i18n/index.js";
import { formatIsoDate } from "../domain/time.js";
import { cleanText, exampleDate, parseDate, validateDate, validateNumber, validateText } from "./validation.js";
import type {
  Answer,
  Answers,
  FlowContext,
  FlowDefinition,
  FlowInput,
  FlowState,
  ResolvedOption,
  Step,
  TextRef,
  View,
  ViewButton,
} from "./types.js";

/**
 * The flow engine: pure functions over (definition, state, input). It validates answers,
 * moves between questions, keeps multi-select drafts, summary and edit; it performs no I/O.
 * The runner around it loads computed options, calls hooks and persists the state.
 */

export interface EngineDeps {
  t: Translate;
  /** Today in the person's timezone, YYYY-MM-DD. */
  today: string;
}

export type Accepted =
  | { type: "answered"; state: FlowState; stepId: string; value: Answer }
  | { type: "reprompt"; state: FlowState; error?: TextRef; inPlace?: boolean }
  | { type: "moved"; state: FlowState }
  | { type: "submit"; state: FlowState }
  | { type: "declined"; state: FlowState; message: TextRef }
  /** The person left the flow with its exit button: what was interrupted by it goes on. */
  | { type: "left"; state: FlowState; message: TextRef }
  | { type: "stale"; state: FlowState };

const QUESTION_TYPES = new Set<Step["type"]>(["text", "number", "choice", "multi", "scale", "date", "yesno", "ranked"]);

export function isQuestion(step: Step): boolean {
  return QUESTION_TYPES.has(step.type);
}

export function applicableSteps(def: FlowDefinition<any>, answers: Answers, ctx: FlowContext): Step[] {
  return def.steps.filter((s) => !s.when || s.when(answers, ctx));
}

export function stepById(def: FlowDefinition<any>, id: string | null): Step | undefined {
  return id === null ? undefined : def.steps.find((s) => s.id === id);
}

/** Answers of the steps that apply, in order; what a submitted form stores. */
export function collectAnswers(def: FlowDefinition<any>, state: FlowState, ctx: FlowContext): Answers {
  const out: Answers = {};
  for (const step of applicableSteps(def, state.answers, ctx)) {
    if (isQuestion(step) && state.answers[step.id] !== undefined) out[step.id] = state.answers[step.id]!;
  }
  return out;
}

export function begin(def: FlowDefinition<any>, ctx: FlowContext, runId: string, answers: Answers = {}): FlowState {
  const state: FlowState = {
    flowId: def.id,
    version: def.version,
    runId,
    seq: 1,
    mode: "ask",
    stepId: null,
    answers: { ...answers },
    history: [],
    page: 0,
    draft: [],
    options: {},
    editing: false,
    params: { ...ctx.params },
    personId: ctx.personId,
  };
  const first = applicableSteps(def, state.answers, ctx)[0];
  if (first) state.stepId = first.id;
  else state.mode = def.summary ? "summary" : "ask";
  return state;
}

/**
 * Begins a flow from answers given before (updating a submitted questionnaire, perhaps of an
 * earlier version): answers that no longer fit a question are dropped, questions without an
 * answer are asked, then the summary with edit is shown.
 */
export function beginFrom(def: FlowDefinition<any>, ctx: FlowContext, runId: string, previous: Answers): FlowState {
  const kept = keepValidAnswers(def, previous);
  const state = begin(def, ctx, runId, kept);
  if (Object.keys(kept).length === 0) return state;
  const steps = applicableSteps(def, state.answers, ctx);
  const missing = firstUnanswered(def, state, ctx);
  if (missing) return { ...state, mode: "ask", stepId: missing.id, editing: def.summary, draft: draftFor(def, state, missing.id) };
  if (!def.summary) return state;
  return { ...state, mode: "summary", stepId: null, history: steps.filter(isQuestion).map((s) => s.id) };
}

/** Stored answers that are still valid answers to the definition's questions. */
export function keepValidAnswers(def: FlowDefinition<any>, answers: Answers): Answers {
  const out: Answers = {};
  for (const step of def.steps) {
    if (!isQuestion(step)) continue;
    const v = answers[step.id];
    if (v === undefined) continue;
    if (v === null) {
      if (step.optional) out[step.id] = null;
      continue;
    }
    switch (step.type) {
      case "text": {
        const r = typeof v === "string" ? validateText(step, v) : undefined;
        if (r?.ok) out[step.id] = r.value;
        break;
      }
      case "number":
      case "scale":
        if (typeof v === "number" && Number.isInteger(v) && v >= step.min && v <= step.max) out[step.id] = v;
        break;
      case "yesno":
        if (typeof v === "boolean") out[step.id] = v;
        break;
      case "date":
        if (typeof v === "string" && parseDate(v) === v) out[step.id] = v;
        break;
      case "choice":
        if (Array.isArray(step.options) && typeof v === "string" && step.options.some((o) => o.value === v)) out[step.id] = v;
        break;
      case "multi":
      case "ranked": {
        // Computed options (people) may have changed: those are asked again.
        if (!Array.isArray(step.options) || !Array.isArray(v)) break;
        const known = new Set(step.options.map((o) => o.value));
        const kept = v.filter((x, i) => typeof x === "string" && known.has(x) && v.indexOf(x) === i);
        const min = step.type === "multi" ? (step.minSelected ?? (step.optional ? 0 : 1)) : Math.min(step.minPicks ?? 1, known.size);
        const max = step.type === "multi" ? (step.maxSelected ?? Infinity) : step.picks;
        if (kept.length >= min && kept.length <= max) out[step.id] = kept;
        break;
      }
    }
  }
  return out;
}

/** The first question that applies and has no answer yet (skipped ones have null). */
export function firstUnanswered(def: FlowDefinition<any>, state: FlowState, ctx: FlowContext): Step | undefined {
  return applicableSteps(def, state.answers, ctx).find((s) => isQuestion(s) && state.answers[s.id] === undefined);
}

/** Selections a multi-choice or ranked question starts with: its current answer, so changing it keeps what was chosen. */
function draftFor(def: FlowDefinition<any>, state: FlowState, stepId: string | null | undefined): string[] {
  const step = stepById(def, stepId ?? null);
  const previous = stepId ? state.answers[stepId] : undefined;
  if (!step || (step.type !== "multi" && step.type !== "ranked") || !Array.isArray(previous)) return [];
  const known = new Set(optionsOf(step, state).map((o) => o.value));
  return previous.filter((v) => known.has(v));
}

/** True when the flow has nothing more to ask and no summary to confirm. */
export function isFinished(state: FlowState): boolean {
  return state.mode === "ask" && state.stepId === null;
}

export function optionsOf(step: Step, state: FlowState): ResolvedOption[] {
  switch (step.type) {
    case "yesno":
      return [
        { value: "yes", label: { key: "flow-yes" } },
        { value: "no", label: { key: "flow-no" } },
      ];
    case "consent":
      return [
        { value: "agree", label: { key: "flow-consent-agree" } },
        { value: "decline", label: { key: "flow-consent-decline" } },
      ];
    case "scale": {
      const out: ResolvedOption[] = [];
      for (let v = step.min; v <= step.max; v++) out.push({ value: String(v), label: { text: String(v) } });
      return out;
    }
    case "choice":
    case "multi":
    case "ranked":
      return Array.isArray(step.options)
        ? step.options.map((o) => ({ value: o.value, label: { key: o.label } }))
        : (state.options[step.id] ?? []);
    default:
      return [];
  }
}

function next(state: FlowState, patch: Partial<FlowState>): FlowState {
  return { ...state, ...patch, seq: state.seq + 1 };
}

function labelText(label: TextRef, t: Translate): string {
  return "text" in label ? label.text : t(label.key, label.args);
}

function matchOption(options: ResolvedOption[], text: string, t: Translate): number {
  const wanted = cleanText(text).toLocaleLowerCase("ru");
  return options.findIndex((o) => labelText(o.label, t).toLocaleLowerCase("ru") === wanted);
}

const YES = new Set(["да", "yes", "y", "д", "ага", "конечно"]);
const NO = new Set(["нет", "no", "n", "н"]);

function parseAction(action: string): [string, number | undefined] {
  const [name, arg] = action.split(":");
  return [name ?? "", arg === undefined ? undefined : Number(arg)];
}

/** Interprets one input against the current prompt. */
export function accept(def: FlowDefinition<any>, state: FlowState, input: FlowInput, ctx: FlowContext, deps: EngineDeps): Accepted {
  const { t } = deps;
  if (input.kind === "button" && (input.runId !== state.runId || input.seq !== state.seq)) {
    return { type: "stale", state };
  }
  const useButtons: Accepted = { type: "reprompt", state, error: { key: "flow-error-use-buttons" } };

  if (state.mode === "summary") {
    if (input.kind === "back") return back(def, state, ctx);
    if (input.kind !== "button") return useButtons;
    const [name] = parseAction(input.action);
    if (name === "sub") {
      // Never submit with a question unanswered (an edit that opened a new question, then Back).
      const missing = firstUnanswered(def, state, ctx);
      if (missing) {
        return { type: "reprompt", state: next(state, { mode: "ask", stepId: missing.id, editing: true, page: 0, draft: draftFor(def, state, missing.id) }), error: { key: "flow-error-unanswered" } };
      }
      return { type: "submit", state };
    }
    if (name === "ed") return { type: "moved", state: next(state, { mode: "edit", page: 0 }) };
    if (name === "b") return back(def, state, ctx);
    return useButtons;
  }

  if (state.mode === "edit") {
    if (input.kind === "back") return { type: "moved", state: next(state, { mode: "summary" }) };
    if (input.kind !== "button") return useButtons;
    const [name, arg] = parseAction(input.action);
    const questions = applicableSteps(def, state.answers, ctx).filter(isQuestion);
    if (name === "e" && arg !== undefined && questions[arg]) {
      const stepId = questions[arg]!.id;
      return { type: "moved", state: next(state, { mode: "ask", stepId, editing: true, page: 0, draft: draftFor(def, state, stepId) }) };
    }
    if (name === "sum") return { type: "moved", state: next(state, { mode: "summary" }) };
    if (name === "pg" && arg !== undefined && arg >= 0) return { type: "reprompt", state: { ...state, page: arg }, inPlace: true };
    return useButtons;
  }

  const step = stepById(def, state.stepId);
  if (!step) return { type: "stale", state };

  if (input.kind === "back") return back(def, state, ctx);
  if (input.kind === "skip") return skip(step, state);

  let action: [string, number | undefined] | undefined;
  if (input.kind === "button") {
    action = parseAction(input.action);
    const [name, arg] = action;
    if (name === "b") return back(def, state, ctx);
    if (name === "s") return skip(step, state);
    if (name === "x" && step.exit) return { type: "left", state, message: { key: step.exit.message } };
    if (name === "pg" && arg !== undefined && arg >= 0) return { type: "reprompt", state: { ...state, page: arg }, inPlace: true };
  }
  if (input.kind === "unsupported") {
    const expected = step.type === "text" ? "flow-error-expected-text" : step.type === "number" ? "flow-error-expected-number" : step.type === "date" ? "flow-error-expected-date" : "flow-error-use-buttons";
    return { type: "reprompt", state, error: { key: expected } };
  }

  const answered = (value: Answer): Accepted => ({
    type: "answered",
    stepId: step.id,
    value,
    state: { ...state, answers: { ...state.answers, [step.id]: value }, draft: [], page: 0 },
  });

  switch (step.type) {
    case "text": {
      if (input.kind !== "text") return useButtons;
      const r = validateText(step, input.text);
      return r.ok ? answered(r.value) : { type: "reprompt", state, error: r.error };
    }
    case "number": {
      if (input.kind !== "text") return useButtons;
      const r = validateNumber(step, input.text);
      return r.ok ? answered(r.value) : { type: "reprompt", state, error: r.error };
    }
    case "date": {
      if (input.kind !== "text") return useButtons;
      const r = validateDate(step, input.text, deps.today);
      return r.ok ? answered(r.value) : { type: "reprompt", state, error: r.error };
    }
    case "info": {
      return answered(true);
    }
    case "choice":
    case "scale":
    case "yesno":
    case "consent": {
      const options = optionsOf(step, state);
      let index = -1;
      if (input.kind === "button" && action?.[0] === "o" && action[1] !== undefined) index = action[1];
      // A consent is given with its button only: typing "да" is no agreement to a document.
      else if (input.kind === "text" && step.type !== "consent") {
        index = matchOption(options, input.text, t);
        const word = cleanText(input.text).toLocaleLowerCase("ru");
        if (index < 0 && step.type === "yesno") index = YES.has(word) ? 0 : NO.has(word) ? 1 : -1;
      }
      const option = Number.isInteger(index) ? options[index] : undefined;
      if (!option) return input.kind === "button" ? { type: "stale", state } : useButtons;
      if (step.type === "consent") {
        return option.value === "agree" ? answered(true) : { type: "declined", state, message: { key: step.declined } };
      }
      if (step.type === "yesno") return answered(option.value === "yes");
      if (step.type === "scale") return answered(Number(option.value));
      return answered(option.value);
    }
    case "multi": {
      if (input.kind !== "button" || !action) return useButtons;
      const options = optionsOf(step, state);
      const [name, arg] = action;
      if (name === "t" && arg !== undefined && options[arg]) {
        const value = options[arg]!.value;
        const selected = state.draft.includes(value) ? state.draft.filter((v) => v !== value) : [...state.draft, value];
        if (step.maxSelected !== undefined && selected.length > step.maxSelected) {
          return { type: "reprompt", state, error: { key: "flow-error-multi-max", args: { max: step.maxSelected } } };
        }
        return { type: "reprompt", state: { ...state, draft: selected }, inPlace: true };
      }
      if (name === "ok") {
        const min = step.minSelected ?? (step.optional ? 0 : 1);
        if (state.draft.length < min) return { type: "reprompt", state, error: { key: "flow-error-multi-min", args: { min } } };
        // Keep the order of the options, not of the taps.
        const order = options.map((o) => o.value);
        return answered([...state.draft].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      }
      return { type: "stale", state };
    }
    case "ranked": {
      if (input.kind !== "button" || !action) return useButtons;
      const options = optionsOf(step, state);
      const [name, arg] = action;
      const min = Math.min(step.minPicks ?? 1, options.length);
      if (name === "o" && arg !== undefined && options[arg]) {
        const value = options[arg]!.value;
        if (state.draft.includes(value)) return { type: "reprompt", state, error: { key: "flow-error-ranked-twice" } };
        const draft = [...state.draft, value];
        if (draft.length >= Math.min(step.picks, options.length)) return answered(draft);
        return { type: "reprompt", state: { ...state, draft, page: 0 }, inPlace: true };
      }
      if (name === "ok") {
        if (state.draft.length < min) return { type: "reprompt", state, error: { key: "flow-error-multi-min", args: { min } } };
        return answered([...state.draft]);
      }
      if (name === "rs") return { type: "reprompt", state: { ...state, draft: [], page: 0 }, inPlace: true };
      return { type: "stale", state };
    }
  }
}

function back(def: FlowDefinition<any>, state: FlowState, ctx: FlowContext): Accepted {
  if (state.editing && state.mode === "ask") {
    return { type: "moved", state: next(state, { mode: "summary", editing: false, draft: [], page: 0 }) };
  }
  if (state.mode === "summary") {
    const last = state.history[state.history.length - 1];
    if (!last) return { type: "reprompt", state, error: { key: "flow-error-no-back" } };
    return { type: "moved", state: next(state, { mode: "ask", stepId: last, history: state.history.slice(0, -1), draft: draftFor(def, state, last), page: 0 }) };
  }
  const found = previousStep(def, state, ctx);
  if (!found) return { type: "reprompt", state, error: { key: "flow-error-no-back" } };
  return { type: "moved", state: next(state, { stepId: found.stepId, history: found.history, draft: draftFor(def, state, found.stepId), page: 0 }) };
}

/**
 * The question Back returns to: the last one asked that still applies, stepping over consents
 * (given once, never re-asked). None from a gate step (`noBack`): what led to it stays answered.
 */
function previousStep(def: FlowDefinition<any>, state: FlowState, ctx: FlowContext): { stepId: string; history: string[] } | undefined {
  if (stepById(def, state.stepId)?.noBack) return undefined;
  const applicable = new Set(applicableSteps(def, state.answers, ctx).map((s) => s.id));
  const history = [...state.history];
  let previous: string | undefined;
  while ((previous = history.pop()) !== undefined) {
    const step = stepById(def, previous);
    if (step && applicable.has(previous) && step.type !== "consent") return { stepId: previous, history };
  }
  return undefined;
}

function skip(step: Step, state: FlowState): Accepted {
  if (!step.optional) return { type: "reprompt", state, error: { key: "flow-error-not-optional" } };
  return { type: "answered", stepId: step.id, value: null, state: { ...state, answers: { ...state.answers, [step.id]: null }, draft: [], page: 0 } };
}

/** Moves past the step just answered: the next question, the summary, or the end. */
export function advance(def: FlowDefinition<any>, state: FlowState, ctx: FlowContext): FlowState {
  const steps = applicableSteps(def, state.answers, ctx);
  if (state.editing) {
    // An edit may open questions that were not asked yet (a changed condition).
    const missing = steps.find((s) => isQuestion(s) && state.answers[s.id] === undefined);
    if (missing) return next(state, { stepId: missing.id, page: 0, draft: draftFor(def, state, missing.id) });
    return next(state, { mode: "summary", editing: false, stepId: null });
  }
  // By position in the definition: the step just answered may itself no longer apply.
  const position = def.steps.findIndex((s) => s.id === state.stepId);
  const history = state.stepId ? [...state.history, state.stepId] : state.history;
  const following = steps.find((s) => def.steps.indexOf(s) > position);
  if (following) return next(state, { stepId: following.id, history, page: 0, draft: draftFor(def, state, following.id) });
  if (def.summary) return next(state, { mode: "summary", stepId: null, history });
  return next(state, { mode: "ask", stepId: null, history });
}

/** The answer as a person reads it, in their language. */
export function formatAnswer(step: Step, answer: Answer | undefined, state: FlowState, t: Translate): string {
  if (answer === undefined || answer === null) return t("flow-answer-skipped");
  const options = optionsOf(step, state);
  const label = (value: string) => {
    const o = options.find((x) => x.value === value);
    return o ? labelText(o.label, t) : value;
  };
  switch (step.type) {
    case "yesno":
      return t(answer ? "flow-yes" : "flow-no");
    case "consent":
    case "info":
      return t("flow-consent-agree");
    case "scale":
      return `${answer} / ${step.max}`;
    case "date":
      return formatIsoDate(String(answer));
    case "choice":
      return label(String(answer));
    case "multi":
      return Array.isArray(answer) ? (answer.length ? answer.map(label).join(", ") : t("flow-answer-none")) : String(answer);
    case "ranked":
      return Array.isArray(answer) ? (answer.length ? answer.map((v, i) => `${i + 1}) ${label(v)}`).join("; ") : t("flow-answer-none")) : String(answer);
    default:
      return String(answer);
  }
}

const btn = (label: TextRef, action: string): ViewButton => ({ label, action });

/** The prompt for the current state. */
export function view(def: FlowDefinition<any>, state: FlowState, ctx: FlowContext, deps: EngineDeps): View {
  const { t } = deps;
  const questions = applicableSteps(def, state.answers, ctx).filter(isQuestion);

  if (state.mode === "summary" || state.mode === "edit") {
    const lines = questions.map((s, i) => `${i + 1}. ${t(s.prompt)}\n— ${truncate(formatAnswer(s, state.answers[s.id], state, t), 300)}`);
    const parts: TextRef[] = [{ key: "flow-summary-title", args: { title: t(def.title) } }, { text: lines.join("\n\n") }];
    if (state.mode === "summary") {
      return { parts: [...parts, { key: "flow-summary-hint" }], options: [], nav: [[btn({ key: "flow-submit" }, "sub")], [btn({ key: "flow-edit" }, "ed"), btn({ key: "flow-back" }, "b")]] };
    }
    return {
      parts: [...parts, { key: "flow-edit-hint" }],
      options: questions.map((_, i) => btn({ text: String(i + 1) }, `e:${i}`)),
      optionsPerRow: 4,
      nav: [[btn({ key: "flow-to-summary" }, "sum")]],
    };
  }

  const step = stepById(def, state.stepId);
  if (!step) return { parts: [], options: [], nav: [] };
  const parts: TextRef[] = [];
  // One sequence for the whole run: the questions asked so far (some may no longer apply, as the
  // language and consent once given), then those still ahead from this one on.
  if (questions.some((s) => s.id === step.id)) {
    const asked = new Set(
      state.history.filter((id) => {
        const s = stepById(def, id);
        return id !== step.id && s !== undefined && isQuestion(s);
      }),
    );
    const at = def.steps.indexOf(step);
    const ahead = questions.filter((s) => def.steps.indexOf(s) >= at && !asked.has(s.id)).length;
    if (asked.size + ahead > 1) parts.push({ key: "flow-progress", args: { current: asked.size + 1, total: asked.size + ahead } });
  }
  const args = { ...promptArgs(state, ctx), ...(step.type === "date" ? { example: exampleDate(step, deps.today) } : {}) };
  parts.push({ key: step.prompt, args });
  if (step.hint) parts.push({ key: step.hint, args });
  const previous = state.answers[step.id];
  if (isQuestion(step) && previous !== undefined && step.type !== "multi" && step.type !== "ranked") {
    parts.push({ key: "flow-current-answer", args: { answer: truncate(formatAnswer(step, previous, state, t), 300) } });
  }

  const options = optionsOf(step, state);
  const navRow: ViewButton[] = [];
  const canGoBack = state.editing || previousStep(def, state, ctx) !== undefined;
  if (canGoBack && step.type !== "consent") navRow.push(btn({ key: "flow-back" }, "b"));
  if (step.optional) navRow.push(btn({ key: "flow-skip" }, "s"));
  const nav = navRow.length ? [navRow] : [];
  if (step.exit) nav.push([btn({ key: step.exit.label }, "x")]);

  switch (step.type) {
    case "text":
    case "number":
    case "date":
      parts.push({ key: `flow-expect-${step.type}`, args: step.type === "text" ? { max: step.maxLength } : step.type === "number" ? { min: step.min, max: step.max } : { example: exampleDate(step, deps.today) } });
      return { parts, options: [], nav };
    case "info":
      return { parts, options: [], nav: [[btn({ key: "flow-continue" }, "c")], ...nav] };
    case "scale": {
      const scaleParts = step.lowLabel && step.highLabel ? [{ key: "flow-scale-legend", args: { min: step.min, max: step.max, low: t(step.lowLabel), high: t(step.highLabel) } }] : [];
      return { parts: [...parts, ...scaleParts], options: options.map((o, i) => btn(o.label, `o:${i}`)), optionsPerRow: 5, nav };
    }
    case "yesno":
    case "consent":
      return { parts, options: options.map((o, i) => btn(o.label, `o:${i}`)), optionsPerRow: 2, nav };
    case "choice":
      return { parts, options: options.map((o, i) => btn(o.label, `o:${i}`)), nav };
    case "multi": {
      const chosen = new Set(state.draft);
      parts.push({ key: step.optional ? "flow-multi-hint-optional" : "flow-multi-hint", args: { count: chosen.size } });
      return {
        parts,
        options: options.map((o, i) => btn(chosen.has(o.value) ? { text: `✓ ${labelText(o.label, t)}` } : o.label, `t:${i}`)),
        nav: [[btn({ key: "flow-done" }, "ok")], ...nav],
      };
    }
    case "ranked": {
      const picked = state.draft.map((v, i) => `${i + 1}) ${labelText(options.find((o) => o.value === v)?.label ?? { text: v }, t)}`);
      parts.push({ key: "flow-ranked-hint", args: { next: state.draft.length + 1, picks: Math.min(step.picks, options.length) } });
      if (picked.length) parts.push({ text: picked.join("\n") });
      if (options.length === 0) parts.push({ key: "flow-ranked-empty" });
      const remaining = options.map((o, i) => ({ o, i })).filter(({ o }) => !state.draft.includes(o.value));
      const controls: ViewButton[] = [];
      if (state.draft.length >= Math.min(step.minPicks ?? 1, options.length)) controls.push(btn({ key: "flow-done" }, "ok"));
      if (state.draft.length > 0) controls.push(btn({ key: "flow-reset" }, "rs"));
      return { parts, options: remaining.map(({ o, i }) => btn(o.label, `o:${i}`)), nav: [...(controls.length ? [controls] : []), ...nav] };
    }
  }
}

/** Flow parameters and plain answers, usable as arguments in question texts. */
export function promptArgs(state: FlowState, ctx: FlowContext): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  for (const source of [ctx.params, state.answers]) {
    for (const [k, v] of Object.entries(source)) if (typeof v === "string" || typeof v === "number") args[k] = v;
  }
  return args;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
