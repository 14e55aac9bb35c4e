import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import { allText, join, optionLabels, other, participationOf, pick, quickMenteeRequest, seedParticipant } from "./forms-support.js";

describe.each(ON_EVERY_PLATFORM)("the curator's side on %s", (platform) => {
  let h: Harness;
  let programmeId: string;
  let otherProgramme: string;
  let curator: TestUser;
  let mentor: TestUser;
  let mentee: TestUser;
  let mentorId: string;
  let menteeId: string;

  beforeAll(async () => {
    h = await startHarness();
    ({ programmeId } = await h.seedProgramme());
    ({ programmeId: otherProgramme } = await h.seedProgramme({ name: "Чужая программа" }));
    // The curator writes from one messenger, the participants from the other.
    curator = h.user(platform);
    await join(h, curator, programmeId, "curator", "Елена Куратор");
    mentor = h.user(other(platform));
    mentorId = await join(h, mentor, programmeId, "mentor", "Мария Иванова");
    mentee = h.user(other(platform));
    menteeId = await join(h, mentee, programmeId, "mentee", "Петя Смирнов");
    await quickMenteeRequest(mentee);
  });
  afterAll(() => h?.close());

  it("curator commands refuse anyone who is not a curator of that programme, and the refusal is audited", async () => {
    for (const [command, action] of [
      ["/participants", "curator.participants"],
      ["/participant 1", "curator.participant"],
      ["/interview 1", "curator.interview"],
      ["/survey_open", "curator.survey_open"],
      ["/survey_close", "curator.survey_close"],
    ] as const) {
      await mentee.send(command);
      expect(mentee.last().text).toBe("Эта команда доступна только куратору программы.");
      expect(await h.app.db.prisma.auditLog.count({ where: { actorId: menteeId, action, outcome: "denied" } })).toBe(1);
    }
    // A forged button naming a participant of a programme the person does not curate.
    const { participationId } = await seedParticipant(h, { programmeId: otherProgramme, role: "mentor", name: "Чужой Наставник" });
    await curator.pressPayload(`c|participant|${participationId}`);
    expect(curator.last().text).toBe("Эта команда доступна только куратору программы.");
    expect(await h.app.db.prisma.auditLog.findFirst({ where: { action: "curator.participant", outcome: "denied", targetId: participationId } })).not.toBeNull();
    await curator.pressPayload(`c|participants|P.${otherProgramme}`);
    expect(curator.last().text).toBe("Эта команда доступна только куратору программы.");
    // Someone who never joined anything.
    const stranger = h.user(platform);
    await stranger.send("/participants");
    expect(stranger.last().text).toBe("Эта команда доступна только куратору программы.");
  });

  it("/participants lists mentors and mentees, who has not filled in the form; a button shows the answers", async () => {
    await curator.send("/help");
    expect(curator.last().text).toContain("Кураторам:\n/participants — участники программы и кто ещё не заполнил анкету");
    await curator.send("/participants");
    const list = curator.last().text;
    expect(list).toContain("«Шаг в профессию»: наставников — 1, наставляемых — 1");
    expect(list).toContain("1. Мария Иванова — в программе, до собеседования или подбора; анкета не заполнена");
    expect(list).toContain("2. Петя Смирнов — в программе, до собеседования или подбора; анкета ✓");
    expect(list).toContain("Не заполнили анкету: 1 (№ 1)");
    await curator.press("2. Петя Смирнов");
    const card = allText(curator);
    expect(card).toContain("№ 2. Петя Смирнов — наставляемый");
    expect(card).toContain("Заявка наставляемого");
    expect(card).toContain("Чего вы хотите достичь в программе наставничества?\n  Научиться программировать.");
    expect(card).toContain("Каких знаний и умений вам не хватает?\n  Информатика");
    await curator.send("/participant 1");
    expect(curator.last().text).toContain("Анкета наставника\nещё не заполнена");
    await curator.send("/participant 7");
    expect(curator.last().text).toContain("Участника с номером 7 нет");
    expect(await h.app.db.prisma.auditLog.count({ where: { action: "curator.participant", outcome: "allowed" } })).toBeGreaterThanOrEqual(2);
  });

  it("the interview approves the mentor, who is told in their own messenger; only approved mentors appear in the mutual choice", async () => {
    await curator.send("/participant 1");
    await curator.press("🗣 Записать собеседование");
    expect(curator.last().text).toContain("Кандидат: Мария Иванова");
    expect(curator.last().text).toContain("Позволяет ли распорядок дня");
    await curator.press("Да");
    await curator.press("Да");
    await curator.send("Спокойная, внимательная, готова к двум встречам в месяц.");
    await curator.press("✅ Одобрить");
    expect(curator.messages().slice(-3).map((m) => m.text).join("\n")).toContain("Проверьте ответы: «Собеседование с кандидатом в наставники»");
    await curator.press("✅ Отправить");
    expect(curator.last().text).toContain("Мария Иванова — наставник программы");
    expect((await participationOf(h, mentorId, programmeId, "mentor")).status).toBe("approved");
    expect(mentor.last().text).toContain("вы — наставник программы");
    expect(mentor.platform).toBe(other(platform));
    const interview = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId: mentorId, formId: "mentor-interview" } });
    expect(interview.answers).toMatchObject({ hasTime: true, understandsRole: true, decision: "approve" });
    await curator.send("/participant 1");
    expect(curator.last().text).toContain("Спокойная, внимательная");
    // A mentor already approved and then declined is told again; the same decision twice is not.
    const before = mentor.messages().length;
    await curator.send("/interview 1");
    await curator.press("Нет");
    await curator.press("Да");
    await curator.press("Пропустить");
    await curator.press("✖️ Отказать");
    await curator.press("✅ Отправить");
    expect((await participationOf(h, mentorId, programmeId, "mentor")).status).toBe("declined");
    expect(mentor.last().text).toContain("решил пока не включать вас");
    expect(mentor.messages().length).toBe(before + 1);
    await curator.send("/interview 1");
    await curator.press("Да");
    await curator.press("Да");
    await curator.press("Пропустить");
    await curator.press("✅ Одобрить");
    await curator.press("✅ Отправить");
    expect((await participationOf(h, mentorId, programmeId, "mentor")).status).toBe("approved");
    expect(await h.app.db.prisma.auditLog.count({ where: { action: "curator.interview", outcome: "allowed" } })).toBe(3);
    // Interviewing a mentee makes no sense.
    await curator.send("/interview 2");
    expect(curator.last().text).toContain("только с кандидатами в наставники");
  });

  it("the mutual-choice survey: opening notifies participants; each ranks people of the programme, paginated; closing stops it", async () => {
    // Eleven more approved mentors (a list longer than a VK keyboard) and one not approved.
    const extra = [];
    for (let i = 1; i <= 11; i++) extra.push(await seedParticipant(h, { programmeId, role: "mentor", name: `Наставник ${String(i).padStart(2, "0")}`, status: "approved", platform: other(platform) }));
    await seedParticipant(h, { programmeId, role: "mentor", name: "Не прошёл Собеседование", status: "declined", platform: other(platform) });
    await curator.send("/survey_open");
    expect(curator.last().text).toContain("Опрос взаимного выбора открыт");
    const round = await h.app.db.prisma.surveyRound.findFirstOrThrow({ where: { programmeId, kind: "mutual_choice", closedAt: null } });
    expect(mentee.last().text).toContain("выберите, с кем из наставников вы хотели бы работать");
    expect(mentor.last().text).toContain("выберите, с кем из наставляемых вы хотели бы работать");
    // Opening again keeps the one round.
    await curator.send("/survey_open");
    expect(curator.last().text).toContain("уже открыт");
    expect(await h.app.db.prisma.surveyRound.count({ where: { programmeId } })).toBe(1);

    await mentee.press("📝 Ответить");
    await mentee.press("Продолжить");
    expect(mentee.last().text).toContain("С кем из наставников вы бы хотели работать");
    const labels = optionLabels(mentee);
    expect(labels).toContain("Мария Иванова");
    expect(labels).not.toContain("Не прошёл Собеседование");
    expect(labels).not.toContain("Петя Смирнов");
    if (mentee.platform === "vk") expect(mentee.last().buttons.flat().length).toBeLessThanOrEqual(10);
    expect(labels).toContain(mentee.platform === "vk" ? "Ещё ▶" : "Наставник 05");
    await pick(mentee, "Наставник 11"); // on a later page
    await mentee.press("Мария Иванова");
    expect(mentee.last().text).toContain("1) Наставник 11\n2) Мария Иванова");
    await mentee.press("Готово");
    expect(mentee.last().text).toContain("Кто может помочь вам достичь желаемых целей?");
    await mentee.send("Мария Иванова");
    expect(mentee.last().text).toContain("Выберите ответ кнопкой");
    await pick(mentee, "Мария Иванова");
    await pick(mentee, "Наставник 03");
    await pick(mentee, "Наставник 01"); // the third pick ends the question
    const summary = mentee.messages().slice(-3).map((m) => m.text).join("\n");
    expect(summary).toContain("1) Мария Иванова; 2) Наставник 03; 3) Наставник 01");
    await mentee.press("✅ Отправить");
    expect(mentee.last().text).toContain("Ваш выбор сохранён");

    const mentorParticipation = await participationOf(h, mentorId, programmeId, "mentor");
    const menteeParticipation = await participationOf(h, menteeId, programmeId, "mentee");
    const prefs = await h.app.db.prisma.preference.findMany({ where: { fromId: menteeParticipation.id }, orderBy: [{ question: "desc" }, { rank: "asc" }] });
    expect(prefs.map((p) => [p.question, p.rank, p.toId])).toEqual([
      ["work_with", 1, extra[10]!.participationId],
      ["work_with", 2, mentorParticipation.id],
      ["can_help", 1, mentorParticipation.id],
      ["can_help", 2, extra[2]!.participationId],
      ["can_help", 3, extra[0]!.participationId],
    ]);

    // The mentor picks from the mentees.
    await mentor.press("📝 Ответить");
    await mentor.press("Продолжить");
    expect(optionLabels(mentor)).toEqual(expect.arrayContaining(["Петя Смирнов"]));
    await mentor.press("Петя Смирнов");
    expect(mentor.last().text).toContain("Кому вы сможете помочь");
    await mentor.press("Петя Смирнов");
    await mentor.press("✅ Отправить");
    expect(await h.app.db.prisma.preference.count({ where: { fromId: mentorParticipation.id } })).toBe(2);

    // The curator sees who answered and the choices.
    await curator.send("/participants");
    expect(curator.last().text).toMatch(/Опрос взаимного выбора открыт с \d\d\.\d\d\.\d{4}: ответили 2 из 13/);
    await curator.send("/participant 2");
    expect(curator.last().text).toContain("С какими наставниками хочет работать: 1) Наставник 11; 2) Мария Иванова");

    // One of the extra mentors starts answering; the curator closes the survey meanwhile.
    const late = h.user(other(platform), extra[4]!.userId);
    await late.press("📝 Ответить");
    await late.press("Продолжить");
    await curator.send("/survey_close");
    expect(curator.last().text).toContain("Опрос закрыт. Ответили: 2");
    await late.press("Петя Смирнов");
    await late.press("Петя Смирнов");
    await late.press("✅ Отправить");
    expect(late.last().text).toContain("Опрос уже закрыт куратором — ответы не сохранены");
    expect(await h.app.db.prisma.preference.count({ where: { fromId: extra[4]!.participationId } })).toBe(0);
    await mentee.send(`/form mc.${round.id}`);
    expect(mentee.last().text).toContain("Опрос уже закрыт куратором");
  });

  it("a participant who blocked the bot in one messenger is told in the other; one reachable nowhere is reported to the curator", async () => {
    const both = await seedParticipant(h, { programmeId, role: "mentee", name: "Два Мессенджера", platform: "telegram" });
    const vkId = String(Number(both.userId) + 1);
    await h.app.db.prisma.messengerIdentity.create({ data: { personId: both.personId, platform: "vk", externalId: vkId, chatId: vkId, createdAt: h.app.services.now() } });
    const nowhere = await seedParticipant(h, { programmeId, role: "mentee", name: "Заблокировал Бота", platform: "telegram" });
    const blocked = { error_code: 403, description: "Forbidden: bot was blocked by the user" };
    h.tg.failNext("sendMessage", blocked, { chatId: both.userId });
    h.tg.failNext("sendMessage", blocked, { chatId: nowhere.userId });
    const mark = curator.mark();
    await curator.send("/survey_open satisfaction");
    const total = (await h.app.services.surveys.audience(programmeId, "satisfaction")).length;
    // The curator is answered at once; the one the bot cannot reach anywhere is reported when the delivery finds it out.
    const told = curator.since(mark);
    expect(told[0]).toContain(`Приглашение отправлено ${total} из ${total} участников.`);
    expect(told.filter((t) => t.includes("Не получается доставить сообщения участнику Заблокировал Бота"))).toHaveLength(1);
    expect(h.user("vk", vkId).last().text).toContain("подходит к концу");
    const identities = await h.app.db.prisma.messengerIdentity.findMany({ where: { personId: { in: [both.personId, nowhere.personId] } }, orderBy: { platform: "asc" } });
    expect(identities.map((i) => [i.personId === both.personId ? "both" : "nowhere", i.platform, i.unreachable])).toEqual(
      expect.arrayContaining([["both", "telegram", true], ["both", "vk", false], ["nowhere", "telegram", true]]),
    );
    expect(await h.app.db.prisma.notification.count({ where: { personId: nowhere.personId, status: "unreachable" } })).toBe(1);
    await curator.send("/survey_close satisfaction");
  });

  it("a curator of several programmes is asked which one, and buttons carry the choice", async () => {
    const second = h.user(platform);
    await join(h, second, programmeId, "curator", "Второй Куратор");
    const code = await h.invite(otherProgramme, "curator");
    await second.open(code);
    // The other programme is another organisation's: its operator's consent document comes first.
    expect(second.messages().some((m) => m.file?.filename.startsWith("consent-"))).toBe(true);
    await second.press("Даю согласие");
    await second.send("/participants");
    expect(second.last().text).toContain("Вы куратор нескольких программ");
    await second.press("Чужая программа");
    expect(second.last().text).toContain("«Чужая программа»: наставников — 1");
  });
});
