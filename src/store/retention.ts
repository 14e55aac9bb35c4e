import type { PrismaClient } from "../db/client.js";
import { dueDestruction, retentionEnds, type DueDestruction } from "../domain/retention.js";
import { inBatches } from "./batches.js";

export interface DueSubject extends DueDestruction {
  personId: string;
}

/**
 * Whose personal data are due for destruction (src/domain/retention.ts decides): people whose
 * every programme is past its organisation's retention term, and people with a consent
 * withdrawn and none of its kind in force. Erased people and administrators are left out of the
 * first; the ids go to the database as one array each, whatever their number.
 */
export class Retention {
  constructor(private readonly prisma: PrismaClient) {}

  /** When each programme's data are due, by programme id. */
  async programmeTerms(): Promise<Map<string, Date>> {
    const programmes = await this.prisma.programme.findMany({ select: { id: true, endsOn: true, organisation: { select: { retentionMarginDays: true, timezone: true } } } });
    return new Map(programmes.map((p) => [p.id, retentionEnds(p.endsOn, p.organisation.retentionMarginDays, p.organisation.timezone)]));
  }

  /** Everyone due at `now`, at most `limit`, those whose reason is oldest first. */
  async due(now: Date, limit = 500): Promise<DueSubject[]> {
    const terms = await this.programmeTerms();
    const past = [...terms].filter(([, term]) => term <= now).map(([id]) => id);
    const ended = past.length
      ? await this.prisma.$queryRawUnsafe<{ id: string }[]>(
          `SELECT p.id FROM "Person" p
           WHERE p."erasedAt" IS NULL
             AND EXISTS (SELECT 1 FROM "Participation" x WHERE x."personId" = p.id AND x."programmeId" = ANY($1::text[]))
             AND NOT EXISTS (SELECT 1 FROM "Participation" x WHERE x."personId" = p.id AND NOT (x."programmeId" = ANY($1::text[])))
             AND NOT EXISTS (SELECT 1 FROM "Administrator" a WHERE a."personId" = p.id)
           ORDER BY p.id LIMIT $2`,
          past,
          limit,
        )
      : [];
    const withdrawn = await this.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT DISTINCT c."personId" AS id FROM "Consent" c JOIN "Person" p ON p.id = c."personId"
       WHERE p."erasedAt" IS NULL AND c."withdrawnAt" IS NOT NULL AND c."withdrawnAt" <= $1
         AND NOT EXISTS (SELECT 1 FROM "Consent" k WHERE k."personId" = c."personId" AND k.kind = c.kind AND k."withdrawnAt" IS NULL)
       ORDER BY c."personId" LIMIT $2`,
      now,
      limit,
    );
    const ids = [...new Set([...ended, ...withdrawn].map((r) => r.id))];
    const people = await inBatches(ids, (slice) =>
      this.prisma.person.findMany({
        where: { id: { in: slice } },
        select: { id: true, participations: { select: { programmeId: true } }, consents: { select: { kind: true, withdrawnAt: true } }, administrator: { select: { id: true }, take: 1 } },
      }),
    );
    const due: DueSubject[] = [];
    for (const p of people) {
      const decided = dueDestruction(
        { programmeTerms: p.participations.map((x) => terms.get(x.programmeId)!).filter(Boolean), consents: p.consents, administrator: p.administrator.length > 0 },
        now,
      );
      if (decided) due.push({ personId: p.id, ...decided });
    }
    return due.sort((a, b) => a.reasonAt.getTime() - b.reasonAt.getTime() || a.personId.localeCompare(b.personId)).slice(0, limit);
  }
}
