import type pg from "pg";
import type { ChatRef } from "../domain/messaging.js";
import { chatKey } from "../domain/messaging.js";
import type { FlowState } from "../flows/types.js";
import { isLanguage, type Language } from "../i18n/index.js";
import { BufferedSql, oneQueryAtATime } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";
import { withinFrame, type FrameTransaction } from "../db/frame-context.js";

/** What the core knows about the person in a chat while it handles one update. */
export interface PersonSnapshot {
  id: string;
  language: Language;
  displayName: string | null;
  isMinor: boolean | null;
  hasConsent: boolean;
  hasRepresentativeConsent: boolean;
}

export interface Frame {
  readonly person: PersonSnapshot | null;
  conversation: FlowState | null;
  /** This update's transaction: writes made here commit with the update, atomically and once. */
  readonly sql: BufferedSql;
  /** The username stored for the chat's account (null when none or no account yet). */
  readonly accountUsername: string | null;
  /** The account stopped or blocked the bot (the outbound queues write to the person's other messengers). */
  readonly accountUnreachable: boolean;
}

/** `notify`: people whose outbox rows the update wrote, for the outbound queues once committed. */
export type FrameOutcome<T> = { duplicate: true } | { duplicate: false; result: T; notify: string[]; jobs: FrameTransaction["jobs"] };

/**
 * Reads the conversation, then the person behind the account with the consents in force;
 * literals are escaped by the caller. Two plain lookups rather than one join: a statement sent
 * with its literals is planned each time, and these two plan in a third of the join's time.
 */
function loadStatements(chatKeyLiteral: string, platformLiteral: string, userLiteral: string): string {
  return `SELECT state FROM "Conversation" WHERE "chatKey" = ${chatKeyLiteral};
SELECT p.id, p.language, p."displayName", p."isMinor", i.username AS "accountUsername", i.unreachable AS "accountUnreachable",
  ARRAY(SELECT k.kind::text FROM "Consent" k WHERE k."personId" = p.id AND k."withdrawnAt" IS NULL) AS consents
FROM "MessengerIdentity" i LEFT JOIN "Person" p ON p.id = i."personId" AND p."erasedAt" IS NULL
WHERE i.platform = ${platformLiteral}::"Platform" AND i."externalId" = ${userLiteral}`;
}

/**
 * The transaction around one incoming update. It holds a per-chat advisory lock (updates
 * of one chat are handled one at a time, across processes), records the update key (a
 * redelivered update is skipped), loads the person and the conversation, and commits the
 * handler's writes with the conversation when the handler is done: the effects of an
 * update are stored once, together with the record that it was handled. Nothing is
 * committed if the handler fails, so the messenger's redelivery runs it again.
 */
export class UpdateFrames {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: Clock,
  ) {}

  async run<T>(updateKey: string, chat: ChatRef, handler: (frame: Frame) => Promise<T>): Promise<FrameOutcome<T>> {
    const key = chatKey(chat);
    const client = await this.pool.connect();
    const restore = oneQueryAtATime(client);
    const lit = (v: string) => client.escapeLiteral(v);
    const at = lit(this.now().toISOString());
    let failed = false;
    try {
      // One round trip to open the frame, one to close it (the values are escaped literals).
      const opened = (await client.query(
        `BEGIN;
         SELECT pg_advisory_xact_lock(hashtextextended(${lit(key)}, 0));
         INSERT INTO "ProcessedUpdate"(key, at) VALUES (${lit(updateKey)}, ${at}) ON CONFLICT DO NOTHING RETURNING key;
         ${loadStatements(lit(key), lit(chat.platform), lit(chat.userId))}`,
      )) as unknown as pg.QueryResult[];
      if (opened[2]!.rowCount === 0) {
        await client.query("ROLLBACK");
        return { duplicate: true };
      }
      const loaded: FlowState | null = opened[3]!.rows[0]?.state ?? null;
      const row = opened[4]!.rows[0] ?? {};
      const consents: string[] = row.consents ?? [];
      const frame: Frame = {
        person: row.id
          ? {
              id: row.id,
              language: isLanguage(row.language) ? row.language : "ru",
              displayName: row.displayName,
              isMinor: row.isMinor,
              hasConsent: consents.includes("personal_data"),
              hasRepresentativeConsent: consents.includes("legal_representative"),
            }
          : null,
        conversation: loaded,
        accountUsername: row.accountUsername ?? null,
        accountUnreachable: row.accountUnreachable === true,
        sql: new BufferedSql(client),
      };
      const transaction: FrameTransaction = { client, flush: () => frame.sql.flush(), open: true, outbox: new Set(), jobs: [], savepoints: 0 };
      let result: T;
      try {
        result = await withinFrame(transaction, () => handler(frame));
      } finally {
        transaction.open = false;
      }
      let save = "";
      if (frame.conversation === null && loaded !== null) {
        save = `DELETE FROM "Conversation" WHERE "chatKey" = ${lit(key)}`;
      } else if (frame.conversation !== null && frame.conversation !== loaded) {
        const personId = frame.conversation.personId ?? frame.person?.id ?? null;
        save = `INSERT INTO "Conversation"("chatKey", "personId", "flowId", state, "updatedAt")
           VALUES (${lit(key)}, ${personId === null ? "NULL" : lit(personId)}, ${lit(frame.conversation.flowId)}, ${lit(JSON.stringify(frame.conversation))}::jsonb, ${at})
           ON CONFLICT ("chatKey") DO UPDATE SET "personId" = EXCLUDED."personId", "flowId" = EXCLUDED."flowId", state = EXCLUDED.state, "updatedAt" = EXCLUDED."updatedAt"`;
      }
      // The handler's writes, the conversation and the commit: one round trip.
      await frame.sql.flush([save, "COMMIT"].filter(Boolean).join(";\n"));
      return { duplicate: false, result, notify: [...transaction.outbox], jobs: transaction.jobs };
    } catch (error) {
      failed = true;
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      // A connection that failed mid-transaction is dropped rather than reused.
      restore();
      client.release(failed ? true : undefined);
    }
  }
}
