import { CONSENT_VERSION } from "../../domain/consent.js";
import type { Services } from "../../usecases/services.js";
import type { Answers, FlowContext, Step } from "../types.js";

/**
 * The legal representative's consent (152-ФЗ ст. 9 ч. 6): their full name, then their own
 * button. Asked while joining when a person says they are under 18, and in any form the
 * moment an answer there shows that the person is a minor without that consent.
 */

/** Answers of these steps belong to the consent record, not to the form they were asked in. */
const REPRESENTATIVE_STEPS = ["representativeName", "representativeConsent"] as const;

export function representativeSteps(keys: { name: string; consent: string; declined: string }, when: (a: Answers, c: FlowContext) => boolean): Step[] {
  return [
    { id: "representativeName", type: "text", kind: "name", prompt: keys.name, minLength: 5, maxLength: 150, noBack: true, when },
    { id: "representativeConsent", type: "consent", prompt: keys.consent, declined: keys.declined, when },
  ];
}

export async function recordRepresentative(services: Services, personId: string, answers: Answers): Promise<void> {
  await services.consents.record({ personId, kind: "legal_representative", version: CONSENT_VERSION, representativeName: String(answers.representativeName) });
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
