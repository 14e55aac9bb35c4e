import { nextSlot } from "../../../domain/digest/schedule.js";
import { organisationIndicators } from "../../../domain/indicators/by-scope.js";
import { isTimezone, localParts } from "../../../domain/time.js";
import { digestContent, organisationLine, renderIndicatorList } from "../../../reports/index.js";
import type { ViewButton } from "../../../flows/types.js";
import type { AdministratorRow } from "../../../store/scope.js";
import { commandPayload } from "../payload.js";
import { layoutKeyboard } from "../render.js";
import type { Button } from "../types.js";
import type { Command, CommandContext } from "./registry.js";

/**
 * Administrators (head of an organisation, municipal body, regional mentoring centre — the
 * Administrator rows added with `npm run admin -- admin:add`):
 *
 *   /digest                the digest now: indicators and their change, the week, overdue, chart
 *   /digest pause|resume   stop or restart the weekly digest
 *   /digest_settings       weekday, hour and time zone of the weekly digest
 *   /orgs                  every organisation of the scope with its indicators; a button opens one
 *
 * An administrator sees only the organisations of their scope; anyone else is refused, and
 * every refusal is audited without personal data.
 */

const ADMIN_ARG = /^A\.([a-z0-9]{6,40})$/;
const ORG_ARG = /^O\.([a-z0-9]{6,40})$/;
const HOURS = [7, 8, 9, 10, 12, 14, 16, 18];

async function refuseAdmin(ctx: CommandContext, action: string, target?: { type: string; id: string }): Promise<void> {
  ctx.session.say("admin-only");
  await ctx.deps.services.audit.record({ actorId: ctx.session.person?.id ?? null, action, outcome: "denied", targetType: target?.type, targetId: target?.id });
}

/** The person's administrator roles; refused (and audited) when there are none. */
async function administrators(ctx: CommandContext, action: string): Promise<AdministratorRow[] | null> {
  const personId = ctx.session.person?.id;
  const admins = personId ? await ctx.deps.services.scopes.administratorsOf(personId) : [];
  if (!admins.length) {
    await refuseAdmin(ctx, action);
    return null;
  }
  return admins;
}

/** One administrator role: named by `A.<id>` (checked to be the person's), the only one, or chosen with buttons. */
async function oneAdministrator(ctx: CommandContext, command: string, action: string): Promise<{ admin: AdministratorRow; rest: string } | null> {
  const admins = await administrators(ctx, action);
  if (!admins) return null;
  // Buttons carry `A.<id>.<rest>` (payloads have no spaces).
  const args = ctx.args.trim().replace(/^(A\.[a-z0-9]{6,40})\.(\S+)$/, "$1 $2");
  const [first = "", ...others] = args.split(/\s+/);
  const named = ADMIN_ARG.exec(first);
  if (named) {
    const admin = admins.find((a) => a.id === named[1]);
    if (!admin) {
      await refuseAdmin(ctx, action, { type: "administrator", id: named[1]! });
      return null;
    }
    return { admin, rest: others.join(" ") };
  }
  if (admins.length === 1) return { admin: admins[0]!, rest: args };
  const buttons: Button[][] = [];
  for (const a of admins.slice(0, 6)) {
    const name = await ctx.deps.services.scopes.scopeName(a);
    buttons.push([{ label: ctx.session.t("admin-choose-scope", { scope: name }).slice(0, ctx.session.limits.maxLabelLength), payload: commandPayload(command, `A.${a.id}`) }]);
  }
  ctx.session.say("admin-choose-audience", undefined, buttons);
  return null;
}

function weekdayName(ctx: CommandContext, weekday: number): string {
  return ctx.session.t(`admin-weekday-${weekday}`);
}

function formatSlot(at: Date, tz: string): string {
  const p = localParts(at, tz);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(p.day)}.${two(p.month)}.${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

async function setPaused(ctx: CommandContext, paused: boolean): Promise<void> {
  await ctx.session.services.sql.exec(`UPDATE "Administrator" SET "digestPaused" = $2 WHERE "personId" = $1`, [ctx.session.person!.id, paused]);
}

/** /digest [pause|resume]: the digest of the scope now, with its chart; or pausing and resuming the weekly one. */
export const digestCommand: Command = {
  name: "digest",
  description: "cmd-digest",
  audience: "administrator",
  async run(ctx) {
    const { session, deps } = ctx;
    const word = ctx.args.trim().toLowerCase();
    if (["pause", "stop", "пауза", "resume", "start", "возобновить"].includes(word)) {
      const admins = await administrators(ctx, "admin.digest");
      if (!admins) return;
      const paused = ["pause", "stop", "пауза"].includes(word);
      await setPaused(ctx, paused);
      await deps.services.audit.record({ actorId: session.person!.id, action: paused ? "admin.digest_pause" : "admin.digest_resume", outcome: "allowed", details: { administrators: admins.length } });
      session.say(paused ? "admin-digest-paused" : "admin-digest-resumed");
      return;
    }
    const chosen = await oneAdministrator(ctx, "digest", "admin.digest");
    if (!chosen) return;
    if (chosen.rest !== "") {
      session.say("admin-digest-usage");
      return;
    }
    const now = deps.now();
    const built = await deps.services.digests.build(chosen.admin, now);
    const scopeName = await deps.services.scopes.scopeName(chosen.admin);
    const content = digestContent(
      { scopeName, organisations: built.organisations.length, digest: built.digest, chart: built.chart, timezone: built.timezone, since: built.since, previousAt: built.previousAt, now, onDemand: true },
      session.t,
      session.lang,
    );
    session.sayText(content.text);
    if (content.chart) session.push({ text: content.chart.caption, image: { filename: content.chart.filename, content: content.chart.png } });
    if (chosen.admin.digestPaused) session.say("admin-digest-paused-note");
    await deps.services.audit.record({ actorId: session.person!.id, action: "admin.digest", outcome: "allowed", targetType: "administrator", targetId: chosen.admin.id, details: { organisations: built.organisations.length } });
  },
};

/**
 * /digest_settings: when the weekly digest comes. Buttons choose the weekday and the hour;
 * typed: `/digest_settings day 3`, `/digest_settings hour 9`, `/digest_settings tz Asia/Omsk`,
 * `/digest_settings pause|resume`. The settings apply to all the person's administrator roles.
 */
export const digestSettingsCommand: Command = {
  name: "digest_settings",
  description: "cmd-digest-settings",
  audience: "administrator",
  async run(ctx) {
    const { session, deps } = ctx;
    const admins = await administrators(ctx, "admin.digest_settings");
    if (!admins) return;
    const t = session.t;
    const personId = session.person!.id;
    const raw = ctx.args.trim();
    const words = raw.split(/\s+/).filter(Boolean);
    const [head = "", value = ""] = words;
    const key = head.toLowerCase();
    const update = async (column: "digestWeekday" | "digestHour" | "timezone", v: number | string, detail: string) => {
      await session.services.sql.exec(`UPDATE "Administrator" SET "${column}" = $2 WHERE "personId" = $1`, [personId, v]);
      await deps.services.audit.record({ actorId: personId, action: "admin.digest_settings", outcome: "allowed", details: { changed: detail } });
      for (const a of admins) Object.assign(a, { [column]: v });
    };
    const day = /^d([1-7])$/.exec(key) ?? (key === "day" || key === "день" ? /^([1-7])$/.exec(value) : null);
    const hour = /^h(\d{1,2})$/.exec(key) ?? (key === "hour" || key === "час" ? /^(\d{1,2})$/.exec(value) : null);
    if (key === "days") {
      const rows: Button[][] = [[1, 2, 3, 4], [5, 6, 7]].map((r) => r.map((d) => ({ label: weekdayName(ctx, d), payload: commandPayload("digest_settings", `d${d}`) })));
      session.say("admin-settings-choose-day", undefined, rows);
      return;
    }
    if (key === "hours") {
      const items: ViewButton[] = HOURS.map((h) => ({ label: { text: `${String(h).padStart(2, "0")}:00` }, action: `h${h}` }));
      const rows = layoutKeyboard(items, [], 4, { limits: session.limits, t, page: 0, encode: (a) => commandPayload("digest_settings", a) }).rows;
      session.say("admin-settings-choose-hour", undefined, rows);
      return;
    }
    if (day) await update("digestWeekday", Number(day[1]), "weekday");
    else if (hour) {
      const h = Number(hour[1]);
      if (h > 23) {
        session.say("admin-settings-usage");
        return;
      }
      await update("digestHour", h, "hour");
    } else if (key === "tz" || key === "timezone" || key === "пояс") {
      if (!value || !isTimezone(value) || !/^[A-Za-z_]+\/[A-Za-z_\-/]+$|^UTC$/.test(value)) {
        session.say("admin-settings-bad-timezone");
        return;
      }
      await update("timezone", value, "timezone");
    } else if (key === "pause" || key === "resume") {
      await setPaused(ctx, key === "pause");
      for (const a of admins) a.digestPaused = key === "pause";
      await deps.services.audit.record({ actorId: personId, action: key === "pause" ? "admin.digest_pause" : "admin.digest_resume", outcome: "allowed", details: { administrators: admins.length } });
    } else if (key !== "") {
      session.say("admin-settings-usage");
      return;
    }
    const a = admins[0]!;
    const next = nextSlot({ timezone: a.timezone, weekday: a.digestWeekday, hour: a.digestHour }, deps.now());
    const text = [
      t("admin-settings-title"),
      t("admin-settings-current", { weekday: weekdayName(ctx, a.digestWeekday), hour: `${String(a.digestHour).padStart(2, "0")}:00`, timezone: a.timezone }),
      a.digestPaused ? t("admin-settings-paused") : t("admin-settings-next", { date: formatSlot(next.at, a.timezone) }),
      t("admin-settings-hint"),
    ].join("\n\n");
    session.sayText(text, [
      [
        { label: t("admin-settings-day-button"), payload: commandPayload("digest_settings", "days") },
        { label: t("admin-settings-hour-button"), payload: commandPayload("digest_settings", "hours") },
      ],
      [{ label: t(a.digestPaused ? "admin-settings-resume-button" : "admin-settings-pause-button"), payload: commandPayload("digest_settings", a.digestPaused ? "resume" : "pause") }],
    ]);
  },
};

/** /orgs: every organisation of the scope with its indicators; `O.<id>` (a button) shows one in full. */
export const orgsCommand: Command = {
  name: "orgs",
  description: "cmd-orgs",
  audience: "administrator",
  async run(ctx) {
    const { session, deps } = ctx;
    const t = session.t;
    const arg = ctx.args.trim();
    const org = ORG_ARG.exec(arg);
    if (org) {
      const admins = await administrators(ctx, "admin.orgs");
      if (!admins) return;
      const organisationId = org[1]!;
      let allowed = false;
      for (const a of admins) if (await deps.services.scopes.inScope(a, organisationId)) allowed = true;
      if (!allowed) {
        await refuseAdmin(ctx, "admin.orgs", { type: "organisation", id: organisationId });
        return;
      }
      const loaded = await deps.services.indicatorData.load({ organisationIds: [organisationId] });
      const o = loaded.data.organisations[0]!;
      const set = organisationIndicators(loaded.data, organisationId);
      const figure = (v: number | null | undefined) => (v === null || v === undefined ? t("admin-no-data") : String(v));
      session.sayText(
        [
          t("admin-org-title", { name: o.name, district: o.district ?? "—", programmes: loaded.programmes.length }),
          t("admin-org-form1", { children: figure(o.childrenAged10to19), teachers: figure(o.teachersCount), young: figure(o.youngSpecialistsCount) }),
          renderIndicatorList(set, t, session.lang),
        ].join("\n\n"),
        [[{ label: t("admin-orgs-back"), payload: commandPayload("orgs") }]],
      );
      await deps.services.audit.record({ actorId: session.person!.id, action: "admin.orgs", outcome: "allowed", targetType: "organisation", targetId: organisationId });
      return;
    }
    const chosen = await oneAdministrator(ctx, "orgs", "admin.orgs");
    if (!chosen) return;
    const page = /^p?(\d{1,3})$/.exec(chosen.rest)?.[1];
    const organisations = await deps.services.scopes.organisationsOf(chosen.admin);
    const loaded = await deps.services.indicatorData.load({ organisationIds: organisations.map((o) => o.id) });
    const scopeName = await deps.services.scopes.scopeName(chosen.admin);
    const lines = organisations.map((o, i) => organisationLine(i + 1, o.name, organisationIndicators(loaded.data, o.id), t, session.lang));
    const items: ViewButton[] = organisations.map((o, i) => ({ label: { text: `${i + 1}. ${o.name}` }, action: o.id }));
    const rows = layoutKeyboard(items, [], 1, {
      limits: session.limits,
      t,
      page: page === undefined ? 0 : Number(page),
      maxRows: 6,
      encode: (action) => (action.startsWith("pg:") ? commandPayload("orgs", `A.${chosen.admin.id}.p${action.slice(3)}`) : commandPayload("orgs", `O.${action}`)),
    }).rows;
    session.sayText(
      [t("admin-orgs-title", { scope: scopeName, count: organisations.length }), lines.length ? lines.join("\n") : t("admin-orgs-none"), t("admin-orgs-hint")].join("\n\n"),
      rows,
    );
    await deps.services.audit.record({ actorId: session.person!.id, action: "admin.orgs", outcome: "allowed", targetType: "administrator", targetId: chosen.admin.id, details: { organisations: organisations.length } });
  },
};

export const adminCommands: Command[] = [digestCommand, digestSettingsCommand, orgsCommand];
