import type { IncomingMessage } from "node:http";
import type { Clock } from "../domain/clock.js";
import type { Platform } from "../domain/platforms.js";
import { isLanguage, type Language } from "../i18n/index.js";
import type { Services } from "../usecases/services.js";
import { HttpError } from "./http.js";
import { verifyVkLaunch, verifyWebAppData, type LaunchResult } from "./launch.js";
import { readCookie, SESSION_COOKIE, SESSION_TTL_MS, sessionCookie, type SessionKeys, type WebSession } from "./session.js";

/** What signs each messenger's launches: the bots' tokens (Telegram, MAX) and the VK Mini App's secret. */
export interface LaunchSecrets {
  telegram?: string;
  max?: string;
  vk?: { id: number; secret: string };
}

/** The person using the web app, as the bot knows them. */
export interface Viewer {
  personId: string;
  platform: Platform;
  language: Language;
  name: string | null;
  /** The cookie's session (absent when the request carried `Authorization: tma …`). */
  session?: WebSession;
}

export interface WebAuthDeps {
  services: Services;
  keys: SessionKeys;
  secrets: LaunchSecrets;
  now: Clock;
}

/**
 * Who is asking: a launch from a messenger (its signed data, verified here) or a one-time login
 * link of /dashboard opens a session cookie; every later request is the cookie's, or carries the
 * Telegram convention `Authorization: tma <initData>` (MAX's WebAppData is accepted there too: it
 * is signed the same way). The account must be one the bot knows: a person who never wrote to
 * the bot has nothing to see.
 */
export class WebAuth {
  constructor(private readonly deps: WebAuthDeps) {}

  private verify(platform: Platform, data: string): LaunchResult {
    const { secrets, now } = this.deps;
    const token = platform === "vk" ? undefined : secrets[platform];
    if (platform === "vk") return secrets.vk ? verifyVkLaunch(data, secrets.vk, now()) : { ok: false, problem: "signature" };
    return token ? verifyWebAppData(data, token, now()) : { ok: false, problem: "signature" };
  }

  private async person(personId: string, platform: Platform, session?: WebSession): Promise<Viewer> {
    const row = await this.deps.services.prisma.person.findUnique({ where: { id: personId }, select: { language: true, displayName: true, erasedAt: true } });
    if (!row || row.erasedAt) throw new HttpError(401, "unauthorized");
    return { personId, platform, language: isLanguage(row.language) ? row.language : "ru", name: row.displayName, session };
  }

  private async byAccount(platform: Platform, data: string): Promise<Viewer> {
    const checked = this.verify(platform, data);
    if (!checked.ok) throw new HttpError(401, checked.problem === "expired" ? "launch-expired" : "unauthorized");
    const personId = await this.deps.services.people.findByAccount(platform, checked.user.userId);
    if (!personId) throw new HttpError(403, "unknown-person");
    return this.person(personId, platform);
  }

  private open(viewer: Viewer): { viewer: Viewer; cookie: string } {
    const { value, session } = this.deps.keys.issue(viewer.personId, viewer.platform, this.deps.now());
    return { viewer: { ...viewer, session }, cookie: sessionCookie(value, SESSION_TTL_MS) };
  }

  /** A messenger's launch data exchanged for a session. */
  async launch(platform: Platform, data: string): Promise<{ viewer: Viewer; cookie: string }> {
    return this.open(await this.byAccount(platform, data));
  }

  /** A login link's token exchanged for a session (once). */
  async login(token: string): Promise<{ viewer: Viewer; cookie: string }> {
    const found = await this.deps.services.webLogins.redeem(token);
    if (!found) throw new HttpError(401, "login-link-used");
    return this.open(await this.person(found.personId, found.platform));
  }

  /** The person behind a request: `Authorization: tma …`, else the session cookie; 401 without either. */
  async viewer(req: IncomingMessage): Promise<Viewer> {
    const authorization = req.headers.authorization ?? "";
    const tma = /^tma\s+(.+)$/i.exec(authorization);
    if (tma) {
      const data = tma[1]!.trim();
      // Telegram's convention; MAX's launches are signed the same way with its bot's token.
      for (const platform of ["telegram", "max"] as const) {
        if (this.deps.secrets[platform] && this.verify(platform, data).ok) return this.byAccount(platform, data);
      }
      throw new HttpError(401, "unauthorized");
    }
    const session = this.deps.keys.read(readCookie(req.headers.cookie, SESSION_COOKIE), this.deps.now());
    if (!session) throw new HttpError(401, "unauthorized");
    return this.person(session.personId, session.platform, session);
  }

  /** A write with the cookie must carry the session's CSRF token; one with `Authorization` carries no ambient credential. */
  checkWrite(req: IncomingMessage, viewer: Viewer): void {
    if (!viewer.session) return;
    const given = req.headers["x-csrf-token"];
    if (!this.deps.keys.checkCsrf(viewer.session, typeof given === "string" ? given : undefined)) throw new HttpError(403, "csrf");
  }

  csrf(viewer: Viewer): string | null {
    return viewer.session ? this.deps.keys.csrf(viewer.session) : null;
  }
}
