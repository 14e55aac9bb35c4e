import { joinFlow } from "../../../flows/definitions/join.js";
import { consentRenewal } from "../../../flows/definitions/consent-renewal.js";
import { matchRejectReason } from "../../../flows/definitions/match-reject-reason.js";
import { meetingProposal } from "../../../flows/definitions/meeting-proposal.js";
import { mentorInterview } from "../../../flows/definitions/mentor-interview.js";
import { relayFlow } from "../../../flows/definitions/relay.js";

/**
 * The flows commands start, by the ids their definitions carry (src/flows/definitions): one
 * name each, checked against the flow registry by test/unit/commands-declared.test.ts. The forms
 * of the programme cycle are started by ticket (src/store/form-tickets.ts), not named here.
 */
export const FLOW_IDS = {
  join: joinFlow.id,
  consentRenewal: consentRenewal.id,
  meetingProposal: meetingProposal.id,
  mentorInterview: mentorInterview.id,
  matchRejectReason: matchRejectReason.id,
  relay: relayFlow.id,
} as const;
