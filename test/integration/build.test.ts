import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createCommandRegistry } from "../../src/bot/core/commands/index.js";
import { commandMenus } from "../../src/bot/core/commands/menu.js";
import { I18n } from "../../src/i18n/index.js";
import { CHART_PNG_SIZE, chartPicture } from "../support/chart-picture.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { TEST_TELEGRAM_TOKEN } from "../support/harness.js";
import { PrivateRedis } from "../support/private-redis.js";

const root = resolve(import.meta.dirname, "..", "..");
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

/** What the Dockerfile's runtime stage copies from the build stage, as paths relative to /app. */
function runtimeFiles(): string[] {
  return [...runtimeStage.matchAll(/^COPY --from=build (.+)$/gm)].flatMap((m) => {
    const args = m[1]!.trim().split(/\s+/);
    const destination = args.pop()!;
    return args.map((source) => {
      const path = source.replace(/^\/app\//, "");
      expect([`./${path}`, "./"]).toContain(destination); // each lands where it was in the build stage
      return path;
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * `npm run build`, then the service started as the image starts it: `node dist/main.js` in a
 * directory holding only what the Dockerfile's runtime stage copies (no src/, so a missing Prisma
 * runtime file or an unfound locales/ cannot be made up for by the sources), with a fake Telegram
 * Bot API in polling mode.
 */
describe("the compiled service", () => {
  const image = mkdtempSync(join(tmpdir(), "nastavnik-image-"));
  let database: TestDatabase;
  let redis: PrivateRedis;
  let tg: FakeTelegram;

  beforeAll(async () => {
    await promisify(execFile)("npm", ["run", "build"], { cwd: root });
    for (const path of runtimeFiles()) {
      // The installed packages are the repository's own (with the development ones, which the image prunes).
      if (path === "node_modules") symlinkSync(join(root, "node_modules"), join(image, "node_modules"), "dir");
      else cpSync(join(root, path), join(image, path), { recursive: true });
    }
    [database, redis, tg] = await Promise.all([createTestDatabase(), new PrivateRedis().start(), FakeTelegram.start()]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([database?.drop(), redis?.stop(), tg?.close()]);
    rmSync(image, { recursive: true, force: true });
  });

  it("the image's runtime stage holds the build output, the texts and the migrations, and runs node dist/main.js", () => {
    expect(dockerfile).toMatch(/^FROM \S+ AS build$/m);
    expect(dockerfile).toMatch(/^RUN .*npm run build/m);
    expect(runtimeFiles()).toEqual(expect.arrayContaining(["package.json", "node_modules", "dist", "locales", "prisma", "prisma.config.ts"]));
    expect(runtimeFiles()).not.toContain("src");
    expect(runtimeStage).toContain('CMD ["node", "dist/main.js", "all"]');
    const compose = readFileSync(join(root, "docker-compose.yml"), "utf8");
    for (const mode of ["bot", "worker"]) expect(compose).toContain(`command: ["node", "dist/main.js", "${mode}"]`);
    const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts;
    expect(scripts.start).toBe("node dist/main.js all");
    expect(existsSync(join(image, "dist", "db", "generated", "query_compiler_bg.wasm"))).toBe(true);
  });

  it("the compiled Prisma client loads its query compiler from dist/ and queries the database", async () => {
    const script = `const { createDatabase } = await import("./dist/db/client.js");
      const db = createDatabase(process.env.DATABASE_URL, { poolSize: 1, framePoolSize: 1 });
      console.log(JSON.stringify(await db.prisma.person.findMany({ take: 1 })));
      await db.close();`;
    const result = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: image, env: { PATH: process.env.PATH, DATABASE_URL: database.url } }).then(
      ({ stdout }) => stdout.trim(),
      // Prisma's errors carry its minified runtime: only the lines naming the problem.
      (error: { stderr?: string }) => String(error.stderr).split("\n").filter((l) => /ENOENT|Error:/.test(l) && l.length < 300).join("\n"),
    );
    expect(result).toBe("[]");
  });

  it("the compiled digest draws its chart with the installed ECharts, resvg and DejaVu font", async () => {
    const script = `const { I18n } = await import("./dist/i18n/index.js");
      const { indicatorChartOption } = await import("./dist/reports/chart/indicator-chart.js");
      const { renderChartPng } = await import("./dist/reports/chart/render.js");
      const chart = { kind: "organisations", metric: "pupilsTarget.percent", percent: true, target: 70, bars: [{ label: "Школа № 7", value: 40 }] };
      process.stdout.write((await renderChartPng(indicatorChartOption(chart, new I18n().translator("ru"), { scope: "Омский район" }))).toString("base64"));`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: image, env: { PATH: process.env.PATH }, maxBuffer: 10 * 1024 * 1024 });
    const picture = chartPicture(Buffer.from(stdout, "base64"));
    expect(picture.size).toEqual(CHART_PNG_SIZE);
    expect(picture.title).toBeGreaterThan(500);
  });

  it("starts, answers its health check with both stores up, sets its menu from the texts, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const startedAt = performance.now();
    const child = spawn(process.execPath, ["dist/main.js", "all"], {
      cwd: image,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: tg.url,
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    const exited = new Promise<number | null>((done) => child.once("exit", done));

    let health: { status: number; body: unknown } | undefined;
    let healthyAfter = 0;
    for (let i = 0; i < 400 && child.exitCode === null; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        health = { status: res.status, body: await res.json() };
        if (res.ok) {
          healthyAfter = performance.now() - startedAt;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(out).not.toContain("Start-up failed");
    expect(health).toEqual({ status: 200, body: { status: "ok", postgres: "ok", redis: "ok" } });
    for (let i = 0; i < 400 && !out.includes('"msg":"started"'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(out).toContain('"msg":"started"');
    console.info(`compiled service: health check answered after ${Math.round(healthyAfter)} ms, started after ${Math.round(performance.now() - startedAt)} ms`);

    // The menu's descriptions are the texts of locales/: found from dist/ as from src/.
    const [russian] = commandMenus(createCommandRegistry(), new I18n());
    expect(tg.menu()).toEqual(russian!.commands.map(({ command, description }) => ({ command, description })));

    // An update, polled and answered through the whole compiled stack.
    tg.queueUpdate({ update_id: 42_001, message: { message_id: 1, date: 1, chat: { id: 6001, type: "private", first_name: "Т" }, from: { id: 6001, is_bot: false, first_name: "Т" }, text: "/start" } } as any);
    for (let i = 0; i < 400 && tg.toChat("6001").length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(tg.toChat("6001")).toHaveLength(1);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain('"msg":"stopped"');
  });
});
