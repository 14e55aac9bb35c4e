import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, TEST_VK_CONFIRMATION, TEST_VK_SECRET, TEST_WEBHOOK_SECRET, type Harness } from "../support/harness.js";
import { VK_GROUP_ID } from "../support/fake-vk.js";
import { FakeMax } from "../support/fake-max.js";
import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";

const MAX_SECRET = "max-webhook-secret-0123456789";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

function baseUrl(harness: Harness): string {
  return `http://127.0.0.1:${(harness.app.server!.address() as AddressInfo).port}`;
}

const tgMessage = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: { message_id: updateId, date: 1, chat: { id: chatId, type: "private", first_name: "Т" }, from: { id: chatId, is_bot: false, first_name: "Т" }, text },
});

const vkMessage = (eventId: string, peerId: number, cmid: number, text: string, extra: Record<string, unknown> = {}) => ({
  type: "message_new",
  event_id: eventId,
  v: "5.199",
  group_id: VK_GROUP_ID,
  ...extra,
  object: { message: { id: cmid, date: 1, peer_id: peerId, from_id: peerId, conversation_message_id: cmid, out: 0, text, attachments: [], fwd_messages: [] }, client_info: { button_actions: ["text", "callback"], keyboard: true, inline_keyboard: true } },
});

const maxUser = (userId: number) => ({ user_id: userId, name: "Т", first_name: "Т", username: null, is_bot: false, last_activity_time: 0 });

const maxMessage = (mid: string, userId: number, text: string) => ({
  update_type: "message_created",
  timestamp: 1_700_000_000_000,
  user_locale: "ru",
  message: { sender: maxUser(userId), recipient: { chat_id: Number(FakeMax.dialogOf(String(userId))), chat_type: "dialog", user_id: null }, timestamp: 1, body: { mid, seq: 1, text } },
});

describe("receiving updates", () => {
  it("Telegram long polling: answers queued updates and acknowledges them by offset", async () => {
    h = await startHarness({ start: true });
    h.tg.queueUpdate(tgMessage(501, 9001, "/start") as any);
    await until(() => h!.tg.toChat("9001").length > 0);
    expect(h.tg.toChat("9001")[0]!.text).toContain("нужна ссылка-приглашение");
    await until(() => h!.tg.calls.some((c) => c.method === "getUpdates" && Number(c.payload.offset) === 502));
  });

  it("VK Bots Long Poll: answers queued events", async () => {
    h = await startHarness({ start: true });
    await until(() => h!.vk.calls.some((c) => c.method === "groups.getLongPollServer"));
    h.vk.queueEvent(vkMessage("e-lp-1", 8001, 1, "/start"));
    await until(() => h!.vk.toPeer("8001").length > 0);
    expect(h.vk.toPeer("8001")[0]!.text).toContain("нужна ссылка-приглашение");
  });

  it("Telegram webhook: 401 without the secret token and nothing handled; handled with it", async () => {
    h = await startHarness({ start: true, app: { http: true }, env: { TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/webhooks/telegram", TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } });
    expect(h.tg.calls.find((c) => c.method === "setWebhook")?.payload.secret_token).toBe(TEST_WEBHOOK_SECRET);
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${baseUrl(h!)}/webhooks/telegram`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    expect((await post({}, tgMessage(601, 9101, "/start"))).status).toBe(401);
    expect((await post({ "x-telegram-bot-api-secret-token": "wrong-secret-value-123" }, tgMessage(602, 9101, "/start"))).status).toBe(401);
    expect(h.tg.toChat("9101")).toHaveLength(0);
    expect((await post({ "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET }, tgMessage(603, 9101, "/start"))).status).toBe(200);
    expect(h.tg.toChat("9101")).toHaveLength(1);
  });

  it("VK Callback API: answers the confirmation request, refuses a wrong secret, handles the rest", async () => {
    h = await startHarness({ start: true, app: { http: true }, env: { VK_MODE: "callback", VK_CALLBACK_SECRET: TEST_VK_SECRET, VK_CALLBACK_CONFIRMATION: TEST_VK_CONFIRMATION } });
    const post = (body: unknown) => fetch(`${baseUrl(h!)}/webhooks/vk`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const confirm = await post({ type: "confirmation", group_id: VK_GROUP_ID, secret: TEST_VK_SECRET });
    expect(await confirm.text()).toBe(TEST_VK_CONFIRMATION);
    const wrong = await post({ ...vkMessage("e-cb-1", 8101, 1, "/start"), secret: "not-the-secret" });
    expect(wrong.status).toBe(403);
    expect(h.vk.toPeer("8101")).toHaveLength(0);
    const good = await post({ ...vkMessage("e-cb-2", 8101, 2, "/start"), secret: TEST_VK_SECRET });
    expect(await good.text()).toBe("ok");
    expect(h.vk.toPeer("8101")).toHaveLength(1);
  });

  it("a VK message whose payload is not JSON is an ordinary message, on Long Poll and on the Callback API", async () => {
    h = await startHarness({ start: true, app: { http: true }, env: { VK_MODE: "callback", VK_CALLBACK_SECRET: TEST_VK_SECRET, VK_CALLBACK_CONFIRMATION: TEST_VK_CONFIRMATION } });
    const broken = (eventId: string, peerId: number, cmid: number) => {
      const e = vkMessage(eventId, peerId, cmid, "/start");
      (e.object.message as Record<string, unknown>).payload = "{not json";
      return e;
    };
    const post = (body: unknown) => fetch(`${baseUrl(h!)}/webhooks/vk`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const answered = await post({ ...broken("e-np-1", 8201, 1), secret: TEST_VK_SECRET });
    expect(await answered.text()).toBe("ok");
    expect(h.vk.toPeer("8201")[0]!.text).toContain("нужна ссылка-приглашение");
    // The same event as Long Poll delivers it.
    await h.app.vk!.handleEvent(broken("e-np-2", 8202, 1) as any);
    expect(h.vk.toPeer("8202")[0]!.text).toContain("нужна ссылка-приглашение");
  });

  it("the Telegram webhook refuses a body over 1 MB unread; the server listens on HOST, this machine only by default", async () => {
    h = await startHarness({ start: true, app: { http: true }, env: { TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/webhooks/telegram", TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } });
    expect((h.app.server!.address() as AddressInfo).address).toBe("127.0.0.1");
    const huge = { ...tgMessage(701, 9201, "/start"), padding: "я".repeat(600_000) };
    const res = await fetch(`${baseUrl(h)}/webhooks/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET }, body: JSON.stringify(huge) });
    expect(res.status).toBe(413);
    expect(h.tg.toChat("9201")).toHaveLength(0);
    const ok = await fetch(`${baseUrl(h)}/webhooks/telegram`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET }, body: JSON.stringify(tgMessage(702, 9201, "/start")) });
    expect(ok.status).toBe(200);
    await h.close();
    h = await startHarness({ start: true, app: { http: true }, env: { HOST: "127.0.0.2" } });
    expect((h.app.server!.address() as AddressInfo).address).toBe("127.0.0.2");
  });

  it("the VK Callback API refuses a body over 1 MB (413) and handles nothing of it; an ordinary event after it is handled", async () => {
    h = await startHarness({ start: true, app: { http: true }, env: { VK_MODE: "callback", VK_CALLBACK_SECRET: TEST_VK_SECRET, VK_CALLBACK_CONFIRMATION: TEST_VK_CONFIRMATION } });
    const post = (body: unknown) => fetch(`${baseUrl(h!)}/webhooks/vk`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const huge = { ...vkMessage("e-big-1", 8211, 1, "/start"), secret: TEST_VK_SECRET, padding: "я".repeat(600_000) };
    expect((await post(huge)).status).toBe(413);
    expect(h.vk.toPeer("8211")).toHaveLength(0);
    expect(await (await post({ ...vkMessage("e-big-2", 8211, 2, "/start"), secret: TEST_VK_SECRET })).text()).toBe("ok");
    expect(h.vk.toPeer("8211")).toHaveLength(1);
  });

  it("the MAX webhook refuses a body over 1 MB (413) and handles nothing of it; an ordinary update after it is handled", async () => {
    h = await startHarness({ start: true, app: { http: true }, env: { MAX_MODE: "webhook", MAX_WEBHOOK_URL: "https://bot.example.org/webhooks/max", MAX_WEBHOOK_SECRET: MAX_SECRET } });
    const post = (body: unknown) => fetch(`${baseUrl(h!)}/webhooks/max`, { method: "POST", headers: { "content-type": "application/json", "x-max-bot-api-secret": MAX_SECRET }, body: JSON.stringify(body) });
    const huge = { ...maxMessage("big.mid.1", 9211, "/start"), padding: "я".repeat(600_000) };
    // Refused unread, as its length says: 413.
    expect((await post(huge)).status).toBe(413);
    expect(h.max.toChat("9211")).toHaveLength(0);
    expect((await post(maxMessage("big.mid.2", 9211, "/start"))).status).toBe(200);
    expect(h.max.toChat("9211")).toHaveLength(1);
  });

  it("GET /healthz says whether PostgreSQL and Redis answer", async () => {
    h = await startHarness({ start: true, app: { http: true } });
    const res = await fetch(`${baseUrl(h)}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", postgres: "ok", redis: "ok" });
    h.app.redis.disconnect();
    const down = await fetch(`${baseUrl(h)}/healthz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { redis: string }).redis).toBe("down");
  });
});

describe("exactly once", () => {
  it("a redelivered Telegram update (same update_id), VK event and MAX update (same mid, same start, same press) are handled once", async () => {
    h = await startHarness();
    const update = tgMessage(701, 9201, "/start");
    await h.app.telegram!.handleUpdate(update as any);
    await h.app.telegram!.handleUpdate(update as any);
    expect(h.tg.toChat("9201")).toHaveLength(1);
    const event = vkMessage("e-dup", 8201, 5, "/start");
    await h.app.vk!.handleEvent(event as any);
    await h.app.vk!.handleEvent({ ...event, event_id: "e-dup-retry" } as any); // VK retries may carry a new event id
    expect(h.vk.toPeer("8201")).toHaveLength(1);

    const message = maxMessage("dup.mid.1", 9251, "/start");
    await h.app.max!.handleUpdate(message as any);
    await h.app.max!.handleUpdate(message as any);
    expect(h.max.toChat("9251")).toHaveLength(1);
    // An invitation link opened: MAX gives the same bot_started again.
    const { programmeId } = await h.seedProgramme();
    const code = await h.invite(programmeId, "mentee");
    const started = { update_type: "bot_started", timestamp: 1_700_000_000_500, chat_id: Number(FakeMax.dialogOf("9252")), user: maxUser(9252), payload: code, user_locale: "ru" };
    await h.app.max!.handleUpdate(started as any);
    await h.app.max!.handleUpdate(started as any);
    const asked = h.max.toChat("9252");
    expect(asked).toHaveLength(1);
    // The same press given twice: answered each time (MAX wants every press answered), acted on once.
    const russian = asked[0]!.buttons.flat().find((b) => b.label === "Русский")!;
    const press = {
      update_type: "message_callback",
      timestamp: 1_700_000_000_600,
      callback: { timestamp: 1_700_000_000_600, callback_id: "cb.dup.1", payload: russian.payload, user: maxUser(9252) },
      message: { sender: { ...maxUser(900000111), is_bot: true }, recipient: { chat_id: Number(FakeMax.dialogOf("9252")), chat_type: "dialog", user_id: 9252 }, timestamp: 1, body: { mid: asked[0]!.mid, seq: 1, text: "" } },
      user_locale: "ru",
    };
    await h.app.max!.handleUpdate(press as any);
    await h.app.max!.handleUpdate(press as any);
    const sent = h.max.toChat("9252").filter((m) => m.method === "send");
    expect(sent).toHaveLength(2);
    expect(sent[1]!.text).toContain("Сколько вам лет");
    expect(h.max.answers.filter((a) => a.callbackId === "cb.dup.1")).toHaveLength(2);
  });
});

describe.each(ON_EVERY_PLATFORM)("in order and across restarts on %s", (platform) => {
  it("updates of one chat arriving together are handled in arrival order", async () => {
    h = await startHarness();
    const u = h.user(platform);
    const langs = ["en", "ru", "en", "ru", "en", "ru", "en", "en", "ru", "ru"];
    await Promise.all(langs.map((l) => u.send(`/language ${l}`)));
    const fake = TEST_PLATFORMS[platform];
    const replies = fake.sentTo(h, fake.chatIdOf(u.id)).map((m) => (m.text.startsWith("Done") ? "en" : "ru"));
    expect(replies).toEqual(langs);
  });

  it("a restart in the middle of a flow resumes at the same question with the answers kept", async () => {
    h = await startHarness();
    const { programmeId } = await h.seedProgramme();
    const code = await h.invite(programmeId, "mentee");
    const u = h.user(platform);
    await u.open(code);
    await u.press("English");
    await u.press("18 or older");
    expect(u.last().text).toContain("Do you give your consent on these terms?");
    await h.restart();
    await u.send("/start");
    expect(u.last().text).toContain("Let us go on where we stopped");
    expect(u.last().text).toContain("Do you give your consent on these terms?");
    await u.press("I agree");
    await u.send("Alex Doe");
    expect(u.messages().map((m) => m.text).join("\n")).toContain("Welcome to the programme");
    const person = await h.app.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { platform, externalId: u.id } } }, include: { consents: true } });
    expect(person.displayName).toBe("Alex Doe");
    expect(person.consents.map((c) => c.kind)).toEqual(["personal_data"]);
    expect(await h.app.db.prisma.participation.count({ where: { programmeId } })).toBe(1);
  });
});
