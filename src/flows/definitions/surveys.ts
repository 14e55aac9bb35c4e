import type { AppFlow } from "../registry.js";
import type { OptionDef, Step } from "../types.js";
import { saveResponse, thanks } from "./common.js";

/**
 * Satisfaction questionnaires of the mentor and of the mentee (001 stage 6) at the end of
 * the programme, a short pulse 30 days after a pair starts, and an exit survey when a pair
 * ends early. Scores are numeric 1–5 scales, so the satisfaction indicators (003: mentees'
 * and mentors' satisfaction, %) can be computed from them (see src/domain/form-scores.ts).
 */
const scale = (id: string, prompt: string): Step => ({ id, type: "scale", prompt, min: 1, max: 5, lowLabel: "sv-scale-low", highLabel: "sv-scale-high" });
const AGAIN: OptionDef[] = [
  { value: "yes", label: "sv-again-yes" },
  { value: "no", label: "sv-again-no" },
  { value: "unsure", label: "sv-again-unsure" },
];

export const satisfactionMentee: AppFlow = {
  id: "satisfaction-mentee",
  version: 1,
  title: "sv-mentee-title",
  summary: true,
  steps: [
    scale("overall", "sv-mentee-overall"),
    scale("mentor", "sv-mentee-mentor"),
    scale("meetings", "sv-mentee-meetings"),
    scale("goals", "sv-mentee-goals"),
    scale("skills", "sv-mentee-skills"),
    { id: "again", type: "choice", prompt: "sv-mentee-again", options: AGAIN },
    { id: "improve", type: "text", prompt: "sv-improve", maxLength: 1000, optional: true },
  ],
  async complete({ answers, ctx, services }) {
    await saveResponse(satisfactionMentee, answers, ctx, services);
    return thanks("sv-done");
  },
};

export const satisfactionMentor: AppFlow = {
  id: "satisfaction-mentor",
  version: 1,
  title: "sv-mentor-title",
  summary: true,
  steps: [
    scale("overall", "sv-mentor-overall"),
    scale("mentee", "sv-mentor-mentee"),
    scale("curator", "sv-mentor-curator"),
    scale("organisation", "sv-mentor-organisation"),
    scale("growth", "sv-mentor-growth"),
    { id: "again", type: "choice", prompt: "sv-mentor-again", options: AGAIN },
    { id: "improve", type: "text", prompt: "sv-improve", maxLength: 1000, optional: true },
  ],
  async complete({ answers, ctx, services }) {
    await saveResponse(satisfactionMentor, answers, ctx, services);
    return thanks("sv-done");
  },
};

export const pulseSurvey: AppFlow = {
  id: "pulse-survey",
  version: 1,
  title: "sv-pulse-title",
  summary: true,
  steps: [
    { ...scale("satisfaction", "sv-pulse-satisfaction"), hint: "sv-pair-hint" },
    {
      id: "regular",
      type: "choice",
      prompt: "sv-pulse-regular",
      options: [
        { value: "yes", label: "sv-pulse-regular-yes" },
        { value: "sometimes", label: "sv-pulse-regular-sometimes" },
        { value: "no", label: "sv-pulse-regular-no" },
      ],
    },
    { id: "concern", type: "text", prompt: "sv-pulse-concern", hint: "fb-for-curator-hint", maxLength: 1000, optional: true },
  ],
  async complete({ answers, ctx, services }) {
    await saveResponse(pulseSurvey, answers, ctx, services);
    return thanks("sv-done");
  },
};

export const exitSurvey: AppFlow = {
  id: "exit-survey",
  version: 1,
  title: "sv-exit-title",
  summary: true,
  steps: [
    {
      id: "reason",
      type: "choice",
      prompt: "sv-exit-reason",
      hint: "sv-pair-hint",
      // The unplanned endings of 002 §7.5, as in EndReason.
      options: [
        { value: "moved", label: "sv-exit-reason-moved" },
        { value: "illness", label: "sv-exit-reason-illness" },
        { value: "no_time", label: "sv-exit-reason-no-time" },
        { value: "conflict", label: "sv-exit-reason-conflict" },
        { value: "other", label: "sv-exit-reason-other" },
      ],
    },
    scale("satisfaction", "sv-exit-satisfaction"),
    { id: "positive", type: "text", prompt: "sv-exit-positive", maxLength: 1000, optional: true },
    { id: "continue", type: "choice", prompt: "sv-exit-continue", options: AGAIN },
    { id: "comment", type: "text", prompt: "sv-exit-comment", hint: "fb-for-curator-hint", maxLength: 1000, optional: true },
  ],
  async complete({ answers, ctx, services }) {
    await saveResponse(exitSurvey, answers, ctx, services);
    return thanks("sv-done");
  },
};
