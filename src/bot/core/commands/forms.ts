import { definitionFor, QUESTIONNAIRE_OF } from "../../../flows/definitions/catalog.js";
import { renderAnswers } from "../../../flows/definitions/render-answers.js";
import type { ViewButton } from "../../../flows/types.js";
import { parseTicket } from "../../../store/form-tickets.js";
import { commandPayload } from "../payload.js";
import { layoutKeyboard } from "../render.js";
import type { Button } from "../types.js";
import type { Command, CommandContext } from "./registry.js";

/**
 * The forms of the programme cycle from the participant's side: /form opens one (its buttons
 * and the scheduler's offers carry a ticket), /forms lists what is waiting, /profile shows
 * the questionnaire as submitted and lets the person change it, /questionnaire fills it.
 */

function joined(ctx: CommandContext): string | null {
  const person = ctx.session.person;
  if (!person?.hasConsent) {
    ctx.session.say("form-join-first");
    return null;
  }
  return person.id;
}

/** Buttons that open forms, paginated within the platform's limits. */
export function formButtons(ctx: CommandContext, items: ViewButton[], pageCommand: string, page: number): Button[][] {
  const { session } = ctx;
  return layoutKeyboard(items, [], 1, {
    limits: session.limits,
    t: session.t,
    page,
    maxRows: 6,
    encode: (action) => (action.startsWith("pg:") ? commandPayload(pageCommand, action.slice(3)) : commandPayload("form", action)),
  }).rows;
}

/** /form <ticket>: begins (or resumes) one form, after checking that this person may answer it. */
export const formCommand: Command = {
  name: "form",
  description: "cmd-form",
  audience: "participant",
  hidden: true,
  async run(ctx) {
    const { session, args, deps } = ctx;
    const personId = joined(ctx);
    if (!personId) return;
    const ticket = parseTicket(args);
    if (!ticket) {
      session.say("form-problem-unknown");
      await deps.runner.reprompt(session);
      return;
    }
    const resolved = await deps.services.tickets.resolve(personId, ticket, deps.now());
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
      session.say("form-offer", { title: session.t(def.title) }, [[{ label: session.t("form-answer"), payload: commandPayload("form", args.trim()) }]]);
      return;
    }
    if (resolved.answered && !resolved.answers) session.say("form-answer-again");
    await deps.runner.start(session, resolved.flowId, resolved.params, resolved.answers);
  },
};

/** /forms: the forms waiting for this person, each a button. */
export const formsCommand: Command = {
  name: "forms",
  description: "cmd-forms",
  audience: "participant",
  async run(ctx) {
    const { session, deps, args } = ctx;
    const personId = joined(ctx);
    if (!personId) return;
    const pending = await deps.services.tickets.pending(personId, deps.now());
    if (!pending.length) {
      session.say("forms-none");
      await deps.runner.reprompt(session, { key: "flow-resume" });
      return;
    }
    const page = /^\d{1,3}$/.test(args.trim()) ? Number(args.trim()) : 0;
    const items = pending.map((p) => ({ label: p.label, action: p.ticket }));
    const lines = pending.map((p, i) => `${i + 1}. ${"text" in p.label ? p.label.text : session.t(p.label.key, p.label.args)}`);
    session.sayText(`${session.t("forms-title", { count: pending.length })}\n\n${lines.join("\n")}`, formButtons(ctx, items, "forms", page));
  },
};

/** /profile: the person's questionnaire in each programme as submitted, with a button to change it. */
export const profileCommand: Command = {
  name: "profile",
  description: "cmd-profile",
  audience: "participant",
  async run(ctx) {
    const { session, deps } = ctx;
    const personId = joined(ctx);
    if (!personId) return;
    const own = await deps.services.participants.ofPerson(personId);
    if (!own.length) {
      session.say("profile-none");
      return;
    }
    session.say("profile-title", { name: session.person?.displayName ?? "—" });
    for (const p of own) {
      const role = p.role as "mentor" | "mentee";
      const formId = QUESTIONNAIRE_OF[role];
      const stored = await deps.services.forms.get(personId, p.programme.id, formId);
      const heading = session.t("profile-programme", { programme: p.programme.name, role: session.t(`role-${role}`), status: session.t(`participant-status-${p.status}`) });
      const found = stored && definitionFor(formId, stored.formVersion);
      const body = stored && found
        ? `${session.t("profile-submitted", { date: stored.updatedAt.toISOString().slice(0, 10).split("-").reverse().join(".") })}\n\n${renderAnswers(found.def, stored.answers, session.t, { params: { form: p.programme.form } })}`
        : session.t(`profile-not-filled-${role}`);
      const button = { label: session.t(stored ? "profile-edit" : "profile-fill"), payload: commandPayload("form", `q.${p.programme.id}.${role}`) };
      session.sayText(`${heading}\n\n${body}`, [[button]]);
    }
    await deps.runner.reprompt(session, { key: "flow-resume" });
  },
};

/** /questionnaire: fills (or updates) the questionnaire of the person's role; with several programmes, asks which. */
export const questionnaireCommand: Command = {
  name: "questionnaire",
  description: "cmd-questionnaire",
  audience: "participant",
  async run(ctx) {
    const { session, deps } = ctx;
    const personId = joined(ctx);
    if (!personId) return;
    const own = (await deps.services.participants.ofPerson(personId)).filter((p) => p.status !== "declined");
    if (!own.length) {
      session.say("profile-none");
      return;
    }
    if (own.length === 1) {
      const p = own[0]!;
      return formCommand.run({ ...ctx, args: `q.${p.programme.id}.${p.role}` });
    }
    const items = own.map((p) => ({ label: { key: "profile-choose-item", args: { programme: p.programme.name, role: session.t(`role-${p.role}`) } }, action: `q.${p.programme.id}.${p.role}` }));
    const page = /^\d{1,3}$/.test(ctx.args.trim()) ? Number(ctx.args.trim()) : 0;
    session.say("profile-choose", undefined, formButtons(ctx, items, "questionnaire", page));
  },
};

export const formCommands: Command[] = [formCommand, formsCommand, profileCommand, questionnaireCommand];
