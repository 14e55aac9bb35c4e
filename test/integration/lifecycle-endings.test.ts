import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandPayload } from "../../src/bot/core/payload.js";
import { join, optionLabels, participationOf } from "./forms-support.js";
import { lifecycleWorld, local, textSince, type LifecycleWorld } from "./lifecycle-support.js";
import type { TestUser } from "../support/users.js";

/**
 * The end of a pair's work (002 §7.5): a side asks the curator for a change (/request_change);
 * the curator sees the pairs (/pairs) and ends one with a reason (/end); both sides get the
 * exit survey, the mentee the final report with its two-week deadline (a reminder, then the
 * curator's alert), the curator a task to talk with both; the re-matched mentee's new pair is
 * put on probation; the full cycle is marked (/complete). Nobody else may do any of it.
 */
describe.each(ON_EVERY_PLATFORM)("ending a pair on %s", (platform) => {
  let w: LifecycleWorld;
  let pairId: string;
  let otherCurator: TestUser;
  let secondMentee: TestUser;
  let secondMenteePerson: string;

  beforeAll(async () => {
    w = await lifecycleWorld(platform, local("2026-11-30", "10:00"));
    pairId = await w.confirmPair();
    secondMentee = w.h.user(platform);
    secondMenteePerson = await join(w.h, secondMentee, w.programmeId, "mentee", "Оля Кузнецова");
    const { programmeId: elsewhere } = await w.h.seedProgramme({ name: "Другая программа", timezone: "Europe/Moscow" });
    otherCurator = w.h.user(platform);
    await join(w.h, otherCurator, elsewhere, "curator", "Олег Другой");
  });
  afterAll(() => w?.h.close());

  it("a mentee asks for another mentor; the curator is told with a button to the list; asking twice the same day sends nothing more", async () => {
    const mark = w.curator.mark();
    await w.mentee.send("/request_change");
    expect(w.mentee.last().text).toContain("Что вы хотите попросить у куратора? Пара: Мария Иванова.");
    expect(optionLabels(w.mentee)).toEqual(["Сменить наставника", "Завершить работу в паре"]);
    await w.mentee.press("Сменить наставника");
    expect(w.mentee.last().text).toContain("Просьба отправлена куратору");
    await w.delivered();
    expect(w.curator.since(mark)).toEqual([expect.stringContaining("Наставляемый Петя Смирнов просит сменить наставника: пара № 1 (Мария Иванова — Петя Смирнов).")]);
    expect(optionLabels(w.curator)).toEqual(["📋 Открыть список"]);
    await w.mentee.send("/request_change");
    await w.mentee.press("Сменить наставника");
    expect(w.mentee.last().text).toContain("Сегодня вы уже отправляли такую просьбу");
    await w.delivered();
    expect(w.curator.since(mark)).toHaveLength(1);
    // A mentor may only ask to end.
    await w.mentor.send("/request_change");
    expect(optionLabels(w.mentor)).toEqual(["Завершить работу в паре"]);
  });

  it("participants, strangers and curators of other programmes are refused the curator's commands, with nothing shown, and audited", async () => {
    const stranger = w.h.user(platform);
    for (const [u, actor] of [[w.mentee, w.menteePerson], [stranger, null]] as const) {
      for (const cmd of ["/pairs", "/end 1 переезд", "/probation 1", "/complete 2", "/overdue"]) {
        await u.send(cmd);
        expect(u.last().text, cmd).toBe("Эта команда доступна только куратору программы.");
      }
      if (actor) expect(await w.h.app.db.prisma.auditLog.count({ where: { actorId: actor, outcome: "denied", action: { startsWith: "curator." } } })).toBe(5);
    }
    // A curator of another programme: typed numbers reach only their own programme; buttons naming this one are refused.
    await otherCurator.send("/end 1 переезд");
    expect(otherCurator.last().text).toBe("Пары с номером 1 нет. Наберите /pairs.");
    await otherCurator.pressPayload(commandPayload("end", `${pairId}.moved`));
    expect(otherCurator.last().text).toBe("Эта команда доступна только куратору программы.");
    await otherCurator.pressPayload(commandPayload("probation", `${pairId}`));
    expect(otherCurator.last().text).toBe("Эта команда доступна только куратору программы.");
    await otherCurator.pressPayload(commandPayload("overdue", `P.${w.programmeId}`));
    expect(otherCurator.last().text).toBe("Эта команда доступна только куратору программы.");
    const task = await w.h.app.db.prisma.curatorTask.findFirstOrThrow({ where: { programmeId: w.programmeId } });
    await otherCurator.pressPayload(commandPayload("task_done", task.id));
    expect(otherCurator.last().text).toBe("Эта команда доступна только куратору программы.");
    const otherPerson = (await w.h.app.db.prisma.messengerIdentity.findUniqueOrThrow({ where: { platform_externalId: { platform, externalId: otherCurator.id } } })).personId;
    expect(await w.h.app.db.prisma.auditLog.count({ where: { actorId: otherPerson, outcome: "denied" } })).toBe(4);
    expect((await w.h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).status).toBe("acquaintance");
    expect((await w.h.app.db.prisma.curatorTask.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toBeNull();
  });

  it("the curator sees where each pair is and ends one early with a reason; both sides get the exit survey, the mentee the final report and its deadline", async () => {
    await w.curator.send("/pairs");
    expect(w.curator.last().text).toContain("Пары программы «Шаг в профессию»: всего 1, работают 1");
    expect(w.curator.last().text).toContain("1. Мария Иванова — Петя Смирнов: встреча-знакомство; последняя активность 30.11.2026; ближайшая встреча: —");
    expect(await w.h.app.db.prisma.auditLog.count({ where: { actorId: w.curatorPerson, action: "curator.pairs", outcome: "allowed" } })).toBe(1);

    w.clock.now = local("2026-12-01", "11:00");
    const marks = [w.mentor.mark(), w.mentee.mark()];
    await w.curator.send("/end 1");
    expect(w.curator.last().text).toContain("Пара № 1 (Мария Иванова — Петя Смирнов). Почему работа завершается?");
    expect(optionLabels(w.curator)).toEqual(["Переезд", "Болезнь", "Нет времени", "Конфликт", "Другая причина", "Плановое завершение"]);
    const curatorMark = w.curator.mark();
    await w.curator.press("Переезд");
    // The reply and the curator's own task notice (through the outbox) may arrive in either order.
    expect(textSince(w.curator, curatorMark)).toContain("Работа пары № 1 завершена (переезд).");
    const pair = await w.h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: pairId } });
    expect(pair).toMatchObject({ status: "ended_early", endReason: "moved", endedAt: local("2026-12-01", "11:00") });
    await w.delivered();
    const toMentee = textSince(w.mentee, marks[1]!);
    expect(toMentee).toContain("Работа в паре (Мария Иванова) по программе «Шаг в профессию» завершена досрочно (причина: переезд).");
    expect(toMentee).toContain("Итоговый отчёт по индивидуальному плану нужно сдать до 15.12.2026.");
    expect(optionLabels(w.mentee)).toEqual(["📝 Опрос о завершении", "📝 Итоговый отчёт"]);
    expect(textSince(w.mentor, marks[0]!)).toContain("завершена досрочно (причина: переезд)");
    expect(optionLabels(w.mentor)).toEqual(["📝 Опрос о завершении"]);
    expect(w.curator.messages().map((m) => m.text).join("\n")).toContain("Пара № 1 (Мария Иванова — Петя Смирнов) завершила работу досрочно (причина: переезд).");

    // The exit survey opens from its button.
    await w.mentee.press("📝 Опрос о завершении");
    expect(w.mentee.last().text).toContain("Почему работа в паре завершилась раньше срока?");
    await w.mentee.send("/cancel");

    // Ending again changes nothing.
    await w.curator.send("/end 1 болезнь");
    expect(w.curator.last().text).toBe("Работа пары № 1 уже завершена.");
  });

  it("the curator's list has the talk with both sides and the change request; a task is marked done from its button", async () => {
    await w.curator.send("/overdue");
    const list = w.curator.last().text;
    expect(list).toContain("Поговорить с обеими сторонами после завершения пары № 1 (Мария Иванова — Петя Смирнов)");
    expect(list).toContain("Петя Смирнов просит сменить наставника (пара № 1)");
    const line = list.split("\n").find((l) => l.includes("Поговорить с обеими сторонами"))!;
    const n = line.split(".")[0]!;
    await w.curator.press(`✅ Сделано: ${n}`);
    expect(w.curator.last().text).toContain("Задача отмечена выполненной.");
    await w.curator.send("/overdue");
    expect(w.curator.last().text).not.toContain("Поговорить с обеими сторонами");
  });

  it("the final report: the mentee is reminded before its deadline, the curator told the morning after it, each once", async () => {
    const marks = [w.mentee.mark(), w.curator.mark()];
    await w.tick(local("2026-12-11", "09:59"));
    expect(textSince(w.mentee, marks[0]!)).not.toContain("итоговом отчёте");
    await w.tick(local("2026-12-11", "10:00"));
    await w.tick(local("2026-12-12", "10:00"));
    const reminders = w.mentee.since(marks[0]!).filter((t) => t.includes("Напоминаю об итоговом отчёте"));
    expect(reminders).toEqual([expect.stringContaining("его нужно сдать до 15.12.2026")]);

    await w.tick(local("2026-12-15", "23:00"));
    expect(textSince(w.curator, marks[1]!)).not.toContain("Итоговый отчёт не сдан");
    await w.tick(local("2026-12-16", "09:00"));
    await w.tick(local("2026-12-16", "12:00"));
    const alerts = w.curator.since(marks[1]!).filter((t) => t.includes("Итоговый отчёт не сдан"));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain("Итоговый отчёт не сдан в срок (14 дн. после завершения 01.12.2026): Петя Смирнов, наставник Мария Иванова.");
    await w.curator.send("/overdue");
    expect(w.curator.last().text).toContain("Итоговый отчёт не сдан: Петя Смирнов (пара № 1), срок был 15.12.2026");
  });

  it("the re-matched mentee's new pair is put on probation: the curator is invited to its meetings and reminded of them", async () => {
    w.clock.now = local("2026-12-17", "10:00");
    const newPair = await w.confirmPair();
    expect(newPair).not.toBe(pairId);
    await w.curator.send("/probation 2");
    expect(w.curator.last().text).toContain("Пара № 2 на испытательном сроке");
    expect((await w.h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: newPair } })).probation).toBe(true);

    await w.mentor.send("/meeting");
    await w.mentor.send("21.12.2026");
    await w.mentor.send("15:00");
    await w.mentor.send("Кабинет 12");
    await w.delivered();
    const mark = w.curator.mark();
    await w.mentee.press("✅ Подтвердить");
    await w.delivered();
    expect(w.curator.since(mark)).toEqual([expect.stringContaining("Приглашение на встречу пары на испытательном сроке (Мария Иванова — Петя Смирнов): встреча-знакомство, 21.12.2026 в 15:00, Кабинет 12.")]);
    await w.tick(local("2026-12-20", "15:00"));
    expect(textSince(w.curator, mark)).toContain("⏰ Напоминание: встреча-знакомство (Мария Иванова — Петя Смирнов) — 21.12.2026 в 15:00, Кабинет 12.");

    await w.curator.send("/probation 2 выкл");
    expect(w.curator.last().text).toContain("Испытательный срок пары № 2 снят.");
  });

  it("the curator marks the full cycle completed, once, and only for someone who worked in a pair", async () => {
    await w.curator.send("/complete 3");
    expect(w.curator.last().text).toContain("У участника Оля Кузнецова ещё не было пары");
    await w.curator.send("/complete 1");
    expect(w.curator.last().text).toContain("Полный цикл программы отмечен: Мария Иванова.");
    const p = await participationOf(w.h, w.mentorPerson, w.programmeId, "mentor");
    expect(p.completedCycleAt).toEqual(w.clock.now);
    await w.curator.send("/complete 1");
    expect(w.curator.last().text).toContain("Полный цикл участника Мария Иванова уже отмечен (20.12.2026).");
    expect(await w.h.app.db.prisma.auditLog.count({ where: { actorId: w.curatorPerson, action: "curator.complete", outcome: "allowed" } })).toBe(1);
    expect(secondMenteePerson).toBeTruthy();
  });
});
