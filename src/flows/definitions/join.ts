import { AGE_BANDS, isAgeBand, type AgeBand } from "../../domain/consent.js";
import { isLanguage } from "../../i18n/index.js";
import type { AppFlow } from "../registry.js";
import type { Answers, FlowContext } from "../types.js";
import type { Services } from "../../usecases/services.js";
import { recordConsent } from "./consent-steps.js";
import { recordRepresentative, representativeSteps } from "./representative.js";

/**
 * Joining a programme through an invitation: language, age group, the consent documents the
 * age requires — the person's own (18 and older, and from 14), the legal representative's
 * (under 18: their name, who they are to the child, their document and their button) — and
 * only then the name to be addressed by. Nothing about the person is stored before the last
 * consent their age requires: until then the answers live in the conversation only, and the
 * person is created with their consents at once. Steps a returning person has already done
 * are skipped. The age group cannot be taken back: the steps after it are gates (`noBack`); a
 * mistaken answer is corrected by the curator.
 */

const bandOf = (a: Answers, c: FlowContext): AgeBand | undefined => {
  const band = a.age ?? c.params.ageBand;
  return isAgeBand(band) ? band : undefined;
};
const isCurator = (c: FlowContext) => c.params.role === "curator";
/** A curator joins as an adult: no age is asked. */
const needsOwnConsent = (a: Answers, c: FlowContext) => c.params.hasConsent !== true && (isCurator(c) || bandOf(a, c) === "adult" || bandOf(a, c) === "teen");
const needsRepresentative = (a: Answers, c: FlowContext) => !isCurator(c) && c.params.hasRepresentative !== true && (bandOf(a, c) === "teen" || bandOf(a, c) === "child");

function requirePerson(ctx: FlowContext): string {
  if (!ctx.personId) throw new Error("join: no person after consent");
  return ctx.personId;
}

/** The person, created now if this is their first consent. */
async function personFor(ctx: FlowContext, services: Services): Promise<string> {
  if (ctx.personId) return ctx.personId;
  const lang = isLanguage(ctx.params.lang) ? ctx.params.lang : ctx.lang;
  return services.people.ensure(ctx.chat, lang);
}

export const joinFlow: AppFlow = {
  id: "join",
  version: 2,
  title: "join-title",
  summary: false,
  steps: [
    {
      id: "language",
      type: "choice",
      prompt: "join-language",
      options: [
        { value: "ru", label: "language-ru" },
        { value: "en", label: "language-en" },
      ],
      when: (_, c) => c.params.known !== true,
    },
    {
      id: "age",
      type: "choice",
      prompt: "join-age",
      options: AGE_BANDS.map((b) => ({ value: b, label: `join-age-${b}` })),
      when: (_, c) => !isCurator(c) && !isAgeBand(c.params.ageBand),
    },
    { id: "consent", type: "consent", prompt: "join-consent", declined: "join-consent-declined", document: "personal_data", noBack: true, when: needsOwnConsent },
    ...representativeSteps({ name: "join-representative-name", consent: "join-representative-consent", declined: "join-representative-declined" }, needsRepresentative),
    { id: "name", type: "text", kind: "name", prompt: "join-name", hint: "join-name-hint", minLength: 2, maxLength: 100, when: (_, c) => c.params.hasName !== true },
  ],
  onAnswer: {
    language: async ({ value }) => (isLanguage(value) ? { params: { lang: value } } : undefined),
    age: async ({ ctx, services, value }) => {
      if (ctx.personId) await services.people.setMinor(ctx.personId, value !== "adult");
      return { params: { ageBand: String(value) } };
    },
    // The person's own consent is the last one an adult (or a curator) gives; a minor's waits for their representative's.
    consent: async ({ ctx, services, answers }) => {
      if (needsRepresentative(answers, ctx)) return undefined;
      const personId = await personFor(ctx, services);
      await recordConsent(services, ctx, personId, "personal_data", "consent");
      if (!isCurator(ctx) && !ctx.personId) await services.people.setMinor(personId, bandOf(answers, ctx) !== "adult");
      return { personId, params: { hasConsent: true } };
    },
    representativeConsent: async ({ ctx, services, answers }) => {
      const personId = await personFor(ctx, services);
      if (answers.consent === true) await recordConsent(services, ctx, personId, "personal_data", "consent");
      await recordRepresentative(services, ctx, personId, answers);
      return { personId, params: { hasRepresentative: true, ...(answers.consent === true ? { hasConsent: true } : {}) } };
    },
    name: async ({ ctx, services, value }) => {
      await services.people.setDisplayName(requirePerson(ctx), String(value));
    },
  },
  complete: async ({ ctx, services }) => {
    const personId = requirePerson(ctx);
    const invitationId = String(ctx.params.invitationId);
    const joined = await services.invitations.redeem(invitationId, personId);
    // The invitation was used up, revoked or expired while this person was answering: nothing is joined.
    if (!joined.ok) return { messages: [[{ key: `join-problem-${joined.problem}` }]], stop: true };
    return {
      messages: [
        [
          { key: `join-welcome-${ctx.params.role}`, args: { programme: String(ctx.params.programmeName), organisation: String(ctx.params.organisationName) } },
          // Mentors and mentees go on to their questionnaire (002 §7.1) or request.
          ...(ctx.params.role === "mentor" || ctx.params.role === "mentee" ? [{ key: `form-after-join-${ctx.params.role}` }] : []),
          { key: "join-next-help" },
        ],
      ],
    };
  },
};
