import { createHash, randomBytes } from "node:crypto";
import type { SqlExecutor } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";
import type { Platform } from "../domain/platforms.js";

/** How long a login link of /dashboard opens the web app. */
export const LOGIN_LINK_TTL_MS = 5 * 60 * 1000;

const hashOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * One-time login links to the web app for a desktop browser: the bot sends a random token in a
 * link; only its SHA-256 is stored, it works once and for a few minutes. Issuing a new one
 * drops the person's older links.
 */
export class WebLogins {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  /** A new token for the person (the link's secret part). */
  async issue(personId: string, platform: Platform): Promise<string> {
    const now = this.now();
    const token = randomBytes(24).toString("base64url");
    await this.sql.exec(`DELETE FROM "WebLoginToken" WHERE "personId" = $1 OR "expiresAt" < $2`, [personId, now]);
    await this.sql.exec(`INSERT INTO "WebLoginToken"("tokenHash", "personId", platform, "expiresAt", "createdAt") VALUES ($1, $2, $3::"Platform", $4, $5)`, [
      hashOf(token),
      personId,
      platform,
      new Date(now.getTime() + LOGIN_LINK_TTL_MS),
      now,
    ]);
    return token;
  }

  /** The person a token logs in, once: a used, expired or unknown token gives null. */
  async redeem(token: string): Promise<{ personId: string; platform: Platform } | null> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
    const now = this.now();
    const row = await this.sql.one<{ personId: string; platform: Platform }>(
      `UPDATE "WebLoginToken" SET "usedAt" = $2 WHERE "tokenHash" = $1 AND "usedAt" IS NULL AND "expiresAt" > $2 RETURNING "personId", platform::text AS platform`,
      [hashOf(token), now],
    );
    return row ?? null;
  }
}
