import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Pacer, WINDOW_MS, type PlatformPace } from "../../src/jobs/outbound/pacer.js";
import type { Platform } from "../../src/domain/platforms.js";
import { realClockEnv } from "../support/real-clock.js";

/**
 * The outbound pacer against the real Redis: slots evenly spaced under the limit, shared by
 * every caller; one chat's slots a chat interval apart; a 429 moves every slot on; a late answer
 * holds the slots a window on; and all of it on Redis's clock, whatever the process's clock says.
 */

const REDIS_URL = "redis://127.0.0.1:6379";
const PREFIX = `test-pacer-${randomBytes(4).toString("hex")}`;
const SAFETY = 0.97;
const N = 10;
const PACE: Record<Platform, PlatformPace> = { telegram: { perSecond: 30, perChatMs: 1000 }, vk: { perSecond: N, perChatMs: 0 }, max: { perSecond: 30, perChatMs: 0 } };

let redis: Redis;
let other: Redis;
let case_ = 0;

/** A pacer with keys of its own (each test starts from empty windows); `connection` to share them with another caller. */
function pacerFor(name: string, connection: Redis = redis): Pacer {
  return new Pacer({ redis: connection, prefix: `${PREFIX}:${name}`, pace: PACE, safety: SAFETY });
}
const fresh = (): string => `case${++case_}`;

/** How many of the sorted times fall in the busiest window of `ms` (a window starting at each of them). */
function busiest(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + ms) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

const gaps = (times: readonly number[]): number[] => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => t - sorted[i]!);
};

beforeAll(async () => {
  redis = new Redis(REDIS_URL);
  other = new Redis(REDIS_URL);
  await Promise.all([redis.ping(), other.ping()]);
});

afterAll(async () => {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${PREFIX}:*`, "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  expect(await redis.keys(`${PREFIX}:*`)).toEqual([]);
  await Promise.all([redis.quit(), other.quit()]);
});

describe("outbound pacer", () => {
  it(`at ${N} a second, ${N + 3} reservations at once: exactly ${N} slots in the first second, the rest told to wait past it`, async () => {
    const pacer = pacerFor(fresh());
    const interval = pacer.interval("vk");
    expect(interval).toBeCloseTo(1000 / (N * SAFETY), 6);
    const started = performance.now();
    const answers = [];
    for (let i = 0; i < N + 3; i++) answers.push(await pacer.reserve("vk", `chat-${i}`));
    const elapsed = performance.now() - started;
    const slots = answers.map((a) => {
      if (a.kind !== "slot") throw new Error("a VK chat is never busy");
      return Number(a.slot);
    });
    const first = slots[0]!;
    expect(answers[0]!.waitMs).toBe(0);
    // Evenly spaced, one interval apart (three decimals on the wire).
    for (const gap of gaps(slots)) expect(gap).toBeCloseTo(interval, 2);
    expect(slots.filter((s) => s < first + WINDOW_MS)).toHaveLength(N);
    expect(busiest(slots, WINDOW_MS)).toBe(N);
    // Each is told how long to wait for its slot, on Redis's clock: the ones past the window wait past it.
    for (const [i, a] of answers.entries()) {
      expect(a.waitMs).toBeLessThanOrEqual(Math.ceil(i * interval));
      expect(a.waitMs).toBeGreaterThanOrEqual(Math.floor(i * interval - elapsed) - 1);
      if (i >= N) expect(a.waitMs).toBeGreaterThanOrEqual(Math.floor(WINDOW_MS - elapsed));
    }
  });

  it("one chat's slots are a chat interval apart; another chat is not held up", async () => {
    const pacer = pacerFor(fresh());
    const chatInterval = pacer.chatInterval("telegram");
    expect(chatInterval).toBeCloseTo(1000 / SAFETY, 6);
    const a1 = await pacer.reserve("telegram", "a");
    expect(a1.kind).toBe("slot");
    const a2 = await pacer.reserve("telegram", "a");
    // Nothing reserved: told how long until the chat is free.
    expect(a2.kind).toBe("chat-busy");
    expect(a2.waitMs).toBeGreaterThan(chatInterval - 100);
    expect(a2.waitMs).toBeLessThanOrEqual(Math.ceil(chatInterval));
    const b = await pacer.reserve("telegram", "b");
    expect(b.kind).toBe("slot");
    expect(Number(b.kind === "slot" && b.slot) - Number(a1.kind === "slot" && a1.slot)).toBeCloseTo(pacer.interval("telegram"), 2);

    // acquire() waits the chat out in real time, then gets a slot at least a chat interval after the first.
    const before = performance.now();
    const again = await pacer.acquire("telegram", "a");
    expect(performance.now() - before).toBeGreaterThanOrEqual(chatInterval - 150);
    if (again.kind !== "slot" || a1.kind !== "slot") throw new Error("expected slots");
    expect(Number(again.slot) - Number(a1.slot)).toBeGreaterThanOrEqual(chatInterval - 0.01);

    // A caller that would rather put its job back is answered at once.
    const t0 = performance.now();
    const busy = await pacer.acquire("telegram", "a", { maxChatWaitMs: 100 });
    expect(busy.kind).toBe("chat-busy");
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it("two callers on their own connections never pass the limit together", async () => {
    const name = fresh();
    const callers = [pacerFor(name, redis), pacerFor(name, other)];
    const interval = callers[0]!.interval("vk");
    const slots: number[] = [];
    const sent: number[] = [];
    const started = performance.now();
    await Promise.all(
      callers.map(async (pacer, c) => {
        // Several sends in flight per caller, as a worker's concurrency gives.
        await Promise.all(
          [0, 1, 2].map(async (lane) => {
            for (let i = 0; i < 4; i++) {
              const got = await pacer.acquire("vk", `c${c}-l${lane}-${i}`);
              if (got.kind !== "slot") throw new Error("a VK chat is never busy");
              slots.push(Number(got.slot));
              sent.push(performance.now());
            }
          }),
        );
      }),
    );
    expect(slots).toHaveLength(24);
    expect(new Set(slots).size).toBe(24);
    for (const gap of gaps(slots)) expect(gap).toBeGreaterThanOrEqual(interval - 0.01);
    expect(busiest(slots, WINDOW_MS)).toBeLessThanOrEqual(N);
    // And when they actually went (this process's monotonic clock): never more than N in a second.
    expect(busiest(sent, WINDOW_MS)).toBeLessThanOrEqual(N);
    // 24 slots one interval apart take 23 intervals at least.
    expect(performance.now() - started).toBeGreaterThanOrEqual(23 * interval - 50);
  });

  it("a 429 moves every slot of the messenger on by retry_after", async () => {
    const pacer = pacerFor(fresh());
    const before = performance.now();
    await pacer.penalise("vk", 700);
    const next = await pacer.reserve("vk", "x");
    // The wait is what is left of the penalty: less only by the time the two calls took (a busy machine).
    const took = performance.now() - before;
    expect(next.kind).toBe("slot");
    expect(next.waitMs).toBeGreaterThanOrEqual(700 - took - 1);
    expect(next.waitMs).toBeLessThanOrEqual(700);
    // A shorter penalty later does not bring the slots back.
    await pacer.penalise("vk", 100);
    const after = await pacer.reserve("vk", "y");
    expect(after.waitMs).toBeGreaterThanOrEqual(690);
  });

  it("an answer on time holds nothing; a late one holds the slots a window on until a window after it", async () => {
    const pacer = pacerFor(fresh());
    const interval = pacer.interval("vk");
    const [, , holdsKey] = pacer.keys("vk", "x");
    const onTime = await pacer.reserve("vk", "x");
    if (onTime.kind !== "slot") throw new Error("expected a slot");
    expect(await pacer.settle("vk", "x", onTime.slot)).toBe(false);
    expect(await redis.zcard(holdsKey)).toBe(0);

    const late = await pacer.acquire("vk", "y");
    if (late.kind !== "slot") throw new Error("expected a slot");
    await new Promise((r) => setTimeout(r, 150)); // the messenger answers 150 ms after the slot
    expect(await pacer.settle("vk", "y", late.slot)).toBe(true);
    const [member, until] = await redis.zrange(holdsKey, 0, -1, "WITHSCORES");
    const from = Number(member!.split(":")[0]);
    expect(from).toBeCloseTo(Number(late.slot) + (N - 0.5) * interval, 2);
    expect(Number(until)).toBeGreaterThan(Number(late.slot) + N * interval);

    const slots: number[] = [];
    for (let i = 0; i < N + 2; i++) {
      const r = await pacer.reserve("vk", `z${i}`);
      if (r.kind === "slot") slots.push(Number(r.slot));
    }
    // None starts inside the hold; the slot that would have is moved to its end.
    expect(slots.filter((s) => s >= from && s < Number(until))).toEqual([]);
    expect(slots).toContain(Number(until));
    // The late send reached the messenger some time between its slot and its answer (a window
    // before the hold ends): wherever it did, no window holds more than N sends.
    const answered = Number(until) - WINDOW_MS;
    for (const arrived of [Number(late.slot), (Number(late.slot) + answered) / 2, answered]) {
      expect(busiest([Number(onTime.slot), arrived, ...slots], WINDOW_MS)).toBeLessThanOrEqual(N);
    }
  });

  it("after a send the chat's next slot is a chat interval after the answer", async () => {
    const pacer = pacerFor(fresh());
    const first = await pacer.acquire("telegram", "a");
    if (first.kind !== "slot") throw new Error("expected a slot");
    await new Promise((r) => setTimeout(r, 300)); // a slow answer
    await pacer.settle("telegram", "a", first.slot);
    const [, chatKey] = pacer.keys("telegram", "a");
    expect(Number(await redis.get(chatKey))).toBeGreaterThanOrEqual(Number(first.slot) + 300 + PACE.telegram.perChatMs - 5);
  });

  it("the process's wall clock does not matter: moved years on or back, the same slots and waits", async () => {
    const run = async () => {
      const pacer = pacerFor(fresh());
      const waits: number[] = [];
      const started = performance.now();
      for (let i = 0; i < 4; i++) {
        const got = await pacer.acquire("vk", `w${i}`);
        if (got.kind !== "slot") throw new Error("expected a slot");
        waits.push(performance.now() - started);
      }
      const busy = await pacer.reserve("telegram", "t").then(() => pacer.reserve("telegram", "t"));
      return { waits, busy };
    };
    const interval = pacerFor("x").interval("vk");
    try {
      for (const moved of [new Date("2031-06-01T00:00:00Z"), new Date("2001-01-01T00:00:00Z")]) {
        vi.useFakeTimers({ toFake: ["Date"], now: moved });
        const { waits, busy } = await run();
        expect(new Date().getUTCFullYear()).toBe(moved.getUTCFullYear());
        // Four slots one interval apart: the last at least three intervals after the first, and seconds, not years, away.
        expect(waits[3]! - waits[0]!).toBeGreaterThanOrEqual(3 * interval - 20);
        expect(Math.max(...waits)).toBeLessThan(10_000);
        expect(busy.kind).toBe("chat-busy");
        expect(busy.waitMs).toBeGreaterThan(800);
        expect(busy.waitMs).toBeLessThanOrEqual(Math.ceil(1000 / SAFETY));
        vi.useRealTimers();
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it.skipIf(!existsSync("/usr/bin/faketime"))("two processes under libfaketime, their clocks days apart, share one limit", async () => {
    const prefix = `${PREFIX}:${fresh()}`;
    const count = 8;
    // Each child starts at a time of its own, days apart, counted from this process's clock (which
    // may itself be moved: `npm run test:moved-clock`); libfaketime reads it in the child's zone.
    const start = (offsetMs: number) => {
      const at = new Date(Date.now() + offsetMs).toISOString().slice(0, 19).replace("T", " ");
      const child = spawn("faketime", ["-f", `@${at}`, process.execPath, "--import", "tsx", "test/integration/outbound-pacer-process.ts"], {
        env: { ...realClockEnv(), TZ: "UTC", FAKETIME_DONT_FAKE_MONOTONIC: "1", REDIS_URL, PACER_PREFIX: prefix, PACER_PER_SECOND: String(N), PACER_COUNT: String(count) },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (c) => (out += c));
      child.stderr.on("data", (c) => (out += c));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      return {
        child,
        exited,
        output: () => out,
        async ready() {
          for (let i = 0; i < 400 && !out.includes("ready"); i++) {
            if (child.exitCode !== null) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          if (!out.includes("ready")) throw new Error(`pacer process did not start: ${out.slice(-2000)}`);
        },
      };
    };
    const behind = start(-3 * 86_400_000);
    const ahead = start(2 * 3_600_000);
    try {
      await Promise.all([behind.ready(), ahead.ready()]);
      behind.child.stdin.write("go\n");
      ahead.child.stdin.write("go\n");
      expect(await behind.exited).toBe(0);
      expect(await ahead.exited).toBe(0);
    } finally {
      behind.child.kill("SIGKILL");
      ahead.child.kill("SIGKILL");
    }
    const parse = (p: { output(): string }) => JSON.parse(p.output().trim().split("\n").at(-1)!) as { wallClock: string; slots: number[]; at: number[] };
    const [b, a] = [parse(behind), parse(ahead)];
    // The clocks really were moved.
    expect(Date.now() - Date.parse(b.wallClock)).toBeGreaterThan(3 * 86_400_000 - 600_000);
    expect(Date.parse(a.wallClock) - Date.now()).toBeGreaterThan(2 * 3_600_000 - 600_000);
    const slots = [...b.slots, ...a.slots];
    expect(new Set(slots).size).toBe(2 * count);
    const interval = 1000 / (N * SAFETY);
    for (const gap of gaps(slots)) expect(gap).toBeGreaterThanOrEqual(interval - 0.01);
    expect(busiest(slots, WINDOW_MS)).toBeLessThanOrEqual(N);
    // Each waited for its slots in real time: 16 slots of the pair in about 1.5 s, not days or none.
    for (const p of [b, a]) {
      expect(p.at.at(-1)!).toBeGreaterThan((count - 1) * interval - 50);
      expect(p.at.at(-1)!).toBeLessThan(2 * count * interval + 1500);
    }
  });
});
