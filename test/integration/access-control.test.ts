import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/bot/core/commands/index.js";
import type { Command } from "../../src/bot/core/commands/registry.js";
import { commandPayload } from "../../src/bot/core/payload.js";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import { join, participationOf, seedPair } from "./forms-support.js";

/**
 * Every curator and administrator command, tried by everyone who must not use it on
 * programme A: a stranger, A's own mentor and mentee, the curator of another programme and
 * the administrator of another organisation. Each is refused in their language, the refusal
 * carries none of A's data, and it is written to the audit log (also without personal data).
 * The commands, who may use them and what they are about are read from their declarations
 * (audience and scope), so a command added later is covered too.
 */

const SECRETS = ["Секретов", "Тайнова", "Алексеева"];

type Actor = "stranger" | "mentor" | "mentee" | "otherCurator" | "otherAdmin";
const ACTORS: Actor[] = ["stranger", "mentor", "mentee", "otherCurator", "otherAdmin"];

interface Targets {
  programme: string;
  organisation: string;
  menteeParticipation: string;
  mentorParticipation: string;
  pair: string;
  task: string;
  suggestion: string;
  run: string;
}

/** Arguments naming programme A's objects (as buttons carry them), by the kind of object a command's scope resolves. */
const OBJECTS: Record<string, (t: Targets) => string[]> = {
  programme: () => [],
  participant: (t) => [t.menteeParticipation, t.mentorParticipation],
  pair: (t) => [t.pair, `${t.pair}.conflict`],
  task: (t) => [t.task],
  suggestion: (t) => [`S.${t.suggestion}`, `S.${t.suggestion}.none`],
  match_run: (t) => [`R.${t.run}.0`],
  curator: () => [],
  administrator: () => [],
  administrators: () => [],
  organisation: (t) => [`O.${t.organisation}`],
};

const scopeKinds = (command: Command): string[] => (command.scope ?? "").split("|").filter(Boolean);

/** The bare command, `P.<A>` for a curator's command, and A's objects of the kinds its scope resolves. */
function argumentsFor(command: Command, t: Targets): string[] {
  const programmeScoped = command.audience.includes("curator") ? [`P.${t.programme}`] : [];
  return ["", ...programmeScoped, ...scopeKinds(command).flatMap((kind) => OBJECTS[kind]?.(t) ?? [])];
}

/** Whether the actor may legitimately use the command on their own scope (then only A's objects must be refused). */
function ownScope(actor: Actor, command: Command): boolean {
  if (actor === "otherCurator") return command.audience.includes("curator");
  if (actor === "otherAdmin") return command.audience.includes("administrator");
  return false;
}

describe.each(ON_EVERY_PLATFORM)("curator and administrator commands refuse outsiders on %s", (platform) => {
  let h: Harness;
  let targets: Targets;
  const users = {} as Record<Actor, TestUser>;
  const people = {} as Record<Actor, string | null>;
  let curatorA: TestUser;
  let curatorAId: string;
  const commands = createCommandRegistry()
    .all()
    .filter((c) => c.audience.includes("curator") || c.audience.includes("administrator"));

  beforeAll(async () => {
    h = await startHarness();
    const a = await h.seedProgramme({ name: "Программа А" });
    const b = await h.seedProgramme({ name: "Программа Б" });

    curatorA = h.user(platform);
    curatorAId = await join(h, curatorA, a.programmeId, "curator", "Куратор Алексеева");
    users.mentor = h.user(platform);
    people.mentor = await join(h, users.mentor, a.programmeId, "mentor", "Наставник Секретов");
    users.mentee = h.user(platform);
    people.mentee = await join(h, users.mentee, a.programmeId, "mentee", "Наставляемая Тайнова");
    users.otherCurator = h.user(platform);
    people.otherCurator = await join(h, users.otherCurator, b.programmeId, "curator", "Куратор Борисова");
    users.stranger = h.user(platform);
    people.stranger = null;

    // An administrator of the other organisation only.
    const adminUserId = String(700_000_000 + Math.floor(Math.random() * 9_999_999));
    const admin = await h.app.db.prisma.person.create({
      data: {
        displayName: "Администратор Б",
        isMinor: false,
        createdAt: h.app.services.now(),
        identities: { create: { platform, externalId: adminUserId, chatId: adminUserId, createdAt: h.app.services.now() } },
        consents: { create: { kind: "personal_data", version: "2026-11", givenAt: h.app.services.now() } },
      },
    });
    await h.app.db.prisma.administrator.create({ data: { personId: admin.id, scope: "organisation", organisationId: b.organisationId, createdAt: h.app.services.now() } });
    users.otherAdmin = h.user(platform, adminUserId);
    people.otherAdmin = admin.id;

    const mentor = await participationOf(h, people.mentor, a.programmeId, "mentor");
    const mentee = await participationOf(h, people.mentee, a.programmeId, "mentee");
    await h.app.db.prisma.participation.updateMany({ where: { id: { in: [mentor.id, mentee.id] } }, data: { status: "approved" } });
    const { pairId } = await seedPair(h, { programmeId: a.programmeId, mentorId: mentor.id, menteeId: mentee.id });
    const task = await h.app.db.prisma.curatorTask.create({ data: { programmeId: a.programmeId, kind: "talk_after_ending", pairId, personId: people.mentee, note: "Тайнова", createdAt: h.app.services.now() } });
    // A matching run of A with one open suggestion, for the buttons of /match, /confirm and /reject.
    const run = await h.app.db.prisma.matchRun.create({
      data: { programmeId: a.programmeId, mode: "best_total", createdAt: h.app.services.now(), stats: { mentors: 1, mentees: 1, matched: 1, kept: 0, totalScore: 50, proven: true, unmatched: [] } },
    });
    const suggestion = await h.app.db.prisma.matchSuggestion.create({ data: { runId: run.id, programmeId: a.programmeId, number: 1, mentorId: mentor.id, menteeId: mentee.id, score: 50, reasons: [] } });
    targets = { programme: a.programmeId, organisation: a.organisationId, menteeParticipation: mentee.id, mentorParticipation: mentor.id, pair: pairId, task: task.id, suggestion: suggestion.id, run: run.id };
  });
  afterAll(() => h?.close());

  const denials = (actor: Actor) => h.app.db.prisma.auditLog.count({ where: { outcome: "denied", actorId: people[actor] } });

  it("covers every curator and administrator command", () => {
    // A sanity check of the table itself: the registry has such commands and they reach the loop below.
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(["participants", "participant", "stats", "export", "invite", "pairs", "end", "complete", "overdue", "task_done", "match", "confirm", "reject", "digest", "orgs"]));
    // Every such command declares what it is about and the audit action of its refusals, and each kind of object is tried.
    for (const c of commands) {
      expect(c.scope, c.name).not.toBeNull();
      expect(c.actions.length, c.name).toBeGreaterThan(0);
      for (const kind of scopeKinds(c)) expect(Object.keys(OBJECTS), `${c.name}: ${kind}`).toContain(kind);
    }
  });

  for (const actor of ACTORS) {
    it(`${actor}: refused with an audit record, and nothing of programme A in any answer`, async () => {
      const u = users[actor];
      const seen: string[] = [];
      const failures: string[] = [];
      for (const command of commands) {
        for (const args of argumentsFor(command, targets)) {
          // Typed, and as a forged button of the command (payloads carry no spaces: "P.<id>.<rest>").
          const attempts: [string, () => Promise<void>][] = [
            [`/${command.name} ${args}`, () => u.send(`/${command.name}${args ? ` ${args}` : ""}`)],
            [`button ${command.name} ${args}`, () => u.pressPayload(commandPayload(command.name, args.replace(/\s+/g, ".")))],
          ];
          for (const [label, attempt] of attempts) {
            // The bare command on the actor's own scope is theirs to use; everything naming A is not.
            const mustRefuse = !(ownScope(actor, command) && args === "");
            const before = await denials(actor);
            const mark = u.mark();
            await attempt();
            const answers = u.since(mark);
            seen.push(...answers);
            if (answers.length === 0) failures.push(`${label}: no answer`);
            for (const s of SECRETS) if (answers.some((a) => a.includes(s))) failures.push(`${label}: shows ${s}`);
            if (mustRefuse && (await denials(actor)) <= before) failures.push(`${label}: not refused or not audited`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(seen.length).toBeGreaterThan(commands.length);
      // Nothing of A changed hands: the pair is not ended, the task not done, the mentee not marked complete.
      const pair = await h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: targets.pair } });
      expect(pair.endedAt).toBeNull();
      expect((await h.app.db.prisma.curatorTask.findUniqueOrThrow({ where: { id: targets.task } })).doneAt).toBeNull();
      const mentee = await h.app.db.prisma.participation.findUniqueOrThrow({ where: { id: targets.menteeParticipation } });
      expect(mentee.completedCycleAt).toBeNull();
      expect((await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: targets.suggestion } })).status).toBe("suggested");
    });
  }

  it("the programme's own curator: every read of people's data is written to the audit log", async () => {
    const reads: [string, string][] = [
      ["participants", ""],
      ["participant", targets.menteeParticipation],
      ["pairs", ""],
      ["meetings", ""],
      ["overdue", ""],
      ["match", "best"],
      ["unmatched", ""],
      ["export", ""],
    ];
    for (const [name, args] of reads) {
      const before = await h.app.db.prisma.auditLog.count({ where: { actorId: curatorAId, outcome: "allowed" } });
      const mark = curatorA.mark();
      await curatorA.send(`/${name}${args ? ` ${args}` : ""}`);
      expect(curatorA.since(mark).length, name).toBeGreaterThan(0);
      expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorAId, outcome: "allowed" } }), name).toBeGreaterThan(before);
    }
    // What the curator read is theirs to read: the participant's card names the mentee.
    const mark = curatorA.mark();
    await curatorA.send(`/participant ${targets.menteeParticipation}`);
    expect(curatorA.since(mark).join("\n")).toContain("Тайнова");
  });

  it("keeps personal data out of the audit records of refusals", async () => {
    const rows = await h.app.db.prisma.auditLog.findMany({ where: { outcome: "denied" } });
    expect(rows.length).toBeGreaterThan(50);
    const text = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    for (const s of SECRETS) expect(text).not.toContain(s);
  });

  it("answers a refusal in the person's language", async () => {
    const u = users.mentee;
    await u.send("/participants");
    const ru = u.last().text;
    await u.send("/language");
    await u.press("English");
    await u.send("/participants");
    const en = u.last().text;
    expect(en).not.toBe(ru);
    expect(/[а-яё]/i.test(en)).toBe(false);
    await u.send("/language");
    await u.press("Русский");
  });
});
