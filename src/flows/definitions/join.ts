import { CONSENT_VERSION } from "../../domain/consent.js";
import { isLanguage } from "../../i18n/index.js";
import type { AppFlow } from "../registry.js";
import type { Answers, FlowContext } from "../types.js";
import { recordRepresentative, representativeSteps } from "./representative.js";

/**
 * Joining a programme through an invitation: language, personal-data consent before any
 * other question, age, the legal representative's consent for a minor, the name to be
 * addressed by. Steps a returning person has already done are skipped. "Under 18" cannot be
 * taken back with Back: the age question is not asked again once it was answered so (an age
 * gate that can be retried is no gate); a mistaken answer is corrected by the curator.
 */

const isMinor = (_: Answers, c: FlowContext) => c.params.isMinor === true;
const needsRepresentative = (a: Answers, c: FlowContext) => isMinor(a, c) && c.params.hasRepresentative !== true;

function requirePerson(ctx: FlowContext): string {
  if (!ctx.personId) throw new Error("join: no person after consent");
  return ctx.personId;
}

export const joinFlow: AppFlow = {
  id: "join",
  version: 1,
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
      when: (_, c) => c.params.hasConsent !== true,
    },
    { id: "consent", type: "consent", prompt: "join-consent", declined: "join-consent-declined", when: (_, c) => c.params.hasConsent !== true },
    { id: "adult", type: "yesno", prompt: "join-adult", when: (_, c) => c.params.role !== "curator" && c.params.isMinor == null },
    ...representativeSteps({ name: "join-representative-name", consent: "join-representative-consent", declined: "join-representative-declined" }, needsRepresentative),
    { id: "name", type: "text", kind: "name", prompt: "join-name", hint: "join-name-hint", minLength: 2, maxLength: 100, when: (_, c) => c.params.hasName !== true },
  ],
  onAnswer: {
    language: async ({ value }) => (isLanguage(value) ? { params: { lang: value } } : undefined),
    consent: async ({ ctx, services }) => {
      const lang = isLanguage(ctx.params.lang) ? ctx.params.lang : ctx.lang;
      const personId = await services.people.ensure(ctx.chat, lang);
      await services.consents.record({ personId, kind: "personal_data", version: CONSENT_VERSION });
      return { personId, params: { hasConsent: true } };
    },
    adult: async ({ ctx, services, value }) => {
      await services.people.setMinor(requirePerson(ctx), value === false);
      return value === false ? { params: { isMinor: true } } : undefined;
    },
    representativeConsent: async ({ ctx, services, answers }) => {
      await recordRepresentative(services, requirePerson(ctx), answers);
      return { params: { hasRepresentative: true } };
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
