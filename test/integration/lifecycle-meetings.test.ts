import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lifecycleWorld, local, textSince, type LifecycleWorld } from "./lifecycle-support.js";
import { optionLabels } from "./forms-support.js";
import { commandPayload } from "../../src/bot/core/payload.js";

/**
 * A confirmed pair arranges its meetings in the organisation's time (Vladivostok, UTC+10):
 * proposed by one side, moved, confirmed by the other; reminders 24 h and 1 h before, moved
 * out of quiet hours and merged; "did the meeting happen?", the feedback, its reminder after
 * two days and the curator's alert after five — each once, driven by a fake clock.
 */
describe.each(ON_EVERY_PLATFORM)("meetings of a pair on %s", (platform) => {
  let w: LifecycleWorld;
  let pairId: string;
  let meetingId: string;

  beforeAll(async () => {
    // Monday 30 November 2026, 10:00 in Vladivostok.
    w = await lifecycleWorld(platform, local("2026-11-30", "10:00"));
    pairId = await w.confirmPair();
  });
  afterAll(() => w?.h.close());

  it("both sides and the curator are told the pair is confirmed, with a button to propose a meeting; the minor's pair writes through the bot", async () => {
    expect(w.mentor.last().text).toContain("Пара подтверждена!");
    expect(w.mentor.last().text).toContain("Ваш наставляемый: Петя Смирнов");
    expect(w.mentee.last().text).toContain("Ваш наставник: Мария Иванова");
    // The mentee is a minor: no contacts of each other, only how to write through the bot; the curator has both.
    expect(w.mentee.last().text).toContain("пишете друг другу через бота");
    expect(w.mentee.last().text).not.toContain(TEST_PLATFORMS[platform].contactOf(w.mentor.id));
    expect(w.curator.last().text).toContain("Пара подтверждена в программе «Шаг в профессию»: наставник Мария Иванова, наставляемый Петя Смирнов.");
    expect(w.curator.last().text).toContain(`Наставник: Мария Иванова — ${TEST_PLATFORMS[platform].contactOf(w.mentor.id)}`);
    expect(optionLabels(w.mentee)).toEqual(["📅 Предложить встречу", "✉️ Написать"]);
  });

  it("the mentee proposes a time in the organisation's zone; a bad or past time is asked again; the mentor moves it; the mentee confirms", async () => {
    await w.mentee.press("📅 Предложить встречу");
    expect(w.mentee.last().text).toContain("Когда встречаетесь (Мария Иванова)?");
    await w.mentee.send("30.11.2026");
    await w.mentee.send("09:15"); // already past in Vladivostok (it is 10:00 there)
    expect(textSince(w.mentee, w.mentee.mark() - 2)).toContain("Это время уже прошло");
    expect(w.mentee.last().text).toContain("Во сколько?");
    await w.mentee.send("25:00");
    expect(textSince(w.mentee, w.mentee.mark() - 2)).toContain("Не получилось понять время");
    await w.mentee.send("16:30");
    expect(w.mentee.last().text).toContain("Где встречаемся?");
    await w.mentee.send("Кабинет 214");
    expect(w.mentee.last().text).toContain("Предложение отправлено: Мария Иванова, 30.11.2026 в 16:30, Кабинет 214");

    const meeting = await w.h.app.db.prisma.meeting.findFirstOrThrow({ where: { pairId } });
    meetingId = meeting.id;
    // 16:30 in Vladivostok is 06:30 UTC.
    expect(meeting).toMatchObject({ status: "proposed", stage: "acquaintance", place: "Кабинет 214", startsAt: new Date("2026-11-30T06:30:00Z") });

    await w.delivered();
    const proposal = w.mentor.last();
    expect(proposal.text).toContain("Петя Смирнов предлагает встречу (встреча-знакомство)");
    expect(proposal.text).toContain("30.11.2026 в 16:30");
    expect(optionLabels(w.mentor)).toEqual(["✅ Подтвердить", "🕒 Предложить другое время", "❌ Отказаться"]);

    // The mentee cannot confirm their own proposal.
    await w.mentee.pressPayload(commandPayload("meet", `ok.${meetingId}.${meeting.revision}`));
    expect(w.mentee.last().text).toContain("Это ваше предложение");

    await w.mentor.press("🕒 Предложить другое время");
    await w.mentor.send("04.12.2026");
    await w.mentor.send("17:00");
    await w.mentor.send("Библиотека");
    expect(w.mentor.last().text).toContain("Петя Смирнов, 04.12.2026 в 17:00, Библиотека");
    await w.delivered();
    expect(w.mentee.last().text).toContain("Мария Иванова предлагает перенести встречу (встреча-знакомство)");
    expect(w.mentee.last().text).toContain("04.12.2026 в 17:00");

    // The first proposal's buttons are out of date now.
    await w.mentor.pressOn(proposal.id, "✅ Подтвердить");
    expect(w.mentor.last().text).toContain("эта кнопка устарела");

    await w.mentee.press("✅ Подтвердить");
    expect(w.mentee.last().text).toContain("Встреча подтверждена: 04.12.2026 в 17:00, Библиотека");
    await w.delivered();
    expect(w.mentor.last().text).toContain("Петя Смирнов: встреча подтверждена (встреча-знакомство): 04.12.2026 в 17:00, Библиотека");
    const confirmed = await w.h.app.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(confirmed).toMatchObject({ status: "confirmed", startsAt: new Date("2026-12-04T07:00:00Z"), proposedById: w.mentorPerson });

    await w.mentor.send("/meeting");
    expect(w.mentor.messages().map((m) => m.text).join("\n")).toContain("✅ Подтверждена: встреча-знакомство, Петя Смирнов\n04.12.2026 в 17:00, Библиотека");
  });

  it("reminders go to both sides 24 h and 1 h before, once each", async () => {
    const marks = [w.mentor.mark(), w.mentee.mark()];
    await w.tick(local("2026-12-03", "16:59"));
    expect(w.mentor.since(marks[0]!)).toEqual([]);
    await w.tick(local("2026-12-03", "17:00"));
    await w.tick(local("2026-12-03", "17:01"));
    for (const [i, u] of [w.mentor, w.mentee].entries()) {
      const got = u.since(marks[i]!);
      expect(got).toHaveLength(1);
      expect(got[0]).toContain("⏰ Напоминание: встреча-знакомство");
      expect(got[0]).toContain("04.12.2026 в 17:00, Библиотека");
    }
    expect(w.mentee.since(marks[1]!)[0]).toContain("(Мария Иванова)");
    await w.tick(local("2026-12-04", "16:00"));
    await w.tick(local("2026-12-04", "16:30"));
    expect(w.mentor.since(marks[0]!)).toHaveLength(2);
    expect(w.mentee.since(marks[1]!)).toHaveLength(2);
    expect(w.mentee.last().text).toContain("04.12.2026 в 17:00");
  });

  it("after the meeting each side is asked whether it happened; a yes moves the pair on and opens the feedback", async () => {
    const marks = [w.mentor.mark(), w.mentee.mark()];
    await w.tick(local("2026-12-04", "18:59"));
    expect(w.mentee.since(marks[1]!)).toEqual([]);
    await w.tick(local("2026-12-04", "19:00"));
    await w.tick(local("2026-12-04", "19:05"));
    expect(w.mentor.since(marks[0]!)).toEqual([expect.stringContaining("Встреча 04.12.2026 в 17:00 (Петя Смирнов) состоялась?")]);
    expect(w.mentee.since(marks[1]!)).toHaveLength(1);
    expect(optionLabels(w.mentee)).toEqual(["✅ Да, состоялась", "❌ Нет"]);

    await w.mentee.press("✅ Да, состоялась");
    expect(textSince(w.mentee, marks[1]! + 1)).toContain("Этап пары: пробная рабочая встреча");
    expect(w.mentee.last().text).toContain("Встреча состоялась?");
    const pair = await w.h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: pairId } });
    expect(pair.status).toBe("trial");
    await w.mentee.press("Да");
    await w.mentee.press("5");
    await w.mentee.send("Познакомились, обсудили цели.");
    await w.mentee.send("Составить план на четверть.");
    await w.mentee.press("Пропустить");
    await w.mentee.press("✅ Отправить");
    expect(w.mentee.last().text).toContain("Спасибо за отзыв");
    expect(await w.h.app.db.prisma.formResponse.count({ where: { formId: "meeting-feedback", subjectKey: meetingId, personId: w.menteePerson } })).toBe(1);
  });

  it("feedback not given: a reminder after 2 days to who has not answered, the curator told after 5 days, with the list", async () => {
    const marks = [w.mentor.mark(), w.mentee.mark(), w.curator.mark()];
    await w.tick(local("2026-12-06", "16:59"));
    expect(w.mentor.since(marks[0]!)).toEqual([]);
    await w.tick(local("2026-12-06", "17:00"));
    await w.tick(local("2026-12-07", "10:00"));
    expect(w.mentor.since(marks[0]!)).toEqual([expect.stringContaining("оставьте, пожалуйста, отзыв о встрече 04.12.2026 (Петя Смирнов)")]);
    expect(optionLabels(w.mentor)).toEqual(["📝 Оставить отзыв"]);
    expect(w.mentee.since(marks[1]!)).toEqual([]);
    expect(w.curator.since(marks[2]!)).toEqual([]);

    await w.tick(local("2026-12-09", "16:59"));
    expect(w.curator.since(marks[2]!)).toEqual([]);
    await w.tick(local("2026-12-09", "17:00"));
    await w.tick(local("2026-12-09", "18:00"));
    const alerts = w.curator.since(marks[2]!);
    expect(alerts).toEqual([expect.stringContaining("Нет отзыва о встрече 04.12.2026 уже 5 дн.: Мария Иванова (пара Мария Иванова — Петя Смирнов)")]);
    await w.curator.press("📋 Открыть список");
    expect(w.curator.last().text).toContain("Требует внимания в программе «Шаг в профессию»");
    expect(w.curator.last().text).toContain("Нет отзыва о встрече 04.12.2026: Мария Иванова (пара № 1)");
    expect(w.curator.last().text).not.toContain("Петя Смирнов (пара № 1)");

    // The mentor answers from the reminder's button: the item leaves the list.
    await w.mentor.press("📝 Оставить отзыв");
    await w.mentor.press("Да");
    await w.mentor.press("4");
    await w.mentor.send("Знакомство прошло хорошо.");
    await w.mentor.send("Пробная встреча по математике.");
    await w.mentor.press("Пропустить");
    await w.mentor.press("✅ Отправить");
    await w.curator.send("/overdue");
    expect(w.curator.last().text).not.toContain("Нет отзыва");
  });

  it("reminders due in quiet hours wait until they end; several due at once come as one message", async () => {
    // Two meetings on the morning of 11 December, confirmed two days before.
    for (const time of ["08:30", "09:00"]) {
      await w.h.app.db.prisma.meeting.create({
        data: { pairId, stage: "trial", startsAt: local("2026-12-11", time), place: `Кабинет ${time}`, status: "confirmed", confirmedAt: local("2026-12-09", "12:00"), proposedById: w.mentorPerson, createdAt: local("2026-12-09", "12:00") },
      });
    }
    await w.meetingsStored(pairId);
    const mark = w.mentee.mark();
    // 24 h before: both due by 09:00 the day before — one message.
    await w.tick(local("2026-12-10", "09:00"));
    let got = w.mentee.since(mark);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("Напоминания (2):");
    expect(got[0]).toContain("11.12.2026 в 08:30, Кабинет 08:30");
    expect(got[0]).toContain("11.12.2026 в 09:00, Кабинет 09:00");
    // 1 h before the first is 07:30, in quiet hours (21:00–08:00): nothing then.
    await w.tick(local("2026-12-11", "07:30"));
    await w.tick(local("2026-12-11", "07:59"));
    expect(w.mentee.since(mark)).toHaveLength(1);
    // At 08:00 both 1-hour reminders are due: one message again.
    await w.tick(local("2026-12-11", "08:00"));
    await w.tick(local("2026-12-11", "08:10"));
    got = w.mentee.since(mark);
    expect(got).toHaveLength(2);
    expect(got[1]).toContain("Напоминания (2):");
    expect(got[1]).toContain("08:30");
    expect(got[1]).toContain("09:00");
  });

  it("a proposal can be declined, and a confirmed meeting cancelled; the other side is told each time", async () => {
    w.clock.now = local("2026-12-11", "12:00");
    await w.mentor.send("/meeting");
    await w.mentor.press("📅 Предложить встречу");
    await w.mentor.send("15.12.2026");
    await w.mentor.send("15:00");
    await w.mentor.send("Онлайн: https://meet.example/abc");
    await w.delivered();
    expect(w.mentee.last().text).toContain("Мария Иванова предлагает встречу (пробная рабочая встреча)");
    await w.mentee.press("❌ Отказаться");
    expect(w.mentee.last().text).toContain("Вы отказались от встречи 15.12.2026 в 15:00");
    await w.delivered();
    expect(w.mentor.last().text).toContain("Петя Смирнов не может встретиться 15.12.2026 в 15:00");
    expect(optionLabels(w.mentor)).toEqual(["📅 Предложить встречу"]);

    await w.mentor.press("📅 Предложить встречу");
    await w.mentor.send("16.12.2026");
    await w.mentor.send("15:00");
    await w.mentor.send("Кабинет 5");
    await w.delivered();
    await w.mentee.press("✅ Подтвердить");
    await w.mentee.send("/meeting");
    await w.mentee.press("❌ Отменить");
    expect(w.mentee.last().text).toContain("Встреча 16.12.2026 в 15:00 отменена");
    await w.delivered();
    expect(w.mentor.last().text).toContain("Петя Смирнов: встреча 16.12.2026 в 15:00 отменена");
    const cancelled = await w.h.app.db.prisma.meeting.findFirstOrThrow({ where: { pairId, place: "Кабинет 5" } });
    expect(cancelled.status).toBe("cancelled");
    // No reminder for a cancelled meeting.
    const mark = w.mentee.mark();
    await w.tick(local("2026-12-15", "15:00"));
    expect(textSince(w.mentee, mark)).not.toContain("16.12.2026");
  });

  it("a reminder that is late (the service was down) waits for the end of quiet hours too", async () => {
    await w.h.app.db.prisma.meeting.create({
      data: { pairId, stage: "trial", startsAt: local("2026-12-18", "09:30"), place: "Актовый зал", status: "confirmed", confirmedAt: local("2026-12-16", "12:00"), proposedById: w.mentorPerson, createdAt: local("2026-12-16", "12:00") },
    });
    await w.meetingsStored(pairId);
    const mark = w.mentor.mark();
    // Nothing ran at 09:30 the day before; at 23:00 it is quiet.
    await w.tick(local("2026-12-17", "23:00"));
    expect(textSince(w.mentor, mark)).not.toContain("18.12.2026");
    await w.tick(local("2026-12-18", "08:00"));
    const late = w.mentor.since(mark).filter((t) => t.includes("18.12.2026 в 09:30"));
    expect(late).toHaveLength(1);
    await w.tick(local("2026-12-18", "08:30"));
    expect(w.mentor.since(mark).filter((t) => t.includes("18.12.2026 в 09:30"))).toHaveLength(2);
  });

  it("someone outside the pair cannot act on its meetings", async () => {
    const stranger = w.h.user(platform);
    await stranger.pressPayload(commandPayload("meet", `new.${pairId}`));
    expect(stranger.last().text).toContain("Сначала присоединитесь к программе");
    // The curator is not a side of the pair: refused, and the refusal is audited.
    await w.curator.pressPayload(commandPayload("meet", `new.${pairId}`));
    expect(w.curator.last().text).toContain("Это не ваша пара или встреча");
    await w.curator.pressPayload(commandPayload("meet", `ok.${meetingId}.9`));
    expect(w.curator.last().text).toContain("Это не ваша пара или встреча");
    const denied = await w.h.app.db.prisma.auditLog.count({ where: { actorId: w.curatorPerson, action: { in: ["pair.meeting", "meeting.confirm"] }, outcome: "denied" } });
    expect(denied).toBe(2);
  });
});
