import type { Answers } from "../types.js";
import type { AppFlow } from "../registry.js";
import { requirePerson, saveResponse, thanks } from "./common.js";

/**
 * Feedback after each meeting, asked of both sides (002 §7.4: a series of meetings, each
 * followed by a mandatory feedback form). The subject is the meeting; the last answer is
 * seen by the curator only. The texts are checked against the flag words, and the thanks
 * carries «Сообщить куратору о проблеме».
 */
const held = (a: Answers) => a.happened === true;
const notHeld = (a: Answers) => a.happened === false;

export const meetingFeedback: AppFlow = {
  id: "meeting-feedback",
  version: 1,
  title: "fb-title",
  summary: true,
  steps: [
    { id: "happened", type: "yesno", prompt: "fb-happened", hint: "fb-meeting" },
    { id: "usefulness", type: "scale", prompt: "fb-usefulness", min: 1, max: 5, lowLabel: "fb-usefulness-low", highLabel: "fb-usefulness-high", when: held },
    { id: "done", type: "text", prompt: "fb-what-done", minLength: 2, maxLength: 1000, when: held },
    { id: "next", type: "text", prompt: "fb-what-next", minLength: 2, maxLength: 1000, when: held },
    {
      id: "notHeldReason",
      type: "choice",
      prompt: "fb-not-held-reason",
      options: [
        { value: "rescheduled", label: "fb-reason-rescheduled" },
        { value: "partner_absent", label: "fb-reason-partner-absent" },
        { value: "self_absent", label: "fb-reason-self-absent" },
        { value: "other", label: "fb-reason-other" },
      ],
      when: notHeld,
    },
    { id: "forCurator", type: "text", prompt: "fb-for-curator", hint: "fb-for-curator-hint", maxLength: 1000, optional: true },
  ],
  async complete({ answers, ctx, services }) {
    await saveResponse(meetingFeedback, answers, ctx, services);
    // The free text is checked against the flag words; a side may also tell the curator of a problem with the button.
    const meetingId = typeof ctx.params.subjectKey === "string" ? ctx.params.subjectKey : "";
    const meeting = meetingId ? await services.meetings.get(meetingId) : null;
    const pair = meeting ? await services.pairs.get(meeting.pairId) : null;
    if (!pair) return thanks("fb-thanks");
    const texts = [answers.done, answers.next, answers.forCurator].filter((v): v is string => typeof v === "string");
    await services.relay.checkFeedback({ pair, personId: requirePerson(ctx), texts, subjectKey: meetingId, now: services.now() });
    return { ...thanks("fb-thanks"), buttons: [[{ label: { key: "relay-btn-flag" }, command: "flag", args: `f.${pair.id}` }]] };
  },
};

