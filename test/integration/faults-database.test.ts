import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FakeMax } from "../support/fake-max.js";
import { startHarness, TEST_WEBHOOK_SECRET, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM } from "../support/platforms.js";

/** PostgreSQL unreachable: the person is told, nothing is acknowledged, everything resumes. */

const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 4000);
let h: Harness | undefined;
afterEach(async () => {
  h?.dbProxy?.restore();
  await h?.close();
  h = undefined;
});

async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const tgMessage = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: { message_id: updateId, date: 1, chat: { id: chatId, type: "private", first_name: "Т" }, from: { id: chatId, is_bot: false, first_name: "Т" }, text },
});

const MAX_SECRET = "max-webhook-secret-0123456789";

const maxMessage = (mid: string, userId: number, text: string) => ({
  update_type: "message_created",
  timestamp: 1_700_000_000_000,
  user_locale: "ru",
  message: {
    sender: { user_id: userId, name: "Т", first_name: "Т", username: null, is_bot: false, last_activity_time: 0 },
    recipient: { chat_id: Number(FakeMax.dialogOf(String(userId))), chat_type: "dialog", user_id: null },
    timestamp: 1,
    body: { mid, seq: 1, text },
  },
});

describe("PostgreSQL unavailable", () => {
  it("Telegram long polling: the person hears 'temporarily unavailable' once, the offset waits, the update is handled once after recovery", async () => {
    h = await startHarness({ start: true, proxyDatabase: true });
    h.tg.queueUpdate(tgMessage(1001, 7001, "/help") as any);
    await until(() => h!.tg.toChat("7001").length === 1);
    expect(h.tg.toChat("7001")[0]!.text).toContain("Я бот программы наставничества");

    h.dbProxy!.cut();
    h.tg.queueUpdate(tgMessage(1002, 7001, "/start") as any);
    await until(() => h!.tg.toChat("7001").length === 2);
    expect(h.tg.toChat("7001")[1]!.text).toBe("Сервис временно недоступен. Ничего не потеряно — попробуйте, пожалуйста, ещё раз через минуту.");
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    // Not acknowledged: every poll during the outage still asks from update 1002.
    const polls = h.tg.calls.filter((c) => c.method === "getUpdates").map((c) => Number(c.payload.offset));
    expect(polls.at(-1)).toBe(1002);
    expect(polls).not.toContain(1003);
    expect(h.tg.toChat("7001")).toHaveLength(2); // told once, not at every retry

    h.dbProxy!.restore();
    await until(() => h!.tg.toChat("7001").length === 3);
    expect(h.tg.toChat("7001")[2]!.text).toContain("нужна ссылка-приглашение");
    await until(() => h!.tg.calls.some((c) => c.method === "getUpdates" && Number(c.payload.offset) === 1003));
    await new Promise((r) => setTimeout(r, 300));
    expect(h.tg.toChat("7001")).toHaveLength(3);
  });

  it("Telegram webhook: answers 500 while the database is down (Telegram redelivers), 200 after", async () => {
    h = await startHarness({ start: true, proxyDatabase: true, app: { http: true }, env: { TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/webhooks/telegram", TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } });
    const url = `http://127.0.0.1:${(h.app.server!.address() as AddressInfo).port}/webhooks/telegram`;
    const post = (body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET }, body: JSON.stringify(body) });
    h.dbProxy!.cut();
    const during = await post(tgMessage(2001, 7101, "/start"));
    expect(during.status).toBe(500);
    expect(h.tg.toChat("7101").map((m) => m.text)).toEqual(["Сервис временно недоступен. Ничего не потеряно — попробуйте, пожалуйста, ещё раз через минуту."]);
    h.dbProxy!.restore();
    await until(async () => (await post(tgMessage(2001, 7101, "/start"))).status === 200);
    expect(h.tg.toChat("7101").at(-1)!.text).toContain("нужна ссылка-приглашение");
    // A further redelivery of the same update is skipped.
    expect((await post(tgMessage(2001, 7101, "/start"))).status).toBe(200);
    expect(h.tg.toChat("7101")).toHaveLength(2);
  });

  it("MAX webhook: answers 500 while the database is down (MAX sends the update again), 200 after, once", async () => {
    h = await startHarness({ start: true, proxyDatabase: true, app: { http: true }, env: { MAX_MODE: "webhook", MAX_WEBHOOK_URL: "https://bot.example.org/webhooks/max", MAX_WEBHOOK_SECRET: MAX_SECRET } });
    const url = `http://127.0.0.1:${(h.app.server!.address() as AddressInfo).port}/webhooks/max`;
    const post = (body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-max-bot-api-secret": MAX_SECRET }, body: JSON.stringify(body) });
    const update = maxMessage("outage.mid.1", 7201, "/start");
    h.dbProxy!.cut();
    const during = await post(update);
    expect(during.status).toBe(500);
    expect(h.max.toChat("7201").map((m) => m.text)).toEqual(["Сервис временно недоступен. Ничего не потеряно — попробуйте, пожалуйста, ещё раз через минуту."]);
    h.dbProxy!.restore();
    await until(async () => (await post(update)).status === 200);
    expect(h.max.toChat("7201").at(-1)!.text).toContain("нужна ссылка-приглашение");
    // A further redelivery of the same update is skipped.
    expect((await post(update)).status).toBe(200);
    expect(h.max.toChat("7201")).toHaveLength(2);
  });
});

describe.each(ON_EVERY_PLATFORM)("PostgreSQL unavailable during a flow on %s", (platform) => {
  it("a questionnaire answer given during the outage is not lost: it is applied when the update comes again", async () => {
    h = await startHarness({ proxyDatabase: true });
    const { programmeId } = await h.seedProgramme();
    const code = await h.invite(programmeId, "mentee");
    const u = h.user(platform);
    await u.open(code);
    await u.press("Русский");
    await u.press("18 лет и старше");
    await u.press("Даю согласие");
    expect(u.last().text).toContain("Как к вам обращаться");
    h.dbProxy!.cut();
    // Not stored: the transport does not acknowledge it, so the messenger delivers it again.
    await expect(u.send("Вера Смирнова")).rejects.toThrow();
    expect(u.last().text).toContain("временно недоступен");
    h.dbProxy!.restore();
    await until(async () => {
      try {
        await u.send("Вера Смирнова"); // the messenger sends it again
        return true;
      } catch {
        return false;
      }
    });
    expect(u.messages().map((m) => m.text).join("\n")).toContain("Добро пожаловать");
    const person = await h.app.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { platform, externalId: u.id } } } });
    expect(person.displayName).toBe("Вера Смирнова");
    expect(await h.app.db.prisma.participation.count({ where: { personId: person.id, programmeId } })).toBe(1);
  });
});
