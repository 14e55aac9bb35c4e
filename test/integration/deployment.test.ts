import { readFileSync } from "node:fs";
import pg from "pg";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { adminUrl } from "../support/global-setup.js";
import { envSchema } from "../../src/config.js";

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

  it("every variable of .env.example is one the configuration knows, and every one it knows is in .env.example", async () => {
    const example = readFileSync(".env.example", "utf8");
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    // POSTGRES_PASSWORD is docker-compose's, for its own PostgreSQL; the service never reads it.
    const forTheService = documented.filter((n) => n !== "POSTGRES_PASSWORD");
    const known = Object.keys(envSchema.shape);
    expect(known.length).toBeGreaterThan(10);
    expect(known).toContain("DATABASE_URL");
    expect([...forTheService].sort()).toEqual([...known].sort());
    expect(new Set(documented).size).toBe(documented.length);
  });
});
