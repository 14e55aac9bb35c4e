import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, TEST_WEBHOOK_SECRET, type Harness } from "../support/harness.js";

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

describe("PostgreSQL unavailable", () => {
  it("long polling: the person hears 'temporarily unavailable' once, the offset waits, the update is handled once after recovery", async () => {
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

  it("a questionnaire answer given during the outage is not lost: it is applied when the update comes again", async () => {
    h = await startHarness({ proxyDatabase: true });
    const { programmeId } = await h.seedProgramme();
    const code = await h.invite(programmeId, "mentee");
    const u = h.user("vk");
    await u.open(code);
    await u.press("Русский");
    await u.press("Даю согласие");
    await u.press("Да");
    h.dbProxy!.cut();
    await expect(u.send("Вера Смирнова")).rejects.toThrow();
    expect(u.last().text).toContain("временно недоступен");
    h.dbProxy!.restore();
    await until(async () => {
      try {
        await u.send("Вера Смирнова"); // VK's Callback API sends the event again
        return true;
      } catch {
        return false;
      }
    });
    expect(u.messages().map((m) => m.text).join("\n")).toContain("Добро пожаловать");
  });
});
