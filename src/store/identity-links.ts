import type { SqlExecutor } from "../db/sql.js";
import { newId } from "../db/sql.js";
import type { ChatRef } from "../domain/messaging.js";
import { generateCode, normalizeCode } from "../domain/invitation.js";
import type { Clock } from "../domain/clock.js";
import { allowedByOrganisations } from "./allowed-messengers.js";

const LINK_TTL_MS = 15 * 60 * 1000;

export type LinkResult = "linked" | "already" | "unknown_code" | "has_own_data" | "not_allowed";

/** Links a second messenger account to the same person with a short-lived one-time code. */
export class IdentityLinks {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  async issue(personId: string): Promise<string> {
    const now = this.now();
    const code = generateCode();
    await this.sql.tx(async (tx) => {
      await tx.exec(`DELETE FROM "IdentityLinkCode" WHERE "personId" = $1 OR "expiresAt" < $2`, [personId, now]);
      await tx.exec(`INSERT INTO "IdentityLinkCode"(code, "personId", "expiresAt", "createdAt") VALUES ($1, $2, $3, $4)`, [code, personId, new Date(now.getTime() + LINK_TTL_MS), now]);
    });
    return code;
  }

  async isLinkCode(raw: string): Promise<boolean> {
    const now = this.now();
    const code = normalizeCode(raw);
    if (!code) return false;
    return !!(await this.sql.one(`SELECT 1 FROM "IdentityLinkCode" WHERE code = $1 AND "expiresAt" > $2`, [code, now]));
  }

  /** Attaches this account to the person who issued the code. */
  async redeem(raw: string, chat: ChatRef): Promise<LinkResult> {
    const now = this.now();
    const code = normalizeCode(raw);
    if (!code) return "unknown_code";
    return this.sql.tx(async (tx) => {
      const link = await tx.one<{ personId: string; expiresAt: Date }>(`SELECT "personId", "expiresAt" FROM "IdentityLinkCode" WHERE code = $1 FOR UPDATE`, [code]);
      if (!link || link.expiresAt <= now) return "unknown_code";
      // An organisation of the person does not allow this messenger: the code stays for an allowed one.
      const allowed = await tx.one<{ allowed: boolean }>(`SELECT ${allowedByOrganisations("x")} AS allowed FROM (SELECT $1::"Platform" AS platform, $2::text AS "personId") x`, [chat.platform, link.personId]);
      if (!allowed?.allowed) return "not_allowed";
      const identity = await tx.one<{ id: string; personId: string; owned: number }>(
        `SELECT i.id, i."personId",
           (SELECT count(*) FROM "Participation" WHERE "personId" = i."personId") + (SELECT count(*) FROM "FormResponse" WHERE "personId" = i."personId")
           + (SELECT count(*) FROM "Administrator" WHERE "personId" = i."personId") AS owned
         FROM "MessengerIdentity" i WHERE i.platform = $1::"Platform" AND i."externalId" = $2`,
        [chat.platform, chat.userId],
      );
      if (identity?.personId === link.personId) return "already";
      if (identity) {
        if (Number(identity.owned) > 0) return "has_own_data";
        await tx.exec(`UPDATE "MessengerIdentity" SET "personId" = $2, "chatId" = $3 WHERE id = $1`, [identity.id, link.personId, chat.chatId]);
        await tx.exec(`DELETE FROM "Person" WHERE id = $1`, [identity.personId]);
      } else {
        await tx.exec(`INSERT INTO "MessengerIdentity"(id, "personId", platform, "externalId", "chatId", "createdAt") VALUES ($1, $2, $3::"Platform", $4, $5, $6)`, [
          newId(),
          link.personId,
          chat.platform,
          chat.userId,
          chat.chatId,
          now,
        ]);
      }
      await tx.exec(`DELETE FROM "IdentityLinkCode" WHERE code = $1`, [code]);
      return "linked";
    });
  }
}
