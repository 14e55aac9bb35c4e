import type { AppFlow } from "../registry.js";
import { param, requirePerson, saveResponse, thanks } from "./common.js";
import { renderAnswers } from "./render-answers.js";

/**
 * The mentee's reports (002 §6.2): once a month to the mentor — on self-development, the
 * individual plan, part in the organisation's work — and, within two weeks after the end,
 * the final report on the individual plan to the curator.
 */
export const monthlyReport: AppFlow = {
  id: "monthly-report",
  version: 1,
  title: "rep-monthly-title",
  summary: true,
  steps: [
    { id: "planProgress", type: "scale", prompt: "rep-plan-progress", hint: "rep-monthly-hint", min: 1, max: 5, lowLabel: "rep-plan-progress-low", highLabel: "rep-plan-progress-high" },
    { id: "achievements", type: "text", prompt: "rep-achievements", minLength: 2, maxLength: 1500 },
    { id: "difficulties", type: "text", prompt: "rep-difficulties", maxLength: 1000, optional: true },
    { id: "activities", type: "text", prompt: "rep-activities", maxLength: 1000, optional: true },
    { id: "nextMonth", type: "text", prompt: "rep-next-month", minLength: 2, maxLength: 1000 },
    { id: "helpNeeded", type: "text", prompt: "rep-help-needed", maxLength: 1000, optional: true },
  ],
  async complete({ answers, ctx, services }) {
    const { created } = await saveResponse(monthlyReport, answers, ctx, services);
    if (created) {
      // The report goes to the mentor, in the mentor's language.
      await services.outreach.tell(param(ctx, "mentorPersonId"), {
        kind: "monthly-report",
        dedupKey: `monthly-report-${param(ctx, "subjectKey")}-${requirePerson(ctx)}`,
        text: (t) =>
          `${t("rep-monthly-to-mentor", { name: String(ctx.params.menteeName ?? ""), month: String(ctx.params.month ?? "") })}\n\n${renderAnswers(monthlyReport, answers, t)}`,
      });
    }
    return thanks("rep-monthly-done", { mentor: String(ctx.params.mentorName ?? "") });
  },
};

export const finalReport: AppFlow = {
  id: "final-report",
  version: 1,
  title: "rep-final-title",
  summary: true,
  steps: [
    {
      id: "planCompleted",
      type: "choice",
      prompt: "rep-plan-completed",
      hint: "rep-final-hint",
      options: [
        { value: "fully", label: "rep-plan-fully" },
        { value: "mostly", label: "rep-plan-mostly" },
        { value: "partly", label: "rep-plan-partly" },
        { value: "not", label: "rep-plan-not" },
      ],
    },
    { id: "results", type: "text", prompt: "rep-results", minLength: 2, maxLength: 2000 },
    { id: "goalsReached", type: "scale", prompt: "rep-goals-reached", min: 1, max: 5, lowLabel: "rep-goals-low", highLabel: "rep-goals-high" },
    { id: "mostUseful", type: "text", prompt: "rep-most-useful", minLength: 2, maxLength: 1000 },
    { id: "plans", type: "text", prompt: "rep-plans", maxLength: 1000, optional: true },
  ],
  async complete({ answers, ctx, services }) {
    const { created } = await saveResponse(finalReport, answers, ctx, services);
    if (created) {
      const programmeId = param(ctx, "programmeId");
      for (const curatorId of await services.participants.curators(programmeId)) {
        await services.outreach.tell(curatorId, {
          kind: "final-report",
          dedupKey: `final-report-${param(ctx, "subjectKey")}-${requirePerson(ctx)}-${curatorId}`,
          text: [{ key: "rep-final-to-curator", args: { name: String(ctx.params.menteeName ?? ""), programme: String(ctx.params.programmeName ?? "") } }],
        });
      }
    }
    return thanks("rep-final-done");
  },
};
