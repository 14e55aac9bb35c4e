import { mapYielding } from "../../../store/yielding.js";
import { indicatorsOfOrganisations, organisationIndicators } from "../../../domain/indicators/by-scope.js";
import type { Translate } from "../../../i18n/index.js";
import { renderIndicatorList, type WorkbookInput } from "../../../reports/index.js";
import { inProgrammeNow, peopleCounts } from "../../../store/indicator-data.js";
import type { AdministratorRow } from "../../../store/scope.js";
import type { Services } from "../../../usecases/services.js";

/**
 * What an administrator's /stats and /export make of their scope (the region, a district or one
 * organisation): the indicators of the scope and of each organisation in it. The region
 * benchmark measures these same functions.
 */

/** /stats for an administrator: the scope, its people, the indicators (those of the full cycle beside those in a programme now). */
export async function scopeStats(services: Services, admin: AdministratorRow, t: Translate, lang: string): Promise<{ text: string; organisations: number }> {
  const organisations = await services.scopes.organisationsOf(admin);
  const ids = organisations.map((o) => o.id);
  const loaded = await services.indicatorData.load({ organisationIds: ids });
  const set = indicatorsOfOrganisations(loaded.data, ids);
  const now = indicatorsOfOrganisations(inProgrammeNow(loaded), ids);
  const text = [
    t("report-stats-scope", { scope: await services.scopes.scopeName(admin), count: organisations.length }),
    t("report-stats-participants", peopleCounts(loaded)),
    renderIndicatorList(set, t, lang, now),
    t("report-stats-rule"),
  ].join("\n\n");
  return { text, organisations: organisations.length };
}

/** /export for an administrator: the RNC forms of the scope and the indicators of the scope and of each organisation (no one's names). */
export async function scopeWorkbook(services: Services, admin: AdministratorRow): Promise<{ input: WorkbookInput; scopeName: string; organisations: number }> {
  const organisations = await services.scopes.organisationsOf(admin);
  const ids = organisations.map((o) => o.id);
  const loaded = await services.indicatorData.load({ organisationIds: ids });
  const scopeName = await services.scopes.scopeName(admin);
  const input: WorkbookInput = {
    data: loaded.data,
    mentors: [],
    mentees: [],
    pairs: [],
    meetings: [],
    indicators: [
      { label: scopeName, indicators: indicatorsOfOrganisations(loaded.data, ids) },
      ...(organisations.length > 1 ? await mapYielding(organisations, (o) => ({ label: o.name, indicators: organisationIndicators(loaded.data, o.id) })) : []),
    ],
  };
  return { input, scopeName, organisations: organisations.length };
}
