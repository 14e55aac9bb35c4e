import { normalizeCode } from "../../../domain/invitation.js";
import { LANGUAGES } from "../../../i18n/index.js";
import { invitationLinks, profileOf } from "../../../platforms.js";
import { cancelArg, languageArg } from "./codecs.js";
import { FLOW_IDS } from "./flow-ids.js";
import type { ConsentKind } from "../../../domain/consent.js";
import { defineCommand, HELP_SECTIONS, type CommandContext, type HelpSection } from "./registry.js";

/** /start [code]: joins through an invitation (or links an account); without a code, explains how. */
export const startCommand = defineCommand({
  name: "start",
  description: "cmd-start",
  audience: "everyone",
  async run(ctx) {
    const { session, deps } = ctx;
    const code = ctx.input;
    if (!code) {
      if (await deps.runner.reprompt(session, { key: "start-resume" })) return;
      const personId = session.personId;
      const roles = personId ? await deps.services.people.roles(personId) : null;
      if (roles && (roles.participations.length > 0 || roles.administrator)) session.say("start-welcome-back");
      else session.say("start-no-invitation");
      return;
    }
    if (!normalizeCode(code)) {
      session.say("join-invalid-code");
      await deps.runner.reprompt(session);
      return;
    }
    const found = await deps.services.invitations.lookup(code, deps.now());
    if (!found.ok) {
      if (found.problem === "unknown" && (await deps.services.links.isLinkCode(code))) return ctx.invoke(linkCommand, code);
      session.say(`join-problem-${found.problem}`);
      await deps.runner.reprompt(session);
      return;
    }
    const inv = found.invitation;
    const platform = session.event.chat.platform;
    if (inv.messengers.length && !inv.messengers.includes(platform)) {
      // The organisation keeps its people's data on other messengers: nothing is asked or kept here.
      const links = invitationLinks(inv.code, deps.inviteLinks?.() ?? {}, inv.messengers);
      const lines = [session.t("join-messenger-not-allowed", { organisation: inv.organisationName, messengers: links.map((l) => l.name).join(", ") || inv.messengers.map((m) => profileOf(m).name).join(", ") })];
      for (const l of links) lines.push(l.link ? `${l.name}: ${l.link}` : session.t("join-messenger-code", { messenger: l.name, code: inv.code }));
      session.sayText(lines.join("\n"));
      await deps.runner.reprompt(session);
      return;
    }
    const person = session.person;
    if (person && (await deps.services.invitations.isParticipant(person.id, inv.programmeId, inv.role))) {
      session.say("join-already", { programme: inv.programmeName, role: session.t(`role-${inv.role}`) });
      await deps.runner.reprompt(session);
      return;
    }
    if (session.conversation?.flowId === FLOW_IDS.join) session.conversation = session.conversation.parent ?? null;
    // A returning person gives again only the consents this organisation's documents still need of them.
    const documents = deps.services.consentDocuments;
    const covered = async (kind: ConsentKind) => !!person && (await documents.covers(person.id, kind, inv.organisationId));
    await deps.runner.start(session, FLOW_IDS.join, {
      invitationId: inv.id,
      programmeId: inv.programmeId,
      programmeName: inv.programmeName,
      organisationId: inv.organisationId,
      organisationName: inv.organisationName,
      role: inv.role,
      roleName: session.t(`role-${inv.role}`),
      timezone: inv.timezone,
      lang: session.lang,
      known: !!person,
      hasConsent: await covered("personal_data"),
      ageBand: person?.isMinor == null ? null : person.isMinor ? (person.hasOwnConsent ? "teen" : "child") : "adult",
      hasRepresentative: await covered("legal_representative"),
      hasName: !!person?.displayName,
    });
  },
});

/** The sections of /help this person sees, by their roles. */
async function sectionsOf(ctx: CommandContext): Promise<Set<HelpSection>> {
  const out = new Set<HelpSection>(["everyone"]);
  const id = ctx.session.personId;
  if (!id) return out;
  const roles = await ctx.deps.services.people.roles(id);
  for (const p of roles.participations) {
    out.add("participant");
    out.add(p.role);
  }
  if (roles.administrator) out.add("administrator");
  return out;
}

/** /help: what this person can do, by their roles. */
export const helpCommand = defineCommand({
  name: "help",
  description: "cmd-help",
  audience: "everyone",
  async run(ctx) {
    const { session, deps } = ctx;
    const sections = await sectionsOf(ctx);
    const parts: string[] = [session.t("help-intro")];
    for (const section of HELP_SECTIONS) {
      if (!sections.has(section)) continue;
      const lines = deps.commands
        .all()
        .filter((c) => c.help === section)
        .map((c) => `/${c.name} — ${session.t(c.description)}`);
      if (lines.length) parts.push(`${session.t(`help-section-${section}`)}\n${lines.join("\n")}`);
    }
    if (!sections.has("participant") && !sections.has("administrator")) parts.push(session.t("help-join"));
    session.sayText(parts.join("\n\n"));
    await deps.runner.reprompt(session, { key: "flow-resume" });
  },
});

/**
 * /cancel: stops the current form or dialogue. A form with answers not yet sent is stopped only
 * after the person confirms that those answers go; leaving it without /cancel keeps them.
 */
export const cancelCommand = defineCommand({
  name: "cancel",
  description: "cmd-cancel",
  audience: "everyone",
  async run({ session, deps, input }) {
    const state = session.conversation;
    const answer = cancelArg.decode(input);
    if (!state) {
      session.say("cancel-nothing");
      return;
    }
    if (answer === "keep" || (answer && answer.stop !== state.runId)) {
      // "Go on", or the confirmation of a form that is no longer the one open.
      await deps.runner.reprompt(session, { key: "flow-resume" });
      return;
    }
    const def = deps.flows.get(state.flowId);
    const unsent = def?.summary === true && Object.values(state.answers).some((a) => a !== null);
    if (def && unsent && !answer) {
      session.say("cancel-confirm", { title: session.t(def.title) }, [
        [{ label: session.t("cancel-confirm-yes"), payload: cancelArg.payload("cancel", { stop: state.runId }) }],
        [{ label: session.t("cancel-confirm-no"), payload: cancelArg.payload("cancel", "keep") }],
      ]);
      return;
    }
    await deps.runner.cancel(session);
  },
});

/** /language: switch between Russian and English at any time. */
export const languageCommand = defineCommand({
  name: "language",
  description: "cmd-language",
  audience: "everyone",
  async run({ session, input, deps }) {
    const wanted = languageArg.decode(input);
    if (!wanted) {
      session.say("language-choose", undefined, [LANGUAGES.map((l) => ({ label: session.t(`language-${l}`), payload: languageArg.payload("language", l) }))]);
      return;
    }
    session.setLanguage(wanted);
    if (session.person) await deps.services.people.setLanguage(session.person.id, wanted);
    if (session.conversation) session.conversation = { ...session.conversation, params: { ...session.conversation.params, lang: wanted } };
    session.say("language-set");
    await deps.runner.reprompt(session);
  },
});

/**
 * /link: the same person on Telegram and VK. Issues a code here, redeems it on the other
 * messenger — where the person is not known yet, so anyone may use it; /help lists it for participants.
 */
export const linkCommand = defineCommand({
  name: "link",
  description: "cmd-link",
  audience: "everyone",
  help: "participant",
  async run({ session, input, deps }) {
    const code = input;
    if (code) {
      const result = await deps.services.links.redeem(code, session.chat);
      session.say(`link-${result.replace(/_/g, "-")}`);
      return;
    }
    const person = session.person;
    if (!person?.hasConsent) {
      session.say("link-join-first");
      return;
    }
    const issued = await deps.services.links.issue(person.id);
    session.say("link-issued", { code: issued });
  },
});

/** Typed equivalents of the flow's Back and Skip buttons. */
const flowNavigation = (kind: "back" | "skip") =>
  defineCommand({
    name: kind,
    description: `cmd-${kind}`,
    audience: "everyone",
    help: "hidden",
    async run({ session, deps }) {
      if (session.conversation) await deps.runner.handle(session, { kind });
      else session.say("cancel-nothing");
    },
  });

export const backCommand = flowNavigation("back");
export const skipCommand = flowNavigation("skip");

export const basicCommands = [startCommand, helpCommand, cancelCommand, languageCommand, linkCommand, backCommand, skipCommand];
