/**
 * The acts of destruction of personal data and the extract from the processing log
 * (Приказ Роскомнадзора от 28.10.2022 № 179), as two sheets of one workbook: one row per act
 * (the operator, the information system, the subject's internal id, the categories, the method,
 * the reason, the date), then one row per log entry of each act. Nobody is named: the subject
 * is an id, and the log holds ids, actions, times and counts.
 */
import type { ActLogEntry } from "../domain/retention.js";
import { column } from "./columns.js";
import type { SheetModel } from "./sheet-model.js";
import { uniqueSheetNames } from "./sheet-names.js";
import type { Translate } from "./translate.js";
import { wallClock } from "./wall-clock.js";

export interface ActSheetRow {
  number: number;
  subjectId: string;
  roles: readonly string[];
  /** The operators: the organisations' names. */
  organisations: readonly string[];
  programmes: readonly string[];
  reason: string;
  reasonAt: Date;
  categories: readonly string[];
  method: string;
  process: string;
  destroyedAt: Date;
  log: readonly ActLogEntry[];
}

export function actsSheet(acts: readonly ActSheetRow[], t: Translate, timeZone: string): SheetModel {
  return {
    id: "acts",
    name: t("acts-sheet-acts"),
    title: t("acts-sheet-acts-title"),
    columns: [
      column(t, "acts-col-number", 8, "integer"),
      column(t, "acts-col-destroyed-at", 18, "datetime"),
      column(t, "acts-col-operator", 32),
      column(t, "acts-col-system", 28),
      column(t, "acts-col-subject", 30),
      column(t, "acts-col-roles", 18),
      column(t, "acts-col-programmes", 30),
      column(t, "acts-col-categories", 48),
      column(t, "acts-col-method", 40),
      column(t, "acts-col-reason", 36),
      column(t, "acts-col-reason-at", 18, "datetime"),
      column(t, "acts-col-process", 30),
      column(t, "acts-col-log-entries", 10, "integer"),
    ],
    rows: acts.map((a) => [
      a.number,
      wallClock(a.destroyedAt, timeZone),
      a.organisations.join("; "),
      t("acts-system"),
      a.subjectId,
      a.roles.map((r) => t(`role-${r}`)).join(", "),
      a.programmes.join("; "),
      a.categories.map((c) => t(`acts-category-${c}`)).join("; "),
      t(`acts-method-${a.method}`),
      t(`acts-reason-${a.reason}`),
      wallClock(a.reasonAt, timeZone),
      t(`acts-process-${a.process}`),
      a.log.length,
    ]),
  };
}

export function actsLogSheet(acts: readonly ActSheetRow[], t: Translate, timeZone: string): SheetModel {
  return {
    id: "acts-log",
    name: t("acts-sheet-log"),
    title: t("acts-sheet-log-title"),
    columns: [
      column(t, "acts-col-number", 8, "integer"),
      column(t, "acts-col-subject", 30),
      column(t, "acts-col-entry", 10),
      column(t, "acts-col-entry-at", 18, "datetime"),
      column(t, "acts-col-action", 26),
      column(t, "acts-col-outcome", 12),
      column(t, "acts-col-actor", 30),
      column(t, "acts-col-target", 40),
      column(t, "acts-col-details", 48),
    ],
    rows: acts.flatMap((a) =>
      a.log.map((e) => [
        a.number,
        a.subjectId,
        e.id,
        wallClock(new Date(e.at), timeZone),
        e.action,
        e.outcome,
        e.actorId === null ? "" : e.actorId === a.subjectId ? t("acts-actor-subject") : e.actorId,
        [e.targetType, e.targetId].filter(Boolean).join(" "),
        JSON.stringify(e.details ?? {}),
      ]),
    ),
  };
}

/** The two sheets, named validly. */
export function actsSheets(acts: readonly ActSheetRow[], t: Translate, timeZone: string): SheetModel[] {
  const sheets = [actsSheet(acts, t, timeZone), actsLogSheet(acts, t, timeZone)];
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  return sheets.map((s, i) => ({ ...s, name: names[i] ?? s.name }));
}
