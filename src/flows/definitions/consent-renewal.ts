import type { AppFlow } from "../registry.js";
import type { FlowContext } from "../types.js";
import { recordConsent } from "./consent-steps.js";
import { recordRepresentative, representativeSteps } from "./representative.js";

/**
 * Consent to a new version of an organisation's documents that names new purposes or data: the
 * consents the person gave before are asked again, each document shown whole — their own, and
 * for a minor the legal representative's with their name and relation. Declining keeps the
 * earlier consents as they were given.
 */

const needsOwn = (_: unknown, c: FlowContext) => c.params.own === true;
const needsRepresentative = (_: unknown, c: FlowContext) => c.params.representative === true;

function requirePerson(ctx: FlowContext): string {
  if (!ctx.personId) throw new Error("consent renewal: no person");
  return ctx.personId;
}

export const consentRenewal: AppFlow = {
  id: "consent-renewal",
  version: 1,
  title: "renewal-title",
  summary: false,
  steps: [
    { id: "consent", type: "consent", prompt: "renewal-consent", declined: "renewal-declined", document: "personal_data", noBack: true, when: needsOwn },
    ...representativeSteps({ name: "renewal-representative-name", consent: "mr-representative-consent", declined: "renewal-declined" }, needsRepresentative),
  ],
  onAnswer: {
    consent: async ({ ctx, services }) => {
      await recordConsent(services, ctx, requirePerson(ctx), "personal_data", "consent");
    },
    representativeConsent: async ({ ctx, services, answers }) => {
      await recordRepresentative(services, ctx, requirePerson(ctx), answers);
    },
  },
  complete: async () => ({ messages: [[{ key: "renewal-done" }]] }),
};
