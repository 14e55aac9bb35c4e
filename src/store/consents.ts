import type { SqlExecutor } from "../db/sql.js";
import { newId } from "../db/sql.js";
import type { ConsentKind } from "../domain/consent.js";
import type { Clock } from "../domain/clock.js";

export class Consents {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  /** Records a consent once: giving the same consent again (a redelivered update) changes nothing. */
  async record(input: { personId: string; kind: ConsentKind; version: string; representativeName?: string }): Promise<void> {
    await this.sql.exec(
      `INSERT INTO "Consent"(id, "personId", kind, version, "representativeName", "givenAt")
       SELECT $1, $2, $3::"ConsentKind", $4, $5, $6
       WHERE NOT EXISTS (SELECT 1 FROM "Consent" WHERE "personId" = $2 AND kind = $3::"ConsentKind" AND version = $4 AND "withdrawnAt" IS NULL)`,
      [newId(), input.personId, input.kind, input.version, input.representativeName ?? null, this.now()],
    );
  }

  async active(personId: string): Promise<{ kind: ConsentKind; version: string; givenAt: Date; representativeName: string | null }[]> {
    return this.sql.rows(
      `SELECT kind, version, "givenAt", "representativeName" FROM "Consent" WHERE "personId" = $1 AND "withdrawnAt" IS NULL ORDER BY "givenAt"`,
      [personId],
    );
  }
}
