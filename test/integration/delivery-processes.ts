import { spawn, type ChildProcess } from "node:child_process";
import { TEST_TELEGRAM_TOKEN, type Harness } from "../support/harness.js";
import { VK_GROUP_ID } from "../support/fake-vk.js";
import { MAX_TOKEN } from "../support/fake-max.js";
import type { OutboundOptions } from "../../src/jobs/outbound.js";

/** The real worker process (test/support/worker-process.ts), started against a test's database, Redis and fake messengers. */
export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the process has started its queues. */
  started(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function spawnWorker(h: Harness, input: { prefix: string; redisUrl?: string; outbound?: OutboundOptions }): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/worker-process.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: h.database.url,
      REDIS_URL: input.redisUrl ?? "redis://127.0.0.1:6379",
      TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: h.tg.url,
      VK_GROUP_TOKEN: "vk1.a.test-group-token",
      VK_GROUP_ID: String(VK_GROUP_ID),
      VK_API_BASE_URL: h.vk.apiBaseUrl,
      MAX_BOT_TOKEN: MAX_TOKEN,
      MAX_API_BASE_URL: h.max.url,
      LOG_LEVEL: "info",
      PORT: "0",
      QUEUE_PREFIX: input.prefix,
      // Short job locks: a killed worker's jobs are taken over within seconds, not half a minute.
      OUTBOUND_OPTIONS: JSON.stringify({ lockDurationMs: 2000, stalledIntervalMs: 1000, ...input.outbound }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => out,
    async started() {
      for (let i = 0; i < 600 && !out.includes('"msg":"started"'); i++) {
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      if (!out.includes('"msg":"started"')) throw new Error(`worker did not start: ${out.slice(-2000)}`);
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Polls until `done` holds (or throws after `timeoutMs`). */
export async function until(done: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
