import type { MentorshipData } from "../indicators/input-types.js";
import { form1, type Form1 } from "./form1.js";
import { programmeForms, type ProgrammeForm } from "./programme-forms.js";
import type { RncProgrammeForm } from "./rnc-forms.js";

export * from "./rnc-forms.js";
export * from "./mentor-details.js";
export { form1, type Form1 } from "./form1.js";
export {
  programmeForm,
  type ProgrammeForm,
  } from "./programme-forms.js";

export interface RncForms {
  form1: Form1;
  programmeForms: Record<RncProgrammeForm, ProgrammeForm>;
}

/** All accounting forms of 004 for the given data (Form 1 lists all its organisations). */
export function rncForms(data: MentorshipData): RncForms {
  return { form1: form1(data.organisations), programmeForms: programmeForms(data) };
}
