/** Optional sheet of the monitoring indicators (003): one row per indicator, one column per scope. */
import { flattenIndicators, INDICATOR_KEYS, isPercentKey } from "../domain/indicators/flatten.js";
import type { IndicatorSet } from "../domain/indicators/result-types.js";
import { column } from "./columns.js";
import { INDICATOR_LABEL_KEYS } from "./indicator-labels.js";
import type { SheetModel } from "./sheet-model.js";
import type { Translate } from "./translate.js";

export interface IndicatorColumn {
  /** Programme, organisation, district or region name. */
  label: string;
  indicators: IndicatorSet;
}

/** Percentages are rounded to one decimal; "no data" is written as text. */
export function indicatorSheet(scopes: readonly IndicatorColumn[], t: Translate): SheetModel {
  const flat = scopes.map((s) => flattenIndicators(s.indicators));
  return {
    id: "indicators",
    name: t("report-sheet-indicators"),
    columns: [
      column(t, "report-col-number", 6, "integer"),
      column(t, "report-col-indicator", 60),
      ...scopes.map((s) => ({ header: s.label, width: Math.max(14, Math.min(30, s.label.length + 2)), kind: "decimal" as const })),
    ],
    rows: INDICATOR_KEYS.map((key, i) => [
      i + 1,
      t(INDICATOR_LABEL_KEYS[key]),
      ...flat.map((values) => {
        const v = values[key];
        if (v === null) return t("report-no-data");
        return isPercentKey(key) ? Math.round(v * 10) / 10 : v;
      }),
    ]),
  };
}
