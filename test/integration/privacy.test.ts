import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { join, personOf } from "./forms-support.js";

describe.each(ON_EVERY_PLATFORM)("personal data on %s", (platform) => {
  let h: Harness;
  let programmeId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ programmeId } = await h.seedProgramme());
  });
  afterAll(() => h?.close());

  it("/mydata sends a file with everything stored about the person", async () => {
    const u = h.user(platform);
    await join(h, u, programmeId, "mentee", "Ирина Ковалёва");
    await u.send("/mydata");
    const last = u.last();
    expect(last.document).toBe(true);
    expect(last.text).toContain("всё, что хранится о вас");
    // The file itself is the export, readable as JSON.
    const file = JSON.parse(last.file!.content.toString("utf8"));
    expect(JSON.stringify(file)).toContain("Ирина Ковалёва");
    const personId = await personOf(h, u);
    const data = await h.app.services.privacy.export(personId);
    expect(JSON.stringify(data)).toContain("Ирина Ковалёва");
    expect((data as any).consents[0].kind).toBe("personal_data");
    expect(await h.app.db.prisma.auditLog.count({ where: { action: "privacy.export", actorId: personId } })).toBe(1);
  });

  it("/mydata gives the wording in the person's language beside every stored code", async () => {
    const u = h.user(platform);
    const personId = await join(h, u, programmeId, "mentee", "Вера Лаптева");
    await h.app.db.prisma.formResponse.create({
      data: { personId, programmeId, formId: "mentee-request", formVersion: 1, answers: { age: 13, days: ["thu"], times: ["afternoon"], formats: ["offline"], hobbies: null }, status: "submitted", submittedAt: h.app.services.now(), createdAt: h.app.services.now(), updatedAt: h.app.services.now() },
    });
    await u.send("/mydata");
    const data = JSON.parse(u.last().file!.content.toString("utf8"));
    const form = data.forms.find((f: any) => f.formId === "mentee-request");
    expect(form.title).toBe("Заявка наставляемого");
    expect(form.answers.days).toEqual({ question: "В какие дни вам удобно встречаться?", value: ["thu"], shown: "Чт" });
    expect(form.answers.times).toMatchObject({ value: ["afternoon"], shown: expect.stringContaining("Днём") });
    expect(form.answers.formats).toMatchObject({ value: ["offline"], shown: "Очно" });
    expect(form.answers.hobbies.shown).toBe("пропущено");
    expect(data.programmes[0]).toMatchObject({ role: "mentee", roleLabel: "наставляемый", status: "joined" });
    expect(data.programmes[0].statusLabel).toBeTruthy();
    await u.send("/language en");
    await u.send("/mydata");
    const english = JSON.parse(u.last().file!.content.toString("utf8"));
    expect(english.forms.find((f: any) => f.formId === "mentee-request").answers.days).toMatchObject({ value: ["thu"], shown: "Thu" });
    expect(english.programmes[0].roleLabel).toBe("mentee");
  });

  it("/forget asks first, then erases what identifies the person, tells the curator, keeps the aggregates", async () => {
    const curator = h.user(platform);
    await join(h, curator, programmeId, "curator", "Куратор Петрова");
    const u = h.user(platform);
    const personId = await join(h, u, programmeId, "mentee", "Олег Сидоров");
    await h.app.db.prisma.formResponse.create({
      data: { personId, programmeId, formId: "satisfaction-mentee", formVersion: 1, answers: { overall: 5, improve: "Больше встреч с Олегом" }, status: "submitted", submittedAt: h.app.services.now(), createdAt: h.app.services.now(), updatedAt: h.app.services.now() },
    });
    await u.send("/forget");
    expect(u.last().text).toContain("Это действие нельзя отменить");
    await u.press("Нет, оставить");
    expect(await h.app.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({ displayName: "Олег Сидоров", erasedAt: null });
    await u.send("/forget");
    await u.press("Да, удалить мои данные");
    expect(u.last().text).toContain("ваши персональные данные удалены");
    const person = await h.app.db.prisma.person.findUniqueOrThrow({ where: { id: personId }, include: { identities: true, consents: true, participations: true, formResponses: true } });
    expect(person.displayName).toBeNull();
    expect(person.erasedAt).not.toBeNull();
    expect(person.identities).toHaveLength(0);
    expect(person.consents.every((c) => c.withdrawnAt !== null)).toBe(true);
    expect(person.participations.map((p) => p.status)).toEqual(["left"]);
    // The satisfaction score stays for the indicators; the free text that named someone is gone.
    expect(person.formResponses.find((r) => r.formId === "satisfaction-mentee")!.answers).toEqual({ overall: 5 });
    // The curator is told a mentee left, not who: the message stays in the curator's records.
    const told = curator.messages().find((m) => m.text.includes("отозвал согласие"));
    expect(told?.text).toContain("Программа «Шаг в профессию»: наставляемый отозвал согласие на обработку персональных данных и вышел из программы.\nИмя, контакты и ответы участника удалены");
    expect(curator.messages().some((m) => m.text.includes("Олег Сидоров"))).toBe(false);
    // The bot no longer knows the account: it is a stranger again.
    await u.send("/start");
    expect(u.last().text).toContain("нужна ссылка-приглашение");
    await u.send("/mydata");
    expect(u.last().text).toBe("О вас у нас ничего не хранится.");
  });
});
