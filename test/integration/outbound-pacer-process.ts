import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { Redis } from "ioredis";
import { Pacer } from "../../src/jobs/outbound/pacer.js";

/**
 * A process taking pacer slots, for the pacer's test: started under a moved clock (libfaketime)
 * with `node --import tsx`, it prints "ready", waits for "go" on stdin, takes PACER_COUNT slots of
 * VK at PACER_PER_SECOND a second (one chat each) and prints what it saw as one JSON line.
 */
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 2 });
const pacer = new Pacer({ redis, prefix: process.env.PACER_PREFIX!, pace: { telegram: { perSecond: 30, perChatMs: 1000 }, vk: { perSecond: Number(process.env.PACER_PER_SECOND), perChatMs: 0 }, max: { perSecond: 30, perChatMs: 0 } }, safety: 0.97 });
await redis.ping();
console.log("ready");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === "go") break;
const start = performance.now();
const slots: number[] = [];
const at: number[] = [];
for (let i = 0; i < Number(process.env.PACER_COUNT); i++) {
  const got = await pacer.acquire("vk", `${process.pid}-${i}`);
  if (got.kind !== "slot") throw new Error("a VK chat is never busy");
  slots.push(Number(got.slot));
  at.push(performance.now() - start);
}
console.log(JSON.stringify({ wallClock: new Date().toISOString(), slots, at }));
await redis.quit();
process.exit(0);
