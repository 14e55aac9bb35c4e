import { isMentorshipForm, type MentorshipForm } from "../../domain/roles.js";
import {
  DAY_PARTS,
  DAYS,
  FREQUENCIES,
  labelKey,
  MEETING_FORMATS,
  menteeAudience,
  mentorAudience,
  type MenteeAudience,
  type MentorAudience,
  type Vocabulary,
} from "../../domain/vocabulary.js";
import type { Services } from "../../usecases/services.js";
import type { AppFlow } from "../registry.js";
import type { Answers, FlowContext, HookResult, OptionDef, Step } from "../types.js";

/** Pieces shared by the questionnaires, surveys and reports of the programme cycle. */

export function options(list: Vocabulary): OptionDef[] {
  return list.codes.map((code) => ({ value: code, label: labelKey(list, code) }));
}

export function programmeForm(ctx: FlowContext): MentorshipForm {
  const form = ctx.params.form;
  // A flow started without the programme's form is asked as for pupils (the commonest form).
  return isMentorshipForm(form) ? form : "pupil_pupil";
}

export const menteesAre = (...audiences: MenteeAudience[]) => (_: Answers, ctx: FlowContext) => audiences.includes(menteeAudience(programmeForm(ctx)));
export const mentorsAre = (...audiences: MentorAudience[]) => (_: Answers, ctx: FlowContext) => audiences.includes(mentorAudience(programmeForm(ctx)));

/** Preferred days, times, frequency and format of meetings (002 §7.1), asked of mentors and mentees alike. */
export function meetingPreferenceSteps(prefix: string): Step[] {
  return [
    { id: "days", type: "multi", prompt: `${prefix}-days`, options: options(DAYS) },
    { id: "times", type: "multi", prompt: `${prefix}-times`, options: options(DAY_PARTS) },
    { id: "frequency", type: "choice", prompt: `${prefix}-frequency`, options: options(FREQUENCIES) },
    { id: "formats", type: "multi", prompt: `${prefix}-formats`, options: options(MEETING_FORMATS) },
  ];
}

export function requirePerson(ctx: FlowContext): string {
  if (!ctx.personId) throw new Error("form answered without a person");
  return ctx.personId;
}

export function param(ctx: FlowContext, name: string): string {
  const value = ctx.params[name];
  if (typeof value !== "string" || !value) throw new Error(`form started without ${name}`);
  return value;
}

/** Stores the submitted answers of a form started for a programme and a subject. */
export async function saveResponse(flow: AppFlow, answers: Answers, ctx: FlowContext, services: Services): Promise<{ created: boolean }> {
  return services.forms.submit({
    personId: requirePerson(ctx),
    programmeId: param(ctx, "programmeId"),
    formId: flow.id,
    formVersion: flow.version,
    subjectKey: typeof ctx.params.subjectKey === "string" ? ctx.params.subjectKey : "",
    answers,
  });
}

export const thanks = (key: string, args?: Record<string, string | number>): HookResult => ({ messages: [[{ key, args }]] });
