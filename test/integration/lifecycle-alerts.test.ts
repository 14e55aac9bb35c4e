import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join, optionLabels } from "./forms-support.js";
import { lifecycleWorld, local, textSince, type LifecycleWorld } from "./lifecycle-support.js";

/**
 * A programme's calendar in Vladivostok (UTC+10), driven by a fake clock from November to
 * June: every alert fires once per occurrence, on its local morning, with a button to the
 * curator's list — mentees left without a pair, the mutual-choice survey left open, a silent
 * pair, the monthly report, the federal statistics form (1–20 January), the end approaching
 * (14 and 3 days), and the planned ending when the programme is over.
 */
describe.each(ON_EVERY_PLATFORM)("deadline alerts on %s", (platform) => {
  let w: LifecycleWorld;
  let pairId: string;
  const curatorGot = (mark: number, text: string) => w.curator.since(mark).filter((t) => t.includes(text));

  beforeAll(async () => {
    w = await lifecycleWorld(platform, local("2026-11-30", "10:00"));
    await join(w.h, w.h.user(platform), w.programmeId, "mentee", "Оля Кузнецова");
    pairId = await w.confirmPair();
    await w.h.app.services.surveys.open(w.programmeId, "mutual_choice", w.clock.now);
  });
  afterAll(() => w?.h.close());

  it("a week on: the mentee without a pair and the survey still open, in one message at 09:00 local, once", async () => {
    const mark = w.curator.mark();
    await w.tick(local("2026-12-07", "08:59"));
    expect(w.curator.since(mark)).toEqual([]);
    await w.tick(local("2026-12-07", "09:00"));
    await w.tick(local("2026-12-07", "12:00"));
    await w.tick(local("2026-12-08", "09:00"));
    const got = w.curator.since(mark);
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("Требует внимания (2):");
    expect(got[0]).toContain("Наставляемый остался без пары: Оля Кузнецова (программа «Шаг в профессию»)");
    expect(got[0]).toContain("Опрос взаимного выбора в программе «Шаг в профессию» открыт с 30.11.2026");
    expect(optionLabels(w.curator)).toEqual(["📋 Открыть список"]);
    await w.curator.press("📋 Открыть список");
    expect(w.curator.last().text).toContain("Наставляемый без пары: Оля Кузнецова");
    expect(w.curator.last().text).toContain("Встретиться с наставляемым без пары: Оля Кузнецова");
    expect(w.curator.last().text).toContain("Опрос взаимного выбора открыт с 30.11.2026");
  });

  it("a pair with no meeting for 21 days: the curator is told once, with its last activity", async () => {
    const mark = w.curator.mark();
    await w.tick(local("2026-12-21", "08:59"));
    expect(curatorGot(mark, "не встречалась")).toEqual([]);
    await w.tick(local("2026-12-21", "09:00"));
    await w.tick(local("2026-12-22", "09:00"));
    expect(curatorGot(mark, "не встречалась")).toEqual([expect.stringContaining("Пара № 1 (Мария Иванова — Петя Смирнов) не встречалась 21 дн. и встреч не запланировала. Последняя активность: 30.11.2026.")]);
  });

  it("the monthly report: the mentee is asked on the 25th at 10:00 local, once a month", async () => {
    const mark = w.mentee.mark();
    await w.tick(local("2026-12-25", "09:59"));
    expect(w.mentee.since(mark)).toEqual([]);
    await w.tick(local("2026-12-25", "10:00"));
    await w.tick(local("2026-12-26", "10:00"));
    expect(w.mentee.since(mark)).toEqual([expect.stringContaining("Пора отправить отчёт за месяц (12.2026) наставнику — Мария Иванова.")]);
    expect(optionLabels(w.mentee)).toEqual(["📝 Отчёт за месяц"]);
  });

  it("the pulse survey: both sides are asked 30 days after the pair started, at 10:00 local, once; it opens the survey", async () => {
    const mentee = w.mentee.mark();
    const mentor = w.mentor.mark();
    await w.tick(local("2026-12-30", "09:59"));
    expect(w.mentee.since(mentee)).toEqual([]);
    await w.tick(local("2026-12-30", "10:00"));
    await w.tick(local("2026-12-31", "10:00"));
    expect(w.mentee.since(mentee)).toEqual([expect.stringContaining("Вы работаете в паре уже месяц (Мария Иванова)")]);
    expect(w.mentor.since(mentor)).toEqual([expect.stringContaining("Вы работаете в паре уже месяц (Петя Смирнов)")]);
    expect(optionLabels(w.mentee)).toEqual(["📝 Пройти опрос"]);
    await w.mentee.press("📝 Пройти опрос");
    expect(w.mentee.last().text).toMatch(/Вопрос 1 из \d+/);
    await w.mentee.send("/cancel");
  });

  it("the federal statistics form: reminded from 1 January on its mornings, each once, until the curator marks it sent", async () => {
    const mark = w.curator.mark();
    const federal = () => curatorGot(mark, "федеральную статистическую форму");
    await w.tick(local("2026-12-31", "23:59"));
    await w.tick(local("2027-01-01", "08:59"));
    expect(federal()).toEqual([]);
    await w.tick(local("2027-01-01", "09:00"));
    await w.tick(local("2027-01-01", "15:00"));
    expect(federal()).toEqual([expect.stringContaining("До 20.01.2027 нужно сдать федеральную статистическую форму о наставничестве за 2026 год.")]);
    await w.tick(local("2027-01-10", "09:00"));
    await w.tick(local("2027-01-11", "09:00"));
    expect(federal()).toHaveLength(2);

    await w.curator.send("/overdue");
    const list = w.curator.last().text;
    const line = list.split("\n").find((l) => l.includes("Федеральная статистическая форма за 2026 год — срок 20.01.2027"));
    expect(line).toBeDefined();
    await w.curator.press(`✅ Сделано: ${line!.split(".")[0]}`);
    expect(w.curator.last().text).toContain("Задача отмечена выполненной.");

    await w.tick(local("2027-01-17", "09:00"));
    await w.tick(local("2027-01-20", "09:00"));
    expect(federal()).toHaveLength(2);
    await w.curator.send("/overdue");
    expect(w.curator.last().text).not.toContain("Федеральная статистическая форма");
  });

  it("the end of the programme approaching: told 14 and 3 days before, each once", async () => {
    const mark = w.curator.mark();
    const ending = () => curatorGot(mark, "заканчивается 31.05.2027");
    await w.tick(local("2027-05-17", "08:59"));
    expect(ending()).toEqual([]);
    await w.tick(local("2027-05-17", "09:00"));
    await w.tick(local("2027-05-18", "09:00"));
    expect(ending()).toEqual([expect.stringContaining("Программа «Шаг в профессию» заканчивается 31.05.2027 — через 14 дн. Работающих пар: 1.")]);
    await w.tick(local("2027-05-28", "09:00"));
    await w.tick(local("2027-05-29", "09:00"));
    expect(ending()).toHaveLength(2);
    expect(ending()[1]).toContain("через 3 дн.");
    await w.curator.send("/overdue");
    expect(w.curator.last().text).toContain("Программа заканчивается 31.05.2027 (осталось дней: 2)");
  });

  it("when the last day is over the pair ends as planned; the sides are told when quiet hours end, with the satisfaction survey and the final report", async () => {
    const marks = [w.mentor.mark(), w.mentee.mark()];
    await w.tick(local("2027-05-31", "23:59"));
    expect((await w.h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).status).toBe("acquaintance");
    await w.tick(local("2027-06-01", "00:00"));
    const pair = await w.h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: pairId } });
    expect(pair).toMatchObject({ status: "completed", endReason: "planned", endedAt: local("2027-06-01", "00:00") });
    await w.tick(local("2027-06-01", "07:59"));
    expect(w.mentee.since(marks[1]!)).toEqual([]);
    await w.tick(local("2027-06-01", "08:00"));
    await w.tick(local("2027-06-01", "09:00"));
    const got = textSince(w.mentee, marks[1]!);
    expect(got).toContain("Работа в паре (Мария Иванова) по программе «Шаг в профессию» завершена (плановое завершение).");
    expect(got).toContain("Итоговый отчёт по индивидуальному плану нужно сдать до 15.06.2027.");
    expect(optionLabels(w.mentee)).toEqual(["📝 Опрос удовлетворённости", "📝 Итоговый отчёт"]);
    expect(w.mentor.since(marks[0]!)).toHaveLength(1);
    expect(optionLabels(w.mentor)).toEqual(["📝 Опрос удовлетворённости"]);
    await w.mentee.press("📝 Опрос удовлетворённости");
    expect(w.mentee.last().text).toContain("Насколько в целом вы удовлетворены участием в программе наставничества?");
  });
});
