import type { SqlExecutor } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  outcome: "allowed" | "denied";
  targetType?: string;
  targetId?: string;
  programmeId?: string;
  /** Identifiers and counts only, never personal data. */
  details?: Record<string, string | number | boolean | null>;
}

export class Audit {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.sql.exec(
      `INSERT INTO "AuditLog"("actorId", action, outcome, "targetType", "targetId", "programmeId", details, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.actorId ?? null, entry.action, entry.outcome, entry.targetType ?? null, entry.targetId ?? null, entry.programmeId ?? null, JSON.stringify(entry.details ?? {}), this.now()],
    );
  }
}
