import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";

describe.each(ON_EVERY_PLATFORM)("a flood from one person on %s", (platform) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ app: { rateLimit: { burst: 5, perSecond: 5, maxQueued: 5 } } });
  });
  afterAll(() => h?.close());

  it("is slowed and trimmed, with one notice, while another person is answered at once", async () => {
    const flooder = h.user(platform);
    const other = h.user(platform);
    const flood = Promise.all(Array.from({ length: 40 }, (_, i) => flooder.send(`спам ${i}`)));
    await other.send("/start");
    await flood;
    const texts = flooder.messages().map((m) => m.text);
    const answered = texts.filter((t) => t.startsWith("Я не понял сообщение"));
    expect(answered).toHaveLength(10); // 5 at once + 5 queued
    expect(texts.filter((t) => t.startsWith("Слишком много сообщений"))).toHaveLength(1);
    expect(other.last().text).toContain("нужна ссылка-приглашение");
    // The other person did not wait for the flooder's queue: answered before it drained.
    const { chatIdOf, sentChats } = TEST_PLATFORMS[platform];
    const order = sentChats(h);
    expect(order.indexOf(chatIdOf(other.id))).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(chatIdOf(other.id))).toBeLessThan(order.lastIndexOf(chatIdOf(flooder.id)));
  });
});
