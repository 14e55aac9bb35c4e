import { joinFlow } from "./definitions/join.js";
import { consentRenewal } from "./definitions/consent-renewal.js";
import { meetingProposal } from "./definitions/meeting-proposal.js";
import { matchRejectReason } from "./definitions/match-reject-reason.js";
import { relayFlow } from "./definitions/relay.js";
import { CYCLE_FORMS } from "./definitions/catalog.js";
import { MENTEE_OPTIONS, MENTOR_OPTIONS } from "./definitions/mutual-choice.js";
import { FlowRegistry } from "./registry.js";
import type { FlowContext } from "./types.js";
import type { Services } from "../usecases/services.js";

const programmeOf = (ctx: FlowContext): string => {
  const id = ctx.params.programmeId;
  if (typeof id !== "string") throw new Error("options of a programme asked without one");
  return id;
};

/** Every flow of the product, registered once; each runs unchanged on every messenger. */
export function createFlowRegistry(): FlowRegistry {
  const registry = new FlowRegistry().register(joinFlow);
  for (const form of CYCLE_FORMS) registry.register(form);
  registry.register(meetingProposal);
  registry.register(matchRejectReason);
  registry.register(relayFlow);
  registry.register(consentRenewal);
  // The people of the programme, computed when the question is shown (mutual choice, 002 §7.3).
  const people = (role: "mentor" | "mentee") => async (ctx: FlowContext, services: Services) =>
    (await services.participants.choosable(programmeOf(ctx), role, ctx.personId)).map((o) => ({ value: o.value, label: { text: o.label } }));
  registry.registerOptions(MENTOR_OPTIONS, people("mentor"));
  registry.registerOptions(MENTEE_OPTIONS, people("mentee"));
  return registry;
}
