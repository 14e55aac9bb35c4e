import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { realClockEnv } from "../support/real-clock.js";

const tgMessage = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: { message_id: updateId, date: 1, chat: { id: chatId, type: "private", first_name: "Т" }, from: { id: chatId, is_bot: false, first_name: "Т" }, text },
});

describe("two bot processes at once", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("the same update delivered to both is handled once", async () => {
    const other = h.another();
    const update = tgMessage(31_001, 6001, "/start") as any;
    await Promise.all([h.app.telegram!.handleUpdate(update), other.telegram!.handleUpdate(update), h.app.telegram!.handleUpdate(update), other.telegram!.handleUpdate(update)]);
    expect(h.tg.toChat("6001")).toHaveLength(1);
  });

  it("updates of one chat split across both are each handled once, one at a time", async () => {
    const other = h.another();
    const { programmeId } = await h.seedProgramme();
    const code = await h.invite(programmeId, "mentee");
    await h.app.telegram!.handleUpdate(tgMessage(32_000, 6002, `/start ${code}`) as any);
    // Twenty taps on the same language button at once, half through each process: one answers
    // the question, the rest find the prompt already answered (stale) — never two answers.
    const payload = h.tg.toChat("6002")[0]!.buttons[0]![0]!.data;
    const press = (id: number) => ({ update_id: id, callback_query: { id: String(id), from: { id: 6002, is_bot: false, first_name: "Т" }, chat_instance: "c", data: payload, message: { message_id: 1, date: 0, chat: { id: 6002, type: "private", first_name: "Т" }, text: "" } } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? h.app : other).telegram!.handleUpdate(press(32_001 + i) as any)));
    const texts = h.tg.toChat("6002").filter((m) => m.replaces === undefined).map((m) => m.text);
    expect(texts.filter((t) => t.startsWith("Вопрос 2 из 3\n\nСколько вам лет"))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("Эта кнопка из старого сообщения"))).toHaveLength(19);
    expect(await h.app.db.prisma.processedUpdate.count({ where: { key: { startsWith: "tg:320" } } })).toBe(21);
  });
});

describe("Redis restarted", () => {
  // A Redis of our own, configured as docker-compose configures it (AOF on, noeviction).
  const port = 6390 + Math.floor(Math.random() * 500);
  const dir = mkdtempSync(join(tmpdir(), "redis-aof-"));
  const startRedis = () => {
    const p = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--appendfsync", "always", "--maxmemory-policy", "noeviction", "--save", ""], { stdio: "ignore", env: realClockEnv() });
    return p;
  };
  const waitUp = async () => {
    for (let i = 0; i < 100; i++) {
      try {
        execFileSync("redis-cli", ["-p", String(port), "ping"], { stdio: "pipe", env: realClockEnv(), timeout: 2000 });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error("redis did not start");
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps queued, delayed and scheduled jobs across a restart, even a kill", async () => {
    let server = startRedis();
    await waitUp();
    let redis = new Redis({ port, maxRetriesPerRequest: null });
    let queue = new Queue("outbound-telegram", { connection: redis, prefix: "nastavnik" });
    await queue.add("send", { n: 1 }, { jobId: "reminder-a" });
    await queue.add("send", { n: 2 }, { jobId: "reminder-b", delay: 3_600_000 });
    await queue.upsertJobScheduler("weekly-digest", { pattern: "0 9 * * 1" }, { name: "digest" });
    await queue.close();
    redis.disconnect();
    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));

    server = startRedis();
    await waitUp();
    redis = new Redis({ port, maxRetriesPerRequest: null });
    queue = new Queue("outbound-telegram", { connection: redis, prefix: "nastavnik" });
    try {
      expect((await queue.getJob("reminder-a"))?.data).toEqual({ n: 1 });
      expect(await (await queue.getJob("reminder-b"))?.isDelayed()).toBe(true);
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toContain("weekly-digest");
      expect(await redis.config("GET", "maxmemory-policy")).toEqual(["maxmemory-policy", "noeviction"]);
    } finally {
      await queue.close();
      redis.disconnect();
      server.kill("SIGTERM");
    }
  });
});
