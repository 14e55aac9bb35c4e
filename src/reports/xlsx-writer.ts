/**
 * Writes sheet models to an .xlsx file with exceljs (the only I/O: producing a Buffer). exceljs is
 * loaded with the first workbook, not with the process: it is a third of the service's start-up.
 */
import type ExcelJS from "exceljs";
import type { CellValue, ColumnKind, SheetModel } from "./sheet-model.js";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF9E9E9E" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: "0",
  decimal: "0.0",
  date: "dd.mm.yyyy",
  datetime: "dd.mm.yyyy hh:mm",
};

function hasGroups(sheet: SheetModel): boolean {
  return sheet.columns.some((c) => c.group !== undefined);
}

/** Rows taken by the title and the header: the data starts right below them. */
export function headerRowCount(sheet: SheetModel): number {
  return (sheet.title === undefined ? 0 : 1) + (hasGroups(sheet) ? 2 : 1);
}

function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
}

function writeTitle(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  if (sheet.title === undefined) return;
  const cell = ws.getCell(1, 1);
  cell.value = sheet.title;
  cell.font = { bold: true, size: 12 };
  cell.alignment = { vertical: "middle", wrapText: true };
  if (sheet.columns.length > 1) ws.mergeCells(1, 1, 1, sheet.columns.length);
  ws.getRow(1).height = 36;
}

/** One header row, or two when columns are grouped (group above, merged; others merged down). */
function writeHeader(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const top = sheet.title === undefined ? 1 : 2;
  const grouped = hasGroups(sheet);
  sheet.columns.forEach((c, i) => {
    const col = i + 1;
    if (!grouped) {
      ws.getCell(top, col).value = c.header;
      return;
    }
    ws.getCell(top + 1, col).value = c.header;
    if (c.group === undefined) {
      ws.getCell(top, col).value = c.header;
      ws.mergeCells(top, col, top + 1, col);
    } else if (sheet.columns[i - 1]?.group !== c.group) {
      let last = i;
      while (sheet.columns[last + 1]?.group === c.group) last += 1;
      ws.getCell(top, col).value = c.group;
      if (last > i) ws.mergeCells(top, col, top, last + 1);
    }
  });
  for (let row = top; row < top + (grouped ? 2 : 1); row += 1) {
    for (let col = 1; col <= sheet.columns.length; col += 1) styleHeaderCell(ws.getCell(row, col));
  }
}

function writeRow(ws: ExcelJS.Worksheet, sheet: SheetModel, rowNumber: number, values: readonly CellValue[], total: boolean): void {
  sheet.columns.forEach((c, i) => {
    const cell = ws.getCell(rowNumber, i + 1);
    const value = values[i] ?? null;
    if (value !== null) cell.value = value;
    const format = NUMBER_FORMAT[c.kind];
    if (format !== undefined && (typeof value === "number" || value instanceof Date)) cell.numFmt = format;
    cell.border = BORDER;
    cell.alignment = { vertical: "top", wrapText: c.kind === "text" };
    if (total) {
      cell.font = { bold: true };
      cell.fill = TOTAL_FILL;
    }
  });
}

function addSheet(wb: ExcelJS.Workbook, sheet: SheetModel): void {
  const headerRows = headerRowCount(sheet);
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", xSplit: 0, ySplit: headerRows }] });
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  writeTitle(ws, sheet);
  writeHeader(ws, sheet);
  let row = headerRows + 1;
  for (const values of sheet.rows) writeRow(ws, sheet, row++, values, false);
  if (sheet.total !== undefined) writeRow(ws, sheet, row, sheet.total, true);
  if (!hasGroups(sheet) && sheet.title === undefined && sheet.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
}

export async function writeXlsx(sheets: readonly SheetModel[]): Promise<Buffer> {
  const { default: excel } = await import("exceljs");
  const wb = new excel.Workbook();
  wb.creator = "Nastavnik";
  for (const sheet of sheets) addSheet(wb, sheet);
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
