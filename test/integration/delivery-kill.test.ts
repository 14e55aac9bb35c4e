import { Queue } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { testQueuePrefix } from "../support/redis-keys.js";
import { LIFECYCLE_QUEUE, MAINTENANCE_QUEUE } from "../../src/jobs/worker.js";
import { received, recipients, reminder, sendCalls, tally, type Recipient } from "./delivery-support.js";
import { spawnWorker, until, type WorkerProcess } from "./delivery-processes.js";
import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";

/**
 * The real worker process, killed with SIGKILL in the middle of sending: the jobs it held are
 * taken over by the restarted worker (their locks expire), every delivery goes on from the
 * part it got to, and every due message arrives exactly once.
 */

const FIRST_HALF = `Часть первая. ${"Подробности встречи. ".repeat(150)}`;
const SECOND_HALF = `Часть вторая. ${"План на месяц. ".repeat(150)}`;

describe.each(ON_EVERY_PLATFORM)("worker killed mid-sending on %s", (platform) => {
  let h: Harness;
  const prefix = testQueuePrefix(); // its keys are deleted when the harness closes
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    // This process only dispatches (as the bot process does); the worker processes send.
    h = await startHarness({ app: { queuePrefix: prefix, outbound: { consume: false } } });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.kill("SIGTERM")));
    TEST_PLATFORMS[platform].interceptSends(h, undefined);
  });
  afterAll(() => h?.close());

  const textOf = (i: number) => `Напоминание о встрече № ${i}`;

  it("after SIGKILL and a restart every due message is delivered exactly once", async () => {
    const { programmeId } = await h.seedProgramme();
    const people = await recipients(h, programmeId, platform, 30);
    const long: Recipient = people[15]!;
    const now = new Date();
    await h.app.services.outbox.add(people.map((r, i) => reminder(r, "kill", r === long ? `${FIRST_HALF}\n\n${SECOND_HALF}` : textOf(i), now)));
    expect(await h.app.outbound.dispatch(now)).toBe(30);

    const first = spawnWorker(h, { prefix });
    workers.push(first);
    // The worker dies the moment the second part of the long message reaches the messenger, with
    // other deliveries in hand. On Telegram and MAX that part is lost on the way; on VK it has
    // arrived and only the answer is lost — the worst case, which random_id makes safe.
    let killed = false;
    const onSend = async (text: string | undefined): Promise<void | "drop"> => {
      if (killed || !text?.startsWith("Часть вторая")) return;
      killed = true;
      await first.kill("SIGKILL");
      return platform === "vk" ? undefined : "drop";
    };
    TEST_PLATFORMS[platform].interceptSends(h, onSend);
    await first.started();
    await until(() => killed && first.child.signalCode === "SIGKILL", 60_000, "the kill");
    const before = (await tally(h.app, "test-kill")).sent;
    expect(before).toBeLessThan(30);

    const second = spawnWorker(h, { prefix });
    workers.push(second);
    await second.started();
    await until(async () => (await tally(h.app, "test-kill")).pending === 0, 60_000, "every delivery to settle");

    expect(await tally(h.app, "test-kill")).toMatchObject({ sent: 30, pending: 0, failed: 0 });
    for (const [i, r] of people.entries()) {
      if (r === long) continue;
      expect(received(h, r)).toEqual([textOf(i)]);
    }
    // The long message: each part once, the first not repeated after the restart.
    const parts = received(h, long);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(FIRST_HALF.trimEnd());
    expect(parts[1]!.trimEnd()).toBe(SECOND_HALF.trimEnd());
    if (platform !== "vk") {
      expect(sendCalls(h, long)).toHaveLength(3); // part 1, part 2 lost on the way, part 2 again
    } else {
      // Part 2 was sent again after the restart with the same random_id, and VK kept one.
      const calls = sendCalls(h, long);
      expect(calls).toHaveLength(3);
      expect(calls[2]!.randomId).toBe(calls[1]!.randomId);
      expect(h.vk.duplicatesDropped).toBeGreaterThanOrEqual(1);
    }
  });

  it("two worker processes at once send each message once and leave one schedule per job", async () => {
    const { programmeId } = await h.seedProgramme();
    const people = await recipients(h, programmeId, platform, 40);
    const a = spawnWorker(h, { prefix });
    const b = spawnWorker(h, { prefix });
    workers.push(a, b);
    await Promise.all([a.started(), b.started()]);
    const now = new Date();
    await h.app.services.outbox.add(people.map((r, i) => reminder(r, "pair", textOf(i), now)));
    // Both the dispatching process and a second one hand the same due messages over.
    const other = h.another();
    const [x, y] = await Promise.all([h.app.outbound.dispatch(now), other.outbound.dispatch(now)]);
    expect(x + y).toBe(40);
    await until(async () => (await tally(h.app, "test-pair")).pending === 0, 60_000, "every delivery to settle");
    for (const [i, r] of people.entries()) expect(received(h, r)).toEqual([textOf(i)]);
    expect(await tally(h.app, "test-pair")).toMatchObject({ sent: 40 });

    // Each schedule once, under its stable id, however many workers registered it.
    for (const name of [LIFECYCLE_QUEUE, MAINTENANCE_QUEUE]) {
      const queue = new Queue(name, { connection: h.app.redis, prefix });
      try {
        const ids = (await queue.getJobSchedulers()).map((s) => s.key);
        expect(ids.length).toBeGreaterThan(0);
        expect(new Set(ids).size).toBe(ids.length);
        if (name === LIFECYCLE_QUEUE) expect(ids).toContain("lifecycle-tick");
        if (name === MAINTENANCE_QUEUE) expect(ids).toContain("prune-processed-updates");
      } finally {
        await queue.close();
      }
    }
  });
});
