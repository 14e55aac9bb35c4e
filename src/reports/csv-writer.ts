/**
 * CSV per sheet, RFC 4180: fields separated by commas, records by CRLF, fields with a
 * separator, quote, CR or LF enclosed in double quotes with inner quotes doubled. A UTF-8 BOM
 * goes first so that Excel reads Cyrillic correctly.
 *
 * Russian Excel splits columns on ";" when it opens a CSV by double-click; pass
 * `delimiter: ";"` for such users (the "sep=" line is not used: Excel then ignores the BOM).
 *
 * Free text typed by participants could start a formula in Excel (CSV injection), so a text
 * cell starting with = + - @ or a tab/CR gets a leading apostrophe. Numbers are left as is.
 */
import { formatTime, utcDate } from "../domain/time.js";
import { flatHeader, type CellValue, type ColumnKind, type SheetModel } from "./sheet-model.js";

export interface CsvOptions {
  delimiter?: "," | ";";
}

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's date is a wall-clock Date (its UTC fields hold the organisation's local time, src/reports/wall-clock.ts). */
function formatCellDate(date: Date, kind: ColumnKind): string {
  return kind === "datetime" ? `${utcDate(date)} ${formatTime(date, "UTC")}` : utcDate(date);
}

function text(value: CellValue, kind: ColumnKind): string {
  if (value === null) return "";
  if (value instanceof Date) return formatCellDate(value, kind);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One sheet as CSV text (with BOM): a single header line ("group: header"), rows, total row. */
export function sheetToCsv(sheet: SheetModel, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const kinds = sheet.columns.map((c) => c.kind);
  const line = (cells: readonly string[]): string => cells.map((c) => csvField(c, delimiter)).join(delimiter);
  const record = (values: readonly CellValue[]): string =>
    line(kinds.map((kind, i) => text(values[i] ?? null, kind)));
  const lines = [line(sheet.columns.map(flatHeader)), ...sheet.rows.map(record)];
  if (sheet.total !== undefined) lines.push(record(sheet.total));
  return BOM + lines.map((l) => `${l}\r\n`).join("");
}

/** One CSV file per sheet, keyed by the sheet's name. */
export function buildCsv(sheets: readonly SheetModel[], options: CsvOptions = {}): Map<string, Buffer> {
  return new Map(sheets.map((s) => [s.name, Buffer.from(sheetToCsv(s, options), "utf8")]));
}
