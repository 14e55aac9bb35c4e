import { parseClock } from "../../domain/lifecycle-settings.js";
import { zonedTime } from "../../domain/time.js";
import type { AppFlow } from "../registry.js";
import type { Answers, FlowContext, HookResult } from "../types.js";
import { param, requirePerson } from "./common.js";

/**
 * Proposing a meeting of a pair (002 §7.4), or a new time for one (`meetingId`): the date,
 * the time and the place or link, in the organisation's timezone; in the series of regular
 * meetings, whether it is the final one. The other side is then asked to confirm it. A time
 * that is not a time of day, or that has passed, is asked again with the reason.
 */

const dateOf = (answers: Answers, ctx: FlowContext): string | null => {
  const d = answers.date ?? ctx.params.presetDate;
  return typeof d === "string" ? d : null;
};

/** Asks the time again (the date stays as chosen), after saying what was wrong. */
function askTimeAgain(ctx: FlowContext, answers: Answers, error: string): HookResult {
  return { messages: [[{ key: error }]], stop: true, next: { flowId: "meeting-proposal", params: { ...ctx.params, presetDate: dateOf(answers, ctx) } } };
}

function startsAt(answers: Answers, ctx: FlowContext): Date | null {
  const date = dateOf(answers, ctx);
  const minutes = typeof answers.time === "string" ? parseClock(answers.time) : null;
  if (!date || minutes === null) return null;
  return zonedTime(date, Math.floor(minutes / 60), minutes % 60, param(ctx, "timezone"));
}

export const meetingProposal: AppFlow = {
  id: "meeting-proposal",
  version: 1,
  title: "mt-title",
  summary: false,
  steps: [
    { id: "date", type: "date", prompt: "mt-date", hint: "mt-date-hint", notBeforeToday: true, when: (_, ctx) => typeof ctx.params.presetDate !== "string" },
    { id: "time", type: "text", prompt: "mt-time", hint: "mt-time-hint", minLength: 1, maxLength: 12 },
    { id: "place", type: "text", prompt: "mt-place", hint: "mt-place-hint", minLength: 2, maxLength: 200 },
    { id: "final", type: "yesno", prompt: "mt-final", when: (_, ctx) => ctx.params.mayBeFinal === true },
  ],
  onAnswer: {
    async time({ answers, ctx, services }) {
      if (typeof answers.time !== "string" || parseClock(answers.time) === null) return askTimeAgain(ctx, answers, "mt-error-time");
      const at = startsAt(answers, ctx);
      if (!at || at <= services.now()) return askTimeAgain(ctx, answers, "mt-error-past");
    },
  },
  async complete({ answers, ctx, services }) {
    const personId = requirePerson(ctx);
    const at = startsAt(answers, ctx);
    const now = services.now();
    if (!at || at <= now) return askTimeAgain(ctx, answers, "mt-error-past");
    const meetingId = typeof ctx.params.meetingId === "string" ? ctx.params.meetingId : undefined;
    const result = await services.meetings.propose({
      pairId: param(ctx, "pairId"),
      personId,
      startsAt: at,
      place: String(answers.place ?? ""),
      final: answers.final === true,
      now,
      meetingId,
      revision: typeof ctx.params.revision === "number" ? ctx.params.revision : undefined,
    });
    if (!result.ok) return { messages: [[{ key: `mt-problem-${result.problem}` }]] };
    await services.meetings.announce(result, meetingId ? "moved" : "proposed", personId, now);
    const tz = param(ctx, "timezone");
    return { messages: [[{ key: "mt-proposed", args: { ...services.meetings.describe(result.meeting, tz), with: String(ctx.params.partner ?? "") } }]] };
  },
};
