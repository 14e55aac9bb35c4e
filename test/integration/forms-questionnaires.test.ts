import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { matchingProfile } from "../../src/domain/form-profile.js";
import { allText, answerMentorQuestionnaire, join, optionLabels, participationOf, personOf, pick, tick } from "./forms-support.js";

describe.each(ON_EVERY_PLATFORM)("questionnaires on %s", (platform) => {
  let h: Harness;
  let pupils: string;
  let teachers: string;

  beforeAll(async () => {
    h = await startHarness();
    ({ programmeId: pupils } = await h.seedProgramme());
    ({ programmeId: teachers } = await h.seedProgramme({ name: "Молодой педагог", form: "teacher_teacher" }));
  });
  afterAll(() => h?.close());

  it("joining offers the questionnaire; the mentor answers one question at a time with progress and submits after the summary", async () => {
    const u = h.user(platform);
    const personId = await join(h, u, pupils, "mentor", "Мария Иванова");
    expect(allText(u)).toContain("/questionnaire");
    await u.send("/help");
    expect(u.last().text).toContain("/questionnaire — заполнить или изменить анкету");
    expect(u.last().text).toContain("/profile — моя анкета: посмотреть и изменить");
    expect(u.last().text).not.toContain("/participants");
    expect(u.last().text).not.toContain("/form ");
    await u.send("/questionnaire");
    expect(u.last().text).toContain("Анкета наставника");
    await u.press("Продолжить");
    expect(u.last().text).toMatch(/^Вопрос 1 из 17\n\nВ каком вы классе\?/);
    await u.press("10 класс");
    expect(u.last().text).toContain("Вопрос 2 из 17");
    // Back returns to the previous question with its answer shown.
    await u.press("◀ Назад");
    expect(u.last().text).toContain("Сейчас ответ: 10 класс");
    await u.press("11 класс");
    await u.send("Призёр региональной олимпиады по математике.");
    await u.press("Да");
    await u.send("Хочу помочь младшим полюбить математику.");
    await u.send("Чтобы наставляемый сам решал олимпиадные задачи.");
    expect(u.last().text).toContain("Вопрос 6 из 17");
    await tick(u, "Спорт", "Программирование");
    await u.press("Пропустить");
    await tick(u, "Математика", "Информатика");
    await tick(u);
    await tick(u, "Выбор профессии");
    await u.press("Пропустить");
    await tick(u, "5 класс");
    await u.send("3");
    await tick(u, "Пн", "Ср");
    await tick(u, "Днём (12–17)");
    await u.press("Два раза в месяц");
    await tick(u, "Онлайн");
    const summary = u.messages().slice(-3).map((m) => m.text).join("\n");
    expect(summary).toContain("Проверьте ответы: «Анкета наставника»");
    expect(summary).toContain("11 класс");
    expect(summary).toContain("Спорт, Программирование");
    expect(await h.app.db.prisma.formResponse.count({ where: { personId } })).toBe(0);
    await u.press("✅ Отправить");
    expect(u.last().text).toContain("Анкета наставника отправлена куратору");

    const response = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId, formId: "mentor-questionnaire" } });
    expect(response).toMatchObject({ programmeId: pupils, formVersion: 1, status: "submitted", subjectKey: "" });
    expect(response.answers).toMatchObject({
      grade: "11",
      mentoredBefore: true,
      interests: ["sport", "programming"],
      hobbies: null,
      helpEducational: ["math", "informatics"],
      helpSocial: [],
      helpProfessional: ["career_choice"],
      menteePreferences: null,
      preferredGrades: ["5"],
      capacity: 3,
      days: ["mon", "wed"],
      times: ["afternoon"],
      frequency: "twice_month",
      formats: ["online"],
    });
    expect(response.answers).not.toHaveProperty("position");
    expect((await participationOf(h, personId, pupils, "mentor")).capacity).toBe(3);
    expect(matchingProfile(response.formId, response.answers as any)).toMatchObject({
      role: "mentor",
      topics: { educational: ["math", "informatics"], social: [], professional: ["career_choice"] },
      slots: ["mon-afternoon", "wed-afternoon"],
      grades: ["5"],
      capacity: 3,
    });
    expect(await h.app.db.prisma.conversation.count({ where: { personId } })).toBe(0);
  });

  it("wrong answers at every step type get a clear re-ask and lose nothing", async () => {
    const u = h.user(platform);
    const personId = await join(h, u, pupils, "mentor", "Пётр Сидоров");
    await u.send("/questionnaire");
    await u.sendSticker(); // a sticker at the introduction
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.press("Продолжить");
    await u.sendSticker();
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.send("десятый");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    const gradePrompt = u.last();
    await u.send("10 класс"); // a label typed as text is accepted
    await u.pressOn(gradePrompt.id, "9 класс"); // stale button of the answered question
    expect(u.messages().some((m) => m.text.startsWith("Эта кнопка из старого сообщения"))).toBe(true);
    expect(u.last().text).toContain("Расскажите о своём опыте");
    await u.sendSticker();
    expect(u.last().text).toContain("стикеры, фото и голосовые сообщения не подойдут");
    await u.send("x".repeat(10_000));
    expect(u.last().text).toMatch(/не больше 1\s000 символов/);
    await u.send("Опыт");
    await u.send("может быть");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.press("Нет");
    await u.send("Мотивация");
    await u.send("Намерения");
    await u.send("спорт");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.press("Готово");
    expect(u.last().text).toContain("Выберите хотя бы 1");
    await u.send("/skip");
    expect(u.last().text).toContain("обязательный");
    await tick(u, "Спорт");
    await u.press("Пропустить");
    await tick(u);
    await tick(u);
    await tick(u);
    await u.press("Пропустить");
    await tick(u);
    for (const wrong of ["много", "0", "11", "2.5"]) {
      await u.send(wrong);
      expect(u.last().text).toContain("Нужно целое число от 1 до 10");
    }
    await u.sendSticker();
    expect(u.last().text).toContain("нужно число");
    await u.send("1");
    await tick(u, "Сб");
    await tick(u, "Утром (до 12)");
    await u.send("/frobnicate");
    expect(u.last().text).toContain("Как часто");
    await u.press("Раз в месяц");
    await tick(u, "Очно");
    await u.send("отправить");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.press("✅ Отправить");
    const response = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId, formId: "mentor-questionnaire" } });
    expect(response.answers).toMatchObject({ grade: "10", experience: "Опыт", mentoredBefore: false, motivation: "Мотивация", intentions: "Намерения", interests: ["sport"], capacity: 1, days: ["sat"], times: ["morning"], frequency: "monthly", formats: ["offline"] });
  });

  it("an age under 18 in the request of someone who joined as an adult asks the legal representative's consent before anything else is kept", async () => {
    const u = h.user(platform);
    await u.open(await h.invite(pupils, "mentee"));
    await u.press("Русский");
    await u.press("18 лет и старше");
    await u.press("Даю согласие");
    await u.send("Костя Белов");
    const personId = await personOf(h, u);
    await u.send("/questionnaire");
    await u.press("Продолжить");
    await u.send("14");
    expect(u.last().text).toContain("согласие законного представителя");
    expect(u.last().buttons.flat().map((b) => b.label)).not.toContain("◀ Назад");
    expect((await h.app.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).isMinor).toBe(true);
    await u.send("Белова Анна Игоревна");
    await u.press("Мать");
    // Typing "да" is not the representative's consent.
    await u.send("да");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.press("Не даю согласия");
    expect(u.last().text).toContain("заявку сохранить нельзя");
    expect(await h.app.db.prisma.conversation.count({ where: { personId } })).toBe(0);
    expect(await h.app.db.prisma.formResponse.count({ where: { personId } })).toBe(0);
    expect(await h.app.db.prisma.consent.count({ where: { personId, kind: "legal_representative" } })).toBe(0);

    await u.send("/questionnaire");
    await u.press("Продолжить");
    await u.send("14");
    await u.send("Белова Анна Игоревна");
    await u.press("Мать");
    await u.press("Даю согласие");
    expect(u.last().text).toContain("В каком вы классе?");
    const consent = await h.app.db.prisma.consent.findFirstOrThrow({ where: { personId, kind: "legal_representative" } });
    expect(consent.representativeName).toBe("Белова Анна Игоревна");
    // Someone with the representative's consent is not asked again.
    await u.send("/cancel");
    await u.press("Остановить и удалить ответы");
    await u.send("/questionnaire");
    await u.press("Продолжить");
    await u.send("13");
    expect(u.last().text).toContain("В каком вы классе?");
  });

  it("/cancel asks before deleting answers not yet sent; going on keeps them, and the old stop button stops nothing later", async () => {
    const u = h.user(platform);
    const personId = await join(h, u, pupils, "mentee", "Оля Ким");
    await u.send("/questionnaire");
    await u.press("Продолжить");
    await u.send("12");
    await u.press("6 класс");
    await u.send("/cancel");
    expect(u.last().text).toContain("Остановить «Заявка наставляемого»? Ответы, которые вы ещё не отправили, удалятся");
    await u.press("Продолжить анкету");
    expect(u.last().text).toContain("Чего вы хотите достичь");
    expect(((await h.app.db.prisma.conversation.findFirstOrThrow({ where: { personId } })).state as any).answers).toMatchObject({ age: 12, grade: "6" });
    // Leaving without /cancel keeps everything: /questionnaire goes on from the same question.
    await u.send("/questionnaire");
    expect(u.last().text).toContain("Чего вы хотите достичь");
    await u.send("/cancel");
    const confirmation = u.last().id;
    await u.press("Остановить и удалить ответы");
    expect(u.last().text).toContain("Неотправленные ответы удалены");
    expect(await h.app.db.prisma.conversation.count({ where: { personId } })).toBe(0);
    // A new run of the form: the earlier confirmation's button does not stop it.
    await u.send("/questionnaire");
    await u.press("Продолжить");
    await u.send("12");
    await u.pressOn(confirmation, "Остановить и удалить ответы");
    expect(u.last().text).toContain("В каком вы классе?");
    expect(await h.app.db.prisma.conversation.count({ where: { personId } })).toBe(1);
  });

  it("progress survives a restart of the bot in the middle of the form", async () => {
    const u = h.user(platform);
    const personId = await join(h, u, pupils, "mentee", "Аня Петрова");
    await u.send("/questionnaire");
    expect(u.last().text).toContain("Заявка наставляемого");
    await u.press("Продолжить");
    await u.send("13");
    await u.press("7 класс");
    await u.send("Хочу подготовиться к олимпиаде по биологии.");
    const before = await h.app.db.prisma.conversation.findFirstOrThrow({ where: { personId } });
    expect((before.state as any).answers).toMatchObject({ age: 13, grade: "7" });

    await h.restart();

    await u.send("Нужна помощь с задачами повышенной сложности.");
    expect(u.last().text).toContain("Каких знаний и умений вам не хватает");
    await tick(u, "Биология", "Олимпиады и конкурсы");
    await tick(u, "Уверенность в себе");
    await u.press("Пропустить");
    await tick(u, "Природа, экология");
    await u.send("Рисую акварелью.");
    await u.press("Пропустить");
    await tick(u, "Сб");
    await tick(u, "Утром (до 12)");
    await u.press("Раз в неделю");
    await tick(u, "Онлайн");
    await u.press("✅ Отправить");
    expect(u.last().text).toContain("Заявка отправлена куратору");
    const response = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId, formId: "mentee-request" } });
    expect(response.answers).toMatchObject({
      age: 13,
      grade: "7",
      goals: "Хочу подготовиться к олимпиаде по биологии.",
      helpWanted: "Нужна помощь с задачами повышенной сложности.",
      deficitsEducational: ["biology", "olympiad_prep"],
      deficitsSocial: ["self_confidence"],
      deficitsProfessional: null,
      interests: ["nature"],
      hobbies: "Рисую акварелью.",
      mentorProfile: null,
    });
    expect(matchingProfile("mentee-request", response.answers as any)).toMatchObject({ role: "mentee", grades: ["7"], topics: { educational: ["biology", "olympiad_prep"] }, slots: ["sat-morning"] });
  });

  it("the programme's form decides the questions: a young teacher's request asks position and experience, not age and grade", async () => {
    const u = h.user(platform);
    const personId = await join(h, u, teachers, "mentee", "Ольга Смирнова");
    await u.send("/questionnaire");
    await u.press("Продолжить");
    expect(u.last().text).toContain("Ваша должность");
    await u.send("Учитель истории");
    expect(u.last().text).toContain("Сколько лет вы работаете педагогом");
    await u.send("1");
    await u.send("Освоить работу с классом.");
    await u.send("Дисциплина на уроках.");
    expect(optionLabels(u)).toContain("Современные методики обучения");
    expect(optionLabels(u)).not.toContain("Физика");
    await tick(u, "Современные методики обучения");
    await tick(u);
    await pick(u, "Дисциплина на уроке");
    await u.press("✓ Дисциплина на уроке"); // untick: ticks toggle
    await tick(u, "Дисциплина на уроке", "Работа с родителями");
    await tick(u, "История, краеведение");
    await u.press("Пропустить");
    await u.send("Опытный учитель истории.");
    await tick(u, "Пн");
    await tick(u, "Днём (12–17)");
    await u.press("Раз в неделю");
    await tick(u, "Очно");
    await u.press("✅ Отправить");
    const response = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId, formId: "mentee-request" } });
    expect(response.answers).toMatchObject({ position: "Учитель истории", experienceYears: 1, deficitsEducationalTeacher: ["modern_methods"], deficitsProfessionalTeacher: ["classroom_management", "parents_communication"] });
    expect(response.answers).not.toHaveProperty("age");
    expect(matchingProfile("mentee-request", response.answers as any)).toMatchObject({ experience: ["1-3"], topics: { professional: ["classroom_management", "parents_communication"] } });
  });

  it("/profile shows the answers and lets the person change one and submit again; a multi-choice answer keeps its ticks", async () => {
    const u = h.user(platform);
    const personId = await join(h, u, pupils, "mentor", "Иван Кузнецов");
    await u.send("/questionnaire");
    await answerMentorQuestionnaire(u);
    await u.press("✅ Отправить");
    await u.send("/profile");
    const profile = allText(u);
    expect(profile).toContain("«Шаг в профессию» — наставник");
    expect(profile).toContain("Скольких наставляемых вы готовы взять?\n  2");
    expect(profile).toContain("Спорт, Шахматы, настольные игры");
    await u.press("✏️ Изменить анкету");
    expect(u.messages().slice(-3).map((m) => m.text).join("\n")).toContain("Проверьте ответы");
    await u.press("✏️ Изменить ответ");
    await pick(u, "6"); // the interests question
    expect(optionLabels(u)).toContain("✓ Спорт");
    expect(u.last().text).toContain("Выбрано: 2");
    await tick(u, "Музыка");
    await u.press("✏️ Изменить ответ");
    await pick(u, "13"); // capacity
    await u.send("4");
    await u.press("✅ Отправить");
    expect(u.last().text).toContain("Изменения сохранены");
    const responses = await h.app.db.prisma.formResponse.findMany({ where: { personId } });
    expect(responses).toHaveLength(1);
    expect(responses[0]!.answers).toMatchObject({ interests: ["sport", "music", "games"], capacity: 4, grade: "10" });
    expect((await participationOf(h, personId, pupils, "mentor")).capacity).toBe(4);
  });

  it("answers given to an earlier version of the form stay readable, and updating them asks only what the new version lacks", async () => {
    const u = h.user(platform);
    const personId = await join(h, u, pupils, "mentee", "Костя Белов");
    await h.app.db.prisma.formResponse.create({
      data: {
        personId,
        programmeId: pupils,
        formId: "mentee-request",
        formVersion: 0,
        status: "submitted",
        submittedAt: h.app.services.now(),
        createdAt: h.app.services.now(),
        updatedAt: h.app.services.now(),
        answers: { age: 12, grade: "6", goals: "Подтянуть математику", helpWanted: "Дроби", interests: ["sport", "no-longer-a-code"], days: ["mon"], times: ["evening"], frequency: "weekly", formats: ["offline"], favouriteSubject: "Физкультура" },
      },
    });
    await u.send("/profile");
    const profile = allText(u);
    expect(profile).toContain("Подтянуть математику");
    expect(profile).toContain("Ответы на вопросы прежней версии анкеты:");
    expect(profile).toContain("favouriteSubject: Физкультура");
    await u.press("✏️ Изменить анкету");
    // Questions the earlier version had no answers for are asked, then the summary.
    expect(u.last().text).toContain("Каких знаний и умений вам не хватает");
    await tick(u, "Математика");
    await u.press("Пропустить");
    await u.press("Пропустить");
    // The interests kept their valid code; the hobbies and the mentor profile are new.
    expect(u.last().text).toContain("Хобби");
    await u.press("Пропустить");
    await u.press("Пропустить");
    const summary = u.messages().slice(-3).map((m) => m.text).join("\n");
    expect(summary).toContain("Проверьте ответы");
    expect(summary).toContain("Ваши интересы и увлечения\n— Спорт");
    await u.press("✅ Отправить");
    const response = await h.app.db.prisma.formResponse.findFirstOrThrow({ where: { personId } });
    expect(response.formVersion).toBe(1);
    expect(response.answers).toMatchObject({ age: 12, grade: "6", goals: "Подтянуть математику", interests: ["sport"], deficitsEducational: ["math"] });
    expect(response.answers).not.toHaveProperty("favouriteSubject");
  });

  it("the forms and /profile work in English", async () => {
    const u = h.user(platform);
    await join(h, u, pupils, "mentee", "Kate Brown", "en");
    expect(allText(u)).toContain("Type /questionnaire");
    await u.send("/questionnaire");
    expect(u.last().text).toContain("Mentee request");
    await u.press("Continue");
    expect(u.last().text).toMatch(/^Question 1 of 14\n\nHow old are you\?/);
    await u.send("sixteen");
    expect(u.last().text).toContain("A whole number from 10 to 19");
    await u.send("16");
    await u.press("Grade 10");
    await u.send("Get into a good university.");
    await u.send("Physics problems.");
    await tick(u, "Physics");
    await tick(u);
    await tick(u, "Choosing a profession");
    await tick(u, "Robotics");
    await u.press("Skip");
    await u.press("Skip");
    await tick(u, "Fri");
    await tick(u, "Evening (after 5 pm)");
    await u.press("Once a week");
    await tick(u, "Online");
    expect(u.messages().slice(-3).map((m) => m.text).join("\n")).toContain("Check your answers: “Mentee request”");
    await u.press("✅ Submit");
    expect(u.last().text).toContain("Your request has been sent to the curator");
    await u.send("/profile");
    expect(allText(u)).toContain("How old are you?\n  16");
  });
});
