import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { seedRegion } from "../../bench/region-seed.js";
import { startHarness, type Harness } from "../support/harness.js";
import { LifecycleScheduler } from "../../src/jobs/lifecycle.js";
import { createLogger } from "../../src/logger.js";

/** 08:00 in Moscow on a Monday of the school year: the moment the region is seeded at and first ticked. */
const T0 = new Date("2026-12-07T05:00:00Z");

let statements = 0;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const harnesses: Harness[] = [];
afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  for (const h of harnesses) await h.close();
});

/** A seeded region of `pairs` pairs, ticked once at T0 (the first tick looks at every programme and pair). */
async function region(pairs: number): Promise<{ h: Harness; clock: { now: Date }; firstLooked: number }> {
  const clock = { now: T0 };
  // Nothing is delivered: what the tick queues stays in the queues, so the statements counted are the tick's own.
  const h = await startHarness({ app: { now: () => clock.now, outbound: { consume: false } } });
  harnesses.push(h);
  await seedRegion(h.database.url, pairs, T0);
  const first = await h.app.lifecycle.tick(T0);
  return { h, clock, firstLooked: first.looked };
}

async function scheduled(h: Harness, at: Date): Promise<number> {
  const [row] = await h.app.db.sql.rows<{ n: number }>(
    `SELECT ((SELECT count(*) FROM "Pair" WHERE "nextLookAt" <= $1) + (SELECT count(*) FROM "Programme" WHERE "nextLookAt" <= $1))::int AS n`,
    [at],
  );
  return row!.n;
}

/** The first moment after `after` at which anything is to be looked at or sent. */
async function nextMoment(h: Harness, after: Date): Promise<Date> {
  const [row] = await h.app.db.sql.rows<{ at: Date }>(
    `SELECT least((SELECT min("nextLookAt") FROM "Pair" WHERE "nextLookAt" > $1), (SELECT min("nextLookAt") FROM "Programme" WHERE "nextLookAt" > $1),
       (SELECT min("dueAt") FROM "Notification" WHERE status = 'pending' AND "dueAt" > $1)) AS at`,
    [after],
  );
  return row!.at;
}

describe("the scheduler looks only at what is due", () => {
  it("a quiet tick sends the same few statements over 200 pairs as over 2,000, and looks at nothing", async () => {
    const quiet: { statements: number; looked: number; dispatched: number }[] = [];
    for (const size of [200, 2_000]) {
      const { h, firstLooked } = await region(size);
      // The first tick looked at every programme and pair once.
      const programmes = await h.app.db.prisma.programme.count();
      expect(firstLooked).toBeGreaterThanOrEqual(programmes + size);
      // Just before the next moment anything is due, nothing is looked at.
      const next = await nextMoment(h, T0);
      const at = new Date(next.getTime() - 1);
      expect(await scheduled(h, at)).toBe(0);
      const s0 = statements;
      const report = await h.app.lifecycle.tick(at);
      quiet.push({ statements: statements - s0, looked: report.looked, dispatched: report.dispatched });
    }
    expect(quiet[0]!.looked).toBe(0);
    expect(quiet[1]!.looked).toBe(0);
    expect(quiet[1]!.dispatched).toBe(0);
    expect(quiet[1]!.statements).toBe(quiet[0]!.statements);
    expect(quiet[1]!.statements).toBeLessThanOrEqual(20);
  }, 600_000);

  it("at its moment a row is looked at, exactly the rows whose moment has come, and each gets a later one", async () => {
    const { h } = await region(300);
    const next = await nextMoment(h, T0);
    const due = await scheduled(h, next);
    const report = await h.app.lifecycle.tick(next);
    expect(report.looked).toBe(due);
    expect(await scheduled(h, next)).toBe(0);
  }, 600_000);

  it("two workers ticking together look at each row once and queue exactly what one worker queues", async () => {
    const size = 2_000;
    // An hour on: the morning's reminders and alerts of several zones fall due.
    const busy = new Date(T0.getTime() + 3600_000);
    const scheduler = (app: Harness["app"]) => new LifecycleScheduler({ prisma: app.db.prisma, services: app.services, outbound: app.outbound, logger: createLogger("warn"), roundSize: 10 });
    const keys = async (h: Harness) => (await h.app.db.prisma.notification.findMany({ select: { dedupKey: true }, orderBy: { dedupKey: "asc" } })).map((n) => n.dedupKey);

    const one = await region(size);
    const due = await scheduled(one.h, busy);
    const alone = await scheduler(one.h.app).tick(busy);
    expect(alone.looked).toBeGreaterThan(40);

    const two = await region(size);
    expect(await scheduled(two.h, busy)).toBe(due);
    const second = two.h.another();
    const [a, b] = await Promise.all([scheduler(two.h.app).tick(busy), scheduler(second).tick(busy)]);
    await second.stop();
    // Each row was taken by one of them, and both took some.
    expect(a.looked + b.looked).toBe(alone.looked);
    expect(Math.min(a.looked, b.looked)).toBeGreaterThan(0);
    expect(await keys(two.h)).toEqual(await keys(one.h));
  }, 600_000);

  it("a worker down for an hour queues in one tick what it would have queued minute by minute", async () => {
    const size = 1_000;
    const hour = new Date(T0.getTime() + 3600_000);
    // Each message with the moment it was due; a notice that someone is unreachable is due when the outbox finds it out.
    const queued = async (h: Harness) =>
      (await h.app.db.prisma.notification.findMany({ select: { dedupKey: true, kind: true, dueAt: true }, orderBy: { dedupKey: "asc" } })).map((n) => (n.kind === "unreachable" ? n.dedupKey : `${n.dedupKey} ${n.dueAt.toISOString()}`));
    const steady = await region(size);
    for (let m = 1; m <= 60; m++) await steady.h.app.lifecycle.tick(new Date(T0.getTime() + m * 60_000));
    const down = await region(size);
    const report = await down.h.app.lifecycle.tick(hour);
    expect(report.looked).toBeGreaterThan(0);
    expect(await queued(down.h)).toEqual(await queued(steady.h));
  }, 600_000);
});
