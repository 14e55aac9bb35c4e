import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";
import { other as otherPlatform } from "./forms-support.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDigests } from "../../src/jobs/digest.js";
import { createLogger } from "../../src/logger.js";
import { startHarness, type Harness } from "../support/harness.js";
import { addAdministrator, World, type Seeded } from "./curator-seed.js";
import { addIdentity } from "./delivery-support.js";
import { CHART_PNG_SIZE, chartPicture } from "../support/chart-picture.js";

/**
 * The administrators' weekly digest on schedule, with a fake clock: weekday, hour and time zone
 * set in the bot, sent once at the administrator's hour with its chart — through the outbox
 * and the outbound queue of the messenger, like every message the bot sends on its own —
 * skipped in a week when nothing changed, not sent while paused, sent again after resuming.
 */

// Monday 15 March 2027, 09:00 in Moscow, 12:00 in Omsk.
const START = new Date("2027-03-15T06:00:00Z");
/** The chart delivered is a whole picture with words in its title and on its axes. */
const expectChartPicture = (png: Buffer) => {
  const picture = chartPicture(png);
  expect(picture.size).toEqual(CHART_PNG_SIZE);
  expect(picture.title).toBeGreaterThan(500);
  expect(picture.body).toBeGreaterThan(2000);
};
/** Wednesday `weeks` weeks after 17 March 2027 at `hhmm` in Omsk (UTC+6). */
const omskWednesday = (weeks: number, hhmm: string) => new Date(Date.parse(`2027-03-17T${hhmm}:00+06:00`) + weeks * 7 * 86_400_000);

describe.each(ON_EVERY_PLATFORM)("the weekly digest on %s", (platform) => {
  let h: Harness;
  let clock = START;
  let w: World;
  let programmeId: string;
  let mentor: Seeded;
  let district: Awaited<ReturnType<typeof addAdministrator>>;
  let school: Awaited<ReturnType<typeof addAdministrator>>;

  const digestJob = (at: Date) => runDigests({ prisma: h.app.db.prisma, services: h.app.services, outbound: h.app.outbound, i18n: h.app.core.i18n, logger: createLogger("silent") }, at);
  /** One run of the job at `at`, and what it queued delivered. */
  const run = async (at: Date) => {
    clock = at;
    const result = await digestJob(at);
    expect(await h.app.outbound.drained(at)).toBe(true);
    return result;
  };
  const digestRows = (personId: string) => h.app.db.prisma.notification.findMany({ where: { personId, kind: "admin-digest" }, orderBy: { dueAt: "asc" } });

  /** A new pair with a mentee who completed the cycle, confirmed at `at`. */
  const newPair = async (name: string, at: Date) => {
    const mentee = await w.participant({ programmeId, role: "mentee", name, status: "completed", joinedDaysAgo: 0, answers: { age: 13, goals: "Цель", helpWanted: "Помощь" } });
    await h.app.db.prisma.pair.create({ data: { programmeId, mentorId: mentor.participationId, status: "regular", confirmedAt: at, lastActivityAt: at, members: { create: { menteeId: mentee.participationId, joinedAt: at } } } });
  };

  beforeAll(async () => {
    h = await startHarness({ app: { now: () => clock } });
    w = new World(h, START);
    const seven = await w.organisation({ name: "Школа № 7", district: "Омский район", region: "Омская область", children: 100, teachers: 10 });
    const eight = await w.organisation({ name: "Школа № 8", district: "Омский район", region: "Омская область", children: 50 });
    programmeId = await w.programme(seven, "Ступени", "pupil_pupil");
    await w.programme(eight, "Пока пусто", "pupil_pupil");
    mentor = await w.participant({ programmeId, role: "mentor", name: "Наставник", status: "completed", joinedDaysAgo: 60, answers: { grade: "10", experience: "Олимпиады" } });
    const mentee = await w.participant({ programmeId, role: "mentee", name: "Ученик", status: "completed", joinedDaysAgo: 59, answers: { age: 12, goals: "Цель", helpWanted: "Помощь" } });
    await w.pair({ programmeId, mentor, mentees: [mentee], status: "regular", confirmedDaysAgo: 20 });
    district = await addAdministrator(h, platform, ["--district", "Омский район", "--region", "Омская область"]);
    school = await addAdministrator(h, platform, ["--org", seven]);
  });
  afterAll(() => h?.close());

  it("the day, hour and time zone are set with buttons and words", async () => {
    const u = district.user;
    await u.send("/digest_settings");
    expect(u.last().text).toContain("Приходит: Пн, 09:00 (Europe/Moscow)");
    expect(u.last().text).toContain("Следующая: 22.03.2027 09:00");
    await u.send("/digest_settings tz Mars/Olympus");
    expect(u.last().text).toContain("Укажите часовой пояс в формате IANA");
    await u.send("/digest_settings tz Asia/Omsk");
    expect(u.last().text).toContain("Приходит: Пн, 09:00 (Asia/Omsk)");
    await u.press("📅 День");
    await u.press("Ср");
    expect(u.last().text).toContain("Приходит: Ср, 09:00 (Asia/Omsk)");
    await u.press("🕘 Час");
    await u.press("10:00");
    expect(u.last().text).toContain("Приходит: Ср, 10:00 (Asia/Omsk)");
    expect(u.last().text).toContain("Следующая: 17.03.2027 10:00");
    await u.send("/digest_settings hour 25");
    expect(u.last().text).toContain("Не понял настройку");
    const stored = await h.app.db.prisma.administrator.findUniqueOrThrow({ where: { id: district.id } });
    expect(stored).toMatchObject({ timezone: "Asia/Omsk", digestWeekday: 3, digestHour: 10, digestPaused: false });
  });

  it("comes at the administrator's hour in their zone, once, with the organisations chart", async () => {
    const u = district.user;
    const mark = u.messages().length;
    expect((await run(omskWednesday(0, "09:59"))).queued).toBe(0);
    expect(u.messages().length).toBe(mark);

    // Two workers run the job at the same moment: one outbox row, one delivery.
    const at = omskWednesday(0, "10:00");
    clock = at;
    const results = await Promise.all([digestJob(at), digestJob(at)]);
    expect(results.every((r) => r.failed === 0)).toBe(true);
    expect(results.some((r) => r.queued === 1)).toBe(true);
    expect(await h.app.outbound.drained(at)).toBe(true);
    const rows = await digestRows(district.personId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dedupKey: `digest-${district.id}-2027-03-17`, status: "sent", platform, partsSent: 2, sentAt: at });
    expect((rows[0]!.payload as { image?: { filename: string } }).image?.filename).toBe("digest-chart.png");
    expect(u.messages().length).toBe(mark + 2);
    const [text, chart] = u.messages().slice(mark);
    expect(text!.text).toContain("📊 Сводка за неделю: Омский район (Омская область) (10.03–17.03)");
    expect(text!.text).toContain("• Пары: 1");
    expect(text!.text).toContain("Дальше всего от цели 70 %:\n1. Школа № 8 — 0 % (ещё 35 чел.)\n2. Школа № 7 — 2 % (ещё 68 чел.)");
    expect(chart!.photo).toBe(true);
    expectChartPicture(chart!.file!.content);
    expect(chart!.text).toContain("по организациям");
    expect(chart!.text).toContain("1. Школа № 8 — 0 %\n2. Школа № 7 — 2 %");
    // The picture in the outbox is the one delivered.
    expect(Buffer.from((rows[0]!.payload as { image: { base64: string } }).image.base64, "base64").equals(chart!.file!.content)).toBe(true);

    // Later runs of the same day, and another worker's, send nothing more.
    expect((await run(omskWednesday(0, "10:15"))).queued).toBe(0);
    expect((await run(omskWednesday(0, "14:00"))).due).toBe(0);
    expect(await h.app.outbound.dispatch(omskWednesday(0, "14:00"))).toBe(0);
    expect(u.messages().length).toBe(mark + 2);
    expect(await digestRows(district.personId)).toHaveLength(1);
  });

  it("a one-organisation scope gets the trend of its weeks, at 09:00 in the organisation's zone by default", async () => {
    expect((await h.app.db.prisma.administrator.findUniqueOrThrow({ where: { id: school.id } })).timezone).toBe("Asia/Omsk");
    const u = school.user;
    const mark = u.messages().length;
    const districtMark = district.user.messages().length;
    expect((await run(new Date("2027-03-22T02:59:00Z"))).queued).toBe(0);
    // Monday 22 March, 09:00 in Omsk (the default day and hour).
    const result = await run(new Date("2027-03-22T03:00:00Z"));
    expect(result.queued).toBe(1);
    const [text, chart] = u.messages().slice(mark);
    expect(text!.text).toContain("📊 Сводка за неделю: Школа № 7");
    expect(chart!.photo).toBe(true);
    expectChartPicture(chart!.file!.content);
    expect(chart!.text).toContain("по неделям");
    expect(district.user.messages().length).toBe(districtMark);
  });

  it("is skipped in a week when nothing changed, and says what changed when something did", async () => {
    const u = district.user;
    let mark = u.messages().length;
    const quiet = await run(omskWednesday(1, "10:00"));
    expect(quiet).toMatchObject({ due: 1, queued: 0, skipped: 1 });
    expect(u.messages().length).toBe(mark);
    const record = await h.app.db.prisma.indicatorSnapshot.findFirstOrThrow({ where: { scopeKey: `digest:${district.id}` }, orderBy: { takenAt: "desc" } });
    expect(record.values).toMatchObject({ occurrence: "2027-03-24", outcome: "skipped" });

    await newPair("Новенький", omskWednesday(1, "18:00"));
    mark = u.messages().length;
    expect((await run(omskWednesday(2, "10:00"))).queued).toBe(1);
    const text = u.messages()[mark]!.text;
    expect(text).toContain("(24.03–31.03)");
    expect(text).toContain("Показатели (в скобках — изменение с 24.03):");
    expect(text).toContain("• Пары: 2 (+1)");
    expect(text).toContain("За период: новых пар и групп — 1");
  });

  it("comes in the administrator's language", async () => {
    const u = school.user;
    await u.send("/language en");
    const mark = u.messages().length;
    // Monday 29 March, 09:00 in Omsk: the school has a new pair since the last digest.
    expect((await run(new Date("2027-03-29T03:00:00Z"))).queued).toBe(1);
    const [text, chart] = u.messages().slice(mark);
    expect(text!.text).toContain("📊 Weekly digest: Школа № 7 (22.03–29.03)");
    expect(text!.text).toContain("• Pairs: 2 (+1)");
    expect(chart!.text).toContain("by week");
  });

  it("is not sent while paused, and comes again after resuming", async () => {
    const u = district.user;
    await u.send("/digest_settings");
    await u.press("⏸ Приостановить");
    expect(u.last().text).toContain("Сейчас на паузе.");
    expect((await h.app.db.prisma.administrator.findUniqueOrThrow({ where: { id: district.id } })).digestPaused).toBe(true);

    await newPair("Ещё один", omskWednesday(2, "18:00"));
    const mark = u.messages().length;
    const paused = await run(omskWednesday(3, "10:00"));
    expect(paused.due).toBe(0);
    expect(u.messages().length).toBe(mark);

    // On demand it still works, and says the weekly one is paused.
    await u.send("/digest");
    expect(u.messages().slice(mark).map((m) => m.text)).toContain("Еженедельная сводка сейчас на паузе: /digest resume");

    await u.send("/digest resume");
    expect(u.last().text).toContain("Еженедельная сводка снова включена");
    const after = u.messages().length;
    expect((await run(omskWednesday(4, "10:00"))).queued).toBe(1);
    expect(u.messages()[after]!.text).toContain("• Пары: 3 (+1)");
    const audit = await h.app.db.prisma.auditLog.findMany({ where: { actorId: district.personId, action: { in: ["admin.digest_pause", "admin.digest_resume"] } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["admin.digest_pause", "admin.digest_resume"]);
  });

  it("blocked on this messenger, comes with its chart on the administrator's other one, once", async () => {
    const other = otherPlatform(platform);
    // Added on Saturday; the account on the other messenger is linked on Sunday, so this one is the first.
    clock = new Date("2027-04-17T06:00:00Z");
    const regional = await addAdministrator(h, platform, ["--district", "Омский район", "--region", "Омская область"]);
    const { chatId } = await h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId: regional.personId, platform } });
    clock = new Date("2027-04-18T06:00:00Z");
    const otherChat = await addIdentity(h, regional.personId, other);
    TEST_PLATFORMS[platform].blockNext(h, chatId, 5);
    const there = h.user(other, otherChat);
    // Monday 19 April, 09:00 in Moscow (the default day, hour and zone of a district's administrator).
    const at = new Date("2027-04-19T06:00:00Z");
    expect((await run(at)).queued).toBeGreaterThanOrEqual(1);
    const [text, chart] = there.messages();
    expect(text!.text).toContain("📊 Сводка за неделю: Омский район (Омская область)");
    expect(chart!.photo).toBe(true);
    expectChartPicture(chart!.file!.content);
    expect(there.messages()).toHaveLength(2);
    expect(regional.user.messages().filter((m) => m.photo)).toEqual([]);
    expect(await h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId: regional.personId, platform } })).toMatchObject({ unreachable: true });
    expect(await digestRows(regional.personId)).toMatchObject([{ status: "sent", platform: other, partsSent: 2 }]);
  });
});
