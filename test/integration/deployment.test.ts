import { readFileSync } from "node:fs";
import pg from "pg";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { adminUrl } from "../support/global-setup.js";

/** docker-compose.yml runs the same services the tests run against, configured as the code needs. */
describe("docker-compose.yml", () => {
  const compose = readFileSync("docker-compose.yml", "utf8");

  it("uses the PostgreSQL and Redis major versions the tests use", async () => {
    const c = new pg.Client({ connectionString: adminUrl() });
    await c.connect();
    const { rows } = await c.query("SHOW server_version");
    await c.end();
    const pgMajor = String(rows[0].server_version).split(".")[0];
    expect(compose).toMatch(new RegExp(`image: postgres:${pgMajor}\\b`));
    const redis = new Redis("redis://127.0.0.1:6379");
    const info = await redis.info("server");
    redis.disconnect();
    const [major, minor] = /redis_version:(\d+)\.(\d+)/.exec(info)!.slice(1);
    expect(compose).toMatch(new RegExp(`image: redis:${major}\\.${minor}\\b`));
  });

  it("keeps Redis data (AOF) and never evicts queue keys; migrates before bot and worker start", () => {
    expect(compose).toContain('"--appendonly", "yes"');
    expect(compose).toContain('"--maxmemory-policy", "noeviction"');
    expect(compose).toMatch(/migrate:[\s\S]*command: \["npm", "run", "db:migrate"\]/);
    for (const service of ["bot", "worker"]) {
      const block = compose.slice(compose.indexOf(`  ${service}:`));
      expect(block).toMatch(/migrate:\s+condition: service_completed_successfully/);
      expect(block).toContain("/healthz");
    }
  });

  it("every variable of .env.example is one the configuration knows", async () => {
    const example = readFileSync(".env.example", "utf8");
    const names = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!);
    const source = readFileSync("src/config.ts", "utf8");
    for (const n of names.filter((n) => n !== "POSTGRES_PASSWORD")) expect(source, n).toContain(n);
    for (const n of [...source.matchAll(/\b((?:TELEGRAM|VK|DATABASE|REDIS|LOG|PORT|WORKER|NODE)_?[A-Z_]*)\b/g)].map((m) => m[1]!)) {
      if (/^[A-Z]+(_[A-Z]+)+$/.test(n) || n === "PORT") expect(example, n).toMatch(new RegExp(`^${n}=`, "m"));
    }
  });
});
