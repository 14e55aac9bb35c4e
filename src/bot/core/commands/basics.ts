import { normalizeCode } from "../../../domain/invitation.js";
import { isLanguage, LANGUAGES } from "../../../i18n/index.js";
import { commandPayload } from "../payload.js";
import type { Audience, Command, CommandContext } from "./registry.js";

/** /start [code]: joins through an invitation (or links an account); without a code, explains how. */
export const startCommand: Command = {
  name: "start",
  description: "cmd-start",
  audience: "everyone",
  async run({ session, args, deps }) {
    const code = args.trim();
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
      if (found.problem === "unknown" && (await deps.services.links.isLinkCode(code))) {
        return linkCommand.run({ session, args: code, deps, viaButton: false });
      }
      session.say(`join-problem-${found.problem}`);
      await deps.runner.reprompt(session);
      return;
    }
    const inv = found.invitation;
    const person = session.person;
    if (person && (await deps.services.invitations.isParticipant(person.id, inv.programmeId, inv.role))) {
      session.say("join-already", { programme: inv.programmeName, role: session.t(`role-${inv.role}`) });
      await deps.runner.reprompt(session);
      return;
    }
    if (session.conversation?.flowId === "join") session.conversation = session.conversation.parent ?? null;
    await deps.runner.start(session, "join", {
      invitationId: inv.id,
      programmeId: inv.programmeId,
      programmeName: inv.programmeName,
      organisationName: inv.organisationName,
      role: inv.role,
      roleName: session.t(`role-${inv.role}`),
      timezone: inv.timezone,
      lang: session.lang,
      hasConsent: person?.hasConsent ?? false,
      isMinor: person?.isMinor ?? null,
      hasRepresentative: person?.hasRepresentativeConsent ?? false,
      hasName: !!person?.displayName,
    });
  },
};

async function audienceOf(ctx: CommandContext): Promise<Set<Audience>> {
  const out = new Set<Audience>(["everyone"]);
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
export const helpCommand: Command = {
  name: "help",
  description: "cmd-help",
  audience: "everyone",
  async run(ctx) {
    const { session, deps } = ctx;
    const audiences = await audienceOf(ctx);
    const order: Audience[] = ["everyone", "participant", "mentee", "mentor", "curator", "administrator"];
    const sections: string[] = [session.t("help-intro")];
    for (const audience of order) {
      if (!audiences.has(audience)) continue;
      const lines = deps.commands
        .all()
        .filter((c) => !c.hidden && c.audience === audience)
        .map((c) => `/${c.name} — ${session.t(c.description)}`);
      if (lines.length) sections.push(`${session.t(`help-section-${audience}`)}\n${lines.join("\n")}`);
    }
    if (!audiences.has("participant") && !audiences.has("administrator")) sections.push(session.t("help-join"));
    session.sayText(sections.join("\n\n"));
    await deps.runner.reprompt(session, { key: "flow-resume" });
  },
};

export const cancelCommand: Command = {
  name: "cancel",
  description: "cmd-cancel",
  audience: "everyone",
  async run({ session, deps }) {
    if (!(await deps.runner.cancel(session))) session.say("cancel-nothing");
  },
};

/** /language: switch between Russian and English at any time. */
export const languageCommand: Command = {
  name: "language",
  description: "cmd-language",
  audience: "everyone",
  async run({ session, args, deps }) {
    const wanted = args.trim().toLowerCase();
    if (!isLanguage(wanted)) {
      session.say(
        "language-choose",
        undefined,
        [LANGUAGES.map((l) => ({ label: session.t(`language-${l}`), payload: commandPayload("language", l) }))],
      );
      return;
    }
    session.setLanguage(wanted);
    if (session.person) await deps.services.people.setLanguage(session.person.id, wanted);
    if (session.conversation) session.conversation = { ...session.conversation, params: { ...session.conversation.params, lang: wanted } };
    session.say("language-set");
    await deps.runner.reprompt(session);
  },
};

/** /link: the same person on Telegram and VK. Issues a code here, redeems it on the other messenger. */
export const linkCommand: Command = {
  name: "link",
  description: "cmd-link",
  audience: "participant",
  async run({ session, args, deps }) {
    const code = args.trim();
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
};

/** Typed equivalents of the flow's Back and Skip buttons. */
export const backCommand: Command = { name: "back", description: "cmd-back", audience: "everyone", hidden: true, run: async ({ session, deps }) => { if (session.conversation) await deps.runner.handle(session, { kind: "back" }); else session.say("cancel-nothing"); } };
export const skipCommand: Command = { name: "skip", description: "cmd-skip", audience: "everyone", hidden: true, run: async ({ session, deps }) => { if (session.conversation) await deps.runner.handle(session, { kind: "skip" }); else session.say("cancel-nothing"); } };

export const basicCommands: Command[] = [startCommand, helpCommand, cancelCommand, languageCommand, linkCommand, backCommand, skipCommand];
