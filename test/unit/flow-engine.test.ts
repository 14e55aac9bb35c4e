import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accept, advance, begin, collectAnswers, isFinished, view } from "../../src/flows/engine.js";
import type { FlowContext, FlowDefinition, FlowInput, FlowState } from "../../src/flows/types.js";
import { I18n } from "../../src/i18n/index.js";

const t = new I18n().translator("ru");
const deps = { t, today: "2026-11-23" };
const ctx: FlowContext = { lang: "ru", chat: { platform: "telegram", chatId: "1", userId: "1" }, params: {} };

const form: FlowDefinition = {
  id: "test",
  version: 1,
  title: "join-title",
  summary: true,
  complete: async () => ({}),
  steps: [
    { id: "name", type: "text", prompt: "join-name", minLength: 2, maxLength: 20 },
    { id: "age", type: "number", prompt: "join-adult", min: 10, max: 99 },
    { id: "pupil", type: "yesno", prompt: "join-adult" },
    { id: "grade", type: "choice", prompt: "join-adult", options: [{ value: "5", label: "flow-yes" }, { value: "6", label: "flow-no" }], when: (a) => a.pupil === true },
    { id: "hobbies", type: "multi", prompt: "join-adult", options: [{ value: "a", label: "language-ru" }, { value: "b", label: "language-en" }, { value: "c", label: "flow-skip" }], maxSelected: 2 },
    { id: "useful", type: "scale", prompt: "join-adult", min: 1, max: 5 },
    { id: "when", type: "date", prompt: "join-adult", notBeforeToday: true, optional: true },
    { id: "top", type: "ranked", prompt: "join-adult", options: [{ value: "x", label: "flow-yes" }, { value: "y", label: "flow-no" }, { value: "z", label: "flow-skip" }], picks: 2 },
  ],
};

type Step = (s: FlowState) => FlowInput;
const text = (value: string): Step => () => ({ kind: "text", text: value });
const button = (action: string): Step => (s) => ({ kind: "button", runId: s.runId, seq: s.seq, action });

/** Applies inputs; answered steps advance like the runner does. */
function run(state: FlowState, ...inputs: Step[]): { state: FlowState; errors: string[] } {
  const errors: string[] = [];
  for (const make of inputs) {
    const r = accept(form, state, make(state), ctx, deps);
    if (r.type === "answered") state = advance(form, r.state, ctx);
    else {
      state = r.state;
      if (r.type === "reprompt" && r.error && "key" in r.error) errors.push(r.error.key);
      if (r.type === "stale") errors.push("stale");
    }
  }
  return { state, errors };
}

const start = () => begin(form, ctx, "run00001");

describe("flow engine", () => {
  it("validates each step type and re-asks with the reason, keeping earlier answers", () => {
    const { state, errors } = run(start(), text("Я"), text("x".repeat(21)), text("  Аня  "), text("семь"), text("7"), text("42"), text("может быть"), text("да"));
    expect(errors).toEqual(["flow-error-text-too-short", "flow-error-text-too-long", "flow-error-number", "flow-error-number", "flow-error-use-buttons"]);
    expect(state.answers).toEqual({ name: "Аня", age: 42, pupil: true });
    expect(state.stepId).toBe("grade");
  });

  it("a condition adds a question and the progress counts it", () => {
    const s1 = run(start(), text("Аня"), text("42"), button("o:1")).state; // not a pupil
    expect(s1.stepId).toBe("hobbies");
    const s2 = run(start(), text("Аня"), text("42"), button("o:0")).state;
    expect(s2.stepId).toBe("grade");
    const progress = (s: FlowState) => (view(form, s, ctx, deps).parts[0] as any).args;
    expect(progress(s1)).toEqual({ current: 4, total: 7 });
    expect(progress(s2)).toEqual({ current: 4, total: 8 });
  });

  it("multi-select toggles, honours the maximum and keeps the options' order", () => {
    const s = run(start(), text("Аня"), text("42"), button("o:1")).state;
    const { state, errors } = run(s, button("t:2"), button("t:0"), button("t:1"), button("t:2"), button("t:1"), button("ok"));
    expect(errors).toEqual(["flow-error-multi-max"]);
    expect(state.answers.hobbies).toEqual(["a", "b"]);
  });

  it("scale, optional date with skip, ranked picks and back", () => {
    let s = run(start(), text("Аня"), text("42"), button("o:1"), button("t:0"), button("ok")).state;
    const r = run(s, button("o:6"), button("o:3"), text("01.01.2020"), text("31.02.2027"), button("b"));
    expect(r.errors).toEqual(["stale", "flow-error-date-past", "flow-error-date"]);
    expect(r.state.stepId).toBe("useful"); // back from the date question
    s = run(r.state, button("o:4"), button("s"), button("o:2"), button("o:2"), button("o:0")).state;
    expect(s.answers).toMatchObject({ useful: 5, when: null, top: ["z", "x"] });
    expect(s.mode).toBe("summary");
  });

  it("summary: edit an answer, a changed condition asks the new question, then back to the summary", () => {
    let s = run(start(), text("Аня"), text("42"), button("o:1"), button("t:0"), button("ok"), button("o:2"), text("01.12.2026"), button("o:0"), button("ok")).state;
    expect(s.mode).toBe("summary");
    s = run(s, button("ed"), button("e:2"), button("o:0")).state; // pupil: yes → grade now applies
    expect(s.stepId).toBe("grade");
    s = run(s, button("o:0")).state;
    expect(s.mode).toBe("summary");
    expect(collectAnswers(form, s, ctx)).toMatchObject({ pupil: true, grade: "5", when: "2026-12-01" });
    const submit = accept(form, s, { kind: "button", runId: s.runId, seq: s.seq, action: "sub" }, ctx, deps);
    expect(submit.type).toBe("submit");
  });

  it("answers of questions that no longer apply are not submitted", () => {
    let s = run(start(), text("Аня"), text("42"), button("o:0"), button("o:1"), button("t:0"), button("ok"), button("o:2"), button("s"), button("o:0"), button("ok")).state;
    s = run(s, button("ed"), button("e:2"), button("o:1")).state;
    expect(s.answers.grade).toBe("6");
    expect(collectAnswers(form, s, ctx)).not.toHaveProperty("grade");
  });

  it("buttons of an older prompt or another run are stale and change nothing", () => {
    const s = run(start(), text("Аня")).state;
    for (const input of [
      { kind: "button", runId: s.runId, seq: s.seq - 1, action: "o:0" },
      { kind: "button", runId: "otherrun", seq: s.seq, action: "o:0" },
    ] as FlowInput[]) {
      const r = accept(form, s, input, ctx, deps);
      expect(r.type).toBe("stale");
      expect(r.state).toBe(s);
    }
  });

  it("a required question cannot be skipped; the first cannot go back", () => {
    const r = run(start(), button("s"), button("b"));
    expect(r.errors).toEqual(["flow-error-not-optional", "flow-error-no-back"]);
  });

  it("a flow with no applicable steps and no summary is finished at once", () => {
    const empty: FlowDefinition = { ...form, summary: false, steps: [{ id: "x", type: "text", prompt: "join-name", maxLength: 5, when: () => false }] };
    expect(isFinished(begin(empty, ctx, "run00002"))).toBe(true);
  });

  it("property: arbitrary text never stores an invalid answer at any step type", () => {
    const textSteps: Step[][] = [[], [text("Аня")], [text("Аня"), text("42")], [text("Аня"), text("42"), button("o:0")]];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: textSteps.length - 1 }), fc.string({ maxLength: 300 }), fc.constantFrom("", "\u0000\u0007", "'; DROP TABLE x; --", "<b>x</b>", "🙂".repeat(50)), (prefix, raw, noise) => {
        const before = run(start(), ...textSteps[prefix]!).state;
        const r = accept(form, before, { kind: "text", text: raw + noise }, ctx, deps);
        if (r.type === "answered") {
          const v = r.value;
          if (before.stepId === "name") expect(typeof v === "string" && v.length >= 2 && v.length <= 20 && !/[\u0000-\u0008]/.test(v)).toBe(true);
          else if (before.stepId === "age") expect(Number.isInteger(v) && (v as number) >= 10 && (v as number) <= 99).toBe(true);
          else if (before.stepId === "pupil") expect(typeof v).toBe("boolean");
          else if (before.stepId === "grade") expect(["5", "6"]).toContain(v);
          else throw new Error(`unexpected answer at ${before.stepId}`);
        } else {
          expect(["reprompt"]).toContain(r.type);
          expect(r.state.answers).toEqual(before.answers);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("a step's exit button", () => {
  const mode: FlowDefinition = {
    id: "mode",
    version: 1,
    title: "relay-title",
    summary: false,
    steps: [{ id: "message", type: "text", prompt: "relay-prompt", maxLength: 100, exit: { label: "relay-btn-leave", message: "relay-left" } }],
    complete: async () => ({}),
  };

  it("is shown under the question and leaves the flow with its message; a stale one is refused", () => {
    const state = begin(mode, ctx, "run00002");
    const v = view(mode, state, ctx, deps);
    expect(v.nav).toEqual([[{ label: { key: "relay-btn-leave" }, action: "x" }]]);
    expect(accept(mode, state, { kind: "button", runId: state.runId, seq: state.seq, action: "x" }, ctx, deps)).toEqual({ type: "left", state, message: { key: "relay-left" } });
    expect(accept(mode, state, { kind: "button", runId: "other001", seq: state.seq, action: "x" }, ctx, deps).type).toBe("stale");
  });

  it("is no action of a step without one", () => {
    const state = begin(form, ctx, "run00003");
    expect(accept(form, state, { kind: "button", runId: state.runId, seq: state.seq, action: "x" }, ctx, deps).type).not.toBe("left");
  });
});
