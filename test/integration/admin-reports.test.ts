import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { CHART_PNG_SIZE, chartPicture } from "../support/chart-picture.js";
import { addAdministrator, alsoCurator, NOW, readWorkbook, rowsBy, seedCuratorWorld, sheetRows, totalRow, World, type CuratorWorld, type Platform } from "./curator-seed.js";

/**
 * Administrators of an organisation, of a municipal district and of the region, added with the
 * admin CLI, on both messengers: /orgs with each organisation's indicators, /stats and /export
 * of their scope (one Form 1 row per organisation, no lists of people), /digest on demand with
 * its chart; and the refusals for anyone asking beyond their scope.
 */

const ADMIN_ONLY = "Эта команда доступна только администраторам: руководителю организации, муниципальному органу, РНЦ.";
const REPORTS_ONLY = "Эта команда доступна кураторам программ и администраторам.";

interface AdminWorld extends CuratorWorld {
  gymnasium: string;
  novosibirsk: string;
}

/** The curator's school and the lyceum (Омская область), a gymnasium in the same district, a school of another region. */
async function seedAdminWorld(h: Harness, platform: Platform): Promise<AdminWorld> {
  const base = await seedCuratorWorld(h, platform);
  const w = new World(h, NOW);
  const gymnasium = await w.organisation({ name: "Гимназия № 1", district: "Омский район", region: "Омская область", children: 100, teachers: 20, young: 2 });
  const start = await w.programme(gymnasium, "Старт", "teacher_teacher", "Молодые педагоги ведут уроки сами");
  await w.participant({ programmeId: start, role: "mentor", name: "Учитель Наставник", status: "completed", joinedDaysAgo: 60, answers: { position: "учитель математики", experience: "20 лет" } });
  await w.participant({ programmeId: start, role: "mentee", name: "Молодой Педагог", status: "completed", joinedDaysAgo: 59, answers: { position: "учитель", experienceYears: 2, goals: "Дисциплина", helpWanted: "Посещение уроков" } });
  const novosibirsk = await w.organisation({ name: "Школа № 5", district: "Новосибирский район", region: "Новосибирская область", children: 300, timezone: "Asia/Novosibirsk" });
  const neighbours = await w.programme(novosibirsk, "Соседи", "pupil_pupil");
  await w.participant({ programmeId: neighbours, role: "mentee", name: "Соседский Ученик", status: "completed", joinedDaysAgo: 30, answers: { age: 12, goals: "Учёба", helpWanted: "Помощь" } });
  return { ...base, gymnasium, novosibirsk };
}

describe.each(ON_EVERY_PLATFORM)("administrators' reports on %s", (platform) => {
  let h: Harness;
  let world: AdminWorld;
  let orgAdmin: Awaited<ReturnType<typeof addAdministrator>>;
  let districtAdmin: Awaited<ReturnType<typeof addAdministrator>>;
  let regionAdmin: Awaited<ReturnType<typeof addAdministrator>>;
  let otherAdmin: Awaited<ReturnType<typeof addAdministrator>>;

  beforeAll(async () => {
    h = await startHarness({ app: { now: () => NOW } });
    world = await seedAdminWorld(h, platform);
    orgAdmin = await addAdministrator(h, platform, ["--org", world.organisationId]);
    districtAdmin = await addAdministrator(h, platform, ["--district", "Омский район", "--region", "Омская область"]);
    regionAdmin = await addAdministrator(h, platform, ["--region", "Омская область"]);
    otherAdmin = await addAdministrator(h, platform, ["--org", world.novosibirsk]);
  });
  afterAll(() => h?.close());

  it("/orgs lists each organisation of the scope with its indicators; a button opens one with its Form 1", async () => {
    await orgAdmin.user.send("/orgs");
    let text = orgAdmin.user.last().text;
    expect(text).toContain("Организации зоны «МАОУ «СОШ № 46»»: 1");
    // Learners 10–19 who completed the cycle, once each: Мария (16), Аня (12), Общий Участник (14), Наставник Лидера (15), Ученик Б (15) — 5 of 200.
    expect(text).toContain("1. МАОУ «СОШ № 46» — обучающиеся: 2,5 %, педагоги: 0 %, пар и групп: 2, удовлетворённость наставляемых: 100 %");
    expect(text).not.toContain("Гимназия");

    await districtAdmin.user.send("/orgs");
    text = districtAdmin.user.last().text;
    expect(text).toContain("Организации зоны «Омский район (Омская область)»: 2");
    expect(text).toContain("1. Гимназия № 1 — обучающиеся: 0 %, педагоги: 10 %, пар и групп: 0");
    expect(text).toContain("2. МАОУ «СОШ № 46»");
    expect(text).not.toContain("Лицей");

    await regionAdmin.user.send("/orgs");
    text = regionAdmin.user.last().text;
    expect(text).toContain("Организации зоны «Омская область»: 3");
    expect(text).toContain("Лицей № 2 — обучающиеся: нет данных");
    expect(text).not.toContain("Школа № 5");
    await regionAdmin.user.press("1. Гимназия № 1");
    const card = regionAdmin.user.last().text;
    expect(card).toContain("Гимназия № 1 (Омский район); программ: 1");
    expect(card).toContain("Форма 1: детей 10–19 — 100, педагогов — 20, молодых специалистов — 2");
    expect(card).toContain("Педагоги - молодые специалисты (с опытом работы от 0 до 3 лет), вошедшие в программы наставничества в роли наставляемого, чел: 1");
    expect(await h.app.db.prisma.auditLog.findFirst({ where: { actorId: regionAdmin.personId, action: "admin.orgs", outcome: "allowed", targetId: world.gymnasium } })).not.toBeNull();
    await regionAdmin.user.press("◀ К списку организаций");
    expect(regionAdmin.user.last().text).toContain("Организации зоны «Омская область»: 3");
  });

  it("/stats shows the indicators of the administrator's scope", async () => {
    await districtAdmin.user.send("/stats");
    const text = districtAdmin.user.last().text;
    expect(text).toContain("Показатели зоны «Омский район (Омская область)» на сегодня; организаций: 2");
    // 5 learners of 300 children; 1 teacher mentor + 1 young teacher mentee of 60 teachers.
    expect(text).toMatch(/Доля обучающихся, вовлеченных в программы наставничества \(цель — не менее 70 %\), %: сейчас 3 %, полный цикл 1,7 %/);
    expect(text).toMatch(/Доля педагогических работников, вовлеченных в программы наставничества \(цель — не менее 70 %\), %: сейчас 3,3 %, полный цикл 3,3 %/);
    expect(text).toContain("Сейчас в программе (наставники и наставляемые): 15; из них прошли полный цикл: 9");
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: districtAdmin.personId, action: "admin.stats", outcome: "allowed" } })).toBe(1);
  });

  it("/export of the region: Form 1 one row per organisation, Forms 2–5 of every programme, no lists of people", async () => {
    await regionAdmin.user.send("/export");
    const message = regionAdmin.user.last();
    expect(message.document).toBe(true);
    expect(message.text).toContain("Отчёт РНЦ: «Омская область», организаций: 3, на 15.03.2027");
    expect(message.file!.filename).toBe("nastavnik-rnc-2027-03-15.xlsx");
    const wb = await readWorkbook(message.file!.content);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Форма 1", "Форма 2", "Форма 3", "Форма 4", "Форма 5", "Другие формы", "Показатели"]);
    const everything = wb.worksheets.flatMap((s) => sheetRows(wb, s.name, 14).flat());
    for (const name of ["Мария Иванова", "Аня Кузнецова", "Молодой Педагог", "Школа № 5", "Соседи"]) expect(everything).not.toContain(name);

    const form1 = sheetRows(wb, "Форма 1", 6);
    const organisations = form1.filter((r) => ["МАОУ «СОШ № 46»", "Гимназия № 1", "Лицей № 2"].includes(r[1] as string));
    expect(organisations).toEqual([
      ["Кировский", "Лицей № 2", null, null, null, null],
      ["Омский район", "Гимназия № 1", null, 100, 20, 2],
      ["Омский район", "МАОУ «СОШ № 46»", "Иванова Ирина Ивановна, +7 900 000-00-01", 200, 40, 5],
    ]);
    expect(totalRow(form1).slice(3, 6)).toEqual([300, 60, 7]);

    const form2 = sheetRows(wb, "Форма 2", 6);
    const rows2 = rowsBy(form2, 2, ["Шаг в профессию", "Лидер", "Чужая программа"]);
    expect(rows2.get("Чужая программа")!.slice(0, 5)).toEqual(["Кировский", "Лицей № 2", "Чужая программа", 0, 0]);
    expect(rows2.get("Шаг в профессию")!.slice(3, 5)).toEqual([1, 2]);
    expect(rows2.get("Лидер")!.slice(3, 5)).toEqual([1, 1]);
    expect(totalRow(form2).slice(3, 5)).toEqual([2, 2]);
    const form3 = sheetRows(wb, "Форма 3", 6);
    expect(rowsBy(form3, 2, ["Старт"]).get("Старт")).toEqual(["Омский район", "Гимназия № 1", "Старт", 1, 1, "Молодые педагоги ведут уроки сами"]);
    expect(totalRow(form3).slice(3, 5)).toEqual([1, 1]);

    const indicators = sheetRows(wb, "Показатели", 6);
    expect(indicators[0]!.slice(2, 6)).toEqual(["Омская область", "Гимназия № 1", "Лицей № 2", "МАОУ «СОШ № 46»"]);
    const pairs = indicators.find((r) => r[1] === "Количество наставнических пар")!;
    expect(pairs.slice(2, 6)).toEqual([2, 0, 0, 2]);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: regionAdmin.personId, action: "admin.export", outcome: "allowed" } })).toBe(1);
  });

  it("/export of a district and of an organisation keeps to their organisations; CSV too", async () => {
    await districtAdmin.user.send("/export");
    const wb = await readWorkbook(districtAdmin.user.last().file!.content);
    const form1 = sheetRows(wb, "Форма 1", 6);
    expect(form1.filter((r) => r[0] === "Омский район").map((r) => r[1])).toEqual(["Гимназия № 1", "МАОУ «СОШ № 46»"]);
    expect(form1.flat()).not.toContain("Лицей № 2");

    const mark = orgAdmin.user.messages().length;
    await orgAdmin.user.send("/export csv");
    const files = orgAdmin.user.messages().slice(mark).filter((m) => m.file);
    const form1Csv = files.find((m) => m.file!.filename.endsWith("-form1.csv"))!.file!.content.toString("utf8");
    expect(form1Csv).toContain("Омский район;МАОУ «СОШ № 46»;Иванова Ирина Ивановна, +7 900 000-00-01;200;40;5\r\n");
    expect(form1Csv).not.toContain("Гимназия");
    expect(files.some((m) => /mentors|mentees/.test(m.file!.filename))).toBe(false);
  });

  it("/digest on demand: the scope's indicators, the week and a chart image of the organisations", async () => {
    const mark = regionAdmin.user.messages().length;
    await regionAdmin.user.send("/digest");
    const [text, chart] = regionAdmin.user.messages().slice(mark);
    expect(text!.text).toContain("📊 Сводка на сейчас: Омская область");
    expect(text!.text).toContain("Организаций: 3");
    expect(text!.text).toContain("Показатели (первая сводка, сравнивать пока не с чем):");
    expect(text!.text).toContain("• Пары: 2");
    expect(text!.text).toContain("Дальше всего от цели 70 %:\n1. Гимназия № 1 — 0 %");
    expect(chart!.photo).toBe(true);
    const picture = chartPicture(chart!.file!.content);
    expect(picture.size).toEqual(CHART_PNG_SIZE);
    expect(picture.title).toBeGreaterThan(500);
    expect(picture.body).toBeGreaterThan(2000);
    expect(chart!.text).toContain("График: доля вовлечённых обучающихся 10–19, % по организациям.");
    expect(chart!.text).toContain("Гимназия № 1");
    expect(chart!.text).not.toContain("Школа № 5");
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: regionAdmin.personId, action: "admin.digest", outcome: "allowed" } })).toBe(1);
  });

  it("refuses requests beyond the scope, and non-administrators, with an audit record and no data", async () => {
    // An administrator of another organisation asks for this one, or for another administrator's scope, by forged buttons.
    const forged: [string, string, string, string][] = [
      [`c|orgs|O.${world.organisationId}`, "admin.orgs", ADMIN_ONLY, world.organisationId],
      [`c|orgs|A.${regionAdmin.id}`, "admin.orgs", ADMIN_ONLY, regionAdmin.id],
      [`c|digest|A.${regionAdmin.id}`, "admin.digest", ADMIN_ONLY, regionAdmin.id],
      [`c|export|A.${regionAdmin.id}`, "report.export", REPORTS_ONLY, regionAdmin.id],
      [`c|stats|A.${regionAdmin.id}`, "report.stats", REPORTS_ONLY, regionAdmin.id],
    ];
    for (const [payload, action, refusal, targetId] of forged) {
      const mark = otherAdmin.user.messages().length;
      await otherAdmin.user.pressPayload(payload);
      const replies = otherAdmin.user.messages().slice(mark);
      expect(replies.map((m) => m.text), payload).toEqual([refusal]);
      expect(await h.app.db.prisma.auditLog.count({ where: { actorId: otherAdmin.personId, action, outcome: "denied", targetId } }), payload).toBe(1);
    }
    // A district administrator opening an organisation of another district.
    await districtAdmin.user.pressPayload(`c|orgs|O.${world.lyceum}`);
    expect(districtAdmin.user.last().text).toBe(ADMIN_ONLY);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: districtAdmin.personId, action: "admin.orgs", outcome: "denied", targetId: world.lyceum } })).toBe(1);
    // Their own view is theirs only.
    await otherAdmin.user.send("/orgs");
    expect(otherAdmin.user.last().text).toContain("Школа № 5");
    expect(otherAdmin.user.last().text).not.toContain("МАОУ");

    const mentor = h.user(platform, world.petr.userId);
    const mentee = h.user(platform, world.vova.userId);
    const stranger = h.user(platform);
    for (const user of [mentor, mentee, stranger]) {
      for (const [command, _action] of [
        ["/orgs", "admin.orgs"],
        ["/digest", "admin.digest"],
        ["/digest_settings", "admin.digest_settings"],
        ["/digest pause", "admin.digest"],
      ] as const) {
        const mark = user.messages().length;
        await user.send(command);
        const replies = user.messages().slice(mark);
        expect(replies.map((m) => m.text), command).toEqual([ADMIN_ONLY]);
        expect(replies.some((m) => m.photo || m.document)).toBe(false);
      }
    }
    for (const personId of [world.petr.personId, world.vova.personId]) {
      expect(await h.app.db.prisma.auditLog.count({ where: { actorId: personId, action: { in: ["admin.orgs", "admin.digest", "admin.digest_settings"] }, outcome: "denied" } })).toBe(4);
    }
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: null, action: { in: ["admin.orgs", "admin.digest", "admin.digest_settings"] }, outcome: "denied" } })).toBeGreaterThanOrEqual(4);
  });

  it("speaks English to an administrator who chose it", async () => {
    const u = districtAdmin.user;
    await u.send("/language en");
    await u.send("/orgs");
    expect(u.last().text).toContain("Organisations of the scope “Омский район (Омская область)”: 2");
    await u.send("/export");
    const wb = await readWorkbook(u.last().file!.content);
    expect(wb.worksheets.map((s) => s.name).slice(0, 2)).toEqual(["Form 1", "Form 2"]);
    expect(String(sheetRows(wb, "Form 2", 1)[0]![0])).toContain("Form 2");
    await u.send("/digest");
    expect(u.messages().map((m) => m.text).join("\n")).toContain("📊 Digest as of now: Омский район (Омская область)");
    await u.send("/language ru");
  });

  it("a long list of organisations is paged with buttons that keep the scope", async () => {
    const w = new World(h, NOW);
    for (let i = 1; i <= 9; i++) await w.organisation({ name: `Школа ${String(i).padStart(2, "0")}`, district: "Район", region: "Большая область", children: 10 * i });
    const big = await addAdministrator(h, platform, ["--region", "Большая область"]);
    await big.user.send("/orgs");
    const first = big.user.last();
    expect(first.text).toContain("Организации зоны «Большая область»: 9");
    expect(first.text).toContain("9. Школа 09 — обучающиеся: 0 %");
    const labels = first.buttons.flat().map((b) => b.label);
    if (platform === "vk") expect(labels.length).toBeLessThanOrEqual(10);
    expect(labels).not.toContain("9. Школа 09");
    await big.user.press("Ещё ▶");
    await big.user.press("9. Школа 09");
    expect(big.user.last().text).toContain("Школа 09 (Район); программ: 0");
    expect(big.user.last().text).toContain("Форма 1: детей 10–19 — 90");
  });

  it("a curator who is also an administrator chooses between their programmes and their scope", async () => {
    await alsoCurator(h, orgAdmin.personId, [world.a]);
    const u = orgAdmin.user;
    await u.send("/stats");
    expect(u.last().text).toBe("Для чего подготовить данные?");
    await u.press("Зона: МАОУ «СОШ № 46»");
    expect(u.last().text).toContain("Показатели зоны «МАОУ «СОШ № 46»» на сегодня; организаций: 1");
    await u.send("/stats");
    await u.press("Мои программы (куратор)");
    expect(u.last().text).toContain("Показатели программы «Шаг в профессию»");
    // With several programmes the curator's side asks which one, and the answer is kept.
    await alsoCurator(h, orgAdmin.personId, [world.a2]);
    await u.send("/stats");
    await u.press("Мои программы (куратор)");
    expect(u.last().text).toContain("Вы куратор нескольких программ");
    await u.press("Лидер");
    expect(u.last().text).toContain("Показатели программы «Лидер»");

    // CSV chosen by a button: the curator's side carries the bases of people.
    const mark = u.messages().length;
    await u.send("/export csv");
    await u.press("Мои программы (куратор)");
    const files = u.messages().slice(mark).filter((m) => m.file).map((m) => m.file!.filename);
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/-mentors\.csv$/), expect.stringMatching(/-form2\.csv$/)]));
    const again = u.messages().length;
    await u.send("/export");
    await u.press("Зона: МАОУ «СОШ № 46»");
    const workbook = u.messages().slice(again).find((m) => m.file)!;
    expect(workbook.file!.filename).toBe("nastavnik-rnc-2027-03-15.xlsx");
    const wb = await readWorkbook(workbook.file!.content);
    expect(wb.worksheets.map((s) => s.name)).not.toContain("База наставников");
  });
});
