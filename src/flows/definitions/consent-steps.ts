import { CONSENT_VERSION, type ConsentKind } from "../../domain/consent.js";
import type { Services } from "../../usecases/services.js";
import type { FlowContext } from "../types.js";

/**
 * Recording a consent given with a consent step's button: the document the step showed (kept
 * by the runner under `document_<step id>`), its version and hash, the time from the clock, and
 * the messenger and account the button was pressed on.
 */

export function shownDocumentParam(stepId: string): string {
  return `document_${stepId}`;
}

export function documentFilename(kind: ConsentKind, version: string): string {
  return `${kind === "personal_data" ? "consent" : "consent-legal-representative"}-${version}.txt`;
}

export async function recordConsent(
  services: Services,
  ctx: FlowContext,
  personId: string,
  kind: ConsentKind,
  stepId: string,
  representative?: { name: string; relation: string },
): Promise<void> {
  const hash = ctx.params[shownDocumentParam(stepId)];
  const doc = typeof hash === "string" ? await services.consentDocuments.document(hash) : undefined;
  await services.consents.record({
    personId,
    kind,
    version: doc?.version ?? CONSENT_VERSION,
    textHash: doc?.hash,
    chat: ctx.chat,
    representativeName: representative?.name,
    representativeRelation: representative?.relation,
  });
}
