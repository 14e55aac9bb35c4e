import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adminUrl } from "../support/global-setup.js";
import { SHARED_REDIS_URL } from "../support/redis-keys.js";
import { COMPOSE_FILE, COMPOSE_PROJECT, composeArgs, composeCommand, composeOverride, endpoints, listening, missingMessage, type NotStarted } from "../support/services.js";

/**
 * `npm ci && npm test` on a machine with Docker and nothing else: the set-up starts the compose
 * file's PostgreSQL and Redis where the tests look for them and removes them afterwards; with
 * neither, the run stops with one line. Docker itself is not needed here: the commands are
 * built by pure functions, and the set-up is run in a child vitest against a port nobody
 * listens on, with no Docker or a stand-in `docker` that records what it was asked.
 */

const defaults = endpoints("postgresql://postgres@127.0.0.1:5432/postgres", "redis://127.0.0.1:6379");

describe("the services of the tests", () => {
  it("are looked for where the tests use them", () => {
    expect(endpoints(adminUrl(), SHARED_REDIS_URL)).toEqual(defaults);
    expect(defaults).toEqual({ postgres: { host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres" }, redis: { host: "127.0.0.1", port: 6379 } });
    expect(endpoints("postgresql://tester@localhost:5544/admin", "redis://127.0.0.1").postgres).toEqual({ host: "localhost", port: 5544, user: "tester", database: "admin" });
  });

  it("PostgreSQL over its Unix socket (as the benchmarks use it) is looked for at the socket, on this machine", async () => {
    const e = endpoints("postgresql://postgres@%2Fvar%2Frun%2Fpostgresql:5432/postgres", SHARED_REDIS_URL).postgres;
    expect(e).toMatchObject({ host: "/var/run/postgresql", socket: "/var/run/postgresql/.s.PGSQL.5432" });
    expect(await listening(e)).toBe(existsSync(e.socket!));
    expect(await listening({ ...e, socket: "/nonexistent/.s.PGSQL.5432" })).toBe(false);
  });

  it("are started with the compose plugin when there is one, else with docker-compose", () => {
    expect(composeCommand({ plugin: true, standalone: true, daemon: true })).toEqual(["docker", "compose"]);
    expect(composeCommand({ plugin: false, standalone: true, daemon: true })).toEqual(["docker-compose"]);
    expect(composeCommand({ plugin: false, standalone: false, daemon: true })).toBeNull();
  });

  it("as a project of their own, from the repository's compose file and the tests' override, and removed with their volumes", () => {
    const at = { projectDir: "/tmp/run", override: "/tmp/run/docker-compose.test.yml" };
    const files = ["--project-name", COMPOSE_PROJECT, "--project-directory", "/tmp/run", "--file", COMPOSE_FILE, "--file", at.override];
    expect(composeArgs(["docker", "compose"], { ...at, action: "up", services: ["postgres", "redis"] })).toEqual({ file: "docker", args: ["compose", ...files, "up", "--detach", "postgres", "redis"] });
    expect(composeArgs(["docker-compose"], { ...at, action: "up", services: ["redis"] })).toEqual({ file: "docker-compose", args: [...files, "up", "--detach", "redis"] });
    expect(composeArgs(["docker-compose"], { ...at, action: "down" })).toEqual({ file: "docker-compose", args: [...files, "down", "--volumes", "--remove-orphans"] });
    expect(COMPOSE_FILE.endsWith("/docker-compose.yml")).toBe(true);
  });

  it("are published on this machine's loopback only, PostgreSQL with trust auth for the tests' user", () => {
    const override = composeOverride(defaults);
    expect(override).toContain('      - "127.0.0.1:5432:5432"');
    expect(override).toContain('      - "127.0.0.1:6379:6379"');
    expect(override).toContain('      POSTGRES_USER: "postgres"');
    expect(override).toContain("      POSTGRES_HOST_AUTH_METHOD: trust");
    expect(override).not.toMatch(/\t/);
    expect(composeOverride(endpoints("postgresql://tester@127.0.0.1:5544/admin", SHARED_REDIS_URL))).toContain('"127.0.0.1:5544:5432"');
  });

  it("are the compose file's: services postgres and redis that publish no port of their own", () => {
    const compose = readFileSync("docker-compose.yml", "utf8");
    const block = (name: string) => {
      const start = compose.indexOf(`\n  ${name}:\n`);
      expect(start).toBeGreaterThan(0);
      const rest = compose.slice(start + 1);
      const end = rest.slice(1).search(/\n {2}[a-z][\w-]*:\n|\n[a-z]/);
      return end < 0 ? rest : rest.slice(0, end + 1);
    };
    for (const name of ["postgres", "redis"]) {
      const b = block(name);
      expect(b).toMatch(/image: /);
      expect(b).toMatch(/healthcheck:/);
      // A deployment's database and queue are reached only inside compose's network.
      expect(b).not.toMatch(/ports:/);
      expect(b).not.toMatch(/env_file/);
    }
    expect(block("postgres")).toContain("postgres-data:/var/lib/postgresql/data");
  });

  it("say in one line what is missing and how to start it", () => {
    const reasons: NotStarted[] = [{ kind: "no-compose" }, { kind: "no-daemon" }, { kind: "remote", host: "db.example" }, { kind: "failed", detail: "pull access denied" }];
    for (const why of reasons) {
      const line = missingMessage(["postgres", "redis"], defaults, why);
      expect(line).not.toContain("\n");
      expect(line).toMatch(/^Tests need PostgreSQL at 127\.0\.0\.1:5432 \(user postgres, trust auth\) and Redis at 127\.0\.0\.1:6379: nothing answers there, and /);
      expect(line).toContain("start PostgreSQL and Redis there yourself");
    }
    expect(missingMessage(["redis"], defaults, { kind: "no-compose" })).toBe(
      "Tests need Redis at 127.0.0.1:6379: nothing answers there, and neither `docker compose` nor `docker-compose` was found — install Docker with compose (the tests then start the compose file's redis themselves) or start Redis there yourself.",
    );
  });
});

describe("a run whose PostgreSQL does not answer", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A port nothing listens on (taken and given back). */
  async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as { port: number };
    await new Promise<void>((r) => server.close(() => r()));
    return port;
  }

  /** A PATH of node and, when given, a stand-in `docker` script. */
  function path(docker?: string): string {
    const dir = mkdtempSync(join(tmpdir(), "nastavnik-path-"));
    dirs.push(dir);
    symlinkSync(process.execPath, join(dir, "node"));
    if (docker) {
      writeFileSync(join(dir, "docker"), `#!/bin/sh\necho "$@" >> "${dir}/calls"\n${docker}\n`);
      chmodSync(join(dir, "docker"), 0o755);
    }
    return dir;
  }

  async function runTests(bin: string) {
    const port = await freePort();
    const r = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "test/unit/domain/time.test.ts"], {
      env: { PATH: bin, HOME: process.env.HOME ?? "/tmp", NO_COLOR: "1", TEST_ADMIN_DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/postgres` },
      encoding: "utf8",
      timeout: 60_000,
    });
    const lines = `${r.stdout}${r.stderr}`.split("\n").map((l) => l.trim()).filter((l) => l && !/^RUN\b/.test(l));
    let calls: string[] = [];
    try {
      calls = readFileSync(join(bin, "calls"), "utf8").trim().split("\n");
    } catch {}
    return { status: r.status, lines, port, calls };
  }

  it("without Docker stops with one line naming what is missing and how to start it", async () => {
    const r = await runTests(path());
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      `Tests need PostgreSQL at 127.0.0.1:${r.port} (user postgres, trust auth): nothing answers there, and neither \`docker compose\` nor \`docker-compose\` was found — install Docker with compose (the tests then start the compose file's postgres themselves) or start PostgreSQL there yourself.`,
    ]);
  }, 90_000);

  it("with Docker whose daemon does not answer says so", async () => {
    const r = await runTests(path('case "$1" in compose) exit 0;; *) echo "Cannot connect to the Docker daemon" >&2; exit 1;; esac'));
    expect(r.status).toBe(1);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain("the Docker daemon does not answer — start it");
  }, 90_000);

  it("with Docker starts the compose file's postgres only (Redis answers), and removes it when that fails", async () => {
    const r = await runTests(path('case "$*" in "compose version"|"info "*) exit 0;; *" up "*) echo "pull access denied for postgres" >&2; exit 1;; *) exit 0;; esac'));
    expect(r.status).toBe(1);
    expect(r.lines.at(-1)).toMatch(/^Tests need PostgreSQL at .*docker compose could not start them \(pull access denied for postgres\) — start PostgreSQL there yourself\.$/);
    const up = r.calls.find((c) => c.includes(" up "));
    expect(up).toMatch(new RegExp(`^compose --project-name ${COMPOSE_PROJECT} --project-directory \\S+ --file ${COMPOSE_FILE.replace(/[.]/g, "\\.")} --file \\S+docker-compose\\.test\\.yml up --detach postgres$`));
    expect(r.calls.at(-1)).toMatch(/ down --volumes --remove-orphans$/);
  }, 90_000);
});
