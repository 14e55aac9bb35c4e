import type { SqlExecutor } from "../db/sql.js";
import { newId } from "../db/sql.js";
import type { ConsentKind } from "../domain/consent.js";
import type { Clock } from "../domain/clock.js";
import type { ChatRef } from "../domain/messaging.js";

export interface ConsentInput {
  personId: string;
  kind: ConsentKind;
  version: string;
  /** The SHA-256 of the document's text as shown (a ConsentDocument kept when it was shown). */
  textHash?: string;
  /** Where the button was pressed: the messenger and the account. */
  chat?: ChatRef;
  representativeName?: string;
  representativeRelation?: string;
}

export class Consents {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  /** Records a consent once: giving the same consent to the same text again (a redelivered update) changes nothing. */
  async record(input: ConsentInput): Promise<void> {
    await this.sql.exec(
      `INSERT INTO "Consent"(id, "personId", kind, version, "representativeName", "representativeRelation", "textHash", platform, "identityId", "givenAt")
       SELECT $1, $2, $3::"ConsentKind", $4, $5, $6, $7, $8::"Platform",
              (SELECT id FROM "MessengerIdentity" WHERE platform = $8::"Platform" AND "externalId" = $9 AND "personId" = $2), $10
       WHERE NOT EXISTS (SELECT 1 FROM "Consent" WHERE "personId" = $2 AND kind = $3::"ConsentKind" AND version = $4
                           AND "textHash" IS NOT DISTINCT FROM $7 AND "withdrawnAt" IS NULL)`,
      [
        newId(),
        input.personId,
        input.kind,
        input.version,
        input.representativeName ?? null,
        input.representativeRelation ?? null,
        input.textHash ?? null,
        input.chat?.platform ?? null,
        input.chat?.userId ?? null,
        this.now(),
      ],
    );
  }

  async active(personId: string): Promise<{ kind: ConsentKind; version: string; givenAt: Date; representativeName: string | null }[]> {
    return this.sql.rows(
      `SELECT kind, version, "givenAt", "representativeName" FROM "Consent" WHERE "personId" = $1 AND "withdrawnAt" IS NULL ORDER BY "givenAt"`,
      [personId],
    );
  }
}
