import type { IncomingMessage, ServerResponse } from "node:http";
import type { Clock } from "../domain/clock.js";
import { isPlatform } from "../domain/platforms.js";
import type { I18n } from "../i18n/index.js";
import { errorSummary, type Logger } from "../logger.js";
import type { Services } from "../usecases/services.js";
import { Access } from "./access.js";
import { WebAuth, type LaunchSecrets, type Viewer } from "./auth.js";
import { CuratorApi } from "./curator-api.js";
import { ReportsApi, type FileAnswer } from "./reports-api.js";
import { HttpError, readJson, SECURITY_HEADERS, sendJson } from "./http.js";
import { ClientFiles } from "./static.js";
import { SessionKeys } from "./session.js";

export type { LaunchSecrets } from "./auth.js";

export interface WebAppOptions {
  services: Services;
  i18n: I18n;
  now: Clock;
  logger: Logger;
  secrets: LaunchSecrets;
  /** Where the client's bundle is (tests may build it elsewhere). */
  clientDir?: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The web app at /app: the client's files, the login link, the launch exchange and the JSON API.
 *
 *   GET  /app/                                the client (webapp/dist, built by npm run build)
 *   GET  /app/login?t=<token>                 a /dashboard login link: a session, then the client
 *   POST /app/api/session                     { platform, data }: a messenger's signed launch → a session
 *   GET  /app/api/me                          who is asking: roles, curated programmes, administrator scopes
 *   GET  /app/api/programmes/<id>/overview    participants by role and status, questionnaires, interviews, surveys
 *   GET  /app/api/programmes/<id>/participants
 *   GET  /app/api/programmes/<id>/suggestions the latest matching run: suggestions with reasons, the unmatched
 *   POST /app/api/programmes/<id>/match       { mode }: runs matching (the job)
 *   GET  /app/api/programmes/<id>/pairs
 *   GET  /app/api/programmes/<id>/meetings    upcoming and missed meetings, everything overdue
 *   GET  /app/api/participants/<id>           a participant's card: status, questionnaire, pairs
 *   GET  /app/api/programmes/<id>/export.xlsx  the programme's /export workbook
 *   GET  /app/api/administrators/<id>/overview the scope's organisations with the 003 indicators and the 70 % targets
 *   GET  /app/api/administrators/<id>/export.xlsx the scope's RNC forms and indicators
 *   POST /app/api/suggestions/<id>/confirm    confirms (the bot tells the pair)
 *   POST /app/api/suggestions/<id>/reject     { reason? }
 *
 * Every API request is authenticated (401 otherwise) and every write carries the session's CSRF
 * token (403 otherwise); access and audit are the commands' (src/webapp/access.ts).
 */
export function createWebApp(options: WebAppOptions): Handler {
  const { services, logger } = options;
  const keys = SessionKeys.derive(Object.values(options.secrets).map((s) => (typeof s === "string" ? s : (s?.secret ?? ""))));
  const auth = new WebAuth({ services, keys, secrets: options.secrets, now: options.now });
  const access = new Access(services);
  const curator = new CuratorApi({ services, i18n: options.i18n, access });
  const reports = new ReportsApi({ services, i18n: options.i18n, access });
  const files = new ClientFiles(options.clientDir);

  async function me(viewer: Viewer) {
    const [roles, programmes, admins] = await Promise.all([services.people.roles(viewer.personId), curator.programmes(viewer), services.scopes.administratorsOf(viewer.personId)]);
    const scopes = [];
    for (const a of admins) scopes.push({ id: a.id, scope: a.scope, name: await services.scopes.scopeName(a) });
    return {
      person: { id: viewer.personId, name: viewer.name, language: viewer.language, platform: viewer.platform },
      roles: [...new Set(roles.participations.map((p) => p.role)), ...(admins.length ? ["administrator"] : [])],
      curator: { programmes },
      administrator: { scopes },
      csrf: auth.csrf(viewer),
    };
  }

  type Route = { method: "GET" | "POST"; pattern: RegExp; file?: true; run: (viewer: Viewer, params: string[], req: IncomingMessage) => Promise<unknown> };
  const routes: Route[] = [
    { method: "GET", pattern: /^\/app\/api\/me$/, run: (v) => me(v) },
    { method: "GET", pattern: /^\/app\/api\/programmes\/([^/]+)\/overview$/, run: (v, [id]) => curator.overview(v, id!) },
    { method: "GET", pattern: /^\/app\/api\/programmes\/([^/]+)\/participants$/, run: (v, [id]) => curator.participants(v, id!) },
    { method: "GET", pattern: /^\/app\/api\/programmes\/([^/]+)\/suggestions$/, run: (v, [id]) => curator.suggestions(v, id!) },
    { method: "GET", pattern: /^\/app\/api\/programmes\/([^/]+)\/pairs$/, run: (v, [id]) => curator.pairs(v, id!) },
    { method: "GET", pattern: /^\/app\/api\/programmes\/([^/]+)\/meetings$/, run: (v, [id]) => curator.meetings(v, id!) },
    { method: "GET", pattern: /^\/app\/api\/participants\/([^/]+)$/, run: (v, [id]) => curator.participant(v, id!) },
    { method: "GET", pattern: /^\/app\/api\/programmes\/([^/]+)\/export\.xlsx$/, file: true, run: (v, [id]) => reports.programmeExport(v, id!) },
    { method: "GET", pattern: /^\/app\/api\/administrators\/([^/]+)\/overview$/, run: (v, [id], req) => reports.scopeOverview(v, id!, new URL(req.url ?? "/", "http://app").searchParams.get("theme") === "dark") },
    { method: "GET", pattern: /^\/app\/api\/administrators\/([^/]+)\/export\.xlsx$/, file: true, run: (v, [id]) => reports.scopeExport(v, id!) },
    { method: "POST", pattern: /^\/app\/api\/programmes\/([^/]+)\/match$/, run: async (v, [id], req) => curator.runMatching(v, id!, (await readJson(req)).mode) },
    { method: "POST", pattern: /^\/app\/api\/suggestions\/([^/]+)\/confirm$/, run: (v, [id]) => curator.confirm(v, id!) },
    { method: "POST", pattern: /^\/app\/api\/suggestions\/([^/]+)\/reject$/, run: async (v, [id], req) => curator.reject(v, id!, (await readJson(req)).reason) },
  ];

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === "POST" && path === "/app/api/session") {
      const body = await readJson(req);
      if (!isPlatform(body.platform) || typeof body.data !== "string") throw new HttpError(400, "bad-request");
      const { viewer, cookie } = await auth.launch(body.platform, body.data);
      return sendJson(res, 200, await me(viewer), { "set-cookie": cookie });
    }
    const route = routes.find((r) => r.pattern.test(path));
    if (!route) throw new HttpError(404, "not-found");
    if (route.method !== req.method) throw new HttpError(405, "bad-request");
    const viewer = await auth.viewer(req);
    if (route.method === "POST") auth.checkWrite(req, viewer);
    const params = route.pattern.exec(path)!.slice(1).map(decodeURIComponent);
    const answer = await route.run(viewer, params, req);
    if (!route.file) return sendJson(res, 200, answer);
    const file = answer as FileAnswer;
    res.writeHead(200, { ...SECURITY_HEADERS, "content-type": file.mimeType, "content-disposition": `attachment; filename="${file.filename}"`, "content-length": String(file.content.length) }).end(file.content);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    try {
      if (path.startsWith("/app/api/")) return await api(req, res, path);
      if (req.method === "GET" && path === "/app/login") {
        const { cookie } = await auth.login(url.searchParams.get("t") ?? "");
        res.writeHead(303, { location: "/app/", "set-cookie": cookie, ...SECURITY_HEADERS }).end();
        return;
      }
      if (req.method === "GET" && files.serve(path, res)) return;
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    } catch (error) {
      if (error instanceof HttpError) {
        // A used or expired login link opens the client, which says so in the person's words.
        if (path === "/app/login") {
          res.writeHead(303, { location: `/app/#error=${error.code}`, ...SECURITY_HEADERS }).end();
          return;
        }
        return sendJson(res, error.status, { error: error.code });
      }
      logger.error({ path: path.replace(/\/[A-Za-z0-9_-]{16,}/g, "/:id"), err: errorSummary(error) }, "web app request failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal" });
    }
  };
}
