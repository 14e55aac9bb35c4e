import type { AppFlow } from "../registry.js";
import { param, requirePerson } from "./common.js";

/**
 * The curator's record of the interview with a candidate mentor (002 §7.2): does their day
 * leave enough time for mentoring, do they understand the role, a comment, and the
 * decision. Approved mentors are matched; the mentor is told the outcome in their language.
 * Stored with the mentor as the subject (it is data about them); who recorded it is in the audit log.
 */
export const mentorInterview: AppFlow = {
  id: "mentor-interview",
  version: 1,
  title: "iv-title",
  summary: true,
  steps: [
    { id: "hasTime", type: "yesno", prompt: "iv-has-time", hint: "iv-candidate" },
    { id: "understandsRole", type: "yesno", prompt: "iv-understands-role" },
    { id: "comment", type: "text", prompt: "iv-comment", hint: "iv-comment-hint", maxLength: 1000, optional: true },
    {
      id: "decision",
      type: "choice",
      prompt: "iv-decision",
      options: [
        { value: "approve", label: "iv-decision-approve" },
        { value: "decline", label: "iv-decision-decline" },
      ],
    },
  ],
  async complete({ answers, ctx, services }) {
    const curatorId = requirePerson(ctx);
    const participationId = param(ctx, "participationId");
    const decision = answers.decision === "approve" ? "approve" : "decline";
    const result = await services.participants.recordInterview({ curatorId, participationId, decision, answers, formId: mentorInterview.id, formVersion: mentorInterview.version });
    if (!result.ok) {
      await services.audit.record({ actorId: curatorId, action: "curator.interview", outcome: "denied", targetType: "participation", targetId: participationId, details: { reason: result.problem } });
      return { messages: [[{ key: `iv-problem-${result.problem}` }]] };
    }
    await services.audit.record({
      actorId: curatorId,
      action: "curator.interview",
      outcome: "allowed",
      targetType: "participation",
      targetId: participationId,
      programmeId: result.programmeId,
      details: { decision, from: result.from, to: result.to },
    });
    if (result.from !== result.to) {
      await services.outreach.tell(result.mentorPersonId, {
        kind: "interview-outcome",
        dedupKey: `interview-${participationId}-${result.to}-${ctx.runId ?? "once"}`,
        text: [{ key: `iv-outcome-${result.to}`, args: { programme: result.programmeName } }],
      });
    }
    return { messages: [[{ key: `iv-done-${result.to}`, args: { name: String(ctx.params.mentorName ?? "") } }]] };
  },
};
