/** Everything the workbook contains, as language-resolved tables (see sheet-model.ts). */
import type { MentorshipData } from "../domain/indicators/input-types.js";
import { DEFAULT_TIMEZONE } from "../domain/time.js";
import { rncForms } from "../domain/reports/index.js";
import type { MeetingRow, MenteeBaseRow, MentorBaseRow, PairRow } from "./base-rows.js";
import { meetingsSheet, menteesSheet, mentorsSheet, pairsSheet } from "./base-sheets.js";
import { form1Sheet, programmeFormSheet } from "./form-sheets.js";
import { indicatorSheet, type IndicatorColumn } from "./indicator-sheet.js";
import type { SheetModel } from "./sheet-model.js";
import { uniqueSheetNames } from "./sheet-names.js";
import type { Translate } from "./translate.js";

export interface WorkbookInput {
  /** Source of the RNC forms (004): organisations, programmes, participants. */
  data: MentorshipData;
  mentors: readonly MentorBaseRow[];
  mentees: readonly MenteeBaseRow[];
  pairs: readonly PairRow[];
  meetings: readonly MeetingRow[];
  /** When given, an extra sheet of the monitoring indicators (003), one column per scope. */
  indicators?: readonly IndicatorColumn[];
}

export interface SheetOptions {
  /** Zone in which meeting times are shown; default Europe/Moscow. */
  timeZone?: string;
  /**
   * The bases of mentors and mentees, pairs and meetings (personal data) are written unless
   * this is false: an administrator's export carries the forms and indicators only.
   */
  bases?: boolean;
}

/**
 * Sheets in this order: base of mentors, base of mentees, pairs and groups, meetings and
 * feedback, Form 1, Forms 2–5, the extra form, and the indicators when asked for.
 */
export function buildSheets(input: WorkbookInput, t: Translate, options: SheetOptions = {}): SheetModel[] {
  const forms = rncForms(input.data);
  const bases: SheetModel[] =
    options.bases === false
      ? []
      : [
          mentorsSheet(input.mentors, t),
          menteesSheet(input.mentees, t),
          pairsSheet(input.pairs, t),
          meetingsSheet(input.meetings, t, options.timeZone ?? DEFAULT_TIMEZONE),
        ];
  const sheets: SheetModel[] = [
    ...bases,
    form1Sheet(forms.form1, t),
    programmeFormSheet(forms.programmeForms.form2, t),
    programmeFormSheet(forms.programmeForms.form3, t),
    programmeFormSheet(forms.programmeForms.form4, t),
    programmeFormSheet(forms.programmeForms.form5, t),
    programmeFormSheet(forms.programmeForms.other, t),
  ];
  if (input.indicators !== undefined) sheets.push(indicatorSheet(input.indicators, t));
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  return sheets.map((s, i) => ({ ...s, name: names[i] ?? s.name }));
}
