import type { SqlExecutor } from "../db/sql.js";
import { isUniqueViolation, newId } from "../db/sql.js";
import type { ChatRef } from "../domain/messaging.js";
import type { Language } from "../i18n/index.js";
import type { Role } from "../domain/roles.js";
import type { Clock } from "../domain/clock.js";

export interface RoleSummary {
  participations: { programmeId: string; programmeName: string; role: Role; status: string }[];
  administrator: boolean;
}

export class People {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  /** The person behind a messenger account, created on first need. Safe to call twice. */
  async ensure(chat: ChatRef, language: Language): Promise<string> {
    const found = await this.findByAccount(chat.platform, chat.userId);
    if (found) return found;
    try {
      return await this.sql.tx(async (tx) => {
        const id = newId();
        const at = this.now();
        await tx.exec(`INSERT INTO "Person"(id, language, "createdAt") VALUES ($1, $2::"Language", $3)`, [id, language, at]);
        await tx.exec(`INSERT INTO "MessengerIdentity"(id, "personId", platform, "externalId", "chatId", "createdAt") VALUES ($1, $2, $3::"Platform", $4, $5, $6)`, [
          newId(),
          id,
          chat.platform,
          chat.userId,
          chat.chatId,
          at,
        ]);
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const again = await this.findByAccount(chat.platform, chat.userId);
        if (again) return again;
      }
      throw error;
    }
  }

  async findByAccount(platform: ChatRef["platform"], externalId: string): Promise<string | null> {
    const row = await this.sql.one<{ personId: string }>(`SELECT "personId" FROM "MessengerIdentity" WHERE platform = $1::"Platform" AND "externalId" = $2`, [platform, externalId]);
    return row?.personId ?? null;
  }

  /** The account's public username on its messenger (null: it has none any more). */
  async setUsername(chat: ChatRef, username: string | null): Promise<void> {
    await this.sql.exec(`UPDATE "MessengerIdentity" SET username = $3 WHERE platform = $1::"Platform" AND "externalId" = $2`, [chat.platform, chat.userId, username]);
  }

  /** Whether the bot can write to this account: false once it is stopped or blocked, true again when the person writes. */
  async setReachable(chat: ChatRef, reachable: boolean): Promise<void> {
    await this.sql.exec(`UPDATE "MessengerIdentity" SET unreachable = $3 WHERE platform = $1::"Platform" AND "externalId" = $2`, [chat.platform, chat.userId, !reachable]);
  }

  async setLanguage(personId: string, language: Language): Promise<void> {
    await this.sql.exec(`UPDATE "Person" SET language = $2::"Language" WHERE id = $1`, [personId, language]);
  }

  async setMinor(personId: string, isMinor: boolean): Promise<void> {
    await this.sql.exec(`UPDATE "Person" SET "isMinor" = $2 WHERE id = $1`, [personId, isMinor]);
  }

  async setDisplayName(personId: string, displayName: string): Promise<void> {
    await this.sql.exec(`UPDATE "Person" SET "displayName" = $2 WHERE id = $1`, [personId, displayName]);
  }

  async roles(personId: string): Promise<RoleSummary> {
    const [participations, admin] = await Promise.all([
      this.sql.rows<{ programmeId: string; programmeName: string; role: Role; status: string }>(
        `SELECT p."programmeId", g.name AS "programmeName", p.role, p.status FROM "Participation" p JOIN "Programme" g ON g.id = p."programmeId"
         WHERE p."personId" = $1 AND p.status <> 'left' ORDER BY p."joinedAt"`,
        [personId],
      ),
      this.sql.one(`SELECT 1 FROM "Administrator" WHERE "personId" = $1 LIMIT 1`, [personId]),
    ]);
    return { participations, administrator: !!admin };
  }
}
