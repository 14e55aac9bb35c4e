/** Report files: the curator's/RNC workbook (.xlsx) and CSV per sheet. */
import { buildSheets, type SheetOptions, type WorkbookInput } from "./build-sheets.js";
import { buildCsv, type CsvOptions } from "./csv-writer.js";
import type { Translate } from "./translate.js";
import { writeXlsx } from "./xlsx-writer.js";
import { actsSheets, type ActSheetRow } from "./acts-sheets.js";

export type { Translate } from "./translate.js";
export * from "./base-rows.js";
export * from "./sheet-model.js";
export { buildSheets, type SheetOptions, type WorkbookInput } from "./build-sheets.js";
export { buildCsv, csvField, sheetToCsv, type CsvOptions } from "./csv-writer.js";
export { INDICATOR_LABEL_KEYS } from "./indicator-labels.js";
export type { IndicatorColumn } from "./indicator-sheet.js";
export { safeSheetName, uniqueSheetNames } from "./sheet-names.js";
export { digestContent, organisationLine, renderIndicatorList } from "./digest-text.js";
export type { ActSheetRow } from "./acts-sheets.js";

/** The whole workbook as an .xlsx file. */
export async function buildWorkbook(input: WorkbookInput, translate: Translate, options: SheetOptions = {}): Promise<Buffer> {
  return writeXlsx(buildSheets(input, translate, options));
}

/** The same sheets as CSV files, keyed by sheet name. */
export function buildCsvFiles(
  input: WorkbookInput,
  translate: Translate,
  options: SheetOptions & CsvOptions = {},
): Map<string, Buffer> {
  return buildCsv(buildSheets(input, translate, options), options);
}

/** The acts of destruction and the extract from the processing log, as an .xlsx file. */
export async function buildActsWorkbook(acts: readonly ActSheetRow[], translate: Translate, timeZone: string): Promise<Buffer> {
  return writeXlsx(actsSheets(acts, translate, timeZone));
}
