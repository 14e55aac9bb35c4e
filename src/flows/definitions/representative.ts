import { REPRESENTATIVE_RELATIONS } from "../../domain/consent.js";
import type { Services } from "../../usecases/services.js";
import type { Answers, FlowContext, Step } from "../types.js";
import { recordConsent } from "./consent-steps.js";

/**
 * The legal representative's consent (152-ФЗ ст. 9 ч. 6), a document of its own: their full
 * name, who they are to the child, then the document shown whole and their own button. Asked
 * while joining for everyone under 18, and in any form the moment an answer there shows that
 * the person is a minor without that consent.
 */

/** Answers of these steps belong to the consent record, not to the form they were asked in. */
const REPRESENTATIVE_STEPS = ["representativeName", "representativeRelation", "representativeConsent"] as const;

export function representativeSteps(keys: { name: string; consent: string; declined: string }, when: (a: Answers, c: FlowContext) => boolean): Step[] {
  return [
    { id: "representativeName", type: "text", kind: "name", prompt: keys.name, minLength: 5, maxLength: 150, noBack: true, when },
    {
      id: "representativeRelation",
      type: "choice",
      prompt: "representative-relation",
      options: REPRESENTATIVE_RELATIONS.map((r) => ({ value: r, label: `representative-relation-${r}` })),
      when,
    },
    { id: "representativeConsent", type: "consent", prompt: keys.consent, declined: keys.declined, document: "legal_representative", noBack: true, when },
  ];
}

export async function recordRepresentative(services: Services, ctx: FlowContext, personId: string, answers: Answers): Promise<void> {
  await recordConsent(services, ctx, personId, "legal_representative", "representativeConsent", {
    name: String(answers.representativeName),
    relation: String(answers.representativeRelation),
  });
  await services.people.setMinor(personId, true);
}

export async function hasRepresentative(services: Services, personId: string): Promise<boolean> {
  return (await services.consents.active(personId)).some((c) => c.kind === "legal_representative");
}

export function withoutRepresentative(answers: Answers): Answers {
  const kept = { ...answers };
  for (const id of REPRESENTATIVE_STEPS) delete kept[id];
  return kept;
}
