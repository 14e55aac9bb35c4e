/**
 * A language-resolved table, written to .xlsx by xlsx-writer.ts and to CSV by csv-writer.ts.
 *
 * Dates are wall-clock values: their UTC fields hold the local date and time to show, so both
 * writers print them without any further time-zone conversion.
 */
export type CellValue = string | number | Date | null;

export type ColumnKind = "text" | "integer" | "decimal" | "date" | "datetime";

export interface SheetColumn {
  header: string;
  /** Upper header shared by consecutive columns with the same group (e.g. «Количество вовлеченных в программу»). */
  group?: string;
  /** Width in characters. */
  width: number;
  kind: ColumnKind;
}

export const SHEET_IDS = [
  "mentors",
  "mentees",
  "pairs",
  "meetings",
  "form1",
  "form2",
  "form3",
  "form4",
  "form5",
  "form-other",
  "indicators",
  "acts",
  "acts-log",
] as const;
export type SheetId = (typeof SHEET_IDS)[number];

export interface SheetModel {
  id: SheetId;
  /** Sheet name, at most 31 characters, no []:*?/\ (see sheet-names.ts). */
  name: string;
  /** Optional title above the header (the forms' captions of 004). Not written to CSV. */
  title?: string;
  columns: SheetColumn[];
  rows: CellValue[][];
  /** Total row, written after the rows in bold. */
  total?: CellValue[];
}

/** Header text of a column as one line: "group: header" when grouped (CSV). */
export function flatHeader(column: SheetColumn): string {
  return column.group === undefined ? column.header : `${column.group}: ${column.header}`;
}
