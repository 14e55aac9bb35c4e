import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/**
 * Redis keys of the tests. Each harness (and each test that spawns worker processes) has a queue
 * prefix of its own, `test-<run>-<random>`: `<run>` names this vitest run (set by the global
 * setup), so the run's keys are told apart from those of runs beside it on the same Redis. A
 * harness deletes its prefix's keys when it closes; the global teardown checks none are left.
 */

export const SHARED_REDIS_URL = "redis://127.0.0.1:6379";

/** The prefix every key of this run starts with (`test-<run>-`). */
export function runKeyPrefix(): string {
  return `test-${process.env.TEST_RUN_TAG ?? "norun"}-`;
}

/** A queue prefix of its own for one harness or test. */
export function testQueuePrefix(): string {
  return `${runKeyPrefix()}${randomBytes(4).toString("hex")}`;
}

/** A short-lived connection that gives up at once when Redis is not there (nothing is queued while it is down). */
function connect(url: string): Redis {
  return new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, retryStrategy: () => null });
}

async function scan(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  return [...new Set(keys)];
}

/** Glob characters in a prefix are matched literally. */
const literal = (s: string) => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/** Deletes every key of `<prefix>:*` (SCAN + DEL); returns how many there were. */
export async function deletePrefixKeys(url: string, prefix: string): Promise<number> {
  if (!prefix || prefix === "nastavnik") throw new Error(`refusing to delete the keys of prefix "${prefix}"`);
  const redis = connect(url);
  try {
    await redis.connect();
    const keys = await scan(redis, `${literal(prefix)}:*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

/** Keys whose name starts with `start`, counted by their queue prefix (the part before the first ':'). */
export async function keysByPrefix(url: string, start: string): Promise<Map<string, string[]>> {
  const redis = connect(url);
  try {
    await redis.connect();
    const out = new Map<string, string[]>();
    for (const key of await scan(redis, `${literal(start)}*`)) {
      const prefix = key.split(":")[0]!;
      out.set(prefix, [...(out.get(prefix) ?? []), key]);
    }
    return out;
  } finally {
    redis.disconnect();
  }
}

/** Deletes the given keys. */
export async function deleteKeys(url: string, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  const redis = connect(url);
  try {
    await redis.connect();
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  } finally {
    redis.disconnect();
  }
}
