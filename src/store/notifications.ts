import { allowedByOrganisations } from "./allowed-messengers.js";
import type { SqlExecutor } from "../db/sql.js";
import { newId } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";
import type { TextRef } from "../flows/types.js";
import { planDeliveries, type PlannedDelivery } from "../domain/delivery.js";
import type { Platform } from "../domain/messaging.js";

/**
 * The outbox: every message the bot sends on its own initiative is first a Notification row
 * (one per occurrence and recipient, under a deterministic key), then part of a delivery (a
 * message; several merged when due to one person at once), handed to the outbound queue of
 * the messenger chosen for it. The row records how far its delivery got (parts sent, sent,
 * unreachable, failed), so a delivery retried after a crash goes on from there.
 *
 * A message may carry one picture (the administrators' weekly chart): a PNG of 40–120 KB,
 * kept base64 in the row's payload, sent after the text with its caption.
 */

/** A picture sent after the text, with its caption (at most 1024 characters). */
export interface OutboxImage {
  filename: string;
  /** The file's bytes, base64. */
  base64: string;
  caption: TextRef;
}

export interface OutboxButton {
  label: TextRef;
  command: string;
  args?: string;
}

export interface OutboxMessage {
  personId: string;
  dedupKey: string;
  /** What the message is, for the record and the logs (no personal data). */
  kind: string;
  parts: TextRef[];
  buttons?: OutboxButton[][];
  image?: OutboxImage;
  dueAt: Date;
  /** Messages of one group due to one person at once are merged into one ("reminders", "alerts"). */
  merge?: string | null;
}

export interface OutboxPayload {
  parts: TextRef[];
  buttons?: OutboxButton[][];
  image?: OutboxImage;
  merge?: string | null;
}

export interface ClaimedDelivery {
  key: string;
  personId: string;
  platform: Platform;
}

export interface DeliveryRow {
  id: string;
  personId: string | null;
  dedupKey: string;
  kind: string;
  payload: OutboxPayload;
  status: "pending" | "sent" | "failed" | "unreachable" | "cancelled";
  partsSent: number;
  platform: Platform | null;
}

export interface ClaimResult {
  /** Due rows taken in this call (merged, unreachable and orphaned ones included): fewer than the limit means none are left. */
  rows: number;
  claimed: ClaimedDelivery[];
  /** People reachable on none of the messengers, with how many of their rows were marked so. */
  unreachable: { personId: string; count: number }[];
}

export type NotificationState = "pending" | "sent" | "failed" | "unreachable" | "cancelled";

export class Outbox {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  /** Records messages; those whose key is known already are left alone. Returns the keys recorded now. */
  async add(items: readonly OutboxMessage[]): Promise<string[]> {
    const created: string[] = [];
    for (let i = 0; i < items.length; i += 1000) {
      const chunk = items.slice(i, i + 1000);
      const rows = await this.sql.rows<{ dedupKey: string }>(
        `INSERT INTO "Notification"(id, "personId", "dedupKey", kind, payload, "dueAt", status, "createdAt")
         SELECT v.id, v.person, v.key, v.kind, v.payload::jsonb, v.due, 'pending', $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp[]) AS v(id, person, key, kind, payload, due)
         ON CONFLICT ("dedupKey") DO NOTHING RETURNING "dedupKey"`,
        [
          chunk.map(() => newId()),
          chunk.map((m) => m.personId),
          chunk.map((m) => m.dedupKey),
          chunk.map((m) => m.kind),
          chunk.map((m) => JSON.stringify({ parts: m.parts, buttons: m.buttons, image: m.image, merge: m.merge ?? null } satisfies OutboxPayload)),
          chunk.map((m) => m.dueAt),
          this.now(),
        ],
      );
      created.push(...rows.map((r) => r.dedupKey));
    }
    return created;
  }

  /** Which of these keys are recorded already. */
  async known(dedupKeys: readonly string[]): Promise<Set<string>> {
    if (!dedupKeys.length) return new Set();
    const rows = await this.sql.rows<{ dedupKey: string }>(`SELECT "dedupKey" FROM "Notification" WHERE "dedupKey" = ANY($1::text[])`, [dedupKeys]);
    return new Set(rows.map((r) => r.dedupKey));
  }

  async states(dedupKeys: readonly string[]): Promise<Map<string, NotificationState>> {
    if (!dedupKeys.length) return new Map();
    const rows = await this.sql.rows<{ dedupKey: string; status: NotificationState }>(`SELECT "dedupKey", status FROM "Notification" WHERE "dedupKey" = ANY($1::text[])`, [dedupKeys]);
    return new Map(rows.map((r) => [r.dedupKey, r.status]));
  }

  /**
   * Turns the notifications due at `now` (of these people, when named) into deliveries: the
   * rows are locked (another dispatcher skips them), merged where they may be, given the
   * recipient's first reachable messenger of `platforms`, and marked with their delivery's
   * key in one transaction. Recipients reachable nowhere get their rows marked unreachable.
   */
  async claimDue(now: Date, platforms: readonly Platform[], options: { personIds?: string[]; limit?: number } = {}): Promise<ClaimResult> {
    return this.sql.tx(async (tx) => {
      const due = await tx.rows<{ id: string; personId: string | null; dedupKey: string; merge: string | null; dueAt: Date }>(
        `SELECT id, "personId", "dedupKey", payload->>'merge' AS merge, "dueAt" FROM "Notification"
         WHERE status = 'pending' AND "deliveryKey" IS NULL AND "dueAt" <= $1 AND ($2::text[] IS NULL OR "personId" = ANY($2::text[]))
         ORDER BY "dueAt", id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [now, options.personIds ?? null, options.limit ?? 5000],
      );
      if (!due.length) return { rows: 0, claimed: [], unreachable: [] };
      const orphans = due.filter((d) => !d.personId).map((d) => d.id);
      if (orphans.length) await tx.exec(`UPDATE "Notification" SET status = 'failed' WHERE id = ANY($1::text[])`, [orphans]);
      const people = [...new Set(due.flatMap((d) => (d.personId ? [d.personId] : [])))];
      const channels = await tx.rows<{ personId: string; platform: Platform }>(
        `SELECT DISTINCT ON (i."personId") i."personId", i.platform FROM "MessengerIdentity" i JOIN "Person" p ON p.id = i."personId"
         WHERE i."personId" = ANY($1::text[]) AND NOT i.unreachable AND p."erasedAt" IS NULL AND ${allowedByOrganisations("i")} AND i.platform::text = ANY($2::text[])
         ORDER BY i."personId", i."createdAt", i.id`,
        [people, platforms],
      );
      const channelOf = new Map(channels.map((c) => [c.personId, c.platform]));
      const reachable = due.filter((d): d is typeof d & { personId: string } => !!d.personId && channelOf.has(d.personId));
      const nowhere = due.filter((d) => d.personId && !channelOf.has(d.personId));
      if (nowhere.length) await tx.exec(`UPDATE "Notification" SET status = 'unreachable' WHERE id = ANY($1::text[])`, [nowhere.map((d) => d.id)]);
      const planned: PlannedDelivery[] = planDeliveries(reachable);
      const ids: string[] = [];
      const keys: string[] = [];
      const platformsOf: string[] = [];
      for (const p of planned) {
        for (const id of p.notificationIds) {
          ids.push(id);
          keys.push(p.key);
          platformsOf.push(channelOf.get(p.personId)!);
        }
      }
      if (ids.length) {
        await tx.exec(
          `UPDATE "Notification" AS n SET "deliveryKey" = v.key, platform = v.platform::"Platform", "claimedAt" = $4, "partsSent" = 0
           FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, key, platform) WHERE n.id = v.id`,
          [ids, keys, platformsOf, now],
        );
      }
      const counts = new Map<string, number>();
      for (const d of nowhere) counts.set(d.personId!, (counts.get(d.personId!) ?? 0) + 1);
      return {
        rows: due.length,
        claimed: planned.map((p) => ({ key: p.key, personId: p.personId, platform: channelOf.get(p.personId)! })),
        unreachable: [...counts].map(([personId, count]) => ({ personId, count })),
      };
    });
  }

  /** Deliveries claimed at least `olderThanMs` before `now` (any, when null) and not finished: their jobs are handed over again (a no-op when they exist). */
  async unfinished(now: Date, olderThanMs: number | null, limit = 50_000): Promise<ClaimedDelivery[]> {
    return this.sql.rows<ClaimedDelivery>(
      `SELECT DISTINCT ON ("deliveryKey") "deliveryKey" AS key, "personId", platform FROM "Notification"
       WHERE status = 'pending' AND "deliveryKey" IS NOT NULL AND ($1::timestamp IS NULL OR "claimedAt" <= $1) AND "personId" IS NOT NULL AND platform IS NOT NULL
       ORDER BY "deliveryKey" LIMIT $2`,
      [olderThanMs === null ? null : new Date(now.getTime() - olderThanMs), limit],
    );
  }

  async delivery(key: string): Promise<DeliveryRow[]> {
    return this.sql.rows<DeliveryRow>(
      `SELECT id, "personId", "dedupKey", kind, payload, status, "partsSent", platform FROM "Notification" WHERE "deliveryKey" = $1 ORDER BY "dueAt", "dedupKey"`,
      [key],
    );
  }

  /** One more part went out; with the last one the delivery is sent. A single statement, right after the messenger answered. */
  async partSent(key: string, parts: number, last: boolean, at: Date): Promise<void> {
    if (last) {
      await this.sql.exec(`UPDATE "Notification" SET "partsSent" = $2, status = 'sent', "sentAt" = $3, attempts = attempts + 1 WHERE "deliveryKey" = $1 AND status = 'pending'`, [key, parts, at]);
    } else {
      await this.sql.exec(`UPDATE "Notification" SET "partsSent" = $2 WHERE "deliveryKey" = $1 AND status = 'pending'`, [key, parts]);
    }
  }

  async finish(key: string, status: "failed" | "unreachable" | "cancelled"): Promise<void> {
    await this.sql.exec(`UPDATE "Notification" SET status = $2::"NotificationStatus", attempts = attempts + 1 WHERE "deliveryKey" = $1 AND status = 'pending'`, [key, status]);
  }

  /** The delivery goes to another messenger of the person (the first one is blocked): from its first part again. */
  async reroute(key: string, platform: Platform, now: Date): Promise<void> {
    await this.sql.exec(`UPDATE "Notification" SET platform = $2::"Platform", "partsSent" = 0, "claimedAt" = $3 WHERE "deliveryKey" = $1 AND status = 'pending'`, [key, platform, now]);
  }

  /** The person's reachable account on this messenger, with their language. */
  async target(personId: string, platform: Platform): Promise<{ identityId: string; chatId: string; language: string } | null> {
    const row = await this.sql.one<{ identityId: string; chatId: string; language: string }>(
      `SELECT i.id AS "identityId", i."chatId", p.language FROM "MessengerIdentity" i JOIN "Person" p ON p.id = i."personId"
       WHERE i."personId" = $1 AND i.platform = $2::"Platform" AND NOT i.unreachable AND p."erasedAt" IS NULL AND ${allowedByOrganisations("i")} ORDER BY i."createdAt", i.id LIMIT 1`,
      [personId, platform],
    );
    return row ?? null;
  }

  /**
   * The person's accounts the bot may write to — reachable, on a messenger their organisations
   * allow — the first one they used first, each with the person's language (none: erased).
   */
  async accounts(personId: string): Promise<{ id: string; platform: Platform; chatId: string; externalId: string; language: string }[]> {
    return this.sql.rows(
      `SELECT i.id, i.platform::text AS platform, i."chatId", i."externalId", p.language::text AS language FROM "MessengerIdentity" i JOIN "Person" p ON p.id = i."personId"
       WHERE i."personId" = $1 AND NOT i.unreachable AND p."erasedAt" IS NULL AND ${allowedByOrganisations("i")} ORDER BY i."createdAt", i.id`,
      [personId],
    );
  }

  /** The first of these messengers on which the person can still be reached. */
  async reachablePlatform(personId: string, platforms: readonly Platform[]): Promise<Platform | null> {
    if (!platforms.length) return null;
    const row = await this.sql.one<{ platform: Platform }>(
      `SELECT i.platform FROM "MessengerIdentity" i JOIN "Person" p ON p.id = i."personId"
       WHERE i."personId" = $1 AND i.platform::text = ANY($2::text[]) AND NOT i.unreachable AND p."erasedAt" IS NULL AND ${allowedByOrganisations("i")} ORDER BY i."createdAt", i.id LIMIT 1`,
      [personId, platforms],
    );
    return row?.platform ?? null;
  }

  /** The person blocked the bot on this account (403). */
  async markUnreachable(identityId: string): Promise<void> {
    await this.sql.exec(`UPDATE "MessengerIdentity" SET unreachable = TRUE WHERE id = $1`, [identityId]);
  }

  /** Pending rows that are due (claimed or not), for waiting until the outbox is drained. */
  async pendingDue(now: Date): Promise<number> {
    const row = await this.sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM "Notification" WHERE status = 'pending' AND "dueAt" <= $1`, [now]);
    return row?.n ?? 0;
  }

  /** How the rows of these kinds stand (tests and benchmarks): status → count. */
  async tally(kindPrefix: string): Promise<Record<NotificationState, number>> {
    const rows = await this.sql.rows<{ status: NotificationState; n: number }>(`SELECT status, count(*)::int AS n FROM "Notification" WHERE kind LIKE $1 GROUP BY status`, [`${kindPrefix.replace(/[%_\\]/g, "\\$&")}%`]);
    const out: Record<NotificationState, number> = { pending: 0, sent: 0, failed: 0, unreachable: 0, cancelled: 0 };
    for (const r of rows) out[r.status] = r.n;
    return out;
  }

  /** Notifications no longer worth sending (their meeting was cancelled or moved), while not yet delivered. */
  async cancel(dedupKeyPrefix: string): Promise<number> {
    const rows = await this.sql.rows(`UPDATE "Notification" SET status = 'cancelled' WHERE status = 'pending' AND "deliveryKey" IS NULL AND "dedupKey" LIKE $1 RETURNING id`, [`${dedupKeyPrefix.replace(/[%_\\]/g, "\\$&")}%`]);
    return rows.length;
  }
}
