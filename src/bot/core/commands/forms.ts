import { definitionFor, QUESTIONNAIRE_OF } from "../../../flows/definitions/catalog.js";
import { renderAnswers } from "../../../flows/definitions/render-answers.js";
import type { ViewButton } from "../../../flows/types.js";
import { layoutKeyboard } from "../render.js";
import type { Button } from "../types.js";
import { pageArg, ticketArg, ticketTextArg } from "./codecs.js";
import { defineCommand, type CommandContext } from "./registry.js";
import { formatDate } from "../../../domain/time.js";

/**
 * The forms of the programme cycle from the participant's side: /form opens one (its buttons
 * and the scheduler's offers carry a ticket), /forms lists what is waiting, /profile shows
 * the questionnaire as submitted and lets the person change it, /questionnaire fills it.
 * Each needs a person who joined; the router tells anyone else to join first.
 */

/** Buttons that open forms (actions are tickets), paginated within the platform's limits. */
export function formButtons(ctx: CommandContext, items: ViewButton[], pageCommand: string, page: number): Button[][] {
  const { session } = ctx;
  return layoutKeyboard(items, [], 1, {
    limits: session.limits,
    t: session.t,
    page,
    maxRows: 6,
    encode: (action) => (action.startsWith("pg:") ? pageArg.payload(pageCommand, Number(action.slice(3))) : ticketTextArg.payload("form", action)),
  }).rows;
}

/** /form <ticket>: begins (or resumes) one form, after checking that this person may answer it. */
export const formCommand = defineCommand({
  name: "form",
  description: "cmd-form",
  audience: "participant",
  help: "hidden",
  async run({ session, actor, input, deps }) {
    const ticket = ticketArg.decode(input);
    if (!ticket) {
      session.say("form-problem-unknown");
      await deps.runner.reprompt(session);
      return;
    }
    const resolved = await deps.services.tickets.resolve(actor, ticket, deps.now());
    if (!resolved.ok) {
      session.say(`form-problem-${resolved.problem}`);
      await deps.runner.reprompt(session);
      return;
    }
    const current = session.conversation;
    if (current && current.flowId === resolved.flowId && current.params.subjectKey === resolved.params.subjectKey && current.params.programmeId === resolved.params.programmeId) {
      await deps.runner.reprompt(session, { key: "flow-resume" });
      return;
    }
    const def = deps.flows.get(resolved.flowId);
    if (!def) throw new Error(`no flow ${resolved.flowId}`);
    if (current && session.event.updateKey.startsWith("out:")) {
      // Begun by the bot while the person is in the middle of another form: offered, not forced.
      session.say("form-offer", { title: session.t(def.title) }, [[{ label: session.t("form-answer"), payload: ticketArg.payload("form", ticket) }]]);
      return;
    }
    if (resolved.answered && !resolved.answers) session.say("form-answer-again");
    await deps.runner.start(session, resolved.flowId, resolved.params, resolved.answers);
  },
});

/** /forms: the forms waiting for this person, each a button. */
export const formsCommand = defineCommand({
  name: "forms",
  description: "cmd-forms",
  audience: "participant",
  async run(ctx) {
    const { session, deps, actor, input } = ctx;
    const pending = await deps.services.tickets.pending(actor, deps.now());
    if (!pending.length) {
      session.say("forms-none");
      await deps.runner.reprompt(session, { key: "flow-resume" });
      return;
    }
    const page = pageArg.decode(input) ?? 0;
    const items = pending.map((p) => ({ label: p.label, action: p.ticket }));
    const lines = pending.map((p, i) => `${i + 1}. ${"text" in p.label ? p.label.text : session.t(p.label.key, p.label.args)}`);
    session.sayText(`${session.t("forms-title", { count: pending.length })}\n\n${lines.join("\n")}`, formButtons(ctx, items, "forms", page));
  },
});

/** /profile: the person's questionnaire in each programme as submitted, with a button to change it. */
export const profileCommand = defineCommand({
  name: "profile",
  description: "cmd-profile",
  audience: "participant",
  async run({ session, deps, actor }) {
    const own = await deps.services.participants.ofPerson(actor);
    if (!own.length) {
      session.say("profile-none");
      return;
    }
    session.say("profile-title", { name: session.person?.displayName ?? "—" });
    for (const p of own) {
      const role = p.role as "mentor" | "mentee";
      const formId = QUESTIONNAIRE_OF[role];
      const stored = await deps.services.forms.get(actor, p.programme.id, formId);
      const heading = session.t("profile-programme", { programme: p.programme.name, role: session.t(`role-${role}`), status: session.t(`participant-status-${p.status}`) });
      const found = stored && definitionFor(formId, stored.formVersion);
      const body = stored && found
        ? `${session.t("profile-submitted", { date: formatDate(stored.updatedAt, p.programme.timezone) })}\n\n${renderAnswers(found.def, stored.answers, session.t, { params: { form: p.programme.form } })}`
        : session.t(`profile-not-filled-${role}`);
      const button = { label: session.t(stored ? "profile-edit" : "profile-fill"), payload: ticketArg.payload("form", { kind: "q", id: p.programme.id, role }) };
      session.sayText(`${heading}\n\n${body}`, [[button]]);
    }
    await deps.runner.reprompt(session, { key: "flow-resume" });
  },
});

/** /questionnaire: fills (or updates) the questionnaire of the person's role; with several programmes, asks which. */
export const questionnaireCommand = defineCommand({
  name: "questionnaire",
  description: "cmd-questionnaire",
  audience: "participant",
  async run(ctx) {
    const { session, deps, actor, input } = ctx;
    const own = (await deps.services.participants.ofPerson(actor)).filter((p) => p.status !== "declined");
    if (!own.length) {
      session.say("profile-none");
      return;
    }
    const questionnaireOf = (p: (typeof own)[number]) => ticketArg.encode({ kind: "q", id: p.programme.id, role: p.role as "mentor" | "mentee" });
    if (own.length === 1) return ctx.invoke(formCommand, questionnaireOf(own[0]!));
    const items = own.map((p) => ({ label: { key: "profile-choose-item", args: { programme: p.programme.name, role: session.t(`role-${p.role}`) } }, action: questionnaireOf(p) }));
    const page = pageArg.decode(input) ?? 0;
    session.say("profile-choose", undefined, formButtons(ctx, items, "questionnaire", page));
  },
});

export const formCommands = [formCommand, formsCommand, profileCommand, questionnaireCommand];
