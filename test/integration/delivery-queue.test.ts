import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { other, seedParticipant } from "./forms-support.js";
import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";
import { addIdentity, expectedRandomId, received, recipients, reminder, sendCalls, settle, tally, type Platform } from "./delivery-support.js";

/**
 * Messages the bot sends on its own go through one outbound queue per messenger: paced within
 * the messenger's limits, retried on transient errors, slowed down by 429, rerouted or given
 * up (and the curator told) when a person blocked the bot — and each goes out exactly once.
 */

/** What the fakes answer when a person blocked the bot. */
function block(h: Harness, platform: Platform, chatId: string): void {
  TEST_PLATFORMS[platform].blockNext(h, chatId, 50);
}

describe.each(ON_EVERY_PLATFORM)("outbound delivery on %s", (platform) => {
  const fake = TEST_PLATFORMS[platform];
  let h: Harness;
  let programmeId: string;
  beforeAll(async () => {
    h = await startHarness({ app: { outbound: { attempts: 4, backoffMs: 100, sendTimeoutMs: 1500 } } });
    ({ programmeId } = await h.seedProgramme({ name: "Шаг в профессию" }));
  });
  afterAll(() => h?.close());

  it("bulk messages go out once each within the messenger's limits, even when two processes dispatch and consume them", async () => {
    fake.enforceLimits(h, true);
    const limited = () => fake.rateLimited(h);
    const limitedBefore = limited();
    const people = await recipients(h, programmeId, platform, 40);
    const now = new Date();
    const first = people[0]!;
    await h.app.services.outbox.add([
      ...people.map((r, i) => reminder(r, "bulk", `Сообщение для ${i + 1}`, now)),
      reminder(first, "merged-a", "Встреча завтра в 15:00", now, "reminders"),
      reminder(first, "merged-b", "Встреча завтра в 18:00", now, "reminders"),
    ]);
    const another = h.another();
    const [a, b] = await Promise.all([h.app.outbound.dispatch(now), another.outbound.dispatch(now)]);
    expect(a + b).toBe(41); // 40 messages and one merged message, each claimed by one of them
    await settle(h.app, now);

    for (const [i, r] of people.entries()) {
      const texts = received(h, r);
      if (i === 0) {
        expect(texts).toHaveLength(2);
        const merged = texts.find((t) => t.startsWith("Напоминания (2):"))!;
        expect(merged).toContain("Встреча завтра в 15:00");
        expect(merged).toContain("Встреча завтра в 18:00");
        expect(texts).toContain("Сообщение для 1");
      } else expect(texts).toEqual([`Сообщение для ${i + 1}`]);
    }
    expect(await tally(h.app, "test-")).toMatchObject({ pending: 0, sent: 42, failed: 0 });
    // Paced within the limits: the messenger never had to refuse a send (Telegram 429, VK error 6).
    expect(limited() - limitedBefore).toBe(0);
    if (platform === "vk") {
      // The random_id of each message derives from its key (the job id), so a repeat of it is dropped by VK.
      for (const r of people.slice(1)) expect(sendCalls(h, r).map((c) => c.randomId)).toEqual([expectedRandomId(`test-bulk-${r.personId}`)]);
    } else if (platform === "telegram") {
      // Two messages to one chat: at least a second apart, as Telegram asks.
      const [x, y] = h.tg.toChat(first.userId).map((m) => m.at);
      expect(Math.abs(y! - x!)).toBeGreaterThanOrEqual(950);
    }
    // Dispatching again finds nothing to send; nothing is repeated.
    expect(await h.app.outbound.dispatch(new Date())).toBe(0);
    await settle(h.app, new Date());
    expect(received(h, people[5]!)).toHaveLength(1);
    fake.enforceLimits(h, false);
  });

  it("a 429 waits retry_after, then the message goes once", async () => {
    const [r] = await recipients(h, programmeId, platform, 1);
    fake.rateLimitNext(h, r!.userId);
    const now = new Date();
    await h.app.services.outbox.add([reminder(r!, "slow", "Напоминание о встрече", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);
    expect(received(h, r!)).toEqual(["Напоминание о встрече"]);
    const calls = sendCalls(h, r!);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000);
    if (platform === "vk") expect(calls[1]!.randomId).toBe(calls[0]!.randomId);
  });

  it("server errors and timeouts are retried with backoff; each message goes once", async () => {
    const [failing, silent] = await recipients(h, programmeId, platform, 2);
    fake.failNext(h, failing!.userId, 2);
    fake.hangNext(h, silent!.userId);
    const now = new Date();
    await h.app.services.outbox.add([reminder(failing!, "flaky", "Первое напоминание", now), reminder(silent!, "flaky", "Второе напоминание", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);
    expect(received(h, failing!)).toEqual(["Первое напоминание"]);
    expect(received(h, silent!)).toEqual(["Второе напоминание"]);
    const calls = sendCalls(h, failing!);
    expect(calls).toHaveLength(3);
    // Exponential backoff from 100 ms: the retries wait at least that long.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(100);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(200);
    if (platform === "vk") {
      const ids = new Set([...calls, ...sendCalls(h, silent!)].map((c) => c.randomId));
      expect(ids).toEqual(new Set([expectedRandomId(`test-flaky-${failing!.personId}`), expectedRandomId(`test-flaky-${silent!.personId}`)]));
    }
    expect(await h.app.db.prisma.notification.findUniqueOrThrow({ where: { dedupKey: `test-flaky-${failing!.personId}` } })).toMatchObject({ status: "sent" });
  });

  it("a message that keeps failing is recorded failed after its last attempt, not sent", async () => {
    const [r] = await recipients(h, programmeId, platform, 1);
    fake.failNext(h, r!.userId, 100);
    const now = new Date();
    await h.app.services.outbox.add([reminder(r!, "doomed", "Не дойдёт", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);
    expect(received(h, r!)).toEqual([]);
    expect(sendCalls(h, r!)).toHaveLength(4);
    expect(await h.app.db.prisma.notification.findUniqueOrThrow({ where: { dedupKey: `test-doomed-${r!.personId}` } })).toMatchObject({ status: "failed" });
  });

  it("a person who blocked the bot is marked unreachable, not retried, and their curator is told once", async () => {
    const curator = await seedParticipant(h, { programmeId, role: "curator", name: "Куратор Анна", platform });
    const [blocked] = await recipients(h, programmeId, platform, 1, "Блокировавший");
    block(h, platform, blocked!.userId);
    const now = new Date();
    await h.app.services.outbox.add([reminder(blocked!, "blocked", "Напоминание", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);

    expect(sendCalls(h, blocked!)).toHaveLength(1);
    expect(received(h, blocked!)).toEqual([]);
    expect(await h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId: blocked!.personId } })).toMatchObject({ unreachable: true });
    expect(await h.app.db.prisma.notification.findUniqueOrThrow({ where: { dedupKey: `test-blocked-${blocked!.personId}` } })).toMatchObject({ status: "unreachable" });
    const told = received(h, { platform, userId: curator.userId });
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("Не получается доставить сообщения участнику Блокировавший 1");
    expect(told[0]).toContain("Шаг в профессию");

    // The next message to them is not even tried; the curator is not told twice the same day.
    const later = new Date();
    await h.app.services.outbox.add([reminder(blocked!, "blocked-again", "Ещё одно", later)]);
    await h.app.outbound.dispatch(later);
    await settle(h.app, later);
    expect(sendCalls(h, blocked!)).toHaveLength(1);
    expect(await h.app.db.prisma.notification.findUniqueOrThrow({ where: { dedupKey: `test-blocked-again-${blocked!.personId}` } })).toMatchObject({ status: "unreachable" });
    expect(received(h, { platform, userId: curator.userId })).toHaveLength(1);
  });

  it("blocked on this messenger, the message reaches the person on their other one, once", async () => {
    const [r] = await recipients(h, programmeId, platform, 1, "Двухканальный");
    const otherChat = await addIdentity(h, r!.personId, other(platform));
    block(h, platform, r!.userId);
    const now = new Date();
    await h.app.services.outbox.add([reminder(r!, "rerouted", "Встреча сегодня", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);
    expect(received(h, { platform: other(platform), userId: otherChat })).toEqual(["Встреча сегодня"]);
    expect(received(h, r!)).toEqual([]);
    expect(await h.app.db.prisma.notification.findUniqueOrThrow({ where: { dedupKey: `test-rerouted-${r!.personId}` } })).toMatchObject({ status: "sent", platform: other(platform) });
  });

  it("a person who stops the bot gets nothing more there: messages go to their other messenger untried here, and again here once they write", async () => {
    const [r] = await recipients(h, programmeId, platform, 1, "Остановивший");
    const otherChat = await addIdentity(h, r!.personId, other(platform));
    const person = h.user(platform, r!.userId);
    const identity = () => h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId: r!.personId, platform } });
    await person.stopBot();
    expect(await identity()).toMatchObject({ unreachable: true });
    // Nothing is answered to a bot that was stopped.
    expect(received(h, r!)).toEqual([]);

    const now = new Date();
    await h.app.services.outbox.add([reminder(r!, "stopped", "Встреча завтра", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);
    expect(sendCalls(h, r!)).toHaveLength(0);
    expect(received(h, { platform: other(platform), userId: otherChat })).toEqual(["Встреча завтра"]);

    // Allowed again and written to: this messenger is theirs again.
    await person.allowBot();
    await person.send("/help");
    expect(await identity()).toMatchObject({ unreachable: false });
    const later = new Date();
    await h.app.services.outbox.add([reminder(r!, "back", "Встреча через час", later)]);
    await h.app.outbound.dispatch(later);
    await settle(h.app, later);
    expect(received(h, r!)).toContain("Встреча через час");
  });

  it("stopped on their only messenger, a person's messages are recorded unreachable and the curator is told", async () => {
    const curator = await seedParticipant(h, { programmeId, role: "curator", name: "Куратор Борис", platform });
    const [r] = await recipients(h, programmeId, platform, 1, "Ушедший");
    await h.user(platform, r!.userId).stopBot();
    const now = new Date();
    await h.app.services.outbox.add([reminder(r!, "stopped-only", "Напоминание", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);
    expect(sendCalls(h, r!)).toHaveLength(0);
    expect(await h.app.db.prisma.notification.findUniqueOrThrow({ where: { dedupKey: `test-stopped-only-${r!.personId}` } })).toMatchObject({ status: "unreachable" });
    expect(received(h, { platform, userId: curator.userId }).join("\n")).toContain("Ушедший 1");
  });
});

describe("a pace set above what the messenger allows", () => {
  let h: Harness;
  beforeAll(async () => {
    // Misconfigured on purpose: four times the limits the fakes enforce.
    h = await startHarness({ app: { outbound: { pace: { telegram: { perSecond: 120, perChatMs: 0 }, vk: { perSecond: 80, perChatMs: 0 }, max: { perSecond: 120, perChatMs: 0 } } } } });
  });
  afterAll(() => h?.close());

  it.each(ON_EVERY_PLATFORM)("%s: the 429s are ridden out; nothing is lost or sent twice", async (platform) => {
    TEST_PLATFORMS[platform].enforceLimits(h, true);
    const { programmeId } = await h.seedProgramme();
    const people = await recipients(h, programmeId, platform, 70);
    const now = new Date();
    await h.app.services.outbox.add(people.map((r, i) => reminder(r, `over-${platform}`, `Напоминание ${i}`, now)));
    await h.app.outbound.dispatch(now);
    await settle(h.app, now, 60_000);
    expect(TEST_PLATFORMS[platform].rateLimited(h)).toBeGreaterThan(0);
    for (const [i, r] of people.entries()) expect(received(h, r)).toEqual([`Напоминание ${i}`]);
    expect(await tally(h.app, `test-over-${platform}`)).toMatchObject({ pending: 0, sent: 70 });
  });
});
