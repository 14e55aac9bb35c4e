import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import { matchingJobKind } from "../../src/jobs/matching.js";
import { pairEvaluator } from "../../src/domain/matching/index.js";
import { join, seedParticipant } from "./forms-support.js";

/** Whole-cohort matching from the curator's side, and what the participants are told. */

const REFUSAL = "Эта команда доступна только куратору программы.";

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What the person was sent while `action` ran (replies; an alert from the outbox may be among them). */
async function said(u: TestUser, action: () => Promise<void>): Promise<string> {
  const mark = u.mark();
  await action();
  return u.since(mark).join("\n---\n");
}

const texts = (u: TestUser): string => u.messages().map((m) => m.text).join("\n---\n");

describe.each(ON_EVERY_PLATFORM)("matching on %s", (platform) => {
  let h: Harness;
  let programmeId: string;
  let otherProgramme: string;
  let curator: TestUser;
  let otherCurator: TestUser;
  let curatorId: string;
  type Seeded = { personId: string; participationId: string; userId: string; user: TestUser };
  const people: Record<string, Seeded> = {};

  async function person(key: string, role: "mentor" | "mentee", name: string, capacity: number | null, answers: Record<string, unknown>): Promise<void> {
    const s = await seedParticipant(h, { programmeId, role, name, platform, status: role === "mentor" ? "approved" : "joined" });
    if (capacity) await h.app.db.prisma.participation.update({ where: { id: s.participationId }, data: { capacity } });
    await h.app.db.prisma.formResponse.create({
      data: { personId: s.personId, programmeId, formId: role === "mentor" ? "mentor-questionnaire" : "mentee-request", formVersion: 1, answers: answers as object, status: "submitted", submittedAt: h.app.services.now(), createdAt: h.app.services.now(), updatedAt: h.app.services.now() },
    });
    people[key] = { ...s, user: h.user(platform, s.userId) };
  }

  async function prefer(from: string, to: string, rank: number): Promise<void> {
    await h.app.db.prisma.preference.create({ data: { programmeId, fromId: people[from]!.participationId, toId: people[to]!.participationId, question: "work_with", rank, createdAt: h.app.services.now() } });
  }

  const suggestions = (runId: string) => h.app.db.prisma.matchSuggestion.findMany({ where: { runId }, orderBy: { number: "asc" } });
  const latestRun = () => h.app.db.prisma.matchRun.findFirstOrThrow({ where: { programmeId }, orderBy: { createdAt: "desc" } });
  const pairOf = (mentor: string, mentee: string) =>
    h.app.db.prisma.pair.findFirst({ where: { programmeId, mentorId: people[mentor]!.participationId, members: { some: { menteeId: people[mentee]!.participationId } } } });

  beforeAll(async () => {
    h = await startHarness();
    ({ programmeId } = await h.seedProgramme());
    ({ programmeId: otherProgramme } = await h.seedProgramme({ name: "Чужая программа" }));
    curator = h.user(platform);
    curatorId = await join(h, curator, programmeId, "curator", "Елена Куратор");
    otherCurator = h.user(platform);
    await join(h, otherCurator, otherProgramme, "curator", "Ольга Чужая");
    // Anna (robotics, Fridays) and Pete chose each other; Boris (chess, two places) suits Vasya and Kolya;
    // Vasya also needs Boris's help with teamwork (so he comes before Kolya); Dima can only meet on Sunday mornings, which no mentor can.
    await person("anna", "mentor", "Анна Робототехник", 1, { interests: ["robotics"], helpEducational: ["informatics"], days: ["fri"], times: ["afternoon"], formats: ["online"] });
    await person("boris", "mentor", "Борис Шахматист", 2, { interests: ["sport"], helpSocial: ["teamwork"], days: ["mon"], times: ["evening"], formats: ["offline"] });
    await person("pete", "mentee", "Петя Смирнов", null, { interests: ["robotics"], deficitsEducational: ["informatics"], grade: "6" });
    await person("vasya", "mentee", "Вася Кузнецов", null, { interests: ["sport"], deficitsSocial: ["teamwork"], grade: "7" });
    await person("kolya", "mentee", "Коля Орлов", null, { interests: ["sport", "music"], grade: "7" });
    await person("dima", "mentee", "Дима Волков", null, { interests: ["games"], days: ["sun"], times: ["morning"] });
    await prefer("pete", "anna", 1);
    await prefer("anna", "pete", 1);
  });
  afterAll(() => h?.close());

  it("/match first shows what each mode gives, then runs the one picked over the whole cohort and shows each pair with its score and reasons", async () => {
    expect(await said(curator, () => curator.send("/match"))).toContain("Сравниваю способы подбора");
    await until(() => texts(curator).includes("Что даст каждый способ"));
    const ask = curator.messages().filter((m) => m.text.includes("Что даст каждый способ")).at(-1)!;
    expect(ask.text).toContain("Как подбирать пары?");
    expect(ask.text).toContain("(наставляемых без пары: 4)");
    // Pete and Anna chose each other; Dima can meet nobody: no mode pairs him, none pairs people without a common time.
    expect(ask.text).toContain("• Лучшее совпадение: пару получат 3 из 4; взаимных выборов учтено: 1 из 1; пар без общего времени: 0.");
    expect(ask.text).toContain("• Больше пар: пару получат 3 из 4;");
    expect(ask.text).toContain("• Устойчивые пары: пару получат 3 из 4;");
    expect(ask.buttons.map((row) => row.map((b) => b.label))).toEqual([["Лучшее совпадение"], ["Больше пар"], ["Устойчивые пары"]]);
    // Nothing is stored before the curator picks.
    expect(await h.app.db.prisma.matchRun.count({ where: { programmeId } })).toBe(0);
    await curator.pressOn(ask.id, "Лучшее совпадение");
    await until(() => texts(curator).includes("режим «Лучшее совпадение»"));
    const page = curator.messages().filter((m) => m.text.includes("режим «Лучшее совпадение»")).at(-1)!;
    const shown = page.text;
    expect(shown).toContain("режим «Лучшее совпадение»");
    expect(shown).toContain("Предложено пар: 3 из 4 наставляемых без пары; без наставника: 1");
    // The mutual choice comes first, with its reasons in words.
    expect(shown).toMatch(/№1\. Анна Робототехник → Петя Смирнов — 1\s?\d{3} баллов/);
    expect(shown).toContain("• выбрали друг друга (наставляемый — 1-й выбор, наставник — 1-й)");
    expect(shown).toContain("• наставник поможет с целями: Информатика");
    expect(shown).toContain("• общие интересы: Робототехника");
    expect(shown).toContain("Борис Шахматист → Вася Кузнецов");
    expect(shown).toContain("Борис Шахматист → Коля Орлов");
    expect(shown).not.toContain("Дима Волков");
    const labels = page.buttons.flat().map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(["✅ Подтвердить №1", "✖ Отклонить №1", "✅ Подтвердить все (3)", "Без наставника"]));
    const run = await latestRun();
    expect(run.mode).toBe("best_total");
    expect((await suggestions(run.id)).map((s) => s.number)).toEqual([1, 2, 3]);
    // The curator is alerted about the mentee left without a mentor (through the outbox).
    await until(() => texts(curator).includes("без наставника осталось наставляемых — 1"));
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorId, action: "curator.match", outcome: "allowed" } })).toBe(2);
  });

  it("refuses mentors, mentees, strangers and curators of another programme, with an audit record", async () => {
    const { anna, pete } = people as Record<string, Seeded>;
    for (const [u, id] of [
      [anna!.user, anna!.personId],
      [pete!.user, pete!.personId],
    ] as const) {
      for (const [command, action] of [
        ["/match best", "curator.match"],
        ["/confirm 1", "curator.match_confirm"],
        ["/reject 1", "curator.match_reject"],
        ["/confirm_all", "curator.match_confirm_all"],
        ["/unmatched", "curator.unmatched"],
      ] as const) {
        await u.send(command);
        expect(u.last().text).toBe(REFUSAL);
        expect(await h.app.db.prisma.auditLog.count({ where: { actorId: id, action, outcome: "denied" } })).toBe(1);
      }
    }
    const stranger = h.user(platform);
    await stranger.send("/match");
    expect(stranger.last().text).toBe(REFUSAL);
    // A curator of another programme pressing (forged) buttons of this one.
    const [first] = await suggestions((await latestRun()).id);
    await otherCurator.pressPayload(`c|confirm|S.${first!.id}`);
    expect(otherCurator.last().text).toBe(REFUSAL);
    await otherCurator.pressPayload(`c|match|P.${programmeId}.best_total`);
    expect(otherCurator.last().text).toBe(REFUSAL);
    await otherCurator.pressPayload(`c|match|R.${first!.runId}.0`);
    expect(otherCurator.last().text).toBe(REFUSAL);
    expect(await h.app.db.prisma.auditLog.count({ where: { action: "curator.match_confirm", outcome: "denied", targetId: first!.id } })).toBe(1);
    // Their own /confirm 1 is about their own programme, where there is no such suggestion.
    await otherCurator.send("/confirm 1");
    expect(otherCurator.last().text).toContain("Предложенной пары №1 нет в этой программе");
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: "suggested" });
    expect(await pairOf("anna", "pete")).toBeNull();
    // Bad input from the curator gets a clear answer.
    expect(await said(curator, () => curator.send("/confirm 999"))).toContain("Предложенной пары №999 нет в этой программе");
    expect(await said(curator, () => curator.send("/confirm abc"))).toContain("Укажите номер предложенной пары");
    expect(await said(curator, () => curator.send("/match somehow"))).toContain("Не понял режим подбора");
  });

  it("a confirmed pair exists and both sides get the result with the contacts", async () => {
    const { anna, pete } = people as Record<string, Seeded>;
    // Contacts travel only with the confirmation: nobody, the curator included, has been sent one before.
    const link = (s: Seeded) => TEST_PLATFORMS[platform].contactOf(s.userId);
    for (const u of [pete!.user, anna!.user, curator]) for (const s of [anna!, pete!]) expect(texts(u)).not.toContain(link(s));
    expect(await said(curator, () => curator.press("✅ Подтвердить №1"))).toContain("Пара №1 подтверждена: Анна Робототехник → Петя Смирнов");
    const pair = await pairOf("anna", "pete");
    expect(pair).not.toBeNull();
    expect(pair!.status).toBe("acquaintance");
    await until(() => texts(pete!.user).includes("Пара подтверждена!") && texts(anna!.user).includes("Пара подтверждена!"));
    const toPete = pete!.user.messages().find((m) => m.text.includes("Пара подтверждена!"))!.text;
    expect(toPete).toContain("Ваш наставник: Анна Робототехник");
    expect(toPete).toContain(TEST_PLATFORMS[platform].contactOf(anna!.userId));
    expect(toPete).toContain("Елена Куратор");
    const toAnna = anna!.user.messages().find((m) => m.text.includes("Пара подтверждена!"))!.text;
    expect(toAnna).toContain("Петя Смирнов");
    expect(toAnna).toContain(TEST_PLATFORMS[platform].contactOf(pete!.userId));
    // The same button again changes nothing.
    expect(await said(curator, () => curator.press("✅ Подтвердить №1"))).toContain("Пара №1 уже подтверждена.");
    expect(await h.app.db.prisma.pair.count({ where: { programmeId } })).toBe(1);
  });

  it("a rejected pair is not suggested again; buttons of the older run are answered as such", async () => {
    expect(await said(curator, () => curator.send("/reject 2 разные графики"))).toContain("Пара №2 отклонена, причина записана");
    const rejected = await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { programmeId_number: { programmeId, number: 2 } } });
    expect(rejected).toMatchObject({ status: "rejected", rejectReason: "разные графики" });
    // The reason can be changed (or added after a button's rejection) by typing it again.
    expect(await said(curator, () => curator.send("/reject 2 не совпало время встреч"))).toContain("Причина отклонения пары №2 записана");
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({ status: "rejected", rejectReason: "не совпало время встреч" });
    expect(await said(curator, () => curator.send("/reject 2"))).toContain("уже отклонена");
    const oldRun = await latestRun();
    const rerun = await said(curator, () => curator.send("/match best"));
    const run = await latestRun();
    expect(run.id).not.toBe(oldRun.id);
    const now = await suggestions(run.id);
    // Pete stays with Anna (kept), Boris's rejected pair is gone; numbers go on.
    expect(now.map((s) => [s.mentorId, s.menteeId])).toEqual([[people.boris!.participationId, people.kolya!.participationId]]);
    expect(now.map((s) => s.number)).toEqual([4]);
    expect(rerun).toContain("уже подтверждённых пар: 1");
    expect(rerun).not.toContain("Вася Кузнецов");
    // The third suggestion of the old run was superseded.
    const third = (await suggestions(oldRun.id))[2]!;
    expect(await said(curator, () => curator.pressPayload(`c|confirm|S.${third.id}`))).toContain("Пара №3 из более раннего подбора");
    expect(await said(curator, () => curator.pressPayload(`c|match|R.${oldRun.id}.0`))).toContain("Это предложения более раннего подбора");
  });

  it("/confirm_all confirms every open suggestion and tells the people", async () => {
    const { kolya } = people as Record<string, Seeded>;
    expect(await said(curator, () => curator.send("/confirm_all"))).toContain("Подтверждено: 1 (пар и групп), наставляемых — 1");
    expect(await pairOf("boris", "kolya")).not.toBeNull();
    await until(() => texts(kolya!.user).includes("Ваш наставник: Борис Шахматист"));
    expect(await said(curator, () => curator.send("/confirm_all"))).toContain("Неподтверждённых предложений нет");
  });

  it("/unmatched lists the mentees left without a mentor with the reason", async () => {
    const text = await said(curator, () => curator.send("/unmatched"));
    expect(text).toContain("Наставляемые без наставника: 2.");
    expect(text).toContain("• Вася Кузнецов — подходящие наставники есть (1), но их места заняты");
    expect(text).toContain("• Дима Волков — ни у одного доступного наставника нет общего времени для встреч");
    expect(text).not.toContain("Коля Орлов");
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorId, action: "curator.unmatched", outcome: "allowed" } })).toBe(1);
  });

  it("runs the other modes too", async () => {
    expect(await said(curator, () => curator.send("/match stable"))).toContain("режим «Устойчивые пары»");
    expect(await said(curator, () => curator.send("/match most"))).toContain("режим «Больше пар»");
    expect((await latestRun()).mode).toBe("most_matched");
  });

  it("runs as the matching-run job of the worker and alerts the curator about the mentees left without a mentor", async () => {
    const ctx = { services: h.app.services, prisma: h.app.db.prisma, now: () => new Date() } as unknown as Parameters<typeof matchingJobKind.run>[0];
    const out = (await matchingJobKind.run(ctx, { data: { programmeId, mode: "stable" } } as never)) as { runId: string; matched: number; unmatched: number };
    const run = await latestRun();
    expect(run.id).toBe(out.runId);
    expect(run).toMatchObject({ mode: "stable", startedById: null });
    expect(out).toMatchObject({ matched: 0, unmatched: 2 });
    await until(async () => (await h.app.db.prisma.notification.count({ where: { dedupKey: `match-unmatched-${run.id}-${curatorId}` } })) === 1);
    await expect(matchingJobKind.run(ctx, { data: {} } as never)).rejects.toThrow(/programmeId/);
  });
  it("a large cohort's curator is told when the questionnaires are read, then gets the result in the same chat", async () => {
    const mark = curator.mark();
    const ctx = { services: h.app.services, prisma: h.app.db.prisma, now: () => h.app.services.now() } as unknown as Parameters<typeof matchingJobKind.run>[0];
    // A threshold of one person makes this small cohort "large".
    await matchingJobKind.run(ctx, { data: { programmeId, mode: "best_total", startedById: curatorId, notify: { personId: curatorId, platform, progressFrom: 1 } } } as never);
    await until(() => curator.since(mark).some((t) => t.includes("Анкеты прочитаны")));
    const got = curator.since(mark);
    expect(got.find((t) => t.includes("Анкеты прочитаны"))).toMatch(/наставляемых — \d+, наставников — \d+/);
    expect(got.some((t) => t.includes("режим «Лучшее совпадение»"))).toBe(true);
    // Below the threshold, only the result.
    const quiet = curator.mark();
    await matchingJobKind.run(ctx, { data: { programmeId, mode: "best_total", startedById: curatorId, notify: { personId: curatorId, platform } } } as never);
    await h.app.processor.drain();
    expect(curator.since(quiet).some((t) => t.includes("Анкеты прочитаны"))).toBe(false);
  });

  it("the Reject button asks why: a reason in one tap, a reason typed as the next message, stale reason buttons", async () => {
    // A new mentor with places for the mentees still without one, and one more mentee.
    await person("gleb", "mentor", "Глеб Игротехник", 4, { interests: ["games", "sport"], days: ["mon", "sun"], times: ["morning", "evening"], formats: ["online", "offline"] });
    await person("zhenya", "mentee", "Женя Белова", null, { interests: ["games"], grade: "7" });
    await person("lena", "mentee", "Лена Соколова", null, { interests: ["games"], grade: "6" });
    await curator.send("/match best");
    const run = await latestRun();
    const open = (await suggestions(run.id)).filter((s) => s.status === "suggested");
    expect(open.length).toBeGreaterThanOrEqual(4);
    const [a, b, c, d] = open as [(typeof open)[0], (typeof open)[0], (typeof open)[0], (typeof open)[0]];
    const names = await h.app.services.participants.names([a.mentorId, a.menteeId]);

    // Reject → the reasons, one a row; nothing is decided yet.
    const asked = await said(curator, () => curator.press(`✖ Отклонить №${a.number}`));
    expect(asked).toContain(`Почему отклонить пару №${a.number} (${names[a.mentorId]} → ${names[a.menteeId]})?`);
    const why = curator.messages().filter((m) => m.text.includes(`Почему отклонить пару №${a.number}`)).at(-1)!;
    expect(why.buttons.map((row) => row.map((btn) => btn.label))).toEqual([["Разные графики"], ["Не совпадают интересы"], ["Конфликт / несовместимость"], ["Другая причина — напишу"], ["Без причины"]]);
    for (const btn of why.buttons.flat()) expect(Buffer.byteLength(btn.payload)).toBeLessThanOrEqual(64);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "suggested", rejectReason: null });

    // A reason in one tap is stored with the rejection.
    expect(await said(curator, () => curator.pressOn(why.id, "Разные графики"))).toContain(`Пара №${a.number} отклонена, причина записана`);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "rejected", rejectReason: "Разные графики", decidedById: curatorId });
    expect(await h.app.db.prisma.auditLog.count({ where: { action: "curator.match_reject", outcome: "allowed", targetId: a.id } })).toBe(1);
    // The same reason buttons again: the pair is already decided, nothing changes.
    expect(await said(curator, () => curator.pressOn(why.id, "Конфликт / несовместимость"))).toContain(`Пара №${a.number} уже отклонена`);
    expect(await said(curator, () => curator.press(`✖ Отклонить №${a.number}`))).toContain(`Пара №${a.number} уже отклонена`);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ rejectReason: "Разные графики" });
    // The mentee of the rejected pair has no mentor, and /unmatched says so, with the cause; the others wait for confirmation.
    const unmatched = await said(curator, () => curator.send("/unmatched"));
    expect(unmatched).toContain(`• ${names[a.menteeId]} — предложенная пара отклонена`);
    expect(unmatched).toContain(`• ${(await h.app.services.participants.names([b.menteeId]))[b.menteeId]} — пара предложена и ждёт подтверждения`);
    expect(unmatched).not.toContain("Все наставляемые получили наставника");

    // "Another reason": the next message is the reason.
    await curator.press(`✖ Отклонить №${b.number}`);
    expect(await said(curator, () => curator.press("Другая причина — напишу"))).toContain(`Напишите одним сообщением, почему отклонить пару №${b.number}`);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "suggested" });
    expect(await said(curator, () => curator.send("Наставляемый переходит в другую школу"))).toContain(`Пара №${b.number} отклонена, причина записана`);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "rejected", rejectReason: "Наставляемый переходит в другую школу" });
    // The flow is over: the next text is not taken as a reason.
    expect(await said(curator, () => curator.send("спасибо"))).not.toContain("отклонена");

    // "No reason" rejects without one.
    await curator.press(`✖ Отклонить №${c.number}`);
    expect(await said(curator, () => curator.press("Без причины"))).toContain(`Пара №${c.number} отклонена и больше не будет предложена`);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "rejected", rejectReason: null });

    // Another programme's curator pressing (forged) reason buttons is refused, with an audit record.
    for (const code of ["conflict", "own"]) {
      await otherCurator.pressPayload(`c|reject|S.${d.id}.${code}`);
      expect(otherCurator.last().text).toBe(REFUSAL);
    }
    expect(await h.app.db.prisma.auditLog.count({ where: { action: "curator.match_reject", outcome: "denied", targetId: d.id } })).toBe(2);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "suggested" });

    // Reason buttons of an older matching are answered as such and change nothing.
    await curator.press("Ещё ▶");
    await curator.press(`✖ Отклонить №${d.number}`);
    const whyD = curator.messages().filter((m) => m.text.includes(`Почему отклонить пару №${d.number}`)).at(-1)!;
    await curator.send("/match best");
    expect((await latestRun()).id).not.toBe(run.id);
    expect(await said(curator, () => curator.pressOn(whyD.id, "Не совпадают интересы"))).toContain(`Пара №${d.number} из более раннего подбора`);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "superseded", rejectReason: null });
    // A reason typed for a pair that was superseded meanwhile is answered too.
    const fresh = (await suggestions((await latestRun()).id)).find((s) => s.status === "suggested")!;
    await curator.press(`✖ Отклонить №${fresh.number}`);
    await curator.press("Другая причина — напишу");
    await curator.send("/match best");
    expect(await said(curator, () => curator.send("уже неважно"))).toContain(`Пара №${fresh.number} из более раннего подбора`);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: "superseded", rejectReason: null });
    // None of the rejected pairs is suggested again.
    const latest = await suggestions((await latestRun()).id);
    for (const r of [a, b, c]) expect(latest.some((s) => s.mentorId === r.mentorId && s.menteeId === r.menteeId)).toBe(false);
  });

  it("/match_settings shows the rules in force, turns must-haves on and off with a button and sets points by typing", async () => {
    const settingsOf = async () => ((await h.app.db.prisma.programme.findUniqueOrThrow({ where: { id: programmeId } })).settings as { matching?: unknown }).matching;
    const shown = await said(curator, () => curator.send("/match_settings"));
    expect(shown).toContain("Правила подбора пар");
    expect(shown).toContain("• есть общее время для встреч — да (по умолчанию да)");
    expect(shown).toContain("• класс наставляемого — из тех, с которыми наставник хочет работать — нет (по умолчанию нет)");
    expect(shown).toContain("• наставник поможет с целью наставляемого (goals) — 40 за каждую, до трёх (по умолчанию 40)");
    const view = curator.messages().filter((m) => m.text.includes("Правила подбора пар")).at(-1)!;
    expect(view.buttons.map((row) => row.map((b) => b.label))).toEqual([["Общее время обязательно: да"], ["Общий формат обязателен: да"], ["Подходящий класс обязателен: нет"], ["Вернуть правила по умолчанию"]]);
    for (const b of view.buttons.flat()) expect(Buffer.byteLength(b.payload)).toBeLessThanOrEqual(64);
    // One tap: the grade becomes a must-have.
    expect(await said(curator, () => curator.pressOn(view.id, "Подходящий класс обязателен: нет"))).toContain("Сохранено.");
    expect(await settingsOf()).toEqual({ policy: { mustHave: { time: true, format: true, grade: true } } });
    // Points are typed; out of range or unknown words get the examples.
    expect(await said(curator, () => curator.send("/match_settings goals 55"))).toContain("(goals) — 55 за каждую");
    expect(await settingsOf()).toMatchObject({ weights: { goalCovered: 55 } });
    expect(await said(curator, () => curator.send("/match_settings goals 5000"))).toContain("Не понял, что изменить");
    expect(await said(curator, () => curator.send("/match_settings somehow"))).toContain("Не понял, что изменить");
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorId, action: "curator.match_settings", outcome: "allowed" } })).toBe(2);
    // The next run follows them: no suggested pair breaks a must-have.
    await curator.send("/match best");
    const run = await latestRun();
    const evaluator = pairEvaluator((await h.app.services.matching.cohort(programmeId)).input, (await h.app.services.matching.cohort(programmeId)).options);
    for (const s of await suggestions(run.id)) if (s.status === "suggested") expect(evaluator.brokenMustHave(s.mentorId, s.menteeId)).toBeNull();
    expect(await said(curator, () => curator.send("/match_settings reset"))).toContain("Правила подбора снова те, что по умолчанию.");
    expect(await settingsOf()).toEqual({});
    // Not for mentors, and not for another programme's curator.
    const { anna } = people as Record<string, Seeded>;
    await anna!.user.send("/match_settings time");
    expect(anna!.user.last().text).toBe(REFUSAL);
    await otherCurator.pressPayload(`c|match_settings|P.${programmeId}.time`);
    expect(otherCurator.last().text).toBe(REFUSAL);
    expect(await settingsOf()).toEqual({});
  });
});
