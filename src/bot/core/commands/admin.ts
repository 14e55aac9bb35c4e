import { nextSlot } from "../../../domain/digest/schedule.js";
import { organisationIndicators } from "../../../domain/indicators/by-scope.js";
import { isTimezone, } from "../../../domain/time.js";
import { digestContent, organisationLine, renderIndicatorList } from "../../../reports/index.js";
import type { ViewButton } from "../../../flows/types.js";
import { layoutKeyboard } from "../render.js";
import type { Button } from "../types.js";
import { administratorArg, digestSettingArg, digestSwitchArg, orgsPage, organisationArg, plainPayload, withUsage } from "./codecs.js";
import { defineCommand, type CommandContext } from "./registry.js";
import { administrator, administrators, digestSwitch, oneOf, organisation } from "./scopes.js";
import { formatDateTime } from "../../../domain/time.js";

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

const HOURS = [7, 8, 9, 10, 12, 14, 16, 18];

function weekdayName(ctx: CommandContext, weekday: number): string {
  return ctx.session.t(`admin-weekday-${weekday}`);
}

async function setPaused(ctx: CommandContext, personId: string, paused: boolean): Promise<void> {
  await ctx.session.services.sql.exec(`UPDATE "Administrator" SET "digestPaused" = $2 WHERE "personId" = $1`, [personId, paused]);
}

/** /digest [pause|resume]: the digest of the scope now, with its chart; or pausing and resuming the weekly one. */
export const digestCommand = defineCommand({
  name: "digest",
  description: "cmd-digest",
  audience: "administrator",
  // Pausing and resuming apply to every administrator role of the person; the digest itself is of one.
  scope: oneOf(digestSwitch(), administrator()),
  audit: ["admin.digest", "admin.digest_pause", "admin.digest_resume"],
  async run(ctx) {
    const { session, deps, object } = ctx;
    if (object.kind === "administrators") {
      const paused = digestSwitchArg.decode(ctx.input) === "pause";
      await setPaused(ctx, ctx.actor, paused);
      session.say(paused ? "admin-digest-paused" : "admin-digest-resumed");
      return ctx.allowed({ action: paused ? "admin.digest_pause" : "admin.digest_resume", details: { administrators: object.administrators.length } });
    }
    if (ctx.input !== "") {
      session.say("admin-digest-usage");
      return;
    }
    const { admin } = object;
    const now = deps.now();
    const built = await deps.services.digests.build(admin, now);
    const scopeName = await deps.services.scopes.scopeName(admin);
    const content = await digestContent(
      { scopeName, organisations: built.organisations.length, digest: built.digest, chart: built.chart, timezone: built.timezone, since: built.since, previousAt: built.previousAt, now, onDemand: true },
      session.t,
      session.lang,
    );
    session.sayText(content.text);
    if (content.chart) session.push({ text: content.chart.caption, image: { filename: content.chart.filename, content: content.chart.png } });
    if (admin.digestPaused) session.say("admin-digest-paused-note");
    return ctx.allowed({ details: { organisations: built.organisations.length } });
  },
});

/**
 * /digest_settings: when the weekly digest comes. Buttons choose the weekday and the hour;
 * typed: `/digest_settings day 3`, `/digest_settings hour 9`, `/digest_settings tz Asia/Omsk`,
 * `/digest_settings pause|resume`. The settings apply to all the person's administrator roles.
 */
export const digestSettingsCommand = defineCommand({
  name: "digest_settings",
  description: "cmd-digest-settings",
  audience: "administrator",
  scope: administrators(),
  args: withUsage(digestSettingArg, "admin-settings-usage"),
  audit: ["admin.digest_settings", "admin.digest_pause", "admin.digest_resume"],
  async run(ctx) {
    const { session, deps, input: setting, actor: personId } = ctx;
    const admins = ctx.object.administrators;
    const t = session.t;
    let audited: ReturnType<typeof ctx.allowed> | undefined;
    const update = async (column: "digestWeekday" | "digestHour" | "timezone", v: number | string, detail: string) => {
      await session.services.sql.exec(`UPDATE "Administrator" SET "${column}" = $2 WHERE "personId" = $1`, [personId, v]);
      audited = ctx.allowed({ details: { changed: detail } });
      for (const a of admins) Object.assign(a, { [column]: v });
    };
    const button = (value: Parameters<typeof digestSettingArg.encode>[0]) => digestSettingArg.payload("digest_settings", value);
    switch (setting.kind) {
      case "days": {
        const rows: Button[][] = [[1, 2, 3, 4], [5, 6, 7]].map((r) => r.map((d) => ({ label: weekdayName(ctx, d), payload: button({ kind: "weekday", weekday: d }) })));
        session.say("admin-settings-choose-day", undefined, rows);
        return;
      }
      case "hours": {
        const items: ViewButton[] = HOURS.map((h) => ({ label: { text: `${String(h).padStart(2, "0")}:00` }, action: String(h) }));
        const rows = layoutKeyboard(items, [], 4, { limits: session.limits, t, page: 0, encode: (a) => (a.startsWith("pg:") ? plainPayload("digest_settings") : button({ kind: "hour", hour: Number(a) })) }).rows;
        session.say("admin-settings-choose-hour", undefined, rows);
        return;
      }
      case "weekday":
        await update("digestWeekday", setting.weekday, "weekday");
        break;
      case "hour":
        await update("digestHour", setting.hour, "hour");
        break;
      case "timezone": {
        const value = setting.timezone;
        if (!value || !isTimezone(value) || !/^[A-Za-z_]+\/[A-Za-z_\-/]+$|^UTC$/.test(value)) {
          session.say("admin-settings-bad-timezone");
          return;
        }
        await update("timezone", value, "timezone");
        break;
      }
      case "pause":
      case "resume":
        await setPaused(ctx, personId, setting.kind === "pause");
        for (const a of admins) a.digestPaused = setting.kind === "pause";
        audited = ctx.allowed({ action: setting.kind === "pause" ? "admin.digest_pause" : "admin.digest_resume", details: { administrators: admins.length } });
        break;
      case "show":
        break;
    }
    const a = admins[0]!;
    const next = nextSlot({ timezone: a.timezone, weekday: a.digestWeekday, hour: a.digestHour }, deps.now());
    const text = [
      t("admin-settings-title"),
      t("admin-settings-current", { weekday: weekdayName(ctx, a.digestWeekday), hour: `${String(a.digestHour).padStart(2, "0")}:00`, timezone: a.timezone }),
      a.digestPaused ? t("admin-settings-paused") : t("admin-settings-next", { date: formatDateTime(next.at, a.timezone) }),
      t("admin-settings-hint"),
    ].join("\n\n");
    session.sayText(text, [
      [
        { label: t("admin-settings-day-button"), payload: button({ kind: "days" }) },
        { label: t("admin-settings-hour-button"), payload: button({ kind: "hours" }) },
      ],
      [{ label: t(a.digestPaused ? "admin-settings-resume-button" : "admin-settings-pause-button"), payload: button({ kind: a.digestPaused ? "resume" : "pause" }) }],
    ]);
    return audited;
  },
});

/** /orgs: every organisation of the scope with its indicators; `O.<id>` (a button) shows one in full. */
export const orgsCommand = defineCommand({
  name: "orgs",
  description: "cmd-orgs",
  audience: "administrator",
  scope: oneOf(organisation(), administrator()),
  audit: "admin.orgs",
  async run(ctx) {
    const { session, deps, object } = ctx;
    const t = session.t;
    if (object.kind === "organisation") {
      const { organisationId } = object;
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
        [[{ label: t("admin-orgs-back"), payload: plainPayload("orgs") }]],
      );
      return ctx.allowed();
    }
    const { admin } = object;
    const page = orgsPage.decode(ctx.input) ?? 0;
    const organisations = await deps.services.scopes.organisationsOf(admin);
    const loaded = await deps.services.indicatorData.load({ organisationIds: organisations.map((o) => o.id) });
    const scopeName = await deps.services.scopes.scopeName(admin);
    const lines = organisations.map((o, i) => organisationLine(i + 1, o.name, organisationIndicators(loaded.data, o.id), t, session.lang));
    const items: ViewButton[] = organisations.map((o, i) => ({ label: { text: `${i + 1}. ${o.name}` }, action: o.id }));
    const rows = layoutKeyboard(items, [], 1, {
      limits: session.limits,
      t,
      page,
      maxRows: 6,
      encode: (action) =>
        action.startsWith("pg:") ? administratorArg.payload("orgs", { administratorId: admin.id, rest: orgsPage.encode(Number(action.slice(3))) }) : organisationArg.payload("orgs", action),
    }).rows;
    session.sayText(
      [t("admin-orgs-title", { scope: scopeName, count: organisations.length }), lines.length ? lines.join("\n") : t("admin-orgs-none"), t("admin-orgs-hint")].join("\n\n"),
      rows,
    );
    return ctx.allowed({ details: { organisations: organisations.length } });
  },
});

export const adminCommands = [digestCommand, digestSettingsCommand, orgsCommand];
