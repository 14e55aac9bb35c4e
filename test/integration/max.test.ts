import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { RateLimitedError, RecipientUnreachableError } from "../../src/domain/messaging.js";
import { FakeMax } from "../support/fake-max.js";
import { startHarness, type Harness } from "../support/harness.js";

/** MAX's own transport and messenger: long polling by marker, the webhook, limits, files, errors. */

const MAX_SECRET = "max-webhook-secret-0123456789";

let h: Harness | undefined;
afterEach(async () => {
  h?.dbProxy?.restore();
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

let mids = 1;
const created = (userId: number, text: string, mid = `in.${mids++}`) => ({
  update_type: "message_created",
  timestamp: 1_700_000_000_000 + mids,
  user_locale: "ru",
  message: {
    sender: { user_id: userId, name: "Т", first_name: "Т", username: null, is_bot: false, last_activity_time: 0 },
    recipient: { chat_id: Number(FakeMax.dialogOf(String(userId))), chat_type: "dialog", user_id: null },
    timestamp: 1,
    body: { mid, seq: 1, text },
  },
});

const longPolls = (harness: Harness) => harness.max.calls.filter((c) => c.method === "GET /updates");

describe("MAX", () => {
  it("long polling: answers queued updates; the marker moves only past a batch whose effects are stored, and a batch given again is handled once", async () => {
    h = await startHarness({ start: true, proxyDatabase: true });
    h.max.queueUpdate(created(9401, "/start"));
    await until(() => h!.max.toChat("9401").length > 0);
    expect(h.max.toChat("9401")[0]!.text).toContain("нужна ссылка-приглашение");
    await until(() => longPolls(h!).some((c) => c.query.marker === "2"));
    expect(h.max.pendingUpdates).toBe(0);

    // The database is gone: the update is not stored, so its marker is not passed and MAX gives it again.
    h.dbProxy!.cut();
    const before = longPolls(h).length;
    h.max.queueUpdate(created(9402, "/help"));
    await until(() => longPolls(h!).length >= before + 2, 20_000);
    expect(longPolls(h).slice(before).every((c) => c.query.marker === "2")).toBe(true);
    expect(h.max.pendingUpdates).toBe(1);
    h.dbProxy!.restore();
    await until(() => h!.max.toChat("9402").some((m) => !m.text.includes("недоступ")), 30_000);
    await until(() => longPolls(h!).some((c) => c.query.marker === "3"), 20_000);
    const answers = h.max.toChat("9402").filter((m) => !m.text.includes("недоступ"));
    expect(answers).toHaveLength(1);
    // The marker was kept: a restarted process goes on from it.
    const polled = longPolls(h).length;
    await h.restart();
    await until(() => longPolls(h!).length > polled);
    expect(longPolls(h)[polled]!.query.marker).toBe("3");
  });

  it("webhook: subscribed with its secret; a request without it is refused; a redelivered update is handled once", async () => {
    h = await startHarness({ start: true, app: { http: true }, env: { MAX_MODE: "webhook", MAX_WEBHOOK_URL: "https://bot.example.org/webhooks/max", MAX_WEBHOOK_SECRET: MAX_SECRET } });
    expect(h.max.subscriptions).toEqual([expect.objectContaining({ url: "https://bot.example.org/webhooks/max", secret: MAX_SECRET })]);
    const url = `http://127.0.0.1:${(h.app.server!.address() as AddressInfo).port}/webhooks/max`;
    const post = (headers: Record<string, string>, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const update = created(9501, "/start");
    expect((await post({}, update)).status).toBe(401);
    expect((await post({ "x-max-bot-api-secret": "wrong-secret-0123456789aa" }, update)).status).toBe(401);
    expect(h.max.toChat("9501")).toHaveLength(0);
    expect((await post({ "x-max-bot-api-secret": MAX_SECRET }, update)).status).toBe(200);
    expect((await post({ "x-max-bot-api-secret": MAX_SECRET }, update)).status).toBe(200);
    expect(h.max.toChat("9501")).toHaveLength(1);
  });

  it("an invitation link opens the bot with bot_started; every press is answered and edits the question", async () => {
    h = await startHarness();
    const { programmeId } = await h.seedProgramme();
    const code = await h.invite(programmeId, "mentee");
    const u = h.user("max");
    await u.open(code);
    expect(u.last().text).toMatch(/язык|Language/i);
    const question = u.last().id;
    await u.press("Русский");
    expect(h.max.answers.length).toBeGreaterThanOrEqual(1);
    expect(h.max.answers.every((a) => a.body.notification || a.body.message)).toBe(true);
    expect(u.messages().find((m) => m.id === question)!.buttons).toEqual([]);
    expect(h.max.refused).toEqual([]);
  });

  it("the messenger: text beyond 4000 characters split, keyboards within MAX's limits, files through /uploads retried while not ready", async () => {
    h = await startHarness();
    const m = h.app.max!.messenger;
    const long = Array.from({ length: 900 }, (_, i) => `слово${i}`).join(" ");
    await m.send("9601", { text: long, buttons: [[{ label: "Да", payload: "c|x|" }]] });
    const parts = h.max.toChat("9601");
    expect(parts.length).toBe(2);
    expect(parts.every((p) => p.text.length <= 4000)).toBe(true);
    expect(parts.map((p) => p.buttons.length)).toEqual([0, 1]);

    h.max.notReadyTimes = 1;
    const content = Buffer.from("PK workbook bytes");
    await m.send("9601", { text: "Выгрузка", document: { filename: "export.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content } });
    expect(h.max.notReadyAnswered).toBe(1);
    const doc = h.max.toChat("9601").at(-1)!;
    expect(doc).toMatchObject({ document: true, text: "Выгрузка" });
    expect(doc.file).toEqual({ filename: "export.xlsx", content });
    h.max.notReadyTimes = 0;
    await m.send("9601", { text: "График", image: { filename: "chart.png", content: Buffer.from("png") } });
    expect(h.max.toChat("9601").at(-1)).toMatchObject({ photo: true, text: "График" });

    // Over the limits the fake refuses, as MAX does.
    const row = Array.from({ length: 8 }, (_, i) => ({ label: `b${i}`, payload: `p${i}` }));
    await expect(m.send("9601", { text: "x", buttons: [row] })).rejects.toThrow();
    expect(h.max.refused.at(-1)).toContain("8 buttons in a row");
  });

  it("errors: chat.denied and 403 mean unreachable, 429 slow down, 5xx stay errors to retry", async () => {
    h = await startHarness();
    const m = h.app.max!.messenger;
    h.max.failNext("POST /messages", { status: 403, code: "chat.denied" }, { chatId: "9701" });
    await expect(m.send("9701", { text: "a" })).rejects.toBeInstanceOf(RecipientUnreachableError);
    h.max.failNext("POST /messages", { status: 400, code: "chat.denied" }, { chatId: "9701" });
    await expect(m.send("9701", { text: "a" })).rejects.toBeInstanceOf(RecipientUnreachableError);
    h.max.failNext("POST /messages", { status: 429, code: "too.many.requests" }, { chatId: "9701" });
    await expect(m.send("9701", { text: "a" })).rejects.toBeInstanceOf(RateLimitedError);
    h.max.failNext("POST /messages", { status: 502, code: "internal" }, { chatId: "9701" });
    const error = await m.send("9701", { text: "a" }).catch((e) => e);
    expect(error).not.toBeInstanceOf(RecipientUnreachableError);
    expect(error).not.toBeInstanceOf(RateLimitedError);
  });
});
