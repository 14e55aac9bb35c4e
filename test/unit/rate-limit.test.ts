import { describe, expect, it } from "vitest";
import { ChatRateLimiter } from "../../src/bot/core/rate-limit.js";

describe("per-chat flood protection", () => {
  it("lets a burst through, then spaces updates by the refill rate, then drops past the queue", () => {
    let now = 0;
    const limiter = new ChatRateLimiter({ burst: 3, perSecond: 2, maxQueued: 2 }, () => now);
    expect([1, 2, 3].map(() => limiter.admit("a").kind)).toEqual(["now", "now", "now"]);
    expect(limiter.admit("a")).toEqual({ kind: "wait", ms: 500 });
    expect(limiter.admit("a")).toEqual({ kind: "wait", ms: 1000 });
    expect(limiter.admit("a")).toEqual({ kind: "drop", firstDrop: true });
    expect(limiter.admit("a")).toEqual({ kind: "drop", firstDrop: false });
    // Another chat is not affected.
    expect(limiter.admit("b").kind).toBe("now");
    limiter.release("a");
    limiter.release("a");
    now = 10_000;
    expect(limiter.admit("a").kind).toBe("now");
    expect(limiter.admit("a").kind).toBe("now");
  });
});
