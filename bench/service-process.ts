import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { Harness } from "../test/support/harness.js";
import { TEST_TELEGRAM_TOKEN, TEST_VK_CONFIRMATION, TEST_VK_SECRET, TEST_WEBHOOK_SECRET } from "../test/support/harness.js";
import { MAX_BOT, MAX_TOKEN } from "../test/support/fake-max.js";
import { VK_GROUP_ID } from "../test/support/fake-vk.js";
import { PrivateRedis } from "../test/support/private-redis.js";

export const MAX_WEBHOOK_SECRET = "max-webhook-secret-0123456789";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The service as production runs it — compiled (`npm run build`), `node dist/main.js all`, every
 * messenger in webhook mode — in a process of its own, against the harness's database and fake
 * messenger APIs (over HTTP) and a Redis of its own. Its start-up is timed until `/healthz`
 * answers, its peak RSS read from the kernel when it stops.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private redis?: PrivateRedis;
  private output = "";
  port = 0;
  startupMs = 0;

  /** `nodeArgs`: e.g. `--cpu-prof` to profile the service under the benchmark's load. */
  async start(h: Harness, env: Record<string, string>, nodeArgs: string[] = []): Promise<this> {
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
    this.redis = await new PrivateRedis().start();
    this.port = await freePort();
    const startedAt = performance.now();
    this.child = spawn(process.execPath, [...nodeArgs, "dist/main.js", "all"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        DATABASE_URL: h.database.url,
        REDIS_URL: this.redis.url,
        HOST: "127.0.0.1",
        PORT: String(this.port),
        LOG_LEVEL: "warn",
        TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: h.tg.url,
        TELEGRAM_MODE: "webhook",
        TELEGRAM_WEBHOOK_URL: "https://bot.example.org/webhooks/telegram",
        TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
        VK_GROUP_TOKEN: "vk1.a.test-group-token",
        VK_GROUP_ID: String(VK_GROUP_ID),
        VK_API_BASE_URL: h.vk.apiBaseUrl,
        VK_MODE: "callback",
        VK_CALLBACK_SECRET: TEST_VK_SECRET,
        VK_CALLBACK_CONFIRMATION: TEST_VK_CONFIRMATION,
        MAX_BOT_TOKEN: MAX_TOKEN,
        MAX_BOT_USERNAME: MAX_BOT.username,
        MAX_API_BASE_URL: h.max.url,
        MAX_MODE: "webhook",
        MAX_WEBHOOK_URL: "https://bot.example.org/webhooks/max",
        MAX_WEBHOOK_SECRET,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout!.on("data", (c) => (this.output += c));
    this.child.stderr!.on("data", (c) => (this.output += c));
    for (let i = 0; i < 1000 && this.child.exitCode === null; i++) {
      const ok = await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false);
      if (ok) {
        this.startupMs = performance.now() - startedAt;
        return this;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the service did not start:\n${this.output.slice(-2000)}`);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops it with SIGTERM, as a deployment would; returns its peak resident memory in bytes. */
  async stop(): Promise<number> {
    const child = this.child;
    let peak = 0;
    if (child?.pid && child.exitCode === null) {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    await this.redis?.stop();
    return peak;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
