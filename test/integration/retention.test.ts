import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/cli/admin.js";
import { JOB_KINDS } from "../../src/jobs/worker.js";
import { runRetention } from "../../src/jobs/retention.js";
import { createLogger } from "../../src/logger.js";
import { scanCatalog, type Needle } from "../support/catalog-scan.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import type { TestUser } from "../support/users.js";
import { addAdministrator, readWorkbook, sheetRows } from "./curator-seed.js";
import { join, participationOf, personOf } from "./forms-support.js";
import { local } from "./lifecycle-support.js";

/**
 * Personal data are kept until the federal form of the year their programme ended is done
 * (20 January of the next year, 000 §9) plus the organisation's margin, then destroyed by the
 * daily job with the same erasure as /forget; a withdrawn consent and /forget destroy them too.
 * Each destruction leaves an act with the extract from the processing log, which names nobody;
 * the organisation's administrator gets them with /export acts, its curator lists them with /acts.
 */

const OMSK = "Asia/Omsk";
const FAST = { perSecond: 10_000, perChatMs: 0 };
const REPORTS_ONLY = "Эта команда доступна кураторам программ и администраторам.";
const NAMES = ["Ульяна Гречко", "Гречко Светлана Аркадьевна", "Вера Лаптева", "Лаптева Нина Петровна", "Олег Сидоров"];

/** A minor mentee joining with her own legal representative's name. */
async function joinMinor(h: Harness, u: TestUser, programmeId: string, name: string, representative: string): Promise<string> {
  await u.open(await h.invite(programmeId, "mentee"));
  await u.press("Русский");
  await u.press("14–17 лет");
  await u.press("Даю согласие");
  await u.send(representative);
  await u.press("Мать");
  await u.press("Даю согласие");
  await u.send(name);
  return personOf(h, u);
}

describe.each(ON_EVERY_PLATFORM)("retention terms and acts of destruction on %s", (platform) => {
  const clock = { now: local("2026-05-20", "10:00", OMSK) };
  const job = () => runRetention({ services: h.app.services, logger: createLogger("silent") }, clock.now);
  let h: Harness;
  let organisationId: string;
  let ended: string;
  let running: string;
  let curator: TestUser;
  let curatorPerson: string;
  let mentorPerson: string;
  let menteePerson: string;
  let veraPerson: string;
  let oleg: TestUser;
  let olegPerson: string;
  const needles: Needle[] = [];

  beforeAll(async () => {
    h = await startHarness({ app: { now: () => clock.now, outbound: { pace: { telegram: FAST, vk: FAST, max: FAST } } } });
    ({ organisationId, programmeId: ended } = await h.seedProgramme({ timezone: OMSK, name: "Шаг в профессию", startsOn: "2025-09-01", endsOn: "2026-05-31" }));
    running = (await h.app.db.prisma.programme.create({ data: { organisationId, name: "Лидер", form: "pupil_pupil", startsOn: new Date("2026-09-01"), endsOn: new Date("2027-05-31"), createdAt: clock.now } })).id;
  });
  afterAll(() => h?.close());

  const delivered = async () => {
    if (!(await h.app.outbound.drained(clock.now))) throw new Error("outbound not drained");
  };

  it("is a daily job of the worker; an organisation's margin is set with the CLI", async () => {
    expect(JOB_KINDS.find((k) => k.name === "retention")?.schedule).toEqual({ pattern: "40 2 * * *" });
    const lines: string[] = [];
    await runAdmin(["org:update", "--org", organisationId, "--retention-margin", "10"], { DATABASE_URL: h.database.url }, (l) => lines.push(l));
    expect(lines).toContain("Retention: until 20 January of the year after a programme ends + 10 days, then destroyed with an act");
    expect((await h.app.db.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } })).retentionMarginDays).toBe(10);
    const refused = (value: string) => runAdmin(["org:update", "--org", organisationId, "--retention-margin", value], { DATABASE_URL: h.database.url }, () => undefined);
    await expect(refused("ten")).rejects.toThrow(/--retention-margin must be a whole number of days/);
    await expect(refused("5000")).rejects.toThrow(/--retention-margin must be at most 3650 days/);
    expect((await h.app.db.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } })).retentionMarginDays).toBe(10);
  });

  it("people of both programmes join; the mentee of the ended one is paired and asks for her data", async () => {
    curator = h.user(platform);
    curatorPerson = await join(h, curator, ended, "curator", "Елена Куратор");
    await h.app.db.prisma.participation.create({ data: { personId: curatorPerson, programmeId: running, role: "curator", joinedAt: clock.now } });
    const mentor = h.user(platform);
    mentorPerson = await join(h, mentor, ended, "mentor", "Мария Иванова");
    const mentorParticipation = (await participationOf(h, mentorPerson, ended, "mentor")).id;
    await h.app.db.prisma.participation.update({ where: { id: mentorParticipation }, data: { status: "approved" } });
    // The mentor goes on to the next year's programme.
    await h.app.db.prisma.participation.create({ data: { personId: mentorPerson, programmeId: running, role: "mentor", joinedAt: clock.now } });

    const mentee = h.user(platform);
    menteePerson = await joinMinor(h, mentee, ended, "Ульяна Гречко", "Гречко Светлана Аркадьевна");
    veraPerson = await joinMinor(h, h.user(platform), running, "Вера Лаптева", "Лаптева Нина Петровна");
    oleg = h.user(platform);
    olegPerson = await join(h, oleg, running, "mentor", "Олег Сидоров");

    const menteeParticipation = (await participationOf(h, menteePerson, ended, "mentee")).id;
    const confirmed = await h.app.services.pairs.confirmPair({ programmeId: ended, mentorParticipationId: mentorParticipation, menteeParticipationIds: [menteeParticipation], confirmedById: curatorPerson, now: clock.now });
    expect(confirmed.ok).toBe(true);
    await delivered();
    expect(mentor.last().text).toContain("Ульяна Гречко");
    await mentee.send("/mydata");
    expect(mentee.last().document).toBe(true);

    for (const a of await h.app.db.prisma.messengerIdentity.findMany({ where: { personId: menteePerson } })) {
      needles.push({ what: "account id", value: a.externalId, number: true });
      if (a.chatId !== a.externalId) needles.push({ what: "chat id", value: a.chatId, number: true });
    }
    needles.push({ what: "name", value: "Ульяна Гречко" }, { what: "representative's name", value: "Гречко Светлана Аркадьевна" });
    const before = await scanCatalog(h, needles);
    expect(new Set(before.found.map((f) => f.what))).toEqual(new Set(needles.map((n) => n.what)));
    expect(before.found.filter((f) => f.what === "name").map((f) => `${f.table}.${f.column}`)).toEqual(expect.arrayContaining(["Person.displayName", "Notification.payload"]));
  });

  it("until the term is over — 20 January of the next year and the margin — the job keeps everyone's data", async () => {
    clock.now = local("2027-01-30", "23:59", OMSK);
    expect(await job()).toEqual({ due: 0, destroyed: 0, failed: 0, late: 0 });
    expect(await h.app.db.prisma.destructionAct.count()).toBe(0);
    expect(await h.app.db.prisma.person.findUniqueOrThrow({ where: { id: menteePerson } })).toMatchObject({ displayName: "Ульяна Гречко", erasedAt: null });
  });

  it("past the term it destroys the ended programme's people, leaving nothing that identifies them and an act that names no one", async () => {
    clock.now = local("2027-01-31", "03:00", OMSK);
    const pairsBefore = await h.app.db.prisma.pair.count({ where: { programmeId: ended } });
    expect(await job()).toEqual({ due: 1, destroyed: 1, failed: 0, late: 0 });

    const after = await scanCatalog(h, needles);
    expect(after.tables).toBeGreaterThanOrEqual(20);
    expect(after.found.map((f) => `${f.table}.${f.column}: ${f.what}`)).toEqual([]);
    // The reports' rows stay, without a name.
    expect(await h.app.db.prisma.pair.count({ where: { programmeId: ended } })).toBe(pairsBefore);
    expect(await h.app.db.prisma.participation.count({ where: { personId: menteePerson, programmeId: ended, role: "mentee" } })).toBe(1);

    const act = await h.app.services.acts.ofSubject(menteePerson);
    expect(act).toMatchObject({
      number: 1,
      subjectId: menteePerson,
      roles: ["mentee"],
      organisationIds: [organisationId],
      programmeIds: [ended],
      reason: "purpose_reached",
      // The term: midnight after 20 January 2027 in Omsk, plus the organisation's 10 days.
      reasonAt: local("2027-01-31", "00:00", OMSK),
      method: "erasure-in-place",
      process: "retention-job",
      destroyedAt: clock.now,
    });
    expect(act!.categories).toEqual(expect.arrayContaining(["name", "representative-name", "messenger-accounts", "messages", "mentions"]));
    // The extract: her request for her data, answered, and the destruction itself.
    expect(act!.logExtract.find((e) => e.action === "privacy.export")).toMatchObject({ actorId: menteePerson, outcome: "allowed", targetType: "person", targetId: menteePerson });
    expect(act!.logExtract.at(-1)).toMatchObject({ action: "privacy.destroyed", targetId: menteePerson, details: { reason: "purpose_reached", process: "retention-job" } });
    for (const name of ["Ульяна", "Гречко", "Светлана"]) expect(JSON.stringify(act)).not.toContain(name);
  });

  it("a person of a programme whose term has not come keeps their data, and a second run makes no second act", async () => {
    for (const [id, name] of [
      [curatorPerson, "Елена Куратор"],
      [mentorPerson, "Мария Иванова"],
      [veraPerson, "Вера Лаптева"],
    ] as const) {
      expect(await h.app.db.prisma.person.findUniqueOrThrow({ where: { id } })).toMatchObject({ displayName: name, erasedAt: null });
      expect(await h.app.db.prisma.messengerIdentity.count({ where: { personId: id } })).toBeGreaterThan(0);
    }
    clock.now = local("2027-02-01", "03:00", OMSK);
    expect(await job()).toEqual({ due: 0, destroyed: 0, failed: 0, late: 0 });
    expect(await h.app.db.prisma.destructionAct.count()).toBe(1);
  });

  it("a consent withdrawn is destroyed on the next run; /forget at once — each with its act", async () => {
    // Вера's representative withdrew the consent (recorded yesterday); nothing of its kind is in force.
    const withdrawnAt = local("2027-01-31", "18:00", OMSK);
    await h.app.db.prisma.consent.updateMany({ where: { personId: veraPerson, kind: "legal_representative" }, data: { withdrawnAt } });
    expect(await job()).toEqual({ due: 1, destroyed: 1, failed: 0, late: 0 });
    expect(await h.app.services.acts.ofSubject(veraPerson)).toMatchObject({ number: 2, reason: "consent_withdrawn", reasonAt: withdrawnAt, process: "retention-job", programmeIds: [running] });
    expect(await h.app.db.prisma.person.findUniqueOrThrow({ where: { id: veraPerson } })).toMatchObject({ displayName: null });

    await oleg.send("/forget");
    await oleg.press("Да, удалить мои данные");
    expect(await h.app.services.acts.ofSubject(olegPerson)).toMatchObject({ number: 3, reason: "subject_request", reasonAt: clock.now, process: "forget-command", roles: ["mentor"], destroyedAt: clock.now });
    expect(await job()).toEqual({ due: 0, destroyed: 0, failed: 0, late: 0 });
    expect(await h.app.db.prisma.destructionAct.count()).toBe(3);
  });

  it("/export acts gives the organisation's administrator the acts and the log's extract as a workbook, naming no one", async () => {
    const admin = await addAdministrator(h, platform, ["--org", organisationId]);
    await admin.user.send("/export acts");
    const sent = admin.user.last();
    expect(sent.document).toBe(true);
    expect(sent.text).toContain("Акты об уничтожении персональных данных: 3");
    expect(sent.file!.filename).toBe("nastavnik-acts-2027-02-01.xlsx");
    const wb = await readWorkbook(sent.file!.content);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Акты", "Выгрузка из журнала"]);

    const acts = sheetRows(wb, "Акты", 13);
    expect(acts[0]![0]).toContain("Приказ Роскомнадзора от 28.10.2022 № 179");
    expect(acts[1]!.slice(0, 5)).toEqual(["№ акта", "Дата и время уничтожения", "Оператор", "Информационная система", "Субъект (внутренний номер)"]);
    const bySubject = new Map(acts.slice(2).map((r) => [r[4], r]));
    expect([...bySubject.keys()].sort()).toEqual([menteePerson, veraPerson, olegPerson].sort());
    const hers = bySubject.get(menteePerson)!;
    expect(hers[0]).toBe(1);
    expect(hers[2]).toBe("МАОУ «СОШ № 46»");
    expect(hers[3]).toBe("Чат-бот программы наставничества «Наставник»");
    expect(hers[5]).toBe("наставляемый");
    expect(hers[6]).toBe("Шаг в профессию");
    expect(hers[7]).toContain("ФИО законного представителя");
    expect(hers[9]).toContain("цель обработки достигнута");
    expect(hers[11]).toContain("ежедневная задача");
    expect(bySubject.get(olegPerson)![9]).toContain("по запросу участника (/forget)");

    const log = sheetRows(wb, "Выгрузка из журнала", 9).slice(2);
    for (const subject of [menteePerson, veraPerson, olegPerson]) expect(log.some((r) => r[1] === subject && r[4] === "privacy.destroyed")).toBe(true);
    expect(log.find((r) => r[1] === menteePerson && r[4] === "privacy.export")?.[6]).toBe("сам участник");
    const everything = JSON.stringify([acts, log]);
    for (const name of NAMES) expect(everything).not.toContain(name);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: admin.personId, action: "admin.acts", outcome: "allowed" } })).toBe(1);
  });

  it("/export acts is refused to a stranger and to a district's administrator; the curator lists the programme's acts with /acts", async () => {
    const stranger = h.user(platform);
    await stranger.send("/export acts");
    expect(stranger.last().text).toBe(REPORTS_ONLY);
    expect(stranger.last().document).toBeFalsy();
    const district = await addAdministrator(h, platform, ["--district", "Омский район", "--region", "Омская область"]);
    await district.user.send("/export acts");
    expect(district.user.last().text).toContain("получает администратор организации");
    expect(district.user.last().document).toBeFalsy();
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: district.personId, action: "admin.acts", outcome: "denied" } })).toBe(1);

    // The curator of both programmes chooses one.
    await curator.send("/acts");
    await curator.press("Шаг в профессию");
    const text = curator.last().text;
    expect(text).toContain("Акты об уничтожении персональных данных (последние): 1");
    expect(text).toContain(`№ 1 · 31.01.2027 03:00 · участник ${menteePerson} (наставляемый) · Шаг в профессию · цель обработки достигнута`);
    expect(text).not.toContain(veraPerson);
    for (const name of NAMES) expect(text).not.toContain(name);
    await curator.send("/acts");
    await curator.press("Лидер");
    expect(curator.last().text).toContain("(последние): 2");
    // The curator's workbook holds the acts of both their programmes.
    await curator.send("/export acts");
    expect(curator.last().text).toContain("Акты об уничтожении персональных данных: 3");
    expect(curator.last().document).toBe(true);
  });

  it("someone both curator and the organisation's administrator chooses which with buttons that keep asking for the acts", async () => {
    await h.app.db.prisma.administrator.create({ data: { personId: curatorPerson, scope: "organisation", organisationId, createdAt: clock.now } });
    await curator.send("/export acts");
    expect(curator.last().text).toBe("Для чего подготовить данные?");
    await curator.press("Зона: МАОУ «СОШ № 46»");
    expect(curator.last().document).toBe(true);
    expect(curator.last().file!.filename).toBe("nastavnik-acts-2027-02-01.xlsx");
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorPerson, action: "admin.acts", outcome: "allowed" } })).toBe(1);
  });
});
