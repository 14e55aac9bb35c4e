import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import { satisfactionScores } from "../../src/domain/form-scores.js";
import { allText, join, optionLabels, other, participationOf, seedPair, } from "./forms-support.js";

/**
 * Forms of a working pair: feedback after each meeting, the mentee's monthly and final
 * reports, the pulse and exit surveys, the satisfaction questionnaires — begun by the bot
 * (the scheduler's entry points) or from /forms.
 */
describe.each(ON_EVERY_PLATFORM)("forms of a working pair on %s", (platform) => {
  let h: Harness;
  let programmeId: string;
  let curator: TestUser;
  let mentor: TestUser;
  let mentee: TestUser;
  let mentorPerson: string;
  let menteePerson: string;
  let pairId: string;
  let meetingId: string;

  beforeAll(async () => {
    h = await startHarness();
    ({ programmeId } = await h.seedProgramme());
    curator = h.user(other(platform));
    await join(h, curator, programmeId, "curator", "Елена Куратор");
    mentor = h.user(platform);
    mentorPerson = await join(h, mentor, programmeId, "mentor", "Mary Ivanova", "en");
    mentee = h.user(platform);
    menteePerson = await join(h, mentee, programmeId, "mentee", "Петя Смирнов");
    const mentorP = await participationOf(h, mentorPerson, programmeId, "mentor");
    const menteeP = await participationOf(h, menteePerson, programmeId, "mentee");
    await h.app.db.prisma.participation.updateMany({ where: { id: { in: [mentorP.id, menteeP.id] } }, data: { status: "active" } });
    ({ pairId, meetingId } = await seedPair(h, { programmeId, mentorId: mentorP.id, menteeId: menteeP.id }));
  });
  afterAll(() => h?.close());

  it("feedback after a meeting is begun by the bot, asked of each side, and stored for the meeting", async () => {
    await h.app.services.outreach.startMeetingFeedback(menteePerson, meetingId);
    expect(mentee.last().text).toContain("Встреча состоялась?");
    expect(mentee.last().text).toContain("Mary Ivanova");
    // Begun twice (a retried job): asked once.
    const count = mentee.messages().length;
    await h.app.services.outreach.startMeetingFeedback(menteePerson, meetingId);
    expect(mentee.messages().length).toBe(count);
    await mentee.send("возможно");
    expect(mentee.last().text).toContain("Выберите ответ кнопкой");
    await mentee.press("Да");
    expect(optionLabels(mentee)).toEqual(["1", "2", "3", "4", "5", "◀ Назад"]);
    await mentee.send("7");
    expect(mentee.last().text).toContain("Выберите ответ кнопкой");
    await mentee.press("4");
    await mentee.send("Разобрали три задачи на дроби.");
    await mentee.send("Решить вариант олимпиады.");
    await mentee.send("Встречи слишком поздно вечером.");
    expect(mentee.messages().slice(-3).map((m) => m.text).join("\n")).toContain("Отзыв о встрече");
    await mentee.press("✅ Отправить");
    expect(mentee.last().text).toContain("Спасибо за отзыв");
    const r = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId: menteePerson, formId: "meeting-feedback" } });
    expect(r).toMatchObject({ subjectKey: meetingId, programmeId });
    expect(r.answers).toEqual({ happened: true, usefulness: 4, done: "Разобрали три задачи на дроби.", next: "Решить вариант олимпиады.", forCurator: "Встречи слишком поздно вечером." });
    // Answered: asking again is refused politely.
    await mentee.send(`/form fb.${meetingId}`);
    expect(mentee.last().text).toContain("Вы уже ответили на эту анкету");

    // The mentor (in English) says the meeting did not happen: other questions.
    await h.app.services.outreach.startMeetingFeedback(mentorPerson, meetingId);
    expect(mentor.last().text).toContain("Did the meeting take place?");
    expect(mentor.last().text).toContain("Петя Смирнов");
    await mentor.press("No");
    expect(mentor.last().text).toContain("Why did the meeting not take place?");
    await mentor.press("It was rescheduled");
    await mentor.press("Skip");
    await mentor.press("✅ Submit");
    const m = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId: mentorPerson, formId: "meeting-feedback" } });
    expect(m.answers).toEqual({ happened: false, notHeldReason: "rescheduled", forCurator: null });

    // The curator sees both, the note for the curator included.
    await curator.send("/participant 2");
    expect(allText(curator)).toContain("Встречи слишком поздно вечером.");
  });

  it("a form begun while the person is in the middle of another is offered for later, not forced in", async () => {
    const { id: second } = await h.app.db.prisma.meeting.create({
      data: { pairId, stage: "regular", startsAt: new Date(h.app.services.now().getTime() - 3_600_000), status: "held", proposedById: mentorPerson, createdAt: h.app.services.now() },
    });
    await mentee.send("/questionnaire");
    await mentee.press("Продолжить");
    expect(mentee.last().text).toContain("Сколько вам лет?");
    await h.app.services.outreach.startMeetingFeedback(menteePerson, second);
    expect(mentee.last().text).toContain("Для вас есть анкета «Отзыв о встрече»");
    // The questionnaire goes on undisturbed.
    await mentee.send("12");
    expect(mentee.last().text).toContain("В каком вы классе?");
    await mentee.press("📝 Ответить");
    expect(mentee.last().text).toContain("Встреча состоялась?");
    await mentee.press("Нет");
    await mentee.press("Не пришёл партнёр");
    await mentee.press("Пропустить");
    await mentee.press("✅ Отправить");
    // Then the interrupted questionnaire resumes where it stopped.
    expect(mentee.last().text).toContain("Продолжим с того места, где остановились");
    expect(mentee.last().text).toContain("В каком вы классе?");
    await mentee.send("/cancel");
    await mentee.press("Остановить и удалить ответы");
  });

  it("/forms lists what is waiting; the monthly report goes to the mentor in the mentor's language", async () => {
    await mentee.send("/forms");
    const list = mentee.last().text;
    expect(list).toContain("Заявка наставляемого — «Шаг в профессию»");
    expect(list).toContain("Отчёт за месяц наставнику (Mary Ivanova)");
    expect(list).toContain("Как идёт работа в паре (Mary Ivanova)");
    expect(list).not.toContain("Итоговый отчёт");
    await mentee.press("Отчёт за месяц наставнику (Mary Ivanova)");
    expect(mentee.last().text).toContain("Насколько выполнен индивидуальный план за этот месяц?");
    expect(mentee.last().text).toContain("увидит ваш наставник: Mary Ivanova");
    await mentee.press("4");
    await mentee.send("Научился решать задачи на проценты.");
    await mentee.press("Пропустить");
    await mentee.send("Школьная олимпиада по математике.");
    await mentee.send("Подготовиться к муниципальному этапу.");
    await mentee.press("Пропустить");
    await mentee.press("✅ Отправить");
    expect(mentee.last().text).toContain("Отчёт отправлен наставнику (Mary Ivanova)");
    const report = mentor.last().text;
    expect(report).toMatch(/^Report of your mentee Петя Смирнов for \d\d\.\d{4}:/);
    expect(report).toContain("How much of the individual plan was done this month?\n  4 / 5");
    expect(report).toContain("Научился решать задачи на проценты.");
    const r = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId: menteePerson, formId: "monthly-report" } });
    expect(r.subjectKey).toMatch(new RegExp(`^${pairId}:\\d{4}-\\d{2}$`));
    await mentee.send("/forms");
    expect(mentee.last().text).not.toContain("Отчёт за месяц");
    // Only the mentee reports.
    await mentor.send(`/form mr.${pairId}`);
    expect(mentor.last().text).toContain("meant for other participants");
  });

  it("pulse and exit surveys store numeric scores; the final report reaches the curator", async () => {
    await h.app.services.outreach.startPulseSurvey(mentorPerson, pairId);
    expect(mentor.last().text).toContain("How happy are you with how the work in your pair is going?");
    await mentor.press("5");
    await mentor.press("Not always");
    await mentor.send("Hard to find a time.");
    await mentor.press("✅ Submit");
    const pulse = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId: mentorPerson, formId: "pulse-survey" } });
    expect(pulse.answers).toEqual({ satisfaction: 5, regular: "sometimes", concern: "Hard to find a time." });

    await h.app.db.prisma.pair.update({ where: { id: pairId }, data: { status: "ended_early", endedAt: new Date(), endReason: "moved" } });
    await h.app.services.outreach.startExitSurvey(menteePerson, pairId);
    expect(mentee.last().text).toContain("Почему работа в паре завершилась раньше срока?");
    await mentee.press("Переезд");
    await mentee.press("3");
    await mentee.press("Пропустить");
    await mentee.press("Да");
    await mentee.press("Пропустить");
    await mentee.press("✅ Отправить");
    const exit = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId: menteePerson, formId: "exit-survey" } });
    expect(exit.answers).toMatchObject({ reason: "moved", satisfaction: 3, continue: "yes" });

    await h.app.db.prisma.programme.update({ where: { id: programmeId }, data: { status: "finished" } });
    await mentee.send("/forms");
    expect(mentee.last().text).toContain("Итоговый отчёт по индивидуальному плану");
    await mentee.press("Итоговый отчёт по индивидуальному плану");
    expect(mentee.last().text).toContain("Выполнен ли индивидуальный план наставничества?");
    await mentee.press("В основном");
    await mentee.send("Выиграл муниципальный этап олимпиады.");
    await mentee.press("5");
    await mentee.send("Разбор ошибок после каждой задачи.");
    await mentee.press("Пропустить");
    await mentee.press("✅ Отправить");
    expect(mentee.last().text).toContain("Итоговый отчёт отправлен куратору");
    expect(curator.last().text).toContain("Итоговый отчёт по программе «Шаг в профессию» от наставляемого: Петя Смирнов");
  });

  it("satisfaction questionnaires: the curator opens them, mentor and mentee answer on 1–5 scales usable for the indicators", async () => {
    await curator.send("/survey_open satisfaction");
    expect(curator.last().text).toContain("Опрос удовлетворённости открыт");
    expect(mentee.last().text).toContain("подходит к концу");
    expect(mentor.last().text).toContain("is coming to an end");
    await mentee.press("📝 Ответить");
    expect(mentee.last().text).toContain("Насколько в целом вы удовлетворены участием в программе наставничества?");
    expect(mentee.last().text).toContain("1 — совсем не устраивает, 5 — полностью устраивает");
    for (const score of ["4", "5", "3", "4", "5"]) await mentee.press(score);
    await mentee.press("Пока не знаю");
    await mentee.send("Больше встреч очно.");
    await mentee.press("✅ Отправить");
    await mentor.press("📝 Answer");
    for (const score of ["5", "4", "5", "4", "5"]) await mentor.press(score);
    await mentor.press("Yes");
    await mentor.press("Skip");
    await mentor.press("✅ Submit");
    // Answered once per round.
    await mentee.press("📝 Ответить");
    expect(mentee.last().text).toContain("Вы уже ответили на эту анкету");

    const responses = await h.app.db.prisma.formResponse.findMany({ where: { programmeId, formId: { startsWith: "satisfaction-" } } });
    expect(responses).toHaveLength(2);
    const scores = satisfactionScores(responses.map((r) => ({ personId: r.personId, programmeId, formId: r.formId, answers: r.answers as Record<string, unknown> })));
    expect(scores.sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { personId: menteePerson, programmeId, role: "mentee", score: 4, min: 1, max: 5 },
      { personId: mentorPerson, programmeId, role: "mentor", score: 5, min: 1, max: 5 },
    ]);
    await curator.send("/survey_close satisfaction");
    expect(curator.last().text).toContain("Ответили: 2");
  });
});
