/** The curator's working sheets: bases of mentors and mentees, pairs and groups, meetings. */
import type { MeetingRow, MenteeBaseRow, MentorBaseRow, PairRow } from "./base-rows.js";
import { column, joinNames, yesNo } from "./columns.js";
import type { SheetModel } from "./sheet-model.js";
import type { Translate } from "./translate.js";
import { calendarDate, wallClock } from "./wall-clock.js";

function dateOrNull(date: Date | null): Date | null {
  return date === null ? null : calendarDate(date);
}

export function mentorsSheet(rows: readonly MentorBaseRow[], t: Translate): SheetModel {
  return {
    id: "mentors",
    name: t("report-sheet-mentors"),
    columns: [
      column(t, "report-col-mentor-full-name", 30),
      column(t, "report-col-organisation", 30),
      column(t, "report-col-programme", 30),
      column(t, "report-col-mentorship-form", 24),
      column(t, "report-col-category", 20),
      column(t, "report-col-age", 9, "integer"),
      column(t, "report-col-place-of-work-or-study", 30),
      column(t, "report-col-position-or-speciality", 28),
      column(t, "report-col-competencies", 36),
      column(t, "report-col-mentees", 36),
      column(t, "report-col-joined-on", 14, "date"),
      column(t, "report-col-completed-cycle", 16),
    ],
    rows: rows.map((r) => [
      r.fullName,
      r.organisation,
      r.programme,
      t(`report-mentorship-form-${r.form}`),
      t(`report-category-${r.category}`),
      r.age,
      r.placeOfWorkOrStudy,
      r.positionOrSpeciality,
      r.competencies,
      joinNames(r.mentees),
      dateOrNull(r.joinedOn),
      yesNo(t, r.completedCycle),
    ]),
  };
}

export function menteesSheet(rows: readonly MenteeBaseRow[], t: Translate): SheetModel {
  return {
    id: "mentees",
    name: t("report-sheet-mentees"),
    columns: [
      column(t, "report-col-mentee-full-name", 30),
      column(t, "report-col-organisation", 30),
      column(t, "report-col-programme", 30),
      column(t, "report-col-mentorship-form", 24),
      column(t, "report-col-category", 20),
      column(t, "report-col-age", 9, "integer"),
      column(t, "report-col-request", 40),
      column(t, "report-col-mentor", 30),
      column(t, "report-col-joined-on", 14, "date"),
      column(t, "report-col-participant-result", 40),
      column(t, "report-col-completed-cycle", 16),
    ],
    rows: rows.map((r) => [
      r.fullName,
      r.organisation,
      r.programme,
      t(`report-mentorship-form-${r.form}`),
      t(`report-category-${r.category}`),
      r.age,
      r.request,
      r.mentor,
      dateOrNull(r.joinedOn),
      r.result,
      yesNo(t, r.completedCycle),
    ]),
  };
}

export function pairsSheet(rows: readonly PairRow[], t: Translate): SheetModel {
  return {
    id: "pairs",
    name: t("report-sheet-pairs"),
    columns: [
      column(t, "report-col-programme", 30),
      column(t, "report-col-mentorship-form", 24),
      column(t, "report-col-pair-kind", 12),
      column(t, "report-col-mentor", 30),
      column(t, "report-col-mentees", 40),
      column(t, "report-col-mentees-count", 14, "integer"),
      column(t, "report-col-pair-status", 22),
      column(t, "report-col-probation", 14),
      column(t, "report-col-started-on", 14, "date"),
      column(t, "report-col-ended-on", 14, "date"),
      column(t, "report-col-end-reason", 26),
    ],
    rows: rows.map((r) => [
      r.programme,
      t(`report-mentorship-form-${r.form}`),
      t(r.mentees.length > 1 ? "report-pair-kind-group" : "report-pair-kind-pair"),
      r.mentor,
      joinNames(r.mentees),
      r.mentees.length,
      t(`report-pair-status-${r.status}`),
      yesNo(t, r.probation),
      dateOrNull(r.startedOn),
      dateOrNull(r.endedOn),
      r.endReason === null ? null : t(`report-end-reason-${r.endReason}`),
    ]),
  };
}

export function meetingsSheet(rows: readonly MeetingRow[], t: Translate, timeZone: string): SheetModel {
  return {
    id: "meetings",
    name: t("report-sheet-meetings"),
    columns: [
      column(t, "report-col-programme", 30),
      column(t, "report-col-mentor", 30),
      column(t, "report-col-mentees", 36),
      column(t, "report-col-starts-at", 18, "datetime"),
      column(t, "report-col-meeting-stage", 22),
      column(t, "report-col-meeting-status", 16),
      column(t, "report-col-meeting-place", 24),
      column(t, "report-col-mentor-feedback", 40),
      column(t, "report-col-mentee-feedback", 40),
      column(t, "report-col-mentee-rating", 14, "decimal"),
    ],
    rows: rows.map((r) => [
      r.programme,
      r.mentor,
      joinNames(r.mentees),
      wallClock(r.startsAt, timeZone),
      t(`report-pair-status-${r.stage}`),
      t(`report-meeting-status-${r.status}`),
      r.place,
      r.mentorFeedback,
      r.menteeFeedback,
      r.menteeRating,
    ]),
  };
}
