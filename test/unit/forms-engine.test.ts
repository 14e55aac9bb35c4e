import { describe, expect, it } from "vitest";
import { accept, advance, begin, beginFrom, collectAnswers, keepValidAnswers, view } from "../../src/flows/engine.js";
import type { Answers, FlowContext, FlowDefinition, FlowInput, FlowState } from "../../src/flows/types.js";
import { I18n } from "../../src/i18n/index.js";

/** What the engine gained for the forms: starting from earlier answers, ticks kept on edit, no submit with a gap. */

const t = new I18n().translator("ru");
const deps = { t, today: "2026-11-23" };
const ctx: FlowContext = { lang: "ru", chat: { platform: "telegram", chatId: "1", userId: "1" }, params: {} };

const form: FlowDefinition = {
  id: "test",
  version: 2,
  title: "mq-title",
  summary: true,
  complete: async () => ({}),
  steps: [
    { id: "intro", type: "info", prompt: "mq-intro" },
    { id: "name", type: "text", prompt: "mq-position", minLength: 2, maxLength: 20 },
    { id: "pupil", type: "yesno", prompt: "mq-mentored-before" },
    { id: "grade", type: "choice", prompt: "mq-grade", options: [{ value: "5", label: "vocab-grade-5" }, { value: "6", label: "vocab-grade-6" }], when: (a) => a.pupil === true },
    { id: "hobbies", type: "multi", prompt: "mq-interests", options: [{ value: "a", label: "vocab-interest-sport" }, { value: "b", label: "vocab-interest-music" }, { value: "c", label: "vocab-interest-art" }], maxSelected: 2 },
    { id: "useful", type: "scale", prompt: "fb-usefulness", min: 1, max: 5 },
    { id: "note", type: "text", prompt: "fb-for-curator", maxLength: 100, optional: true },
    { id: "top", type: "ranked", prompt: "mc-mentee-work-with", options: [{ value: "x", label: "flow-yes" }, { value: "y", label: "flow-no" }, { value: "z", label: "flow-skip" }], picks: 2 },
  ],
};

const button = (s: FlowState, action: string): FlowInput => ({ kind: "button", runId: s.runId, seq: s.seq, action });

function press(state: FlowState, ...actions: string[]): FlowState {
  for (const action of actions) {
    const r = accept(form, state, button(state, action), ctx, deps);
    state = r.type === "answered" ? advance(form, r.state, ctx) : r.state;
  }
  return state;
}

const complete: Answers = { name: "Аня", pupil: true, grade: "6", hobbies: ["a", "b"], useful: 4, note: null, top: ["y", "x"] };

describe("flow engine: forms", () => {
  it("beginFrom with every answer valid opens the summary, back from which goes to the last question", () => {
    const s = beginFrom(form, ctx, "run00001", complete);
    expect(s.mode).toBe("summary");
    expect(collectAnswers(form, s, ctx)).toEqual(complete);
    const back = accept(form, s, button(s, "b"), ctx, deps);
    expect(back.state.stepId).toBe("top");
    expect(back.state.draft).toEqual(["y", "x"]);
  });

  it("beginFrom drops answers that no longer fit and asks them, then returns to the summary", () => {
    const s = beginFrom(form, ctx, "run00002", { ...complete, name: "x".repeat(50), grade: "9", hobbies: ["a", "gone"], useful: 7, unknown: "kept out" });
    expect(s).toMatchObject({ mode: "ask", stepId: "name", editing: true });
    expect(s.answers).not.toHaveProperty("unknown");
    expect(s.answers.hobbies).toEqual(["a"]);
    const next = accept(form, s, { kind: "text", text: "Оля" }, ctx, deps);
    let state = advance(form, next.state, ctx);
    expect(state.stepId).toBe("grade");
    state = press(state, "o:0");
    expect(state.stepId).toBe("useful");
    state = press(state, "o:2");
    expect(state.mode).toBe("summary");
    expect(collectAnswers(form, state, ctx)).toEqual({ ...complete, name: "Оля", grade: "5", hobbies: ["a"], useful: 3 });
  });

  it("keepValidAnswers checks each type: text length, number range, option codes, booleans, skipped only when optional", () => {
    expect(
      keepValidAnswers(form, { name: "  Ян  ", pupil: "yes" as any, grade: "5", hobbies: ["a", "b", "c"], useful: 2.5, note: null, top: ["z", "z"] }),
    ).toEqual({ name: "Ян", grade: "5", note: null, top: ["z"] });
    expect(keepValidAnswers(form, { name: null, useful: null })).toEqual({});
  });

  it("beginFrom without usable answers is a plain beginning", () => {
    expect(beginFrom(form, ctx, "run00003", { other: 1 })).toEqual(begin(form, ctx, "run00003"));
  });

  it("changing a multi-choice answer from the summary starts from the ticks already given", () => {
    const s = beginFrom(form, ctx, "run00004", complete);
    const edit = press(s, "ed", "e:3");
    expect(edit).toMatchObject({ stepId: "hobbies", draft: ["a", "b"] });
    const v = view(form, edit, ctx, deps);
    expect(v.options.map((o) => ("text" in o.label ? o.label.text : o.label.key))).toEqual(["✓ Спорт", "✓ Музыка", "vocab-interest-art"]);
    const done = press(edit, "t:0", "t:2", "ok");
    expect(done.mode).toBe("summary");
    expect(done.answers.hobbies).toEqual(["b", "c"]);
  });

  it("going back to a multi-choice question keeps its ticks", () => {
    let s = begin(form, ctx, "run00005");
    s = press(s, "c");
    s = advance(form, accept(form, s, { kind: "text", text: "Аня" }, ctx, deps).state, ctx);
    s = press(s, "o:1", "t:2", "ok");
    expect(s.stepId).toBe("useful");
    s = press(s, "b");
    expect(s).toMatchObject({ stepId: "hobbies", draft: ["c"] });
  });

  it("the summary is never submitted with a question unanswered: the gap is asked first", () => {
    // Answered as not a pupil, so «grade» was never asked; an edit makes it apply, then Back.
    const { grade: _, ...notPupil } = complete;
    const s = beginFrom(form, ctx, "run00006", { ...notPupil, pupil: false });
    expect(s.mode).toBe("summary");
    let state = press(s, "ed", "e:1", "o:0");
    expect(state.stepId).toBe("grade");
    state = press(state, "b");
    expect(state.mode).toBe("summary");
    const r = accept(form, state, button(state, "sub"), ctx, deps);
    expect(r.type).toBe("reprompt");
    expect(r.type === "reprompt" && r.error).toEqual({ key: "flow-error-unanswered" });
    expect(r.state).toMatchObject({ mode: "ask", stepId: "grade", editing: true });
    const answered = press(r.state, "o:1");
    expect(answered.mode).toBe("summary");
    expect(accept(form, answered, button(answered, "sub"), ctx, deps).type).toBe("submit");
  });
});

describe("flow engine: answers as read", () => {
  it("an empty ranking reads as nothing chosen", async () => {
    const { formatAnswer } = await import("../../src/flows/engine.js");
    const step = form.steps.find((s) => s.id === "top")!;
    expect(formatAnswer(step, [], begin(form, ctx, "run00007"), t)).toBe("ничего не выбрано");
    expect(formatAnswer(step, ["y", "x"], begin(form, ctx, "run00007"), t)).toBe("1) Нет; 2) Да");
  });
});
