import { Redis } from "ioredis";

/** A Redis connection as BullMQ workers need it: commands wait through reconnects instead of failing. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

export async function pingRedis(redis: Redis): Promise<boolean> {
  try {
    return (await Promise.race([redis.ping(), new Promise<string>((_, reject) => setTimeout(() => reject(new Error("timeout")), 1000))])) === "PONG";
  } catch {
    return false;
  }
}
