import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accept, advance, begin, isFinished, optionsOf, stepById } from "../../src/flows/engine.js";
import { createFlowRegistry } from "../../src/flows/index.js";
import type { Answer, FlowContext, FlowDefinition, FlowInput, FlowState, Step } from "../../src/flows/types.js";
import { I18n } from "../../src/i18n/index.js";
import { MENTORSHIP_FORMS } from "../../src/domain/roles.js";

/**
 * Every step of every flow the product registers, fed hostile and careless input: random
 * text, emoji, 10,000 characters, control characters, SQL- and HTML-looking text, stale and
 * forged buttons. Never a crash, never an invalid answer stored, always a re-ask.
 */

const t = new I18n().translator("ru");
const deps = { t, today: "2026-11-23" };
const registry = createFlowRegistry();
const PEOPLE = [
  { value: "p1", label: { text: "Анна" } },
  { value: "p2", label: { text: "Борис" } },
  { value: "p3", label: { text: "Вера" } },
];

/** A valid answer to the current step, as a cooperative person would give it. */
function validInput(step: Step, state: FlowState): FlowInput[] {
  const b = (action: string): FlowInput => ({ kind: "button", runId: state.runId, seq: state.seq, action });
  switch (step.type) {
    case "text":
      return [{ kind: "text", text: "Ответ ".repeat(Math.ceil((step.minLength ?? 1) / 6)).trim() }];
    case "number":
      return [{ kind: "text", text: String(step.min) }];
    case "date":
      return [{ kind: "text", text: "01.12.2026" }];
    case "multi":
      return [b("t:0"), b("ok")];
    case "ranked":
      return [b("o:0"), b("ok")];
    case "info":
      return [b("c")];
    default:
      return [b("o:0")];
  }
}

/** Is this a value the step may store? */
function validAnswer(step: Step, value: Answer, state: FlowState): boolean {
  if (value === null) return !!step.optional;
  const values = optionsOf(step, state).map((o) => o.value);
  switch (step.type) {
    case "text":
      return typeof value === "string" && value.length >= (step.minLength ?? 1) && value.length <= step.maxLength && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value) && value === value.trim();
    case "number":
    case "scale":
      return typeof value === "number" && Number.isInteger(value) && value >= step.min && value <= step.max;
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case "yesno":
    case "consent":
    case "info":
      return typeof value === "boolean";
    case "choice":
      return typeof value === "string" && values.includes(value);
    case "multi":
      return Array.isArray(value) && value.every((v) => values.includes(v)) && new Set(value).size === value.length && (step.maxSelected === undefined || value.length <= step.maxSelected);
    case "ranked":
      return Array.isArray(value) && value.every((v) => values.includes(v)) && new Set(value).size === value.length && value.length <= step.picks;
  }
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("x".repeat(10_000), "\u0000\u0001\u001b[31m", "'; DROP TABLE \"Person\"; --", "<script>alert(1)</script>", "🙂👍🏽🇷🇺", "   ", "\n\n", "-5", "1e9", "99999999999", "31.02.2026", "да нет"),
);
const forgedButton = (state: FlowState) =>
  fc.record({
    runId: fc.oneof(fc.constant(state.runId), fc.string({ maxLength: 8 })),
    seq: fc.oneof(fc.constant(state.seq), fc.integer({ min: -5, max: 500 })),
    action: fc.oneof(fc.constantFrom("o:999", "t:-1", "o:1.5", "e:77", "pg:-3", "sub", "ok", "rs", "x", "o:", "t:NaN"), fc.string({ maxLength: 12 })),
  }).map((r): FlowInput => ({ kind: "button", ...r }));

function contextFor(form: string): FlowContext {
  return {
    lang: "ru",
    chat: { platform: "telegram", chatId: "1", userId: "1" },
    personId: "person-1",
    params: { form, programmeId: "prog-1", role: "mentee", invitationId: "inv-1", timezone: "Europe/Moscow", programmeName: "П", organisationName: "О", hasConsent: false, isMinor: null, own: true, representative: true },
  };
}

/** Walks a flow answering validly, handing each step's state to `visit`. */
function walk(def: FlowDefinition<any>, ctx: FlowContext, visit: (state: FlowState, step: Step) => void): number {
  let state = begin(def, ctx, "fuzz0001");
  let visited = 0;
  for (let guard = 0; guard < 200 && !isFinished(state) && state.mode === "ask"; guard++) {
    const step = stepById(def, state.stepId)!;
    if ("options" in step && !Array.isArray(step.options)) state = { ...state, options: { ...state.options, [step.id]: PEOPLE } };
    visit(state, step);
    visited++;
    for (const input of validInput(step, state)) {
      const r = accept(def, state, input, ctx, deps);
      if (r.type === "answered") state = advance(def, r.state, ctx);
      else if (r.type === "declined" || r.type === "left") return visited;
      else state = r.state;
    }
  }
  return visited;
}

describe("every flow, every step, hostile input", () => {
  for (const def of registry.all()) {
    it(`${def.id}: never crashes, never stores an invalid answer, always re-asks`, () => {
      let steps = 0;
      for (const form of MENTORSHIP_FORMS) {
        steps += walk(def, contextFor(form), (state, step) => {
          fc.assert(
            fc.property(fc.oneof(hostileText.map((text): FlowInput => ({ kind: "text", text })), forgedButton(state), fc.constant<FlowInput>({ kind: "unsupported" })), (input) => {
              const r = accept(def, state, input, contextFor(form), deps);
              expect(["answered", "reprompt", "stale", "moved", "declined", "left"]).toContain(r.type);
              if (r.type === "answered") expect(validAnswer(step, r.value, state), `${step.id} = ${JSON.stringify(r.value)?.slice(0, 80)}`).toBe(true);
              if (r.type === "reprompt" || r.type === "stale") expect(r.state.answers).toEqual(state.answers);
            }),
            { numRuns: 60 },
          );
        });
      }
      expect(steps).toBeGreaterThan(0);
    });
  }
});
