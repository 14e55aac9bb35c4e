/** Indicators per programme, organisation, district and region. */
import type { MentorshipData } from "./input-types.js";
import { indicatorSet } from "./indicator-set.js";
import type { IndicatorSet, ScopedIndicators } from "./result-types.js";
import { organisationsScope, programmeScope } from "./scope.js";

/** Indicators of one programme; Form 1 figures are those of its organisation. */
export function programmeIndicators(data: MentorshipData, programmeId: string): IndicatorSet {
  return indicatorSet(programmeScope(data, programmeId));
}

/** Indicators of one organisation: all its programmes, each person counted once. */
export function organisationIndicators(data: MentorshipData, organisationId: string): IndicatorSet {
  if (!data.organisations.some((o) => o.id === organisationId)) throw new Error(`Unknown organisation ${organisationId}`);
  return indicatorSet(organisationsScope(data, [organisationId]));
}

/** Indicators of any set of organisations, each person counted once across them. */
export function indicatorsOfOrganisations(data: MentorshipData, organisationIds: Iterable<string>): IndicatorSet {
  return indicatorSet(organisationsScope(data, organisationIds));
}

/** Indicators of a region (organisations whose `region` equals the name). */
export function regionIndicators(data: MentorshipData, region: string): IndicatorSet {
  return indicatorsOfOrganisations(
    data,
    data.organisations.filter((o) => o.region === region).map((o) => o.id),
  );
}

/** Indicators of a municipal district; the region disambiguates equal district names. */
export function districtIndicators(data: MentorshipData, district: string, region?: string | null): IndicatorSet {
  return indicatorsOfOrganisations(
    data,
    data.organisations
      .filter((o) => o.district === district && (region === undefined || o.region === region))
      .map((o) => o.id),
  );
}

/** Every programme, organisation, district and region of the data, in a stable order. */
export function allIndicators(data: MentorshipData): ScopedIndicators[] {
  const result: ScopedIndicators[] = [];
  for (const p of data.programmes) {
    result.push({ scope: "programme", id: p.id, name: p.name, indicators: programmeIndicators(data, p.id) });
  }
  for (const o of data.organisations) {
    result.push({ scope: "organisation", id: o.id, name: o.name, indicators: organisationIndicators(data, o.id) });
  }
  const districts = new Map<string, { district: string; region: string | null }>();
  for (const o of data.organisations) {
    if (o.district !== null) districts.set(`${o.region ?? ""}\u0000${o.district}`, { district: o.district, region: o.region });
  }
  for (const { district, region } of districts.values()) {
    const name = region === null ? district : `${district} (${region})`;
    result.push({ scope: "district", id: name, name, indicators: districtIndicators(data, district, region) });
  }
  const regions = new Set(data.organisations.flatMap((o) => (o.region === null ? [] : [o.region])));
  for (const region of regions) {
    result.push({ scope: "region", id: region, name: region, indicators: regionIndicators(data, region) });
  }
  return result;
}
