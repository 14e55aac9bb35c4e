import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import { join } from "./forms-support.js";
import { CURATOR_SHEETS_RU } from "../unit/reports/workbook-fixture.js";
import { alsoCurator, NOW, readWorkbook, rowsBy, seedCuratorWorld, sheetRows, totalRow, type CuratorWorld } from "./curator-seed.js";

/**
 * The curator's view of their programmes on both messengers: the list of participants with its
 * filters, one participant's card, meetings, invitations, indicators and the export (Excel and
 * CSV) read back; and the refusals for everyone outside the curator's programmes.
 */

const CURATOR_ONLY = "Эта команда доступна только куратору программы.";
const REPORTS_ONLY = "Эта команда доступна кураторам программ и администраторам.";

describe.each(ON_EVERY_PLATFORM)("the curator's reports on %s", (platform) => {
  let h: Harness;
  let world: CuratorWorld;
  let curator: TestUser;
  let curatorId: string;
  let foreignCurator: TestUser;

  beforeAll(async () => {
    h = await startHarness({ app: { now: () => NOW } });
    world = await seedCuratorWorld(h, platform);
    curator = h.user(platform);
    curatorId = await join(h, curator, world.a, "curator", "Елена Куратор");
    await alsoCurator(h, curatorId, [world.a2, world.b, world.c]);
    foreignCurator = h.user(platform);
    await join(h, foreignCurator, world.foreign, "curator", "Чужой Куратор");
  });
  afterAll(() => h?.close());

  it("/participants lists the programme's people; filters by role, status and missing form, typed or with buttons", async () => {
    await curator.send("/participants");
    expect(curator.last().text).toContain("Вы куратор нескольких программ");
    await curator.press("Шаг в профессию");
    const all = curator.last().text;
    expect(all).toContain("«Шаг в профессию»: наставников — 3, наставляемых — 4");
    expect(all).toContain("1. Мария Иванова — полный цикл пройден; анкета ✓");
    expect(all).toContain("3. Сергей Без Анкеты — в программе, до собеседования или подбора; анкета не заполнена");
    expect(all).toContain("Не заполнили анкету: 2 (№ 3, № 6)");
    expect(all).not.toContain("Чужой Наставляемый");

    await curator.send("/participants mentees noform");
    await curator.press("Шаг в профессию");
    let list = curator.last().text;
    expect(list).toContain("Фильтр: наставляемые, не заполнили анкету. Найдено: 1");
    expect(list).toContain("6. Оля Без Анкеты");
    expect(list).not.toContain("Вова Орлов");
    expect(list).not.toContain("Сергей Без Анкеты");

    // The role button switches to mentors, keeping "no form".
    await curator.press("Наставники");
    list = curator.last().text;
    expect(list).toContain("Фильтр: наставники, не заполнили анкету. Найдено: 1");
    expect(list).toContain("3. Сергей Без Анкеты");
    expect(list).not.toContain("Оля Без Анкеты");

    await curator.send("/participants completed");
    await curator.press("Шаг в профессию");
    list = curator.last().text;
    expect(list).toContain("Найдено: 3");
    for (const name of ["Мария Иванова", "Аня Кузнецова", "Общий Участник"]) expect(list).toContain(name);
    for (const name of ["Пётр Смирнов", "Вова Орлов", "Оля Без Анкеты"]) expect(list).not.toContain(name);

    await curator.press("Все");
    expect(curator.last().text).toContain("Не заполнили анкету: 2");

    // Every participant can be opened from the list's buttons, paging where the messenger's keyboard is small.
    const labels = () => curator.last().buttons.flat().map((b) => b.label);
    if (platform === "vk") expect(labels().length).toBeLessThanOrEqual(10);
    for (let page = 0; !labels().includes("7. Общий Участник") && page < 3; page++) await curator.press("Ещё ▶");
    await curator.press("7. Общий Участник");
    expect(curator.last().text).toContain("№ 7. Общий Участник — наставляемый");

    await curator.send("/participants knitting");
    expect(curator.last().text).toContain("Фильтры списка");
    const audits = await h.app.db.prisma.auditLog.count({ where: { actorId: curatorId, action: "curator.participants", outcome: "allowed" } });
    expect(audits).toBeGreaterThanOrEqual(4);
  });

  it("/participant shows the answers, the pair, its meetings and who gave feedback; the read is audited", async () => {
    await curator.send("/participants");
    await curator.press("Шаг в профессию");
    await curator.press("5. Вова Орлов");
    const card = curator.last().text;
    expect(card).toContain("№ 5. Вова Орлов — наставляемый, работает в паре");
    expect(card).toContain("Заявка наставляемого");
    expect(card).toContain("Подготовиться к олимпиаде");
    // The participant's feedback after the held meeting.
    expect(card).toContain("Решили три задачи");
    expect(card).toContain("Пара: Пётр Смирнов → Вова Орлов; этап: регулярные встречи; с 03.02.2027");
    // The held meeting: feedback from the mentor and the one mentee.
    expect(card).toContain("• 12.03.2027 12:00 — регулярные встречи, состоялась; отзыв наставника: ✓, наставляемых: 1/1");
    expect(card).toContain("• 10.03.2027 12:00 — регулярные встречи, не состоялась; отзыв наставника: —, наставляемых: 0/1");
    expect(await h.app.db.prisma.auditLog.findFirst({ where: { actorId: curatorId, action: "curator.participant", outcome: "allowed", targetId: world.vova.participationId } })).not.toBeNull();

    // Typed: the number in the chosen programme.
    await curator.send("/participant 1");
    await curator.press("Шаг в профессию");
    const mentor = curator.last().text;
    expect(mentor).toContain("№ 1. Мария Иванова — наставник");
    expect(mentor).toContain("Победитель олимпиады по информатике");
    expect(mentor).toContain("Пара: Мария Иванова → Аня Кузнецова; этап: завершена");
    expect(await h.app.db.prisma.auditLog.findFirst({ where: { actorId: curatorId, action: "curator.participant", outcome: "allowed", targetId: world.maria.participationId } })).not.toBeNull();
  });

  it("/meetings shows the next two weeks and the missed or unmarked ones", async () => {
    await curator.send("/meetings");
    await curator.press("Шаг в профессию");
    const text = curator.last().text;
    const [upcoming, missed] = text.split("Не состоялись или без отметки");
    expect(upcoming).toContain("Ближайшие 14 дней:\n• 17.03.2027 12:00 — Пётр Смирнов → Вова Орлов; регулярные встречи, подтверждена");
    expect(upcoming).not.toContain("04.04.2027"); // 20 days ahead
    expect(missed).toContain("• 13.03.2027 12:00 — Пётр Смирнов → Вова Орлов; регулярные встречи, подтверждена");
    expect(missed).toContain("• 10.03.2027 12:00 — Пётр Смирнов → Вова Орлов; регулярные встречи, не состоялась");
    expect(missed).not.toContain("12.03.2027"); // held
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorId, action: "curator.meetings", outcome: "allowed", programmeId: world.a } })).toBe(1);
  });

  it("/invite gives a code with Telegram and VK links per role; the link lets a person join", async () => {
    await curator.send("/invite");
    await curator.press("Шаг в профессию");
    const text = curator.last().text;
    expect(text).toContain("Новые приглашения в программу «Шаг в профессию»");
    const codes = [...text.matchAll(/Код: (\S+)/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(2);
    const [mentorCode, menteeCode] = codes as [string, string];
    expect(text).toContain(`Для наставников\nКод: ${mentorCode}\nTelegram: https://t.me/nastavnik_test_bot?start=${mentorCode}\nVK: https://vk.me/club220000111?ref=${mentorCode}`);
    expect(text).toContain(`Для наставляемых\nКод: ${menteeCode}\nTelegram: https://t.me/nastavnik_test_bot?start=${menteeCode}\nVK: https://vk.me/club220000111?ref=${menteeCode}`);
    const stored = await h.app.db.prisma.invitation.findMany({ where: { code: { in: codes } } });
    expect(stored.map((i) => [i.programmeId, i.role]).sort()).toEqual([[world.a, "mentee"], [world.a, "mentor"]]);

    await curator.send("/invite mentee");
    await curator.press("Лидер");
    const only = curator.last().text;
    expect(only).toContain("Для наставляемых");
    expect(only).not.toContain("Для наставников");
    await curator.send("/invite king");
    await curator.press("Лидер");
    expect(curator.last().text).toContain("Укажите роль");

    const newcomer = h.user(platform);
    await newcomer.open(menteeCode);
    expect(newcomer.last().text).toContain("«Шаг в профессию»");
  });

  it("/stats shows the programme's indicators of seed 003: the people in the programme now beside those who completed the full cycle, each once", async () => {
    await curator.send("/stats");
    await curator.press("Шаг в профессию");
    const text = curator.last().text;
    expect(text).toContain("Показатели программы «Шаг в профессию» (МАОУ «СОШ № 46») на сегодня");
    expect(text).toContain("Сейчас в программе (наставники и наставляемые): 7; из них прошли полный цикл: 3");
    expect(text).toContain("• Количество наставнических пар: 2\n");
    expect(text).toContain("• Количество наставнических групп: 0\n");
    // Аня (12) and Общий Участник (14) of 200 children; Вова has not completed the cycle.
    // Mid-programme the counts of people are not 0: Вова is in the programme, without the full cycle yet.
    expect(text).toContain("Дети в возрасте от 10 до 19 лет, вошедшие в программы наставничества в роли наставляемого, чел: сейчас 3, полный цикл 2\n");
    expect(text).toMatch(/Доля детей в возрасте от 10 до 19 лет, вошедших .*: сейчас 1,5 %, полный цикл 1 %\n/);
    expect(text).toContain("Обучающиеся в возрасте от 10 до 19 лет, вовлеченные в программы наставничества, чел: сейчас 5, полный цикл 3\n");
    // Pairs and satisfaction do not depend on the cycle: one value.
    expect(text).toContain("• Количество наставнических пар: 2\n");
    expect(text).toMatch(/Уровень удовлетворенности наставляемых участием в программах наставничества, %: 100 %/);
    expect(text).toMatch(/Уровень удовлетворенности наставников участием в программах наставничества, %: 75 %/);
    expect(text).toContain("Для отчётов в региональный центр учитываются только участники, прошедшие полный цикл программы");
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorId, action: "curator.stats", outcome: "allowed" } })).toBe(1);
  });

  it("/export sends a workbook with the bases, pairs, meetings, Form 1 and Forms 2–5 filled by the counting rules", async () => {
    await curator.send("/export");
    const message = curator.last();
    expect(message.document).toBe(true);
    expect(message.text).toContain("Отчёт по программам: 4, на 15.03.2027");
    expect(message.file?.filename).toBe("nastavnik-2027-03-15.xlsx");
    const wb = await readWorkbook(message.file!.content);
    expect(wb.worksheets.map((s) => s.name)).toEqual(CURATOR_SHEETS_RU);

    const mentors = sheetRows(wb, "База наставников", 12);
    expect(mentors.length - 1).toBe(6);
    const maria = rowsBy(mentors, 0, ["Мария Иванова"]).get("Мария Иванова")!;
    expect(maria.slice(0, 6)).toEqual(["Мария Иванова", "МАОУ «СОШ № 46»", "Шаг в профессию", "ученик – ученик", "обучающийся", 16]);
    expect(maria[8]).toBe("Победитель олимпиады по информатике");
    expect(maria[9]).toBe("Аня Кузнецова");
    expect(maria[11]).toBe("да");
    const student = rowsBy(mentors, 0, ["Студент Колледжа"]).get("Студент Колледжа")!;
    expect(student.slice(6, 8)).toEqual(["Технологический колледж", "Программирование, 2 курс"]);
    expect(mentors.flat()).not.toContain("Чужой Наставляемый");

    const mentees = sheetRows(wb, "База наставляемых", 11);
    expect(mentees.length - 1).toBe(8);
    const anya = rowsBy(mentees, 0, ["Аня Кузнецова"]).get("Аня Кузнецова")!;
    expect(anya[5]).toBe(12);
    expect(anya[6]).toBe("Научиться программировать; Покажите, с чего начать");
    expect(anya[7]).toBe("Мария Иванова");
    expect(anya[10]).toBe("да");
    expect(rowsBy(mentees, 0, ["Оля Без Анкеты"]).get("Оля Без Анкеты")![10]).toBe("нет");

    const pairs = sheetRows(wb, "Пары и группы", 11);
    expect(pairs.length - 1).toBe(2);
    expect(pairs.slice(1).map((r) => [r[3], r[4], r[6]])).toEqual(
      expect.arrayContaining([
        ["Мария Иванова", "Аня Кузнецова", "завершена"],
        ["Пётр Смирнов", "Вова Орлов", "регулярные встречи"],
      ]),
    );

    const meetings = sheetRows(wb, "Встречи и обратная связь", 10);
    expect(meetings.length - 1).toBe(6);
    const held = meetings.find((r) => r[5] === "состоялась" && r[6] === "Кабинет 12")!;
    expect(held[7]).toBe("Разобрали задачи → Пробный тур");
    expect(held[8]).toBe("Решили три задачи → Дорешать");
    expect(held[9]).toBe(5);

    const form1 = sheetRows(wb, "Форма 1", 6);
    const schools = form1.filter((r) => r[1] === "МАОУ «СОШ № 46»");
    expect(schools).toEqual([["Омский район", "МАОУ «СОШ № 46»", "Иванова Ирина Ивановна, +7 900 000-00-01", 200, 40, 5]]);
    expect(form1.flat()).not.toContain("Лицей № 2");

    // Form 2: only full-cycle participants; «Общий Участник» is in both programmes and counted once in the total.
    const form2 = sheetRows(wb, "Форма 2", 6);
    const byProgramme2 = rowsBy(form2, 2, ["Шаг в профессию", "Лидер"]);
    expect(byProgramme2.get("Шаг в профессию")).toEqual(["Омский район", "МАОУ «СОШ № 46»", "Шаг в профессию", 1, 2, "Наставляемые участвуют в конкурсах"]);
    expect(byProgramme2.get("Лидер")).toEqual(["Омский район", "МАОУ «СОШ № 46»", "Лидер", 1, 1, "Улучшение успеваемости"]);
    expect(totalRow(form2).slice(0, 5)).toEqual(["Итого, чел", null, null, 2, 2]);

    const form3 = sheetRows(wb, "Форма 3", 6);
    expect(totalRow(form3).slice(3, 5)).toEqual([0, 0]);

    const form4 = sheetRows(wb, "Форма 4", 7);
    expect(rowsBy(form4, 2, ["Точный старт"]).get("Точный старт")!.slice(3, 6)).toEqual([1, "Технологический колледж, Программирование, 2 курс", 1]);
    expect(totalRow(form4).slice(3, 6)).toEqual([1, null, 1]);

    const form5 = sheetRows(wb, "Форма 5", 7);
    expect(rowsBy(form5, 2, ["Профессия"]).get("Профессия")!.slice(3, 6)).toEqual([1, "ООО «Ромашка», Маркетолог", 0]);
    expect(totalRow(form5).slice(3, 6)).toEqual([1, null, 0]);

    const audit = await h.app.db.prisma.auditLog.findFirstOrThrow({ where: { actorId: curatorId, action: "curator.export", outcome: "allowed" } });
    expect(audit.details).toMatchObject({ format: "xlsx", mentors: 6, mentees: 8 });
  });

  it("/export csv sends one CSV per sheet, with ';' for Russian Excel", async () => {
    const mark = curator.messages().length;
    await curator.send("/export csv");
    const sent = curator.messages().slice(mark);
    expect(sent[0]!.text).toMatch(/Файлов CSV: \d+/);
    const files = sent.filter((m) => m.document && m.file);
    expect(files.map((m) => m.file!.filename)).toEqual(expect.arrayContaining(["nastavnik-2027-03-15-form2.csv", "nastavnik-2027-03-15-form1.csv"]));
    const form2 = files.find((m) => m.file!.filename.endsWith("-form2.csv"))!.file!.content.toString("utf8");
    expect(form2.startsWith("\uFEFF")).toBe(true);
    expect(form2).toContain("Омский район;МАОУ «СОШ № 46»;Шаг в профессию;1;2;Наставляемые участвуют в конкурсах\r\n");
    expect(form2).toContain("Итого, чел;;;2;2;\r\n");
  });

  it("/export P.<programme> exports that programme only", async () => {
    await curator.send(`/export P.${world.a2}`);
    const wb = await readWorkbook(curator.last().file!.content);
    const mentors = sheetRows(wb, "База наставников", 3);
    expect(mentors.slice(1).map((r) => r[0])).toEqual(["Наставник Лидера"]);
    const form2 = sheetRows(wb, "Форма 2", 6);
    expect(rowsBy(form2, 2, ["Лидер", "Шаг в профессию"]).size).toBe(1);
    expect(totalRow(form2).slice(3, 5)).toEqual([1, 1]);
  });

  it("refuses a curator of another programme, a mentor, a mentee and a stranger, with an audit record and no data", async () => {
    // A curator of another programme pressing forged buttons that name this curator's programme or participant.
    const forged: [string, string][] = [
      [`c|participant|${world.vova.participationId}`, "curator.participant"],
      [`c|participants|P.${world.a}`, "curator.participants"],
      [`c|meetings|P.${world.a}`, "curator.meetings"],
      [`c|invite|P.${world.a}.mentor`, "curator.invite"],
      [`c|stats|P.${world.a}`, "report.stats"],
      [`c|export|P.${world.a}`, "curator.export"],
      [`c|export|P.${world.a}.csv`, "curator.export"],
    ];
    const foreignId = (await h.app.db.prisma.messengerIdentity.findUniqueOrThrow({ where: { platform_externalId: { platform, externalId: foreignCurator.id } } })).personId;
    for (const [payload, action] of forged) {
      await foreignCurator.pressPayload(payload);
      expect(foreignCurator.last().text, payload).toBe(CURATOR_ONLY);
      expect(await h.app.db.prisma.auditLog.count({ where: { actorId: foreignId, action, outcome: "denied" } }), payload).toBeGreaterThanOrEqual(1);
    }
    // Their own export holds their programme only.
    await foreignCurator.send("/export");
    const wb = await readWorkbook(foreignCurator.last().file!.content);
    const everything = wb.worksheets.flatMap((s) => sheetRows(wb, s.name, 14).flat());
    expect(everything).toContain("Чужой Наставляемый");
    for (const name of ["Мария Иванова", "Вова Орлов", "Шаг в профессию", "МАОУ «СОШ № 46»"]) expect(everything).not.toContain(name);

    const mentor = h.user(platform, world.petr.userId);
    const mentee = h.user(platform, world.vova.userId);
    const stranger = h.user(platform);
    for (const [user, actorId] of [[mentor, world.petr.personId], [mentee, world.vova.personId], [stranger, null]] as const) {
      for (const [command, action, refusal] of [
        ["/participants", "curator.participants", CURATOR_ONLY],
        ["/participant 5", "curator.participant", CURATOR_ONLY],
        ["/meetings", "curator.meetings", CURATOR_ONLY],
        ["/invite", "curator.invite", CURATOR_ONLY],
        ["/stats", "report.stats", REPORTS_ONLY],
        ["/export", "report.export", REPORTS_ONLY],
      ] as const) {
        const before = await h.app.db.prisma.auditLog.count({ where: { actorId, action, outcome: "denied" } });
        const mark = user.messages().length;
        await user.send(command);
        const replies = user.messages().slice(mark);
        expect(replies.map((m) => m.text), `${command} by ${actorId ?? "stranger"}`).toEqual([refusal]);
        expect(replies.some((m) => m.document)).toBe(false);
        expect(await h.app.db.prisma.auditLog.count({ where: { actorId, action, outcome: "denied" } })).toBe(before + 1);
      }
    }
    // No invitation was made by anyone refused.
    expect(await h.app.db.prisma.invitation.count({ where: { programmeId: world.foreign } })).toBe(1);
  });
});
