import { LOGIN_LINK_TTL_MS } from "../../../store/web-logins.js";
import type { Button } from "../types.js";
import { defineCommand, type Scope } from "./registry.js";
import { programmeArg } from "./codecs.js";
import { CURATOR_ONLY, REPORTS_ONLY } from "./scopes.js";

/**
 * /dashboard: the programme in the web app. A curator or an administrator gets a button that opens
 * it inside the messenger (Telegram's Mini App, MAX's mini app of the bot, VK's Mini App of the
 * community) and a one-time login link for a browser on a computer (a few minutes, one use,
 * src/store/web-logins.ts). What they see there is what their role shows in the bot.
 */

export interface StaffObject {
  kind: "staff";
}

/**
 * A curator of some programme or an administrator of some scope; anyone else is refused. A
 * programme named (`P.<id>`, a forged button) must be one the person curates.
 */
function staff(): Scope<StaffObject> {
  return {
    kind: "curator|administrator",
    async resolve(ctx) {
      const id = ctx.actorId;
      const [curated, admins] = id ? await Promise.all([ctx.deps.services.participants.curatedProgrammes(id), ctx.deps.services.scopes.administratorsOf(id)]) : [[], []];
      const named = programmeArg.decode(ctx.args.trim());
      if (named && !curated.some((p) => p.id === named.programmeId)) return { ok: false, denial: { key: CURATOR_ONLY, target: { type: "programme", id: named.programmeId, programmeId: named.programmeId } } };
      if (!curated.length && !admins.length) return { ok: false, denial: { key: REPORTS_ONLY } };
      return { ok: true, object: { kind: "staff" }, rest: "", target: undefined };
    },
  };
}

/** The "open the app" button: the web app's address; each messenger's adapter makes it a Mini App button of its own. */
export function openAppButton(label: string, webAppUrl: string): Button {
  return { label, payload: "", app: { url: `${webAppUrl}/` } };
}

export const dashboardCommand = defineCommand({
  name: "dashboard",
  description: "cmd-dashboard",
  audience: ["curator", "administrator"],
  help: "curator",
  scope: staff(),
  audit: "staff.dashboard",
  async run(ctx) {
    const { session, deps } = ctx;
    const url = deps.webAppUrl;
    if (!url) {
      session.say("app-dashboard-off");
      return;
    }
    const button = [[openAppButton(session.t("app-open-button").slice(0, session.limits.maxLabelLength), url)]];
    const token = await session.services.webLogins.issue(ctx.actor, session.chat.platform);
    session.say("app-dashboard-text", { link: `${url}/login?t=${token}`, minutes: Math.round(LOGIN_LINK_TTL_MS / 60_000) }, button);
    return ctx.allowed({ details: { link: true } });
  },
});

export const dashboardCommands = [dashboardCommand];
