import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const base = { DATABASE_URL: "postgresql://u@localhost:5432/db", REDIS_URL: "redis://localhost:6379" };
const tg = { TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc" };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("configuration", () => {
  it("needs at least one messenger", () => {
    expect(problems(base).join("\n")).toContain("at least one messenger is required");
    expect(problems({ ...base, ...tg })).toEqual([]);
    expect(problems({ ...base, VK_GROUP_TOKEN: "vk1.a.token", VK_GROUP_ID: "12345" })).toEqual([]);
  });

  it("names every problem at once", () => {
    const list = problems({ REDIS_URL: "http://not-redis", TELEGRAM_BOT_TOKEN: "nonsense", TELEGRAM_MODE: "webhook", VK_GROUP_TOKEN: "t", PORT: "99999" });
    const keys = list.map((p) => p.split(":")[0]);
    expect(keys).toEqual(expect.arrayContaining(["DATABASE_URL", "REDIS_URL", "TELEGRAM_BOT_TOKEN", "PORT", "VK_GROUP_ID"]));
    expect(list.find((p) => p.startsWith("DATABASE_URL"))).toBe("DATABASE_URL: is required");
  });

  it("webhook and callback modes require their secrets", () => {
    const keys = problems({ ...base, ...tg, TELEGRAM_MODE: "webhook", VK_GROUP_TOKEN: "t", VK_GROUP_ID: "1", VK_MODE: "callback" }).map((p) => p.split(":")[0]);
    expect(keys.sort()).toEqual(["TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_WEBHOOK_URL", "VK_CALLBACK_CONFIRMATION", "VK_CALLBACK_SECRET"]);
  });

  it("builds typed sections with defaults and optional API roots", () => {
    const c = loadConfig({ ...base, ...tg, TELEGRAM_API_ROOT: "http://bot-api:8081", VK_GROUP_TOKEN: "t", VK_GROUP_ID: "77", VK_API_BASE_URL: "https://api.vk.com/method", TELEGRAM_BOT_USERNAME: "@school_bot" });
    expect(c.telegram).toEqual({ token: tg.TELEGRAM_BOT_TOKEN, username: "school_bot", apiRoot: "http://bot-api:8081", mode: "polling" });
    expect(c.vk).toEqual({ token: "t", groupId: 77, apiBaseUrl: "https://api.vk.com/method", mode: "longpoll" });
    expect(loadConfig({ ...base, VK_GROUP_TOKEN: "t", VK_GROUP_ID: "77", VK_API_LIMIT: "50" }).vk).toMatchObject({ apiLimit: 50 });
    expect(c.port).toBe(8080);
    expect(c.logLevel).toBe("info");
  });

  it("flood protection follows FLOOD_* where set and keeps the defaults elsewhere; a bad value is named", () => {
    expect(loadConfig({ ...base, ...tg }).rateLimit).toEqual({});
    expect(loadConfig({ ...base, ...tg, FLOOD_BURST: "", FLOOD_PER_SECOND: " ", FLOOD_MAX_QUEUED: "" }).rateLimit).toEqual({});
    expect(loadConfig({ ...base, ...tg, FLOOD_BURST: "40", FLOOD_PER_SECOND: "0.5" }).rateLimit).toEqual({ burst: 40, perSecond: 0.5 });
    expect(problems({ ...base, ...tg, FLOOD_BURST: "0", FLOOD_PER_SECOND: "-1" }).map((p) => p.split(":")[0]).sort()).toEqual(["FLOOD_BURST", "FLOOD_PER_SECOND"]);
  });

  it("treats empty values in a copied .env as absent", () => {
    expect(problems({ ...base, ...tg, VK_GROUP_TOKEN: "", VK_GROUP_ID: "", TELEGRAM_API_ROOT: "" })).toEqual([]);
  });
});
