import type { Answers, FlowContext } from "../types.js";
import type { AppFlow } from "../registry.js";
import { param, requirePerson, saveResponse, thanks } from "./common.js";

/**
 * The mutual-choice survey after the common meeting (002 §7.3). Mentees rank the programme's
 * approved mentors, mentors rank its mentees — first, second, third choice — for two
 * questions each. Options are the people actually in the programme, computed when shown.
 * Stored in Preference (question work_with | can_help, rank 1…3).
 */
export const MENTOR_OPTIONS = "programme-mentors";
export const MENTEE_OPTIONS = "programme-mentees";
export const PICKS = 3;

const as = (role: string) => (_: Answers, ctx: FlowContext) => ctx.params.role === role;

export const mutualChoice: AppFlow = {
  id: "mutual-choice",
  version: 1,
  title: "mc-title",
  summary: true,
  steps: [
    { id: "intro", type: "info", prompt: "mc-intro" },
    { id: "menteeWorkWith", type: "ranked", prompt: "mc-mentee-work-with", options: { source: MENTOR_OPTIONS }, picks: PICKS, minPicks: 1, when: as("mentee") },
    { id: "menteeCanHelp", type: "ranked", prompt: "mc-mentee-can-help", options: { source: MENTOR_OPTIONS }, picks: PICKS, minPicks: 1, when: as("mentee") },
    { id: "mentorWorkWith", type: "ranked", prompt: "mc-mentor-work-with", options: { source: MENTEE_OPTIONS }, picks: PICKS, minPicks: 1, when: as("mentor") },
    { id: "mentorCanHelp", type: "ranked", prompt: "mc-mentor-can-help", options: { source: MENTEE_OPTIONS }, picks: PICKS, minPicks: 1, when: as("mentor") },
  ],
  async complete({ answers, ctx, services }) {
    const personId = requirePerson(ctx);
    const roundId = param(ctx, "roundId");
    const round = await services.surveys.get(roundId);
    if (!round || round.closedAt) return thanks("mc-closed");
    const role = ctx.params.role === "mentor" ? "mentor" : "mentee";
    const list = (id: string) => (Array.isArray(answers[id]) ? (answers[id] as string[]) : []);
    const picks =
      role === "mentee"
        ? { work_with: list("menteeWorkWith"), can_help: list("menteeCanHelp") }
        : { work_with: list("mentorWorkWith"), can_help: list("mentorCanHelp") };
    const stored = await services.surveys.recordPreferences({ personId, programmeId: round.programmeId, role, picks });
    if (!stored.ok) return thanks(`mc-problem-${stored.problem}`);
    await saveResponse(mutualChoice, answers, ctx, services);
    return thanks("mc-done");
  },
};
