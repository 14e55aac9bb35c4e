import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A Redis server of a test's own, configured as docker-compose configures it (AOF, noeviction),
 * for processes that cannot be given a key prefix (the service as `npm start` runs it writes
 * under the production prefix): nothing they write reaches the shared Redis.
 */
export class PrivateRedis {
  readonly port = 7400 + Math.floor(Math.random() * 500);
  readonly url = `redis://127.0.0.1:${this.port}`;
  private readonly dir = mkdtempSync(join(tmpdir(), "redis-private-"));
  private server?: ChildProcess;

  async start(): Promise<this> {
    this.server = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.dir, "--appendonly", "yes", "--maxmemory-policy", "noeviction", "--save", ""], { stdio: "ignore" });
    for (let i = 0; i < 100; i++) {
      try {
        if (execFileSync("redis-cli", ["-p", String(this.port), "ping"], { stdio: "pipe" }).toString().trim() === "PONG") return this;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("redis did not start");
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (s && s.exitCode === null && s.signalCode === null) {
      const exited = new Promise((r) => s.once("exit", r));
      s.kill("SIGKILL");
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
