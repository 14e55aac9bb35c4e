import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { Redis } from "ioredis";

/**
 * The PostgreSQL and Redis the tests run against. When something answers on the configured
 * ports it is used as it is. When nothing does and the address is this machine's, the
 * compose file's `postgres` and `redis` services are started for the run (a compose project
 * of their own, `nastavnik-test`, published on 127.0.0.1 only, PostgreSQL with trust auth for
 * the tests' user, volumes of their own: a deployment's data is never touched) and removed at
 * the end. Without them and without Docker the run stops with one line saying what is
 * missing and how to start it.
 */

export interface Endpoint {
  host: string;
  port: number;
  /** PostgreSQL over its Unix socket (a URL whose host is a directory, `%2Fvar%2Frun%2Fpostgresql`). */
  socket?: string;
}

export interface ServiceEndpoints {
  postgres: Endpoint & { user: string; database: string };
  redis: Endpoint;
}

export type ServiceName = "postgres" | "redis";

export const COMPOSE_PROJECT = "nastavnik-test";
const REPO = resolve(import.meta.dirname, "../..");
export const COMPOSE_FILE = join(REPO, "docker-compose.yml");

export function endpoints(adminUrl: string, redisUrl: string): ServiceEndpoints {
  const p = new URL(adminUrl);
  const r = new URL(redisUrl);
  const port = Number(p.port || 5432);
  const dir = decodeURIComponent(p.hostname);
  return {
    postgres: { host: dir, port, ...(dir.startsWith("/") ? { socket: `${dir}/.s.PGSQL.${port}` } : {}), user: decodeURIComponent(p.username || "postgres"), database: p.pathname.slice(1) || "postgres" },
    redis: { host: r.hostname, port: Number(r.port || 6379) },
  };
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const isLoopback = (e: Endpoint) => LOOPBACK.has(e.host) || e.socket !== undefined;

/** Whether something accepts a TCP connection there. */
export function listening(e: Endpoint, timeoutMs = 1500): Promise<boolean> {
  return new Promise((done) => {
    const socket = e.socket ? connect({ path: e.socket }) : connect({ host: e.host.replace(/^\[|\]$/g, ""), port: e.port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}

/** What this machine has of Docker: the compose plugin, the standalone docker-compose, a daemon that answers. */
export interface DockerTools {
  plugin: boolean;
  standalone: boolean;
  daemon: boolean;
}

/** The compose command to use: the plugin (`docker compose`) first, else docker-compose (1.29 and later); null without either. */
export function composeCommand(tools: DockerTools): string[] | null {
  if (tools.plugin) return ["docker", "compose"];
  if (tools.standalone) return ["docker-compose"];
  return null;
}

/**
 * The arguments of one compose call on the tests' project: the repository's compose file with
 * the override that publishes the services on this machine's loopback. The project directory is
 * the run's own, so the relative paths of the compose file (its `env_file: .env`) are looked up
 * there, not in the working tree.
 */
export function composeArgs(command: readonly string[], input: { projectDir: string; override: string; action: "up"; services: readonly ServiceName[] } | { projectDir: string; override: string; action: "down" }): { file: string; args: string[] } {
  const [file, ...sub] = command as [string, ...string[]];
  const base = [...sub, "--project-name", COMPOSE_PROJECT, "--project-directory", input.projectDir, "--file", COMPOSE_FILE, "--file", input.override];
  const tail = input.action === "up" ? ["up", "--detach", ...input.services] : ["down", "--volumes", "--remove-orphans"];
  return { file, args: [...base, ...tail] };
}

/** The compose override of the tests: the services reachable where the tests look for them, PostgreSQL with trust auth for the tests' user. */
export function composeOverride(e: ServiceEndpoints): string {
  return [
    "# Written by the test set-up for one run: the compose file's services, as the tests reach them.",
    "services:",
    "  postgres:",
    "    environment:",
    `      POSTGRES_USER: ${JSON.stringify(e.postgres.user)}`,
    `      POSTGRES_DB: ${JSON.stringify(e.postgres.database)}`,
    "      POSTGRES_HOST_AUTH_METHOD: trust",
    "    ports:",
    `      - "127.0.0.1:${e.postgres.port}:5432"`,
    "    healthcheck:",
    `      test: ["CMD-SHELL", ${JSON.stringify(`pg_isready -U ${e.postgres.user}`)}]`,
    "    restart: \"no\"",
    "  redis:",
    "    ports:",
    `      - "127.0.0.1:${e.redis.port}:6379"`,
    "    restart: \"no\"",
    "",
  ].join("\n");
}

const LABEL: Record<ServiceName, string> = { postgres: "PostgreSQL", redis: "Redis" };

/** Why the missing services could not be started. */
export type NotStarted = { kind: "remote"; host: string } | { kind: "no-compose" } | { kind: "no-daemon" } | { kind: "failed"; detail: string };

/** The one line a run without its services stops with: what is missing, where it was looked for, how to start it. */
export function missingMessage(missing: readonly ServiceName[], e: ServiceEndpoints, why: NotStarted): string {
  const where = missing.map((s) => (s === "postgres" ? `PostgreSQL at ${e.postgres.host}:${e.postgres.port} (user ${e.postgres.user}, trust auth)` : `Redis at ${e.redis.host}:${e.redis.port}`)).join(" and ");
  const yourself = `start ${missing.map((s) => LABEL[s]).join(" and ")} there yourself`;
  const reason = (() => {
    switch (why.kind) {
      case "remote":
        return `${why.host} is not this machine — ${yourself}`;
      case "no-compose":
        return `neither \`docker compose\` nor \`docker-compose\` was found — install Docker with compose (the tests then start the compose file's ${missing.join(" and ")} themselves) or ${yourself}`;
      case "no-daemon":
        return `the Docker daemon does not answer — start it (\`sudo systemctl start docker\`) or ${yourself}`;
      case "failed":
        return `docker compose could not start them (${why.detail}) — ${yourself}`;
    }
  })();
  return `Tests need ${where}: nothing answers there, and ${reason}.`;
}

const lastLine = (output: string) => output.trim().split("\n").at(-1)?.trim() || "no output";

const run = (file: string, args: readonly string[], timeoutMs: number) =>
  new Promise<{ ok: boolean; output: string }>((done) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => done({ ok: !error, output: `${stdout}${stderr}` }));
  });

async function dockerTools(): Promise<DockerTools> {
  const [plugin, standalone, daemon] = await Promise.all([run("docker", ["compose", "version"], 20_000), run("docker-compose", ["version"], 20_000), run("docker", ["info", "--format", "{{.ServerVersion}}"], 20_000)]);
  return { plugin: plugin.ok, standalone: standalone.ok, daemon: daemon.ok };
}

/** Until PostgreSQL takes a query and Redis answers PING (the compose healthchecks' own tests). */
async function ready(adminUrl: string, redisUrl: string, services: readonly ServiceName[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const check: Record<ServiceName, () => Promise<void>> = {
    async postgres() {
      const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
      try {
        await c.connect();
        await c.query("SELECT 1");
      } finally {
        await c.end().catch(() => undefined);
      }
    },
    async redis() {
      const r = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, retryStrategy: () => null });
      try {
        await r.connect();
        await r.ping();
      } finally {
        r.disconnect();
      }
    },
  };
  for (const s of services) {
    for (;;) {
      const ok = await check[s]().then(
        () => true,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return true;
}

/** A failure of the set-up that is one line, nothing more. */
export class ServicesMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServicesMissing";
    this.stack = message;
  }
}

/**
 * Makes sure the services answer; starts the missing ones with docker compose when it can.
 * Returns what stops what was started (nothing when all were there).
 */
export async function ensureServices(adminUrl: string, redisUrl: string, log: (line: string) => void = (l) => console.log(l)): Promise<() => Promise<void>> {
  const e = endpoints(adminUrl, redisUrl);
  const up = await Promise.all([listening(e.postgres), listening(e.redis)]);
  const missing = (["postgres", "redis"] as const).filter((_, i) => !up[i]);
  if (!missing.length) return async () => undefined;
  const remote = missing.filter((s) => !isLoopback(e[s]));
  if (remote.length) throw new ServicesMissing(missingMessage(missing, e, { kind: "remote", host: e[remote[0]!].host }));
  const tools = await dockerTools();
  const command = composeCommand(tools);
  if (!command) throw new ServicesMissing(missingMessage(missing, e, { kind: "no-compose" }));
  if (!tools.daemon) throw new ServicesMissing(missingMessage(missing, e, { kind: "no-daemon" }));

  const projectDir = mkdtempSync(join(tmpdir(), "nastavnik-test-services-"));
  const override = join(projectDir, "docker-compose.test.yml");
  writeFileSync(override, composeOverride(e));
  // The compose file reads the bot's settings from .env; these two services need none.
  writeFileSync(join(projectDir, ".env"), "");
  const stop = async () => {
    const down = composeArgs(command, { projectDir, override, action: "down" });
    const r = await run(down.file, down.args, 120_000);
    if (!r.ok) console.warn(`Stopping the test services failed: ${lastLine(r.output)}`);
    rmSync(projectDir, { recursive: true, force: true });
  };
  log(`Nothing answers for ${missing.map((s) => `${LABEL[s]} (${e[s].host}:${e[s].port})`).join(" and ")}: starting the compose file's ${missing.join(" and ")} with ${command.join(" ")}…`);
  const started = composeArgs(command, { projectDir, override, action: "up", services: missing });
  // Pulling the images the first time may take a few minutes.
  const r = await run(started.file, started.args, 15 * 60_000);
  if (!r.ok) {
    await stop();
    throw new ServicesMissing(missingMessage(missing, e, { kind: "failed", detail: lastLine(r.output) }));
  }
  if (!(await ready(adminUrl, redisUrl, missing, 120_000))) {
    await stop();
    throw new ServicesMissing(missingMessage(missing, e, { kind: "failed", detail: "not ready two minutes after starting" }));
  }
  return stop;
}
