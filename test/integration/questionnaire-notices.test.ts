import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerMentorQuestionnaire, optionLabels, quickMenteeRequest } from "./forms-support.js";
import { lifecycleWorld, local, type LifecycleWorld } from "./lifecycle-support.js";

/**
 * The curator hears of every questionnaire that comes in — after the quiet hours, merged with
 * the other alerts due at once — and sees who waits for the interview.
 */
describe.each(ON_EVERY_PLATFORM)("questionnaires reaching the curator on %s", (platform) => {
  let w: LifecycleWorld;
  beforeAll(async () => {
    w = await lifecycleWorld(platform, local("2026-12-04", "22:30"));
    // A candidate mentor: questionnaire first, then the interview.
    await w.h.app.db.prisma.participation.update({ where: { id: w.mentorParticipation }, data: { status: "joined" } });
  });
  afterAll(() => w?.h.close());

  it("two questionnaires sent late in the evening reach the curator in one message in the morning, with the interview queue and its button", async () => {
    const mark = w.curator.mark();
    await quickMenteeRequest(w.mentee);
    expect(w.mentee.last().text).toContain("Заявка отправлена куратору");
    await w.mentor.send("/questionnaire");
    await answerMentorQuestionnaire(w.mentor);
    await w.mentor.press("✅ Отправить");
    expect(w.mentor.last().text).toContain("отправлена куратору");
    await w.tick(local("2026-12-05", "07:59"));
    expect(w.curator.since(mark)).toEqual([]);

    await w.tick(local("2026-12-05", "08:00"));
    const told = w.curator.since(mark);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("пришла заявка наставляемого — № 2, Петя Смирнов");
    expect(told[0]).toContain("пришла анкета наставника — № 1, Мария Иванова. Следующий шаг — собеседование.");
    expect(told[0]).toContain("Ждут собеседования: 1 (№ 1)");
    expect(optionLabels(w.curator)).toContain("🗣 Записать собеседование");
    // Told once: later ticks add nothing.
    await w.tick(local("2026-12-05", "09:00"));
    expect(w.curator.since(mark)).toHaveLength(1);

    await w.curator.press("🗣 Записать собеседование");
    expect(w.curator.last().text).toContain("Кандидат: Мария Иванова");
    await w.curator.send("/cancel");
    await w.curator.send("/participants");
    expect(w.curator.last().text).toContain("Ждут собеседования: 1 (№ 1)");
  });
});
