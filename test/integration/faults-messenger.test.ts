import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";

/** The messenger's API failing while the bot answers: retried where it helps, never duplicated. */
describe.each(ON_EVERY_PLATFORM)("messenger API failures on replies on %s", (platform) => {
  const fake = TEST_PLATFORMS[platform];
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("a server error and a 'too many requests' are ridden out, the reply arrives once", async () => {
    const u = h.user(platform);
    const chatId = fake.chatIdOf(u.id);
    fake.failNext(h, chatId, 1);
    await u.send("/start");
    expect(u.messages().map((m) => m.text)).toHaveLength(1);
    expect(u.last().text).toContain("нужна ссылка-приглашение");
    fake.rateLimitNext(h, chatId);
    await u.send("/help");
    expect(u.messages()).toHaveLength(2);
    expect(u.last().text).toContain("Я бот программы наставничества");
    // Each refused send was tried once more: after a short pause for the server error, after the wait the
    // messenger asks for (1 s) for the rate limit. Arrival times at the fake, with a margin for timer
    // rounding; no upper bound (a loaded machine is slow).
    const sends = fake.sendCalls(h, chatId).map((c) => c.at);
    expect(sends).toHaveLength(4);
    expect(sends[1]! - sends[0]!).toBeGreaterThanOrEqual(150);
    expect(sends[3]! - sends[2]!).toBeGreaterThanOrEqual(950);
  });

  it("a person who blocked the bot is not retried", async () => {
    const u = h.user(platform);
    const chatId = fake.chatIdOf(u.id);
    fake.blockNext(h, chatId, 5);
    await u.send("/start");
    expect(fake.sendCalls(h, chatId)).toHaveLength(1);
    expect(u.messages()).toHaveLength(0);
  });
});

describe("VK: a retried send", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("an internal error is retried with the same random_id, so VK keeps one message", async () => {
    const u = h.user("vk");
    h.vk.failNext("messages.send", { error_code: 10, error_msg: "Internal server error" }, { peerId: u.id });
    await u.send("/start");
    const sends = h.vk.calls.filter((c) => c.method === "messages.send" && c.params.peer_id === u.id);
    expect(sends).toHaveLength(2);
    expect(sends[0]!.params.random_id).toBe(sends[1]!.params.random_id);
    expect(u.messages()).toHaveLength(1);
  });
});
