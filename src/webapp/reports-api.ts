import { scopeWorkbook } from "../bot/core/commands/region-reports.js";
import { indicatorsOfOrganisations, organisationIndicators, programmeIndicators } from "../domain/indicators/by-scope.js";
import { flattenIndicators, INDICATOR_KEYS } from "../domain/indicators/index.js";
import { TARGET_PERCENT } from "../domain/indicators/shares.js";
import { organisationsChart } from "../domain/digest/chart.js";
import { indicatorChartOption } from "../reports/chart/indicator-chart.js";
import { localDate } from "../domain/time.js";
import type { I18n } from "../i18n/index.js";
import { buildWorkbook, INDICATOR_LABEL_KEYS, type IndicatorColumn } from "../reports/index.js";
import type { Services } from "../usecases/services.js";
import type { Access } from "./access.js";
import type { Viewer } from "./auth.js";

/**
 * The reports of the web app: an administrator's scope with the indicators of seed 003 for it
 * and for each organisation, against the 70 % targets; the downloads of /export — a curator's
 * workbook of one programme (bases, pairs, meetings, Forms 1–5, indicators) and an
 * administrator's RNC forms of the scope (no one's names), built by the same code as the command.
 */

export interface FileAnswer {
  filename: string;
  mimeType: string;
  content: Buffer;
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export class ReportsApi {
  constructor(private readonly deps: { services: Services; i18n: I18n; access: Access }) {}

  /** The scope's organisations with their indicators, and the digest's chart of them as an ECharts option (`dark`: for a dark page). */
  async scopeOverview(viewer: Viewer, administratorId: string, dark = false) {
    const { services, access, i18n } = this.deps;
    const admin = await access.administrator(viewer, administratorId, "admin.stats");
    const organisations = await services.scopes.organisationsOf(admin);
    const ids = organisations.map((o) => o.id);
    const loaded = await services.indicatorData.load({ organisationIds: ids });
    const t = i18n.translator(viewer.language);
    await access.allowed(viewer, { action: "admin.stats", targetType: "administrator", targetId: admin.id, details: { organisations: ids.length } });
    const scopeName = await services.scopes.scopeName(admin);
    const perOrganisation = organisations.map((o) => ({ id: o.id, name: o.name, district: o.district, indicators: organisationIndicators(loaded.data, o.id) }));
    return {
      scope: { id: admin.id, kind: admin.scope, name: scopeName },
      // The same chart as the digest's picture, drawn by the page.
      chart: perOrganisation.length > 1 ? indicatorChartOption(organisationsChart(perOrganisation), t, { scope: scopeName, dark }) : null,
      target: TARGET_PERCENT,
      labels: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, t(INDICATOR_LABEL_KEYS[k])])),
      total: flattenIndicators(indicatorsOfOrganisations(loaded.data, ids)),
      organisations: perOrganisation.map((o) => ({ id: o.id, name: o.name, district: o.district, indicators: flattenIndicators(o.indicators) })),
    };
  }

  async scopeExport(viewer: Viewer, administratorId: string): Promise<FileAnswer> {
    const { services, access, i18n } = this.deps;
    const admin = await access.administrator(viewer, administratorId, "admin.export");
    const { input, organisations } = await scopeWorkbook(services, admin);
    const content = await buildWorkbook(input, i18n.translator(viewer.language), { timeZone: admin.timezone, bases: false });
    await access.allowed(viewer, { action: "admin.export", targetType: "administrator", targetId: admin.id, details: { format: "xlsx", organisations } });
    return { filename: `nastavnik-rnc-${localDate(services.now(), admin.timezone)}.xlsx`, mimeType: XLSX_MIME, content };
  }

  async programmeExport(viewer: Viewer, programmeId: string): Promise<FileAnswer> {
    const { services, access, i18n } = this.deps;
    await access.curator(viewer, programmeId, "curator.export");
    const t = i18n.translator(viewer.language);
    const loaded = await services.indicatorData.load({ programmeIds: [programmeId] });
    const rows = await services.indicatorData.workbookRows(loaded, t);
    const indicators: IndicatorColumn[] = loaded.programmes.map((p) => ({ label: p.name, indicators: programmeIndicators(loaded.data, p.id) }));
    const content = await buildWorkbook({ data: loaded.data, ...rows, indicators }, t, { timeZone: loaded.timezone, bases: true });
    await access.allowed(viewer, {
      action: "curator.export",
      targetType: "programmes",
      targetId: programmeId,
      programmeId,
      details: { format: "xlsx", mentors: rows.mentors.length, mentees: rows.mentees.length, pairs: rows.pairs.length, meetings: rows.meetings.length },
    });
    return { filename: `nastavnik-${localDate(services.now(), loaded.timezone)}.xlsx`, mimeType: XLSX_MIME, content };
  }
}
