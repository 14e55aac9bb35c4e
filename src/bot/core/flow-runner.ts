import { randomBytes } from "node:crypto";
import { accept, advance, begin, beginFrom, collectAnswers, formatAnswer, isFinished, promptArgs, stepById, view, type EngineDeps } from "../../flows/engine.js";
import type { FlowRegistry, AppFlow } from "../../flows/registry.js";
import type { Answers, FlowContext, FlowInput, FlowState, HookResult, TextRef } from "../../flows/types.js";
import { isLanguage } from "../../i18n/index.js";
import { DEFAULT_TIMEZONE, localDate } from "../../domain/time.js";
import type { Services } from "../../usecases/services.js";
import { commandPayload, flowPayload } from "./payload.js";
import { renderView, splitText, textOf } from "./render.js";
import type { ConsentKind } from "../../domain/consent.js";
import { documentFilename, shownDocumentParam } from "../../flows/definitions/consent-steps.js";
import type { Session } from "./session.js";

export interface FlowRunnerDeps {
  registry: FlowRegistry;
  services: Services;
  now: () => Date;
}

/**
 * Runs flows for a session: feeds input to the engine, loads computed options, calls the
 * flow's hooks, renders prompts within the platform's limits, and leaves the new state on
 * the session for the frame to store. An unfinished flow interrupted by another one is
 * kept and resumed when the other one ends.
 */
export class FlowRunner {
  constructor(private readonly deps: FlowRunnerDeps) {}

  private ctx(session: Session, state: FlowState): FlowContext {
    return { lang: session.lang, chat: session.chat, personId: state.personId ?? session.personId ?? undefined, runId: state.runId, params: state.params };
  }

  private engineDeps(session: Session, state: FlowState): EngineDeps {
    const tz = typeof state.params.timezone === "string" ? state.params.timezone : DEFAULT_TIMEZONE;
    return { t: session.t, today: localDate(this.deps.now(), tz) };
  }

  /** Starts a flow; with `from`, from answers given before (updating a submitted form: its summary with edit). */
  async start(session: Session, flowId: string, params: FlowContext["params"] = {}, from?: Answers): Promise<void> {
    const def = this.require(flowId);
    const parent = session.conversation ?? undefined;
    const runId = randomBytes(4).toString("hex");
    const ctx: FlowContext = { lang: session.lang, chat: session.chat, personId: session.personId ?? undefined, runId, params };
    let state = from ? beginFrom(def, ctx, runId, from) : begin(def, ctx, runId);
    if (parent) state = { ...state, parent };
    if (isFinished(state)) return this.complete(session, def, state);
    await this.present(session, def, state);
  }

  /** Shows the current prompt again, optionally after a note (an error, "let us continue"). */
  async reprompt(session: Session, note?: TextRef): Promise<boolean> {
    const state = session.conversation;
    const def = state && this.deps.registry.get(state.flowId);
    if (!state || !def) return false;
    await this.present(session, def, state, note);
    return true;
  }

  async cancel(session: Session): Promise<boolean> {
    const state = session.conversation;
    if (!state) return false;
    const def = this.deps.registry.get(state.flowId);
    if (def?.cancelled) {
      const ctx = this.ctx(session, state);
      await def.cancelled({ answers: state.answers, ctx, services: session.services });
    }
    session.say("flow-cancelled");
    await this.finish(session, state);
    return true;
  }

  async handle(session: Session, input: FlowInput): Promise<void> {
    const state = session.conversation;
    if (!state) return;
    const def = this.deps.registry.get(state.flowId);
    // A flow removed from the product, or a question of it removed since this run began: its progress cannot be continued.
    if (!def || (state.mode === "ask" && state.stepId !== null && !stepById(def, state.stepId))) {
      session.conversation = state.parent ?? null;
      session.say("flow-gone");
      return;
    }
    const ctx = this.ctx(session, state);
    const deps = this.engineDeps(session, state);
    const messageRef = session.event.input.kind === "button" ? session.event.input.messageRef : undefined;
    const result = accept(def, state, input, ctx, deps);
    switch (result.type) {
      case "stale":
        return this.present(session, def, result.state, { key: "flow-stale-button" });
      case "reprompt":
        return this.present(session, def, result.state, result.error, result.inPlace ? messageRef : undefined);
      case "moved":
        return this.present(session, def, result.state);
      case "declined":
        session.sayRef(result.message);
        return this.finish(session, { ...result.state, parent: undefined });
      case "left":
        session.sayRef(result.message);
        return this.finish(session, result.state);
      case "submit":
        return this.complete(session, def, result.state);
      case "answered": {
        if (messageRef) this.acknowledge(session, def, state, result.stepId, result.value, messageRef);
        let next = result.state;
        const hook = def.onAnswer?.[result.stepId];
        if (hook) {
          const outcome = await hook({ answers: next.answers, ctx: { ...ctx, personId: next.personId ?? ctx.personId }, services: session.services, value: result.value });
          if (outcome) {
            next = this.apply(session, next, outcome);
            if (outcome.stop) return this.finish(session, { ...next, parent: undefined }, outcome);
          }
        }
        next = advance(def, next, this.ctx(session, next));
        if (isFinished(next)) return this.complete(session, def, next);
        return this.present(session, def, next);
      }
    }
  }

  private apply(session: Session, state: FlowState, outcome: HookResult): FlowState {
    const params = outcome.params ? { ...state.params, ...outcome.params } : state.params;
    if (isLanguage(params.lang) && params.lang !== session.lang) session.setLanguage(params.lang);
    for (const parts of outcome.messages ?? []) session.sayText(parts.map((p) => textOf(p, session.t)).join("\n\n"));
    return { ...state, params, personId: outcome.personId ?? state.personId };
  }

  private async complete(session: Session, def: AppFlow, state: FlowState): Promise<void> {
    const ctx = this.ctx(session, state);
    const outcome = await def.complete({ answers: collectAnswers(def, state, ctx), ctx, services: session.services });
    const applied = this.apply(session, state, { ...outcome, messages: undefined });
    const said = outcome.messages ?? [];
    const buttons = (outcome.buttons ?? []).map((row) => row.map((b) => ({ label: textOf(b.label, session.t), payload: commandPayload(b.command, b.args) })));
    for (const [i, parts] of said.entries()) session.sayText(parts.map((p) => textOf(p, session.t)).join("\n\n"), i === said.length - 1 ? buttons : undefined);
    await this.finish(session, applied, outcome);
  }

  /** Ends the current flow: starts the next one, or resumes the interrupted one. */
  private async finish(session: Session, state: FlowState, outcome?: HookResult): Promise<void> {
    session.conversation = state.parent ?? null;
    if (outcome?.next) {
      await this.start(session, outcome.next.flowId, { ...state.params, ...outcome.next.params });
      return;
    }
    if (state.parent) await this.reprompt(session, { key: "flow-resume" });
  }

  /** Edits the prompt whose button was pressed: the question stays, with the answer under it. */
  private acknowledge(session: Session, def: AppFlow, before: FlowState, stepId: string, value: unknown, messageRef: string): void {
    const step = stepById(def, stepId);
    if (!step || step.type === "info") return;
    const prompt = session.t(step.prompt, promptArgs(before, this.ctx(session, before)));
    const answer = formatAnswer(step, value as any, before, session.t);
    // A skipped question reads "пропущено", without the tick of an answer given.
    const mark = value === null || value === undefined ? answer : `✓ ${answer}`;
    session.push({ text: `${prompt}\n\n${mark}`, replaces: messageRef });
  }

  private async present(session: Session, def: AppFlow, state: FlowState, note?: TextRef, replaceRef?: string): Promise<void> {
    const step = state.mode === "ask" ? stepById(def, state.stepId) : undefined;
    if (step && "options" in step && !Array.isArray(step.options) && !state.options[step.id]) {
      const loader = this.deps.registry.options(step.options.source);
      if (!loader) throw new Error(`flow ${def.id}: no option source ${step.options.source}`);
      const options = await loader(this.ctx(session, state), session.services);
      state = { ...state, options: { ...state.options, [step.id]: options } };
    }
    if (step?.type === "consent" && step.document && state.params[shownDocumentParam(step.id)] === undefined) {
      state = await this.showDocument(session, state, step.id, step.document);
    }
    session.conversation = state;
    const v = view(def, state, this.ctx(session, state), this.engineDeps(session, state));
    if (note) v.parts.unshift(note);
    const messages = renderView(v, {
      limits: session.limits,
      t: session.t,
      page: state.page,
      encode: (action) => flowPayload(state.runId, state.seq, action),
    });
    if (replaceRef && messages.length === 1 && !note) messages[0] = { ...messages[0]!, replaces: replaceRef };
    session.push(...messages);
  }

  /**
   * The consent document, shown whole before its question: its text as messages within the
   * messenger's limit, then the same text as a file. What was shown is kept by its hash, in
   * the flow's parameters, for the consent to name it.
   */
  private async showDocument(session: Session, state: FlowState, stepId: string, kind: ConsentKind): Promise<FlowState> {
    const documents = session.services.consentDocuments;
    const doc = await documents.show(kind, await documents.organisationOf(state.params), session.lang);
    for (const chunk of splitText(doc.text, session.limits.maxTextLength)) session.push({ text: chunk });
    session.push({
      text: session.t("consent-file-caption", { title: doc.title }),
      document: { filename: documentFilename(doc.kind, doc.version), mimeType: "text/plain; charset=utf-8", content: Buffer.from(doc.text, "utf8") },
    });
    return { ...state, params: { ...state.params, [shownDocumentParam(stepId)]: doc.hash } };
  }

  private require(flowId: string): AppFlow {
    const def = this.deps.registry.get(flowId);
    if (!def) throw new Error(`unknown flow ${flowId}`);
    return def;
  }
}
