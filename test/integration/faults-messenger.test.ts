import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";

/** The messenger's API failing while the bot answers: retried where it helps, never duplicated. */
describe("messenger API failures on replies", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("Telegram: a 5xx and a 429 are ridden out, the reply arrives once", async () => {
    const u = h.user("telegram");
    h.tg.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, { chatId: u.id });
    await u.send("/start");
    expect(u.messages().map((m) => m.text)).toHaveLength(1);
    h.tg.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }, { chatId: u.id });
    await u.send("/help");
    expect(u.messages()).toHaveLength(2);
    expect(u.last().text).toContain("Я бот программы наставничества");
    // Each refused send was tried once more: after a short pause for the 5xx, after retry_after (1 s) for
    // the 429. Arrival times at the fake, with a margin for timer rounding; no upper bound (a loaded machine is slow).
    const sends = h.tg.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === u.id).map((c) => c.at!);
    expect(sends).toHaveLength(4);
    expect(sends[1]! - sends[0]!).toBeGreaterThanOrEqual(150);
    expect(sends[3]! - sends[2]!).toBeGreaterThanOrEqual(950);
  });

  it("Telegram: a person who blocked the bot (403) is not retried", async () => {
    const u = h.user("telegram");
    h.tg.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" }, { chatId: u.id, times: 5 });
    await u.send("/start");
    expect(h.tg.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === u.id)).toHaveLength(1);
  });

  it("VK: an internal error is retried with the same random_id, so VK keeps one message", async () => {
    const u = h.user("vk");
    h.vk.failNext("messages.send", { error_code: 10, error_msg: "Internal server error" }, { peerId: u.id });
    await u.send("/start");
    const sends = h.vk.calls.filter((c) => c.method === "messages.send" && c.params.peer_id === u.id);
    expect(sends).toHaveLength(2);
    expect(sends[0]!.params.random_id).toBe(sends[1]!.params.random_id);
    expect(u.messages()).toHaveLength(1);
  });
});
