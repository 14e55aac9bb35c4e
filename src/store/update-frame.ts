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
  /** Their data may be processed: their own consent, or a legal representative's for a minor. */
  hasConsent: boolean;
  /** Their own consent (an adult's, or a minor's from 14). */
  hasOwnConsent: boolean;
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
 * The frame's statements, prepared once on each connection of the frame pool (sent before the
 * connection's first frame, in its first round trip) and then executed with escaped literals
 * inside the frames' multi-statement queries: a statement sent with its literals is planned on
 * every update, a prepared one keeps its plan. Each runs as a command of its own, seeing what
 * committed before it — the conversation and the person are read after the chat's lock is held.
 */
const PREPARE = [
  `PREPARE frame_lock(text) AS SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`,
  `PREPARE frame_record(text, timestamp) AS INSERT INTO "ProcessedUpdate"(key, at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key`,
  `PREPARE frame_conversation(text) AS SELECT state FROM "Conversation" WHERE "chatKey" = $1`,
  `PREPARE frame_person("Platform", text) AS
     SELECT p.id, p.language, p."displayName", p."isMinor", i.username AS "accountUsername", i.unreachable AS "accountUnreachable",
       ARRAY(SELECT k.kind::text FROM "Consent" k WHERE k."personId" = p.id AND k."withdrawnAt" IS NULL) AS consents
     FROM "MessengerIdentity" i LEFT JOIN "Person" p ON p.id = i."personId" AND p."erasedAt" IS NULL
     WHERE i.platform = $1 AND i."externalId" = $2`,
  `PREPARE frame_save(text, text, text, jsonb, timestamp) AS
     INSERT INTO "Conversation"("chatKey", "personId", "flowId", state, "updatedAt") VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ("chatKey") DO UPDATE SET "personId" = EXCLUDED."personId", "flowId" = EXCLUDED."flowId", state = EXCLUDED.state, "updatedAt" = EXCLUDED."updatedAt"`,
];

/** Connections whose statements are prepared (a connection that failed a frame is dropped, never reused). */
const prepared = new WeakSet<pg.PoolClient>();

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
      // One round trip to open the frame, one to close it.
      const preparing = prepared.has(client) ? [] : PREPARE;
      const opened = (await client.query(
        [...preparing, "BEGIN", `EXECUTE frame_lock(${lit(key)})`, `EXECUTE frame_record(${lit(updateKey)}, ${at})`, `EXECUTE frame_conversation(${lit(key)})`, `EXECUTE frame_person(${lit(chat.platform)}, ${lit(chat.userId)})`].join(";\n"),
      )) as unknown as pg.QueryResult[];
      prepared.add(client);
      const [recorded, conversation, person] = opened.slice(-3) as [pg.QueryResult, pg.QueryResult, pg.QueryResult];
      if (recorded.rowCount === 0) {
        await client.query("ROLLBACK");
        return { duplicate: true };
      }
      const row = person.rows[0] ?? {};
      const loaded: FlowState | null = conversation.rows[0]?.state ?? null;
      const consents: string[] = row.consents ?? [];
      const frame: Frame = {
        person: row.id
          ? {
              id: row.id,
              language: isLanguage(row.language) ? row.language : "ru",
              displayName: row.displayName,
              isMinor: row.isMinor,
              hasConsent: consents.includes("personal_data") || consents.includes("legal_representative"),
              hasOwnConsent: consents.includes("personal_data"),
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
        save = `EXECUTE frame_save(${lit(key)}, ${personId === null ? "NULL" : lit(personId)}, ${lit(frame.conversation.flowId)}, ${lit(JSON.stringify(frame.conversation))}, ${at})`;
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
