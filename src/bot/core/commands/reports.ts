import { invitationLinks } from "../../../platforms.js";
import { organisationIndicators, programmeIndicators } from "../../../domain/indicators/by-scope.js";
import { localDate, } from "../../../domain/time.js";
import { buildCsv, buildSheets, buildWorkbook, renderIndicatorList, type IndicatorColumn, type WorkbookInput } from "../../../reports/index.js";
import { inProgrammeNow, peopleCounts } from "../../../store/indicator-data.js";
import type { ProgrammeMeeting } from "../../../store/programme-views.js";
import { exportArgs, exportedProgramme, inviteRolesArg, withUsage } from "./codecs.js";
import { defineCommand, type AllowedNote, type CommandContext } from "./registry.js";
import { exportActs, isActsArgument } from "./acts.js";
import { scopeStats, scopeWorkbook } from "./region-reports.js";
import { CURATOR_ONLY, programme, report } from "./scopes.js";
import { formatDate, formatDateTime } from "../../../domain/time.js";

/**
 * The programme at a glance, for curators — and, where it makes sense, for administrators:
 *
 *   /meetings              upcoming and missed meetings of the curator's programme
 *   /invite [mentor|mentee] new invitation codes with a link for each messenger
 *   /stats                 the indicators of seed 003 now (programme, or the administrator's scope)
 *   /export [csv]          the workbook: bases, pairs, meetings, Form 1 and Forms 2–5 of 004
 *                          (a curator may name one programme: P.<id>, as buttons do)
 *                          (curators: their programmes; administrators: the forms of their scope)
 *   /export acts           the acts of destruction of personal data with the log's extract (acts.ts)
 *
 * A curator sees only the programmes they curate, an administrator only their scope (the
 * `report` scope asks which when a person is both); every refusal is audited without personal
 * data, and every read of personal data is audited.
 */

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const UPCOMING_DAYS = 14;
const MISSED_DAYS = 30;
const MEETING_GRACE_HOURS = 24;
const MEETINGS_LIMIT = 15;



function meetingLine(ctx: CommandContext, m: ProgrammeMeeting, tz: string): string {
  const t = ctx.session.t;
  const noName = t("curator-no-name");
  return t("report-meeting-line", {
    date: formatDateTime(m.startsAt, tz),
    mentor: m.mentorName ?? noName,
    mentees: m.menteeNames.map((n) => n ?? noName).join(", ") || "—",
    stage: t(`report-pair-status-${m.stage}`),
    status: t(`report-meeting-status-${m.status}`),
  });
}

/** /meetings: the programme's meetings in the next two weeks, and those missed or never marked in the last month. */
export const meetingsCommand = defineCommand({
  name: "meetings",
  description: "cmd-meetings",
  audience: "curator",
  scope: programme(),
  audit: "curator.meetings",
  async run(ctx) {
    const { session, deps } = ctx;
    const { programmeId } = ctx.object;
    const programme = (await deps.services.participants.programme(programmeId))!;
    const now = deps.now();
    const { upcoming, missed } = await deps.services.views.meetings([programmeId], now, {
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
    return ctx.allowed({ details: { upcoming: upcoming.length, missed: missed.length } });
  },
});

/** /invite [mentor|mentee]: new invitations to the programme, with a code and a link in each messenger for each role. */
export const inviteCommand = defineCommand({
  name: "invite",
  description: "cmd-invite",
  audience: "curator",
  scope: programme(),
  args: withUsage(inviteRolesArg, "report-invite-usage"),
  audit: "curator.invite",
  async run(ctx) {
    const { session, deps, input: roles } = ctx;
    const { programmeId } = ctx.object;
    const programme = (await deps.services.participants.programme(programmeId))!;
    if (programme.status === "finished") {
      session.say("report-invite-finished");
      return;
    }
    const links = deps.inviteLinks?.() ?? {};
    const t = session.t;
    const parts = [t("report-invite-title", { programme: programme.name })];
    const created: string[] = [];
    for (const role of roles) {
      const inv = await session.services.invitations.create({ programmeId, role });
      created.push(inv.id);
      const lines = [t(`report-invite-role-${role}`), t("report-invite-code", { code: inv.code })];
      // Only the messengers the organisation allows.
      for (const l of invitationLinks(inv.code, links, programme.messengers)) lines.push(l.link ? `${l.name}: ${l.link}` : t("messengers-invite-no-link", { messenger: l.name }));
      parts.push(lines.join("\n"));
    }
    parts.push(t("report-invite-hint"));
    session.sayText(parts.join("\n\n"));
    return ctx.allowed({ details: { invitations: created.join(",") } });
  },
});

/** /stats: the indicators of seed 003 now — of a programme for its curator, of the scope for an administrator. */
export const statsCommand = defineCommand({
  name: "stats",
  description: "cmd-stats",
  audience: ["curator", "administrator"],
  help: "curator",
  scope: report({ curator: programme() }),
  audit: ["report.stats", "curator.stats", "admin.stats"],
  async run(ctx) {
    const { session, deps, object: who } = ctx;
    const t = session.t;
    if (who.kind === "administrator") {
      const { text, organisations } = await scopeStats(deps.services, who.admin, t, session.lang);
      session.sayText(text);
      return ctx.allowed({ action: "admin.stats", details: { organisations } });
    }
    const { programmeId } = who;
    const programme = (await deps.services.participants.programme(programmeId))!;
    const loaded = await deps.services.indicatorData.load({ programmeIds: [programmeId] });
    if (!loaded.programmes.length) {
      session.say("report-stats-draft", { programme: programme.name });
      return;
    }
    const set = programmeIndicators(loaded.data, programmeId);
    const now = programmeIndicators(inProgrammeNow(loaded), programmeId);
    session.sayText(
      [
        t("report-stats-programme", { programme: programme.name, organisation: programme.organisationName }),
        t("report-stats-participants", peopleCounts(loaded)),
        renderIndicatorList(set, t, session.lang, now),
        t("report-stats-rule"),
      ].join("\n\n"),
    );
    return ctx.allowed({ action: "curator.stats" });
  },
});

/**
 * /export [csv]: the workbook sent as a document in the chat (or one CSV per sheet).
 * Curators: all the programmes they curate — bases of mentors and mentees, pairs and groups,
 * meetings and feedback, Form 1 of their organisation, Forms 2–5 and the indicators.
 * Administrators: the forms of their scope (Form 1 one row per organisation, Forms 2–5 one row
 * per programme) and the indicators of the scope and of each organisation, without lists of people.
 * Only participants who completed the full cycle are counted, each person once (000 §9, 004).
 */
export const exportCommand = defineCommand({
  name: "export",
  description: "cmd-export",
  audience: ["curator", "administrator"],
  help: "curator",
  scope: report({ csv: true }),
  audit: ["report.export", "curator.export", "admin.export", "curator.acts", "admin.acts"],
  async run(ctx) {
    const { session, deps, object: who, input: rest } = ctx;
    if (isActsArgument(rest)) {
      // The acts of destruction with the log's extract (src/bot/core/commands/acts.ts).
      const action = who.kind === "administrator" ? "admin.acts" : "curator.acts";
      const done = await exportActs(session, deps.services, who, ctx.actor, deps.now());
      if (!done.ok) return ctx.denied({ action, key: done.key, target: done.target });
      return ctx.allowed({ action, target: done.target, details: { format: "xlsx", acts: done.acts } });
    }
    const csvWanted = exportArgs(ctx.args.trim()).csv;
    // A curator may name one of their programmes (`/export P.<id>`, `P.<id>.csv` from a button).
    const named = who.kind === "curator" ? exportedProgramme(rest) : null;
    if (rest !== "" && !/^csv$/i.test(rest) && !named) {
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
    let audited: AllowedNote<"curator.export" | "admin.export">;
    if (who.kind === "curator") {
      const curated = await deps.services.participants.curatedProgrammes(ctx.actor);
      if (named && !curated.some((p) => p.id === named)) return ctx.denied({ action: "curator.export", key: CURATOR_ONLY, target: { type: "programme", id: named, programmeId: named } });
      const loaded = await deps.services.indicatorData.load({ programmeIds: named ? [named] : curated.map((p) => p.id) });
      const rows = await deps.services.indicatorData.workbookRows(loaded, t);
      const indicators: IndicatorColumn[] = [
        ...loaded.programmes.map((p) => ({ label: p.name, indicators: programmeIndicators(loaded.data, p.id) })),
        ...(loaded.data.organisations.length > 1 || loaded.programmes.length > 1 ? loaded.data.organisations.map((o) => ({ label: o.name, indicators: organisationIndicators(loaded.data, o.id) })) : []),
      ];
      input = { data: loaded.data, ...rows, indicators };
      timeZone = loaded.timezone;
      bases = true;
      base = `nastavnik-${localDate(now, timeZone)}`;
      caption = t("report-export-caption-curator", { programmes: loaded.programmes.length, date: formatDate(now, timeZone) });
      audited = {
        action: "curator.export",
        target: { type: "programmes", id: loaded.programmes.map((p) => p.id).join(",").slice(0, 500) },
        details: { format: csvWanted ? "csv" : "xlsx", mentors: rows.mentors.length, mentees: rows.mentees.length, pairs: rows.pairs.length, meetings: rows.meetings.length },
      };
    } else {
      const scope = await scopeWorkbook(deps.services, who.admin);
      const { scopeName, organisations } = scope;
      input = scope.input;
      timeZone = who.admin.timezone;
      bases = false;
      base = `nastavnik-rnc-${localDate(now, timeZone)}`;
      caption = t("report-export-caption-admin", { scope: scopeName, organisations, date: formatDate(now, timeZone) });
      audited = { action: "admin.export", details: { format: csvWanted ? "csv" : "xlsx", organisations } };
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
      return ctx.allowed(audited);
    }
    const content = await buildWorkbook(input, t, { timeZone, bases });
    session.push({ text: caption, document: { filename: `${base}.xlsx`, mimeType: XLSX_MIME, content } });
    return ctx.allowed(audited);
  },
});

export const reportCommands = [meetingsCommand, inviteCommand, statsCommand, exportCommand];
