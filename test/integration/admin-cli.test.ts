import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { runAdmin, UsageError } from "../../src/cli/admin.js";

const run = promisify(execFile);

describe("administration CLI", () => {
  let h: Harness;
  const admin = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/admin.ts", ...args], {
        env: { ...process.env, DATABASE_URL: h.database.url, TELEGRAM_BOT_USERNAME: "nastavnik_test_bot", VK_GROUP_ID: "220000111", MAX_BOT_USERNAME: "nastavnik_max_bot" },
      });
      return { code: 0, stdout, stderr };
    } catch (e: any) {
      return { code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string };
    }
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("creates an organisation, a programme and invitations that work in the bot on both messengers", async () => {
    const org = await admin("org:create", "--name", "МБОУ «Гимназия № 1»", "--timezone", "Asia/Omsk", "--district", "Кировский", "--children", "640");
    expect(org.code).toBe(0);
    const orgId = /Organisation created: (\S+)/.exec(org.stdout)![1]!;
    const prog = await admin("programme:create", "--org", orgId, "--form", "student_pupil", "--name", "Профи", "--starts", "2026-09-01", "--ends", "2027-05-31");
    expect(prog.code).toBe(0);
    const programmeId = /Programme created: (\S+)/.exec(prog.stdout)![1]!;
    const stored = await h.app.db.prisma.programme.findUniqueOrThrow({ where: { id: programmeId }, include: { organisation: true } });
    expect(stored.form).toBe("student_pupil");
    expect(stored.organisation).toMatchObject({ timezone: "Asia/Omsk", district: "Кировский", childrenAged10to19: 640 });

    const inv = await admin("invite:create", "--programme", programmeId, "--role", "mentee");
    expect(inv.code).toBe(0);
    const code = /Invitation code: (\S+)/.exec(inv.stdout)![1]!;
    expect(inv.stdout).toContain(`https://t.me/nastavnik_test_bot?start=${code}`);
    expect(inv.stdout).toContain(`https://vk.me/club220000111?ref=${code}`);
    expect(inv.stdout).toContain(`MAX: https://max.ru/nastavnik_max_bot?start=${code}`);

    for (const platform of ON_EVERY_PLATFORM) {
      const u = h.user(platform);
      await u.open(code);
      expect(u.last().text).toContain("«Профи»");
    }
  });

  it.each(ON_EVERY_PLATFORM)("adds an administrator by %s id", async (platform) => {
    const r = await admin("admin:add", `--${platform}`, "434343", "--region", "Омская область");
    expect(r.code).toBe(0);
    const identity = await h.app.db.prisma.messengerIdentity.findUniqueOrThrow({ where: { platform_externalId: { platform, externalId: "434343" } } });
    expect(await h.app.db.prisma.administrator.count({ where: { personId: identity.personId, scope: "region" } })).toBe(1);
  });

  it("adds an administrator by messenger id", async () => {
    const r = await admin("admin:add", "--telegram", "424242", "--region", "Омская область");
    expect(r.code).toBe(0);
    const admins = await h.app.db.prisma.administrator.findMany({ include: { person: { include: { identities: true } } } });
    expect(admins.some((a) => a.scope === "region" && a.person.identities.some((i) => i.platform === "telegram" && i.externalId === "424242"))).toBe(true);
  });

  it("wrong arguments are refused with the reason", async () => {
    const cases: [string[], RegExp][] = [
      [["org:create", "--name", "X", "--timezone", "Mars/Olympus"], /not an IANA timezone/],
      [["org:create", "--name", "X"], /missing --timezone/],
      [["programme:create", "--org", "nope", "--form", "pupil_pupil", "--name", "X", "--starts", "2026-09-01", "--ends", "2027-05-31"], /no organisation nope/],
      [["programme:create", "--org", "x", "--form", "knitting", "--name", "X", "--starts", "2026-09-01", "--ends", "2027-05-31"], /--form must be one of/],
      [["invite:create", "--programme", "x", "--role", "king"], /--role must be one of/],
      [["admin:add", "--telegram", "1", "--vk", "2"], /exactly one of/],
      [["admin:add", "--telegram", "1", "--timezone", "Mars/Olympus"], /not an IANA timezone/],
      [["admin:add", "--telegram", "1", "--district", "Омский район"], /--district needs --region/],
      [["admin:add", "--telegram", "1"], /give --org/],
      [["frobnicate"], /unknown command/],
      [[], /no command/],
    ];
    for (const [args, reason] of cases) {
      const error = await runAdmin(args, { DATABASE_URL: h.database.url }, () => undefined).then(() => null, (e) => e);
      expect(error, args.join(" ")).toBeInstanceOf(UsageError);
      expect(error.message).toMatch(reason);
    }
    await expect(runAdmin(["org:create", "--bogus", "1"], { DATABASE_URL: h.database.url }, () => undefined)).rejects.toMatchObject({ code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" });
  });

  it("sets which pairs of a programme write through the bot, keeping its other settings", async () => {
    const { programmeId } = await h.seedProgramme({ name: "Реле" });
    await h.app.db.prisma.programme.update({ where: { id: programmeId }, data: { settings: { lifecycle: { alertHour: 10 }, matching: { weights: {} } } } });
    const out: string[] = [];
    await runAdmin(["programme:settings", "--programme", programmeId, "--relay", "off"], { DATABASE_URL: h.database.url }, (l) => out.push(l));
    expect(out).toEqual([`Programme ${programmeId}: relay off`]);
    const settings = (await h.app.db.prisma.programme.findUniqueOrThrow({ where: { id: programmeId } })).settings;
    expect(settings).toEqual({ lifecycle: { alertHour: 10, relay: "off" }, matching: { weights: {} } });
    const wrong = await runAdmin(["programme:settings", "--programme", programmeId, "--relay", "sometimes"], { DATABASE_URL: h.database.url }, () => undefined).then(() => null, (e) => e);
    expect(wrong).toBeInstanceOf(UsageError);
  });

  it("replaces an organisation's flag words from a file, refuses a malformed one, and resets them to the defaults", async () => {
    const { organisationId } = await h.seedProgramme({ name: "Слова" });
    const dir = mkdtempSync(join(tmpdir(), "flag-words-"));
    try {
      const good = join(dir, "words.json");
      writeFileSync(good, JSON.stringify({ ru: { bullying: ["гнобят", "чмырят"] } }));
      const out: string[] = [];
      await runAdmin(["org:flag-words", "--org", organisationId, "--file", good], { DATABASE_URL: h.database.url }, (l) => out.push(l));
      expect(out).toContain("ru\tbullying\t2 words");
      expect(out.some((l) => l.startsWith("ru\tself_harm\t") && !l.endsWith("\t0 words"))).toBe(true);
      expect((await h.app.db.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } })).flagWords).toEqual({ ru: { bullying: ["гнобят", "чмырят"] } });

      const bad = join(dir, "bad.json");
      writeFileSync(bad, JSON.stringify({ ru: { gossip: ["сплетни"] } }));
      for (const file of [bad, join(dir, "missing.json")]) {
        const error = await runAdmin(["org:flag-words", "--org", organisationId, "--file", file], { DATABASE_URL: h.database.url }, () => undefined).then(() => null, (e) => e);
        expect(error, file).toBeInstanceOf(UsageError);
      }
      expect((await h.app.db.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } })).flagWords).toEqual({ ru: { bullying: ["гнобят", "чмырят"] } });

      await runAdmin(["org:flag-words", "--org", organisationId, "--reset"], { DATABASE_URL: h.database.url }, () => undefined);
      expect((await h.app.db.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } })).flagWords).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("on the host, the settings come from .env in the working directory; the shell's own variables win", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nastavnik-env-"));
    try {
      writeFileSync(join(dir, ".env"), `DATABASE_URL=${h.database.url}\nTELEGRAM_BOT_USERNAME=from_env_file_bot\n`);
      const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TELEGRAM_BOT_USERNAME: "from_shell_bot" };
      const cli = join(process.cwd(), "src/cli/admin.ts");
      const tsx = pathToFileURL(join(process.cwd(), "node_modules/tsx/dist/esm/index.mjs")).href;
      const org = await run(process.execPath, ["--import", tsx, cli, "org:create", "--name", "Школа из .env", "--timezone", "Asia/Omsk"], { cwd: dir, env });
      const orgId = /Organisation created: (\S+)/.exec(org.stdout)![1]!;
      const programme = await run(process.execPath, ["--import", tsx, cli, "programme:create", "--org", orgId, "--form", "pupil_pupil", "--name", "П", "--starts", "2026-09-01", "--ends", "2027-05-31"], { cwd: dir, env });
      const programmeId = /Programme created: (\S+)/.exec(programme.stdout)![1]!;
      const invite = await run(process.execPath, ["--import", tsx, cli, "invite:create", "--programme", programmeId, "--role", "mentee"], { cwd: dir, env });
      expect(invite.stdout).toContain("https://t.me/from_shell_bot?start=");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("from the shell, a wrong argument prints the usage and exits with 2", async () => {
    for (const args of [["org:create", "--name", "X"], ["org:create", "--bogus", "1"]]) {
      const r = await admin(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Usage: npm run admin");
    }
  });
});
