import type { AppFlow } from "../registry.js";
import { param, requirePerson } from "./common.js";

/**
 * The curator's own reason for rejecting a matching suggestion ("another reason — I will
 * write it"): the next message is the reason. The suggestion is checked again when the reason
 * arrives: a pair decided meanwhile, or superseded by a newer matching, is answered as such and
 * nothing is changed; a person who no longer curates the programme is refused.
 */

export const MATCH_REJECT_REASON = "match-reject-reason";

export const matchRejectReason: AppFlow = {
  id: MATCH_REJECT_REASON,
  version: 1,
  title: "match-reject-own-title",
  summary: false,
  steps: [{ id: "reason", type: "text", prompt: "match-reject-own-prompt", minLength: 2, maxLength: 500 }],
  async complete({ answers, ctx, services }) {
    const curatorId = requirePerson(ctx);
    const suggestionId = param(ctx, "suggestionId");
    const s = await services.matching.suggestion(suggestionId);
    if (!s || !(await services.participants.isCurator(curatorId, s.programmeId))) {
      await services.audit.record({ actorId: curatorId, action: "curator.match_reject", outcome: "denied", targetType: "match_suggestion", targetId: suggestionId, programmeId: s?.programmeId });
      return { messages: [[{ key: "curator-only" }]] };
    }
    if (s.status !== "suggested") {
      return { messages: [[{ key: s.status === "superseded" ? "match-superseded" : `match-already-${s.status}`, args: { number: s.number } }]] };
    }
    const reason = String(answers.reason ?? "").trim().slice(0, 500);
    const result = await services.matching.reject(s, curatorId, reason || null, services.now());
    if (!result.ok) {
      const status = result.status ?? "rejected";
      return { messages: [[{ key: status === "superseded" ? "match-superseded" : `match-already-${status}`, args: { number: s.number } }]] };
    }
    await services.audit.record({ actorId: curatorId, action: "curator.match_reject", outcome: "allowed", targetType: "match_suggestion", targetId: s.id, programmeId: s.programmeId, details: { number: s.number, withReason: !!reason, reasonKind: "own" } });
    return { messages: [[{ key: reason ? "match-rejected-with-reason" : "match-rejected", args: { number: s.number } }]] };
  },
};
