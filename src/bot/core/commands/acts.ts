import { formatDate, formatDateTime, localDate } from "../../../domain/time.js";
import { buildActsWorkbook, type ActSheetRow } from "../../../reports/index.js";
import type { ActRow } from "../../../store/destruction-acts.js";
import type { Services } from "../../../usecases/services.js";
import { defineCommand, type AuditTarget } from "./registry.js";
import { programme, report, type AdministratorObject, type CuratorSideObject, type ProgrammeObject } from "./scopes.js";
import type { Session } from "../session.js";

/**
 * The acts of destruction of personal data (src/store/destruction-acts.ts), for those who answer
 * for them: the administrator of the organisation — its operator — gets them all as a workbook
 * with the extract from the processing log (`/export acts`), and a curator the acts of their
 * programmes' people (`/acts` lists the latest, `/export acts` gives the workbook). A district's
 * or region's administrator is no operator of a school's data and is refused. Acts name no one.
 */

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const LISTED = 20;
export const OPERATOR_ONLY = "acts-operator-only";

/** `/export acts`, typed in either language. */
export function isActsArgument(rest: string): boolean {
  return /^(acts|акты)$/i.test(rest.trim());
}

type Requester = AdministratorObject | CuratorSideObject | ProgrammeObject;

type Found = { ok: true; acts: ActRow[]; timeZone: string; target: AuditTarget } | { ok: false; key: string; target?: AuditTarget };

/** The acts the person may see: of the administrator's organisation, of the curator's programme (or of all their programmes). */
async function actsOf(services: Services, who: Requester, actorId: string, limit?: number): Promise<Found> {
  if (who.kind === "administrator") {
    const { admin } = who;
    if (admin.scope !== "organisation" || !admin.organisationId) return { ok: false, key: OPERATOR_ONLY, target: { type: "administrator", id: admin.id } };
    return { ok: true, acts: await services.acts.ofOrganisations([admin.organisationId], limit), timeZone: admin.timezone, target: { type: "organisation", id: admin.organisationId } };
  }
  const programmeIds = who.kind === "programme" ? [who.programmeId] : (await services.participants.curatedProgrammes(actorId)).map((p) => p.id);
  const first = programmeIds[0] ? await services.participants.programme(programmeIds[0]) : null;
  return {
    ok: true,
    acts: await services.acts.ofProgrammes(programmeIds, limit),
    timeZone: first?.timezone ?? "Europe/Moscow",
    target: who.kind === "programme" ? { type: "programme", id: who.programmeId, programmeId: who.programmeId } : { type: "programmes", id: programmeIds.join(",").slice(0, 500) },
  };
}

/** The acts with the names of their organisations and programmes, as the workbook shows them. */
async function sheetRows(services: Services, acts: readonly ActRow[]): Promise<ActSheetRow[]> {
  const names = await services.acts.names(acts);
  return acts.map((a) => ({
    number: a.number,
    subjectId: a.subjectId,
    roles: a.roles,
    organisations: a.organisationIds.map((id) => names.organisations.get(id) ?? id),
    programmes: a.programmeIds.map((id) => names.programmes.get(id) ?? id),
    reason: a.reason,
    reasonAt: a.reasonAt,
    categories: a.categories,
    method: a.method,
    process: a.process,
    destroyedAt: a.destroyedAt,
    log: a.logExtract,
  }));
}

export type ActsExport = { ok: true; acts: number; target: AuditTarget } | { ok: false; key: string; target?: AuditTarget };

/** `/export acts`: the workbook of the acts and the log's extract, as a document in the chat. */
export async function exportActs(session: Session, services: Services, who: Requester, actorId: string, now: Date): Promise<ActsExport> {
  const found = await actsOf(services, who, actorId);
  if (!found.ok) return found;
  const content = await buildActsWorkbook(await sheetRows(services, found.acts), session.t, found.timeZone);
  session.push({
    text: session.t("acts-export-caption", { count: found.acts.length, date: formatDate(now, found.timeZone) }),
    document: { filename: `nastavnik-acts-${localDate(now, found.timeZone)}.xlsx`, mimeType: XLSX_MIME, content },
  });
  return { ok: true, acts: found.acts.length, target: found.target };
}

/** /acts: the latest acts of destruction of the curator's programme or the administrator's organisation. */
export const actsCommand = defineCommand({
  name: "acts",
  description: "cmd-acts",
  audience: ["curator", "administrator"],
  help: "curator",
  scope: report({ curator: programme() }),
  audit: ["report.acts", "curator.acts", "admin.acts"],
  async run(ctx) {
    const { session, deps, object: who } = ctx;
    const action = who.kind === "administrator" ? "admin.acts" : "curator.acts";
    const found = await actsOf(deps.services, who, ctx.actor, LISTED);
    if (!found.ok) return ctx.denied({ action, key: found.key, target: found.target });
    const t = session.t;
    const names = await deps.services.acts.names(found.acts);
    const lines = found.acts.map((a) =>
      t("acts-line", {
        number: a.number,
        date: formatDateTime(a.destroyedAt, found.timeZone),
        subject: a.subjectId,
        roles: a.roles.map((r) => t(`role-${r}`)).join(", "),
        programmes: a.programmeIds.map((id) => names.programmes.get(id) ?? id).join(", "),
        reason: t(`acts-reason-${a.reason}`),
        categories: a.categories.length,
      }),
    );
    session.sayText([t("acts-title", { count: found.acts.length }), lines.length ? lines.join("\n") : t("acts-none"), t("acts-hint")].join("\n\n"));
    return ctx.allowed({ action, target: found.target, details: { acts: found.acts.length } });
  },
});

export const actsCommands = [actsCommand];
