import type { PrismaClient } from "../db/client.js";

/**
 * When the scheduler looks at a pair (with its meetings) or a programme again: the row's
 * `nextLookAt`, an indexed column. The tick takes the rows whose moment has come, decides what
 * is due for them, and writes each one's next moment — the earliest at which anything of it can
 * fall due as things stand — or null when nothing can any more. A change that may bring a moment
 * forward (a meeting confirmed, moved or cancelled, a pair ended, a mentee joining) writes
 * `LOOK_NOW`, and a new row has it by default, so the next tick looks at it.
 */

/** "Look at it at the next tick": what a change writes, and a new row's default. */
export const LOOK_NOW = new Date(0);

/** How long rows taken by a tick stay its own; rows of a tick that died are taken again after this. */
export const LEASE_MS = 5 * 60_000;

export type ScheduledTable = "Pair" | "Programme";

export interface Claim {
  ids: string[];
  /** The moment written into the taken rows; a row that still holds it when the tick is done was not changed meanwhile. */
  lease: Date;
}

export class LifecycleSchedule {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Takes up to `limit` rows of `table` whose moment has come at `now`, earliest first: their
   * moment moves to the lease's end, so another tick (another worker) skips them, and rows a
   * transaction holds are skipped rather than waited for.
   */
  async claim(table: ScheduledTable, now: Date, limit: number): Promise<Claim> {
    const lease = new Date(now.getTime() + LEASE_MS);
    const rows = await this.prisma.$queryRawUnsafe<{ id: string }[]>(
      `UPDATE "${table}" t SET "nextLookAt" = $1::timestamp
       FROM (SELECT id FROM "${table}" WHERE "nextLookAt" <= $2::timestamp ORDER BY "nextLookAt" LIMIT $3 FOR UPDATE SKIP LOCKED) due
       WHERE t.id = due.id RETURNING t.id`,
      iso(lease),
      iso(now),
      limit,
    );
    return { ids: rows.map((r) => r.id), lease };
  }

  /**
   * Writes each taken row's next moment (null: nothing can fall due any more). A row changed
   * since it was taken (its moment is no longer the lease) keeps `LOOK_NOW`, so the next tick
   * looks at it again.
   */
  async release(table: ScheduledTable, claim: Claim, next: ReadonlyMap<string, Date>): Promise<void> {
    if (!claim.ids.length) return;
    await this.prisma.$executeRawUnsafe(
      `UPDATE "${table}" t SET "nextLookAt" = v.next
       FROM unnest($1::text[], $2::timestamp[]) AS v(id, next)
       WHERE t.id = v.id AND t."nextLookAt" = $3::timestamp`,
      claim.ids,
      claim.ids.map((id) => {
        const at = next.get(id);
        return at ? iso(at) : null;
      }),
      iso(claim.lease),
    );
  }

  /** The earliest moment of any row of `table` (null when none is scheduled): for tests and the benchmark. */
  async earliest(table: ScheduledTable): Promise<Date | null> {
    const [row] = await this.prisma.$queryRawUnsafe<{ at: Date | null }[]>(`SELECT min("nextLookAt") AS at FROM "${table}"`);
    return row?.at ?? null;
  }
}

/** A UTC timestamp as the `timestamp` columns hold it (sessions run in UTC). */
const iso = (d: Date): string => d.toISOString().replace("T", " ").replace("Z", "");
