/** Sheets of the RNC accounting forms (004): Form 1, Forms 2–5 and the extra form. */
import type { Form1, MentorDetail, ProgrammeForm, RncProgrammeForm } from "../domain/reports/index.js";
import type { MentorshipForm } from "../domain/roles.js";
import { column } from "./columns.js";
import type { CellValue, SheetColumn, SheetModel } from "./sheet-model.js";
import type { Translate } from "./translate.js";

const INVOLVED = "report-col-involved";

export function form1Sheet(form: Form1, t: Translate): SheetModel {
  return {
    id: "form1",
    name: t("report-sheet-form1"),
    title: t("report-title-form1"),
    columns: [
      column(t, "report-col-district", 22),
      column(t, "report-col-organisations", 34),
      column(t, "report-col-head-contacts", 40),
      column(t, "report-col-children-10-19", 20, "integer"),
      column(t, "report-col-teachers", 20, "integer"),
      column(t, "report-col-young-specialists", 24, "integer"),
    ],
    rows: form.rows.map((r) => [
      r.district,
      r.organisation,
      r.headContacts,
      r.childrenAged10to19,
      r.teachers,
      r.youngSpecialists,
    ]),
    total: [t("report-total"), null, null, form.total.childrenAged10to19, form.total.teachers, form.total.youngSpecialists],
  };
}

/** «Колледж, специальность, 2 курс» / «место работы, должность», with "(N people)" when shared. */
export function describeMentor(detail: MentorDetail, t: Translate): string {
  const parts =
    detail.kind === "study"
      ? [detail.college, detail.speciality, detail.year === null ? null : t("report-mentor-year", { year: detail.year })]
      : [detail.workplace, detail.position];
  const text = parts.filter((p): p is string => p !== null).join(", ");
  return detail.count > 1 ? t("report-mentor-detail-count", { detail: text, count: detail.count }) : text;
}

const SHEET_OF: Record<RncProgrammeForm, { id: SheetModel["id"]; number: number | null; form: MentorshipForm | null }> = {
  form2: { id: "form2", number: 2, form: "pupil_pupil" },
  form3: { id: "form3", number: 3, form: "teacher_teacher" },
  form4: { id: "form4", number: 4, form: "student_pupil" },
  form5: { id: "form5", number: 5, form: "employer_pupil" },
  other: { id: "form-other", number: null, form: null },
};

const DETAILS_HEADER: Partial<Record<RncProgrammeForm, string>> = {
  form4: "report-col-mentors-study",
  form5: "report-col-mentors-workplace",
  other: "report-col-mentors-other",
};

/**
 * Columns of 004 Forms 2–5: district, organisation, programme name, «Количество вовлеченных в
 * программу» (наставников | наставляемых), «Результат программы». Forms 4–5 and the extra form
 * add the mentors' description next to their number; the extra form adds the form of mentorship.
 */
export function programmeFormSheet(form: ProgrammeForm, t: Translate): SheetModel {
  const sheet = SHEET_OF[form.form];
  const detailsKey = DETAILS_HEADER[form.form];
  const isOther = form.form === "other";
  const columns: SheetColumn[] = [
    column(t, "report-col-district", 22),
    column(t, "report-col-organisations", 30),
    column(t, "report-col-programme-name", 32),
  ];
  if (isOther) columns.push(column(t, "report-col-mentorship-form", 26));
  columns.push(column(t, "report-col-involved-mentors", 14, "integer", INVOLVED));
  if (detailsKey !== undefined) columns.push(column(t, detailsKey, 40, "text", INVOLVED));
  columns.push(column(t, "report-col-involved-mentees", 14, "integer", INVOLVED));
  columns.push(column(t, "report-col-result", 50));

  const rowOf = (r: ProgrammeForm["rows"][number]): CellValue[] => [
    r.district,
    r.organisation,
    r.programme,
    ...(isOther ? [t(`report-mentorship-form-${r.form}`)] : []),
    r.mentors,
    ...(detailsKey !== undefined ? [r.mentorDetails.map((d) => describeMentor(d, t)).join("; ")] : []),
    r.mentees,
    r.result,
  ];
  const total: CellValue[] = [
    t("report-total"),
    null,
    null,
    ...(isOther ? [null] : []),
    form.total.mentors,
    ...(detailsKey !== undefined ? [null] : []),
    form.total.mentees,
    null,
  ];
  return {
    id: sheet.id,
    name: sheet.number === null ? t("report-sheet-form-other") : t("report-sheet-form", { number: sheet.number }),
    title:
      sheet.form === null || sheet.number === null
        ? t("report-title-form-other")
        : t("report-title-programme-form", { number: sheet.number, form: t(`report-mentorship-form-${sheet.form}`) }),
    columns,
    rows: form.rows.map(rowOf),
    total,
  };
}
