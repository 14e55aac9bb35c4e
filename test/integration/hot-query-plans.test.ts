import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRegion } from "../../bench/region-seed.js";
import { startHarness, type Harness } from "../support/harness.js";

const T0 = new Date("2026-12-07T05:00:00Z");

/** A SQL literal of a UTC moment, as the timestamp columns hold it. */
const at = (d: Date) => `'${d.toISOString().replace("T", " ").replace("Z", "")}'::timestamp`;
const list = (values: string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, out: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) out.push(node["Relation Name"]);
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

/**
 * The statements the scheduler, the outbox and every update send, planned against a seeded
 * region with sequential scans priced out: a table read from start to end even so has no index
 * the statement can use.
 */
describe("the hot statements are served by indexes", () => {
  let h: Harness;
  const hot: Record<string, string> = {};

  beforeAll(async () => {
    const clock = { now: T0 };
    h = await startHarness({ app: { now: () => clock.now, outbound: { consume: false } } });
    await seedRegion(h.database.url, 2_000, T0);
    await h.app.db.sql.exec("ANALYZE");
    const q = <T>(text: string) => h.app.db.sql.rows<T>(text);
    const pairs = (await q<{ id: string }>(`SELECT id FROM "Pair" ORDER BY id LIMIT 200`)).map((r) => r.id);
    const meetings = (await q<{ id: string }>(`SELECT id FROM "Meeting" ORDER BY id LIMIT 500`)).map((r) => r.id);
    const programme = (await q<{ id: string }>(`SELECT id FROM "Programme" ORDER BY id LIMIT 1`))[0]!.id;
    const person = (await q<{ id: string }>(`SELECT id FROM "Person" ORDER BY id LIMIT 1`))[0]!.id;
    const participations = (await q<{ id: string }>(`SELECT id FROM "Participation" WHERE role = 'mentee' ORDER BY id LIMIT 50`)).map((r) => r.id);
    const identity = (await q<{ platform: string; externalId: string }>(`SELECT platform::text, "externalId" FROM "MessengerIdentity" ORDER BY id LIMIT 1`))[0]!;
    const keys = (await q<{ dedupKey: string }>(`SELECT "dedupKey" FROM "Notification" ORDER BY id LIMIT 200`)).map((r) => r.dedupKey);
    const now = at(T0);
    Object.assign(hot, {
      "the scheduler takes the pairs due": `SELECT id FROM "Pair" WHERE "nextLookAt" <= ${now} ORDER BY "nextLookAt" LIMIT 1000 FOR UPDATE SKIP LOCKED`,
      "the scheduler takes the programmes due": `SELECT id FROM "Programme" WHERE "nextLookAt" <= ${now} ORDER BY "nextLookAt" LIMIT 1000 FOR UPDATE SKIP LOCKED`,
      "a round reads its pairs' meetings": `SELECT id, "startsAt", "confirmedAt", place, stage, "pairId" FROM "Meeting" WHERE status = 'confirmed' AND "startsAt" > ${now} AND "pairId" IN (${list(pairs)})`,
      "a round reads its pairs' last and next meetings": `SELECT "pairId", max("startsAt"), min("startsAt") FROM "Meeting" WHERE "pairId" = ANY(ARRAY[${list(pairs)}]) GROUP BY "pairId"`,
      "a round reads the forms given about its meetings": `SELECT "personId", "subjectKey" FROM "FormResponse" WHERE "formId" = 'meeting-feedback' AND "subjectKey" IN (${list(meetings)}) AND "submittedAt" IS NOT NULL`,
      "a pair's number": `SELECT count(*) FROM "Pair" WHERE "programmeId" = '${programme}' AND ("confirmedAt" < ${now} OR ("confirmedAt" = ${now} AND id <= 'x'))`,
      "the unmatched mentees of a programme": `SELECT id FROM "Participation" WHERE "programmeId" = '${programme}' AND role = 'mentee' AND status IN ('joined', 'approved', 'active')`,
      "the mentees' pairs": `SELECT "pairId" FROM "PairMember" WHERE "menteeId" IN (${list(participations)}) AND "leftAt" IS NULL`,
      "the outbox's rows already there": `SELECT "dedupKey" FROM "Notification" WHERE "dedupKey" = ANY(ARRAY[${list(keys)}])`,
      "the outbox's rows due": `SELECT id FROM "Notification" WHERE status = 'pending' AND "deliveryKey" IS NULL AND "dueAt" <= ${now} ORDER BY "dueAt", id LIMIT 5000 FOR UPDATE SKIP LOCKED`,
      "the deliveries to hand over again": `SELECT DISTINCT ON ("deliveryKey") "deliveryKey" FROM "Notification" WHERE status = 'pending' AND "deliveryKey" IS NOT NULL AND "claimedAt" <= ${now} ORDER BY "deliveryKey" LIMIT 50000`,
      "a person's waiting messages": `SELECT id FROM "Notification" WHERE "personId" = '${person}' AND status = 'pending'`,
      "the account behind an update": `SELECT id, "personId" FROM "MessengerIdentity" WHERE platform = '${identity.platform}' AND "externalId" = '${identity.externalId}'`,
      "a person's accounts": `SELECT id FROM "MessengerIdentity" WHERE "personId" = '${person}'`,
      "a person's places": `SELECT id FROM "Participation" WHERE "personId" = '${person}'`,
      "a chat's conversation": `SELECT state FROM "Conversation" WHERE "chatKey" = 'telegram:1'`,
      "an update seen before": `SELECT 1 FROM "ProcessedUpdate" WHERE key = 'tg:1'`,
      "a person's consents": `SELECT kind FROM "Consent" WHERE "personId" = '${person}' AND "withdrawnAt" IS NULL`,
    });
  }, 300_000);
  afterAll(() => h?.close());

  it("no hot statement reads a table from start to end", async () => {
    const found: Record<string, string[]> = {};
    await h.app.db.sql.tx(async (tx) => {
      await tx.exec("SET LOCAL enable_seqscan = off");
      for (const [name, text] of Object.entries(hot)) {
        const [row] = await tx.rows<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${text}`);
        const scans = seqScans(row!["QUERY PLAN"][0].Plan);
        if (scans.length) found[name] = scans;
      }
    });
    expect(found).toEqual({});
    expect(Object.keys(hot).length).toBeGreaterThan(15);
  });

  it("a statement without an index is caught", async () => {
    await h.app.db.sql.tx(async (tx) => {
      await tx.exec("SET LOCAL enable_seqscan = off");
      const [row] = await tx.rows<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) SELECT id FROM "Meeting" WHERE place = 'Кабинет 1'`);
      expect(seqScans(row!["QUERY PLAN"][0].Plan)).toEqual(["Meeting"]);
    });
  });
});
