/**
 * What an administrator sees (000 §5–7, 004 "Схема взаимодействия"): the head of an
 * organisation sees that organisation, a municipal body its district, the regional mentoring
 * centre (РНЦ) its region. Pure; the store filters organisations with it.
 *
 * A scope that names nothing (a district scope without a district, a region scope without a
 * region) sees nothing: access is never widened by missing data.
 */
export type AdminScopeKind = "organisation" | "district" | "region";

export interface AdminScopeRef {
  scope: AdminScopeKind;
  organisationId: string | null;
  district: string | null;
  region: string | null;
}

export interface OrganisationPlace {
  id: string;
  district: string | null;
  region: string | null;
}

function same(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLocaleLowerCase("ru") === b.trim().toLocaleLowerCase("ru");
}

/** The scope names something it could contain. */
export function scopeIsSet(admin: AdminScopeRef): boolean {
  switch (admin.scope) {
    case "organisation":
      return !!admin.organisationId;
    case "district":
      // District names repeat across regions: a district scope names its region too.
      return !!admin.district?.trim() && !!admin.region?.trim();
    case "region":
      return !!admin.region?.trim();
  }
}

/** Whether the organisation is in the administrator's scope. */
export function inAdminScope(admin: AdminScopeRef, org: OrganisationPlace): boolean {
  if (!scopeIsSet(admin)) return false;
  switch (admin.scope) {
    case "organisation":
      return org.id === admin.organisationId;
    case "district":
      return same(org.district, admin.district) && same(org.region, admin.region);
    case "region":
      return same(org.region, admin.region);
  }
}

/**
 * Key of the scope's indicator snapshots (IndicatorSnapshot.scopeKey):
 * "organisation:<id>" | "district:<name>" (| "district:<name>@<region>") | "region:<name>".
 */
export function scopeKeyOf(admin: AdminScopeRef): string {
  switch (admin.scope) {
    case "organisation":
      return `organisation:${admin.organisationId ?? ""}`;
    case "district":
      return admin.region ? `district:${admin.district ?? ""}@${admin.region}` : `district:${admin.district ?? ""}`;
    case "region":
      return `region:${admin.region ?? ""}`;
  }
}

/** Key of the record of one administrator's digests (what they were shown, for next week's comparison). */
export function digestRecordKey(administratorId: string): string {
  return `digest:${administratorId}`;
}
