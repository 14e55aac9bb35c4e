import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { startHarness, TEST_TELEGRAM_TOKEN, type Harness } from "../support/harness.js";
import { PrivateRedis } from "../support/private-redis.js";

describe("graceful shutdown", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ proxyDatabase: true });
  });
  afterAll(() => h?.close());

  it("stopping finishes the update in hand: its effect is stored and its reply sent", async () => {
    h.dbProxy!.delayMs = 150; // each round trip to PostgreSQL is slow
    const update = { update_id: 41_001, message: { message_id: 1, date: 1, chat: { id: 5001, type: "private", first_name: "Т" }, from: { id: 5001, is_bot: false, first_name: "Т" }, text: "/start" } };
    const handling = h.app.telegram!.handleUpdate(update as any);
    await new Promise((r) => setTimeout(r, 20));
    const app = h.app;
    const stopping = h.restart(); // stops the running app (and builds a fresh one)
    await Promise.all([handling, stopping]);
    h.dbProxy!.delayMs = 0;
    expect(h.tg.toChat("5001")).toHaveLength(1);
    expect(await h.app.db.prisma.processedUpdate.count({ where: { key: "tg:41001" } })).toBe(1);
    expect(app).not.toBe(h.app);
  });

  it("the process exits cleanly on SIGTERM", async () => {
    // The service registers its schedules under the production prefix: on a Redis of its own, not the shared one.
    const redis = await new PrivateRedis().start();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "all"], {
      env: {
        ...process.env,
        DATABASE_URL: h.database.url,
        REDIS_URL: redis.url,
        TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: h.tg.url,
        PORT: "0",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    onTestFinished(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await redis.stop();
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    for (let i = 0; i < 300 && !out.includes('"msg":"started"'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('"msg":"started"');
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    expect(out).toContain('"msg":"stopped"');
  });

  it("a bad configuration stops start-up with one message naming every problem", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { PATH: process.env.PATH, REDIS_URL: "nope" }, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (c) => (err += c));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(err).toContain("Configuration is invalid");
    for (const key of ["DATABASE_URL", "REDIS_URL", "TELEGRAM_BOT_TOKEN"]) expect(err).toContain(key);
  });
});
