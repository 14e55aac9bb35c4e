import type { PrismaClient } from "../db/client.js";
import { inAdminScope, scopeIsSet, type AdminScopeKind, type AdminScopeRef } from "../domain/admin-scope.js";

export interface AdministratorRow extends AdminScopeRef {
  id: string;
  personId: string;
  scope: AdminScopeKind;
  timezone: string;
  digestWeekday: number;
  digestHour: number;
  digestPaused: boolean;
}

export interface ScopedOrganisation {
  id: string;
  name: string;
  district: string | null;
  region: string | null;
  timezone: string;
}

const ADMIN = {
  id: true,
  personId: true,
  scope: true,
  organisationId: true,
  district: true,
  region: true,
  timezone: true,
  digestWeekday: true,
  digestHour: true,
  digestPaused: true,
} as const;

/**
 * Who sees what: an administrator's organisations (organisation, district or region scope, see
 * src/domain/admin-scope.ts), the administrators themselves and their digest settings.
 */
export class Scopes {
  constructor(private readonly prisma: PrismaClient) {}

  /** The person's administrator roles (a person may hold several), oldest first. */
  async administratorsOf(personId: string): Promise<AdministratorRow[]> {
    return this.prisma.administrator.findMany({ where: { personId }, select: ADMIN, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  }

  async administrator(id: string): Promise<AdministratorRow | null> {
    return this.prisma.administrator.findUnique({ where: { id }, select: ADMIN });
  }

  /** Every administrator whose person still exists (for the digest schedule). */
  async allAdministrators(): Promise<AdministratorRow[]> {
    return this.prisma.administrator.findMany({ where: { person: { erasedAt: null } }, select: ADMIN, orderBy: { createdAt: "asc" } });
  }

  /** The organisations in the administrator's scope, by name. */
  async organisationsOf(admin: AdminScopeRef): Promise<ScopedOrganisation[]> {
    if (!scopeIsSet(admin)) return [];
    const where =
      admin.scope === "organisation" ? { id: admin.organisationId! } : {};
    const rows = await this.prisma.organisation.findMany({
      where,
      select: { id: true, name: true, district: true, region: true, timezone: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return rows.filter((o) => inAdminScope(admin, o));
  }

  async inScope(admin: AdminScopeRef, organisationId: string): Promise<boolean> {
    const org = await this.prisma.organisation.findUnique({ where: { id: organisationId }, select: { id: true, district: true, region: true } });
    return !!org && inAdminScope(admin, org);
  }

  /** The name of the scope for people: the organisation's name, the district or the region. */
  async scopeName(admin: AdminScopeRef): Promise<string> {
    if (admin.scope === "organisation") {
      const org = admin.organisationId ? await this.prisma.organisation.findUnique({ where: { id: admin.organisationId }, select: { name: true } }) : null;
      return org?.name ?? "—";
    }
    if (admin.scope === "district") return admin.region ? `${admin.district ?? "—"} (${admin.region})` : (admin.district ?? "—");
    return admin.region ?? "—";
  }
}
