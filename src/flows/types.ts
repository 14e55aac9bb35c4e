import type { Language, TextRef } from "../i18n/index.js";
import type { ChatRef } from "../domain/messaging.js";
import type { ConsentKind } from "../domain/consent.js";

/**
 * Flows are data: a list of typed steps that one engine runs on every messenger.
 * A step names its question by locale key; the engine validates, navigates, persists.
 */

export type Answer = string | number | boolean | string[] | null;
export type Answers = Record<string, Answer>;

/** A text to show (src/i18n): a locale key with arguments, or literal text. */
export type { TextRef };

export interface OptionDef {
  value: string;
  /** Locale key of the label. */
  label: string;
}

export interface ResolvedOption {
  value: string;
  label: TextRef;
}

/** Options computed when the step is shown (e.g. the programme's mentors). */
export interface OptionSource {
  source: string;
}

export interface FlowContext {
  lang: Language;
  chat: ChatRef;
  personId?: string;
  /** The run of the flow (FlowState.runId): the same on a redelivered update, new for every run. */
  runId?: string;
  /** Parameters the flow was started with and that hooks added (invitation, programme…). */
  params: Record<string, string | number | boolean | null>;
}

interface StepBase {
  id: string;
  /** Locale key of the question. */
  prompt: string;
  /** Locale key of a hint shown under the question. */
  hint?: string;
  optional?: boolean;
  /** The step is asked only when this holds. */
  when?: (answers: Answers, ctx: FlowContext) => boolean;
  /** A gate: no Back from it, so the answer that led here cannot be taken back (an age under 18). */
  noBack?: boolean;
  /** A button that leaves the flow from this step (label and what is said then, locale keys): a mode the person stays in until they leave it. */
  exit?: { label: string; message: string };
}

/** `kind: "name"`: a person's name — one line, and at least one visible letter. */
export type TextStep = StepBase & { type: "text"; minLength?: number; maxLength: number; kind?: "name" };
export type NumberStep = StepBase & { type: "number"; min: number; max: number };
export type ChoiceStep = StepBase & { type: "choice"; options: OptionDef[] | OptionSource };
export type MultiStep = StepBase & {
  type: "multi";
  options: OptionDef[] | OptionSource;
  minSelected?: number;
  maxSelected?: number;
};
export type ScaleStep = StepBase & { type: "scale"; min: number; max: number; lowLabel?: string; highLabel?: string };
export type DateStep = StepBase & { type: "date"; notBeforeToday?: boolean; notAfterToday?: boolean };
export type YesNoStep = StepBase & { type: "yesno" };
export type RankedStep = StepBase & { type: "ranked"; options: OptionDef[] | OptionSource; picks: number; minPicks?: number };
export type InfoStep = StepBase & { type: "info" };
/**
 * Agree / decline. Declining stops the flow with the `declined` message. With `document`, the
 * consent document of that kind is shown whole before the question (as messages and as a file),
 * and the hash of the text shown is kept in the flow's parameters as `document_<step id>`.
 */
export type ConsentStep = StepBase & { type: "consent"; declined: string; document?: ConsentKind };

export type Step =
  | TextStep
  | NumberStep
  | ChoiceStep
  | MultiStep
  | ScaleStep
  | DateStep
  | YesNoStep
  | RankedStep
  | InfoStep
  | ConsentStep;


/** What a hook may tell the runner after a step or at the end. */
export interface HookResult {
  /** Parameters to merge into the flow context (e.g. the person created on consent). */
  params?: FlowContext["params"];
  personId?: string;
  /** Messages to show. */
  messages?: TextRef[][];
  /** Stop the flow here (after showing `messages`). */
  stop?: boolean;
  /** Start another flow right after this one ends. */
  next?: { flowId: string; params?: FlowContext["params"] };
  /** Buttons under the last message, each running a command (e.g. telling the curator of a problem after a feedback). */
  buttons?: HookButton[][];
}

export interface HookButton {
  label: TextRef;
  command: string;
  args: string;
}

export interface HookArgs<S> {
  answers: Answers;
  ctx: FlowContext;
  services: S;
}

export interface FlowDefinition<S = unknown> {
  id: string;
  /** Bumped when questions change; stored with answers so old answers stay readable. */
  version: number;
  /** Locale key of the flow's title. */
  title: string;
  steps: Step[];
  /** Show all answers with "edit" before submitting. */
  summary: boolean;
  /** Called right after a step is answered, before the next question (e.g. to record consent). */
  onAnswer?: Record<string, (args: HookArgs<S> & { value: Answer }) => Promise<HookResult | void>>;
  /** Called when the flow is submitted. Must be idempotent: a redelivered update may call it again. */
  complete: (args: HookArgs<S>) => Promise<HookResult>;
  /** Called on /cancel; the default keeps nothing. */
  cancelled?: (args: HookArgs<S>) => Promise<HookResult | void>;
}

/** Progress of one flow in one chat, stored after every answer. */
export interface FlowState {
  flowId: string;
  version: number;
  /** Random id of this run of the flow; buttons carry it, so buttons of other runs are stale. */
  runId: string;
  /** Number of the current prompt; buttons carry it, so buttons of older prompts are stale. */
  seq: number;
  mode: "ask" | "summary" | "edit";
  stepId: string | null;
  answers: Answers;
  history: string[];
  page: number;
  /** Selections in progress on a multi-choice or ranked step. */
  draft: string[];
  /** Options shown for steps with computed options, so answers are checked against what was shown. */
  options: Record<string, ResolvedOption[]>;
  /** Editing one answer from the summary: return there after it. */
  editing: boolean;
  params: FlowContext["params"];
  personId?: string;
  /** A flow interrupted by this one, resumed when this one ends. */
  parent?: FlowState;
}

/** What the person did, as the engine sees it. */
export type FlowInput =
  | { kind: "text"; text: string }
  | { kind: "button"; runId: string; seq: number; action: string }
  | { kind: "unsupported" }
  | { kind: "back" }
  | { kind: "skip" };

export interface ViewButton {
  label: TextRef;
  action: string;
}

/** A prompt to show, before translation and keyboard layout. */
export interface View {
  parts: TextRef[];
  /** Buttons that may be paginated (options). */
  options: ViewButton[];
  /** Lay options out this many per row at most (short labels such as a scale). */
  optionsPerRow?: number;
  /** Fixed rows under the options (navigation). */
  nav: ViewButton[][];
}
