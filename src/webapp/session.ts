import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isPlatform, type Platform } from "../domain/platforms.js";

/**
 * The web app's session: a short-lived cookie, signed by the server (HttpOnly, Secure,
 * SameSite=Strict, path /app), naming the person and the messenger they came from. Its CSRF
 * token derives from the session under the same key, so a write must carry a value only a page
 * that read /app/api/me could know.
 */

export const SESSION_COOKIE = "nastavnik_app";
export const SESSION_TTL_MS = 60 * 60 * 1000;

export interface WebSession {
  personId: string;
  platform: Platform;
  expiresAt: number;
  /** Random per session: two sessions of one person have different CSRF tokens. */
  nonce: string;
}

export class SessionKeys {
  constructor(private readonly key: Buffer) {}

  /** A key derived from the service's secrets (the bots' tokens), stable across its processes. */
  static derive(secrets: readonly string[]): SessionKeys {
    return new SessionKeys(createHmac("sha256", "nastavnik-web-session").update(secrets.join("\n")).digest());
  }

  private mac(text: string): string {
    return createHmac("sha256", this.key).update(text).digest("base64url");
  }

  issue(personId: string, platform: Platform, now: Date): { value: string; session: WebSession } {
    const session: WebSession = { personId, platform, expiresAt: now.getTime() + SESSION_TTL_MS, nonce: randomBytes(12).toString("base64url") };
    const body = Buffer.from(JSON.stringify(session)).toString("base64url");
    return { value: `${body}.${this.mac(body)}`, session };
  }

  read(value: string | undefined, now: Date): WebSession | null {
    if (!value || value.length > 1024) return null;
    const [body, mac, extra] = value.split(".");
    if (!body || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    let session: Partial<WebSession>;
    try {
      session = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch {
      return null;
    }
    if (typeof session.personId !== "string" || !isPlatform(session.platform) || typeof session.expiresAt !== "number" || typeof session.nonce !== "string") return null;
    if (session.expiresAt <= now.getTime()) return null;
    return session as WebSession;
  }

  csrf(session: WebSession): string {
    return this.mac(`csrf|${session.personId}|${session.nonce}|${session.expiresAt}`);
  }

  checkCsrf(session: WebSession, given: string | undefined): boolean {
    if (!given) return false;
    const a = Buffer.from(this.csrf(session));
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

export function sessionCookie(value: string, maxAgeMs: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/app; Max-Age=${Math.floor(maxAgeMs / 1000)}; HttpOnly; Secure; SameSite=Strict`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}
