import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdmin, UsageError } from "../../src/cli/admin.js";
import { PLATFORMS, type Platform } from "../../src/domain/platforms.js";
import { profileOf } from "../../src/platforms.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { addIdentity, received, recipients, reminder, sendCalls, settle } from "./delivery-support.js";
import { seedParticipant } from "./forms-support.js";

/**
 * An organisation chooses its messengers (a school under a state assignment may not pass its
 * people's data through a foreign one): its invitations show only those links, someone arriving
 * from another messenger is told which ones to use and nothing of theirs is kept, and nothing
 * of its people goes out through another messenger — not even as a fallback.
 */

const LINK_ENV = { TELEGRAM_BOT_USERNAME: "nastavnik_test_bot", VK_GROUP_ID: "220000111", MAX_BOT_USERNAME: "nastavnik_max_bot" };

describe("the administration CLI and an organisation's messengers", () => {
  let h: Harness;
  const admin = async (...args: string[]) => {
    const lines: string[] = [];
    await runAdmin(args, { DATABASE_URL: h.database.url, ...LINK_ENV }, (l) => lines.push(l));
    return lines.join("\n");
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("org:create --messengers keeps the list; invitations show only those links; org:update changes it, `all` allows every one", async () => {
    const created = await admin("org:create", "--name", "МБОУ «СОШ № 7»", "--timezone", "Asia/Omsk", "--messengers", "max,vk");
    const orgId = /Organisation created: (\S+)/.exec(created)![1]!;
    expect(created).toContain("Messengers: VK, MAX");
    expect((await h.app.db.prisma.organisation.findUniqueOrThrow({ where: { id: orgId } })).messengers).toEqual(["vk", "max"]);
    const programmeId = /Programme created: (\S+)/.exec(await admin("programme:create", "--org", orgId, "--form", "student_pupil", "--name", "Профи", "--starts", "2026-09-01", "--ends", "2027-05-31"))![1]!;

    const invite = await admin("invite:create", "--programme", programmeId, "--role", "mentee");
    const code = /Invitation code: (\S+)/.exec(invite)![1]!;
    expect(invite).toContain(`VK: https://vk.me/club220000111?ref=${code}`);
    expect(invite).toContain(`MAX: https://max.ru/nastavnik_max_bot?start=${code}`);
    expect(invite).not.toContain("t.me");
    expect(await admin("org:list")).toMatch(new RegExp(`${orgId}\\t.*\\tVK, MAX`));

    expect(await admin("org:update", "--org", orgId, "--messengers", "all")).toContain("Messengers: all");
    expect(await admin("invite:create", "--programme", programmeId, "--role", "mentor")).toContain("https://t.me/nastavnik_test_bot?start=");
    expect(await admin("org:update", "--org", orgId, "--messengers", "max", "--name", "МБОУ «Школа № 7»")).toContain("Messengers: MAX");
    expect(await h.app.db.prisma.organisation.findUniqueOrThrow({ where: { id: orgId } })).toMatchObject({ name: "МБОУ «Школа № 7»", messengers: ["max"], timezone: "Asia/Omsk" });
  });

  it("a messenger it does not know, an unknown organisation or nothing to change is a usage error naming the problem", async () => {
    const orgId = /Organisation created: (\S+)/.exec(await admin("org:create", "--name", "Колледж", "--timezone", "Asia/Omsk"))![1]!;
    const refused = (args: string[]) => runAdmin(args, { DATABASE_URL: h.database.url }, () => undefined);
    await expect(refused(["org:create", "--name", "X", "--timezone", "Asia/Omsk", "--messengers", "max,whatsapp"])).rejects.toThrow(/unknown messenger "whatsapp".*telegram, vk, max/);
    await expect(refused(["org:update", "--org", orgId, "--messengers", "icq"])).rejects.toBeInstanceOf(UsageError);
    await expect(refused(["org:update", "--org", "nope", "--messengers", "vk"])).rejects.toThrow(/no organisation nope/);
    await expect(refused(["org:update", "--org", orgId])).rejects.toThrow(/nothing to change/);
    // Refused changes change nothing.
    expect((await h.app.db.prisma.organisation.findUniqueOrThrow({ where: { id: orgId } })).messengers).toEqual([]);
  });
});

describe.each(ON_EVERY_PLATFORM)("an organisation that does not allow %s", (platform) => {
  let h: Harness;
  let programmeId: string;
  let organisationId: string;
  const allowed = PLATFORMS.filter((p) => p !== platform);

  beforeAll(async () => {
    h = await startHarness({ app: { outbound: { attempts: 2, backoffMs: 50, sendTimeoutMs: 1500 } } });
    ({ programmeId, organisationId } = await h.seedProgramme({ name: "Шаг в профессию" }));
    await h.app.db.prisma.organisation.update({ where: { id: organisationId }, data: { messengers: allowed } });
  });
  afterAll(() => h?.close());

  it(`someone opening its invitation on ${platform} is told which messengers to use, with their links, and nothing of them is kept`, async () => {
    const code = await h.invite(programmeId, "mentee");
    const people = await h.app.db.prisma.person.count();
    const u = h.user(platform);
    await u.open(code);
    const answer = u.last().text;
    expect(answer).toContain("только в этих мессенджерах");
    for (const p of allowed) expect(answer).toContain(profileOf(p).name);
    for (const p of allowed) expect(answer).toMatch(new RegExp(`${profileOf(p).name}: https://\\S+${code}`));
    expect(answer).not.toContain(`${profileOf(platform).name}: `);
    expect(u.last().buttons.flat()).toHaveLength(0);
    expect(await h.app.db.prisma.person.count()).toBe(people);
    expect(await h.app.db.prisma.participation.count({ where: { programmeId, role: "mentee" } })).toBe(0);

    // On an allowed messenger the same invitation opens the join.
    const there = h.user(allowed[0]!);
    await there.open(code);
    expect(there.last().text).toContain("«Шаг в профессию»");
  });

  it("the curator's /invite shows only the allowed messengers' links", async () => {
    const curator = await seedParticipant(h, { programmeId, role: "curator", name: "Куратор Анна", platform: allowed[0]! });
    const u = h.user(allowed[0]!, curator.userId);
    await u.send("/invite mentee");
    const text = u.last().text;
    for (const p of allowed) expect(text).toContain(`${profileOf(p).name}: `);
    expect(text).not.toContain(`${profileOf(platform).name}: `);
  });

  it(`its participant cannot link a ${platform} account; the code still works on an allowed messenger`, async () => {
    const mentee = await seedParticipant(h, { programmeId, role: "mentee", name: "Связывающий", platform: allowed[0]! });
    const home = h.user(allowed[0]!, mentee.userId);
    await home.send("/link");
    const code = /: (\S+)/.exec(home.last().text)![1]!;
    const stranger = h.user(platform);
    await stranger.send(`/link ${code}`);
    expect(stranger.last().text).toContain("только в других мессенджерах");
    expect(await h.app.db.prisma.messengerIdentity.count({ where: { personId: mentee.personId } })).toBe(1);
    expect(await h.app.db.prisma.messengerIdentity.count({ where: { platform, externalId: stranger.id } })).toBe(0);
    const second = h.user(allowed[1]!);
    await second.send(`/link ${code}`);
    expect(second.last().text).toContain("Готово");
    expect(await h.app.db.prisma.messengerIdentity.count({ where: { personId: mentee.personId } })).toBe(2);
  });

  it(`messages to its people never go out on ${platform}: they go to an allowed messenger, or — none — the curator is told`, async () => {
    const [both] = await recipients(h, programmeId, platform, 1, "Двухканальный");
    const otherChat = await addIdentity(h, both!.personId, allowed[0]!);
    const [only] = await recipients(h, programmeId, platform, 1, "Одноканальный");
    const curator = await seedParticipant(h, { programmeId, role: "curator", name: "Куратор Борис", platform: allowed[0]! });
    const now = new Date();
    await h.app.services.outbox.add([reminder(both!, "allowed", "Встреча завтра", now), reminder(only!, "nowhere", "Встреча завтра", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);

    expect(sendCalls(h, both!)).toHaveLength(0);
    expect(sendCalls(h, only!)).toHaveLength(0);
    expect(received(h, { platform: allowed[0]!, userId: otherChat })).toEqual(["Встреча завтра"]);
    expect(await h.app.db.prisma.notification.findUniqueOrThrow({ where: { dedupKey: `test-nowhere-${only!.personId}` } })).toMatchObject({ status: "unreachable" });
    expect(received(h, { platform: allowed[0]!, userId: curator.userId }).join("\n")).toContain("Одноканальный 1");
  });
});

describe.each(ON_EVERY_PLATFORM)("counting who can be told, in an organisation that does not allow %s", (platform) => {
  let h: Harness;
  let programmeId: string;
  const allowed = PLATFORMS.filter((p) => p !== platform);

  beforeAll(async () => {
    h = await startHarness();
    ({ programmeId } = await h.seedProgramme({ name: "Наставничество 7 «Б»" }));
    const { organisationId } = await h.app.db.prisma.programme.findUniqueOrThrow({ where: { id: programmeId } });
    await h.app.db.prisma.organisation.update({ where: { id: organisationId }, data: { messengers: allowed } });
  });
  afterAll(() => h?.close());

  it(`a survey's invitation counts as sent only to people on an allowed messenger, not to someone only on ${platform}`, async () => {
    const curator = await seedParticipant(h, { programmeId, role: "curator", name: "Куратор Вера", platform: allowed[0]! });
    await seedParticipant(h, { programmeId, role: "mentee", name: "Можно написать", platform: allowed[1]! });
    await seedParticipant(h, { programmeId, role: "mentee", name: "Только запрещённый", platform });
    const u = h.user(allowed[0]!, curator.userId);
    await u.send("/survey_open satisfaction");
    expect(u.last().text).toContain("Приглашение отправлено 1 из 2");
    expect(u.last().text).toContain("ещё 1 — бот не может им написать");
  });
});

describe("an organisation's choice and a person in two organisations", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it("a messenger one of their organisations does not allow is not used for them at all", async () => {
    const platform: Platform = "telegram";
    const a = await h.seedProgramme({ name: "Программа А" });
    const b = await h.seedProgramme({ name: "Программа Б" });
    await h.app.db.prisma.organisation.update({ where: { id: b.organisationId }, data: { messengers: ["vk", "max"] } });
    const [r] = await recipients(h, a.programmeId, platform, 1, "Участник");
    await h.app.db.prisma.participation.create({ data: { personId: r!.personId, programmeId: b.programmeId, role: "mentee", status: "joined", joinedAt: h.app.services.now() } });
    const vkChat = await addIdentity(h, r!.personId, "vk");
    const now = new Date();
    await h.app.services.outbox.add([reminder(r!, "two-orgs", "Напоминание", now)]);
    await h.app.outbound.dispatch(now);
    await settle(h.app, now);
    expect(sendCalls(h, r!)).toHaveLength(0);
    expect(received(h, { platform: "vk", userId: vkChat })).toEqual(["Напоминание"]);
  });
});
