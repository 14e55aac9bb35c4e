import { telegramDeepLink, vkDeepLink } from "../../../domain/invitation.js";
import { indicatorsOfOrganisations, organisationIndicators, programmeIndicators } from "../../../domain/indicators/by-scope.js";
import { localDate, localParts } from "../../../domain/time.js";
import { buildCsv, buildSheets, buildWorkbook, renderIndicatorList, type IndicatorColumn, type WorkbookInput } from "../../../reports/index.js";
import type { AdministratorRow } from "../../../store/scope.js";
import type { ProgrammeMeeting } from "../../../store/programme-views.js";
import { commandPayload } from "../payload.js";
import type { Button } from "../types.js";
import { programmeScope, refuse } from "./curator.js";
import type { Command, CommandContext } from "./registry.js";

/**
 * The programme at a glance, for curators — and, where it makes sense, for administrators:
 *
 *   /meetings              upcoming and missed meetings of the curator's programme
 *   /invite [mentor|mentee] new invitation codes with Telegram and VK links
 *   /stats                 the indicators of seed 003 now (programme, or the administrator's scope)
 *   /export [csv]          the workbook: bases, pairs, meetings, Form 1 and Forms 2–5 of 004
 *                          (a curator may name one programme: P.<id>, as buttons do)
 *                          (curators: their programmes; administrators: the forms of their scope)
 *
 * A curator sees only the programmes they curate, an administrator only their scope; every
 * refusal is audited without personal data, and every read of personal data is audited.
 */

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ADMIN_ARG = /^A\.([a-z0-9]{6,40})$/;
const PROGRAMME_BUTTON = /^P\.[a-z0-9]{6,40}(\.|$)/;
const EXPORT_PROGRAMME = /^P\.([a-z0-9]{6,40})(?:[.\s]+csv)?$/i;
const UPCOMING_DAYS = 14;
const MISSED_DAYS = 30;
const MEETING_GRACE_HOURS = 24;
const MEETINGS_LIMIT = 15;

function dateOf(d: Date, tz: string): string {
  return localDate(d, tz).split("-").reverse().join(".");
}

function dateTimeOf(d: Date, tz: string): string {
  const p = localParts(d, tz);
  return `${dateOf(d, tz)} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

async function refuseReports(ctx: CommandContext, action: string, target?: { type: string; id: string }): Promise<void> {
  ctx.session.say("admin-reports-only");
  await ctx.deps.services.audit.record({ actorId: ctx.session.person?.id ?? null, action, outcome: "denied", targetType: target?.type, targetId: target?.id });
}

export type ReportAudience = { kind: "curator"; rest: string } | { kind: "admin"; admin: AdministratorRow; rest: string };

/**
 * Whether a report command is asked as a curator (of their programmes) or as an administrator
 * (of one of their scopes): `A.<administratorId>` names the scope, `C` the curator's side;
 * with both roles and nothing named, the person chooses with buttons. Null when refused or asked.
 */
export async function reportAudience(ctx: CommandContext, command: string, action: string, extra = ""): Promise<ReportAudience | null> {
  const { session, deps } = ctx;
  const personId = session.person?.id;
  const [selector = "", ...restWords] = ctx.args.trim().split(/\s+/);
  const [curated, admins] = personId ? await Promise.all([deps.services.participants.curatedProgrammes(personId), deps.services.scopes.administratorsOf(personId)]) : [[], []];
  const named = ADMIN_ARG.exec(selector);
  if (named) {
    const admin = admins.find((a) => a.id === named[1]);
    if (!admin) {
      await refuseReports(ctx, action, { type: "administrator", id: named[1]! });
      return null;
    }
    return { kind: "admin", admin, rest: restWords.join(" ") };
  }
  const rest = selector === "C" ? restWords.join(" ") : ctx.args.trim();
  // A programme named by a button (`P.<id>`, from the curator's choice of programme) is the curator's side.
  if (selector === "C" || PROGRAMME_BUTTON.test(selector) || !admins.length) {
    if (!curated.length) {
      await refuseReports(ctx, action);
      return null;
    }
    return { kind: "curator", rest };
  }
  if (!curated.length && admins.length === 1) return { kind: "admin", admin: admins[0]!, rest };
  const suffix = extra ? `.${extra}` : "";
  const buttons: Button[][] = [];
  if (curated.length) buttons.push([{ label: session.t("admin-choose-programmes"), payload: commandPayload(command, `C${suffix}`) }]);
  for (const a of admins.slice(0, 5)) {
    const name = await deps.services.scopes.scopeName(a);
    buttons.push([{ label: session.t("admin-choose-scope", { scope: name }).slice(0, session.limits.maxLabelLength), payload: commandPayload(command, `A.${a.id}${suffix}`) }]);
  }
  session.say("admin-choose-audience", undefined, buttons);
  return null;
}

/** Button arguments carry ".csv" after the selector (payloads have no spaces). */
function splitButtonArgs(args: string): string {
  return args.replace(/^(C|A\.[a-z0-9]+)\.(csv)$/, "$1 $2");
}

function meetingLine(ctx: CommandContext, m: ProgrammeMeeting, tz: string): string {
  const t = ctx.session.t;
  const noName = t("curator-no-name");
  return t("report-meeting-line", {
    date: dateTimeOf(m.startsAt, tz),
    mentor: m.mentorName ?? noName,
    mentees: m.menteeNames.map((n) => n ?? noName).join(", ") || "—",
    stage: t(`report-pair-status-${m.stage}`),
    status: t(`report-meeting-status-${m.status}`),
  });
}

/** /meetings: the programme's meetings in the next two weeks, and those missed or never marked in the last month. */
export const meetingsCommand: Command = {
  name: "meetings",
  description: "cmd-meetings",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scope = await programmeScope(ctx, "meetings", "curator.meetings");
    if (!scope) return;
    const programme = (await deps.services.participants.programme(scope.programmeId))!;
    const now = deps.now();
    const { upcoming, missed } = await deps.services.views.meetings([scope.programmeId], now, {
      until: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000),
      since: new Date(now.getTime() - MISSED_DAYS * 86_400_000),
      graceHours: MEETING_GRACE_HOURS,
      limit: MEETINGS_LIMIT,
    });
    const t = session.t;
    const tz = programme.timezone;
    session.sayText(
      [
        t("report-meetings-title", { programme: programme.name }),
        `${t("report-meetings-upcoming", { days: UPCOMING_DAYS })}\n${upcoming.length ? upcoming.map((m) => meetingLine(ctx, m, tz)).join("\n") : t("report-meetings-none")}`,
        `${t("report-meetings-missed", { days: MISSED_DAYS })}\n${missed.length ? missed.map((m) => meetingLine(ctx, m, tz)).join("\n") : t("report-meetings-none")}`,
      ].join("\n\n"),
    );
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.meetings", outcome: "allowed", targetType: "programme", targetId: scope.programmeId, programmeId: scope.programmeId, details: { upcoming: upcoming.length, missed: missed.length } });
  },
};

/** /invite [mentor|mentee]: new invitations to the programme, with a code and Telegram and VK links for each role. */
export const inviteCommand: Command = {
  name: "invite",
  description: "cmd-invite",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scope = await programmeScope(ctx, "invite", "curator.invite");
    if (!scope) return;
    const word = scope.rest.trim().toLowerCase();
    const roles = word === "" ? (["mentor", "mentee"] as const) : word === "mentor" || word === "наставник" ? (["mentor"] as const) : word === "mentee" || word === "наставляемый" ? (["mentee"] as const) : null;
    if (!roles) {
      session.say("report-invite-usage");
      return;
    }
    const programme = (await deps.services.participants.programme(scope.programmeId))!;
    if (programme.status === "finished") {
      session.say("report-invite-finished");
      return;
    }
    const links = deps.inviteLinks?.() ?? {};
    const t = session.t;
    const parts = [t("report-invite-title", { programme: programme.name })];
    const created: string[] = [];
    for (const role of roles) {
      const inv = await session.services.invitations.create({ programmeId: scope.programmeId, role });
      created.push(inv.id);
      const lines = [t(`report-invite-role-${role}`), t("report-invite-code", { code: inv.code })];
      lines.push(links.telegramBot ? `Telegram: ${telegramDeepLink(links.telegramBot, inv.code)}` : t("report-invite-no-telegram"));
      lines.push(links.vkGroupId ? `VK: ${vkDeepLink(links.vkGroupId, inv.code)}` : t("report-invite-no-vk"));
      parts.push(lines.join("\n"));
    }
    parts.push(t("report-invite-hint"));
    session.sayText(parts.join("\n\n"));
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.invite", outcome: "allowed", targetType: "programme", targetId: scope.programmeId, programmeId: scope.programmeId, details: { invitations: created.join(",") } });
  },
};

/** /stats: the indicators of seed 003 now — of a programme for its curator, of the scope for an administrator. */
export const statsCommand: Command = {
  name: "stats",
  description: "cmd-stats",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const who = await reportAudience(ctx, "stats", "report.stats");
    if (!who) return;
    const t = session.t;
    if (who.kind === "admin") {
      const organisations = await deps.services.scopes.organisationsOf(who.admin);
      const loaded = await deps.services.indicatorData.load({ organisationIds: organisations.map((o) => o.id) });
      const set = indicatorsOfOrganisations(loaded.data, organisations.map((o) => o.id));
      session.sayText(
        [t("report-stats-scope", { scope: await deps.services.scopes.scopeName(who.admin), count: organisations.length }), renderIndicatorList(set, t, session.lang), t("report-stats-rule")].join("\n\n"),
      );
      await deps.services.audit.record({ actorId: session.person!.id, action: "admin.stats", outcome: "allowed", targetType: "administrator", targetId: who.admin.id, details: { organisations: organisations.length } });
      return;
    }
    const scope = await programmeScope({ ...ctx, args: who.rest }, "stats", "report.stats");
    if (!scope) return;
    const programme = (await deps.services.participants.programme(scope.programmeId))!;
    const loaded = await deps.services.indicatorData.load({ programmeIds: [scope.programmeId] });
    if (!loaded.programmes.length) {
      session.say("report-stats-draft", { programme: programme.name });
      return;
    }
    const set = programmeIndicators(loaded.data, scope.programmeId);
    const completed = new Set(loaded.data.participants.filter((p) => p.completedCycle).map((p) => p.personId)).size;
    session.sayText(
      [
        t("report-stats-programme", { programme: programme.name, organisation: programme.organisationName }),
        t("report-stats-participants", { total: new Set(loaded.data.participants.map((p) => p.personId)).size, completed }),
        renderIndicatorList(set, t, session.lang),
        t("report-stats-rule"),
      ].join("\n\n"),
    );
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.stats", outcome: "allowed", targetType: "programme", targetId: scope.programmeId, programmeId: scope.programmeId });
  },
};

/**
 * /export [csv]: the workbook sent as a document in the chat (or one CSV per sheet).
 * Curators: all the programmes they curate — bases of mentors and mentees, pairs and groups,
 * meetings and feedback, Form 1 of their organisation, Forms 2–5 and the indicators.
 * Administrators: the forms of their scope (Form 1 one row per organisation, Forms 2–5 one row
 * per programme) and the indicators of the scope and of each organisation, without lists of people.
 * Only participants who completed the full cycle are counted, each person once (000 §9, 004).
 */
export const exportCommand: Command = {
  name: "export",
  description: "cmd-export",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const args = splitButtonArgs(ctx.args.trim());
    const csvWanted = /(^|[\s.])csv$/i.test(args);
    const who = await reportAudience({ ...ctx, args }, "export", "report.export", csvWanted ? "csv" : "");
    if (!who) return;
    // A curator may name one of their programmes (`/export P.<id>`, `P.<id>.csv` from a button).
    const named = who.kind === "curator" ? EXPORT_PROGRAMME.exec(who.rest.trim()) : null;
    if (who.rest.trim() !== "" && !/^csv$/i.test(who.rest.trim()) && !named) {
      session.say("report-export-usage");
      return;
    }
    const t = session.t;
    const now = deps.now();
    let input: WorkbookInput;
    let timeZone: string;
    let bases: boolean;
    let caption: string;
    let base: string;
    if (who.kind === "curator") {
      const curated = await deps.services.participants.curatedProgrammes(session.person!.id);
      if (named && !curated.some((p) => p.id === named[1])) {
        await refuse(ctx, "curator.export", { type: "programme", id: named[1]!, programmeId: named[1] });
        return;
      }
      const loaded = await deps.services.indicatorData.load({ programmeIds: named ? [named[1]!] : curated.map((p) => p.id) });
      const rows = await deps.services.indicatorData.workbookRows(loaded, t);
      const indicators: IndicatorColumn[] = [
        ...loaded.programmes.map((p) => ({ label: p.name, indicators: programmeIndicators(loaded.data, p.id) })),
        ...(loaded.data.organisations.length > 1 || loaded.programmes.length > 1 ? loaded.data.organisations.map((o) => ({ label: o.name, indicators: organisationIndicators(loaded.data, o.id) })) : []),
      ];
      input = { data: loaded.data, ...rows, indicators };
      timeZone = loaded.timezone;
      bases = true;
      base = `nastavnik-${localDate(now, timeZone)}`;
      caption = t("report-export-caption-curator", { programmes: loaded.programmes.length, date: dateOf(now, timeZone) });
      await deps.services.audit.record({
        actorId: session.person!.id,
        action: "curator.export",
        outcome: "allowed",
        targetType: "programmes",
        targetId: loaded.programmes.map((p) => p.id).join(",").slice(0, 500),
        details: { format: csvWanted ? "csv" : "xlsx", mentors: rows.mentors.length, mentees: rows.mentees.length, pairs: rows.pairs.length, meetings: rows.meetings.length },
      });
    } else {
      const organisations = await deps.services.scopes.organisationsOf(who.admin);
      const ids = organisations.map((o) => o.id);
      const loaded = await deps.services.indicatorData.load({ organisationIds: ids });
      const scopeName = await deps.services.scopes.scopeName(who.admin);
      input = {
        data: loaded.data,
        mentors: [],
        mentees: [],
        pairs: [],
        meetings: [],
        indicators: [
          { label: scopeName, indicators: indicatorsOfOrganisations(loaded.data, ids) },
          ...(organisations.length > 1 ? organisations.map((o) => ({ label: o.name, indicators: organisationIndicators(loaded.data, o.id) })) : []),
        ],
      };
      timeZone = who.admin.timezone;
      bases = false;
      base = `nastavnik-rnc-${localDate(now, timeZone)}`;
      caption = t("report-export-caption-admin", { scope: scopeName, organisations: organisations.length, date: dateOf(now, timeZone) });
      await deps.services.audit.record({ actorId: session.person!.id, action: "admin.export", outcome: "allowed", targetType: "administrator", targetId: who.admin.id, details: { format: csvWanted ? "csv" : "xlsx", organisations: organisations.length } });
    }
    if (csvWanted) {
      // One CSV per sheet; empty sheets are left out. Russian Excel splits columns on ";".
      const sheets = buildSheets(input, t, { timeZone, bases }).filter((sheet) => sheet.rows.length > 0);
      const files = buildCsv(sheets, { delimiter: session.lang === "ru" ? ";" : "," });
      session.sayText(`${caption}\n${t("report-export-csv", { count: sheets.length })}`);
      for (const sheet of sheets) {
        const filename = `${base}-${sheet.id}.csv`;
        session.push({ text: sheet.name, document: { filename, mimeType: "text/csv", content: files.get(sheet.name)! } });
      }
      return;
    }
    const content = await buildWorkbook(input, t, { timeZone, bases });
    session.push({ text: caption, document: { filename: `${base}.xlsx`, mimeType: XLSX_MIME, content } });
  },
};

export const reportCommands: Command[] = [meetingsCommand, inviteCommand, statsCommand, exportCommand];
