/**
 * The texts of the reports come from locales/<lang>/reports.ftl through this function, so the
 * app can pass its own i18n (`I18n.translator(lang)` fits this type).
 */
export type Translate = (key: string, args?: Record<string, string | number>) => string;
