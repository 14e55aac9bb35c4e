/** Helpers shared by the sheet builders. */
import type { ColumnKind, SheetColumn } from "./sheet-model.js";
import type { Translate } from "./translate.js";

export function column(t: Translate, key: string, width: number, kind: ColumnKind = "text", group?: string): SheetColumn {
  const c: SheetColumn = { header: t(key), width, kind };
  if (group !== undefined) c.group = t(group);
  return c;
}

export function yesNo(t: Translate, value: boolean): string {
  return t(value ? "report-yes" : "report-no");
}

export function joinNames(names: readonly string[]): string {
  return names.join(", ");
}
