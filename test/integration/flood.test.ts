import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";

describe("a flood from one person", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ app: { rateLimit: { burst: 5, perSecond: 5, maxQueued: 5 } } });
  });
  afterAll(() => h?.close());

  it("is slowed and trimmed, with one notice, while another person is answered at once", async () => {
    const flooder = h.user("telegram");
    const other = h.user("telegram");
    const flood = Promise.all(Array.from({ length: 40 }, (_, i) => flooder.send(`спам ${i}`)));
    await other.send("/start");
    await flood;
    const texts = flooder.messages().map((m) => m.text);
    const answered = texts.filter((t) => t.startsWith("Я не понял сообщение"));
    expect(answered).toHaveLength(10); // 5 at once + 5 queued
    expect(texts.filter((t) => t.startsWith("Слишком много сообщений"))).toHaveLength(1);
    expect(other.last().text).toContain("нужна ссылка-приглашение");
    // The other person did not wait for the flooder's queue: answered before it drained.
    const order = h.tg.sent.map((m) => m.chatId);
    expect(order.indexOf(other.id)).toBeLessThan(order.lastIndexOf(flooder.id));
  });
});
