import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";

describe.each(ON_EVERY_PLATFORM)("joining a programme on %s", (platform) => {
  let h: Harness;
  let programmeId: string;

  beforeAll(async () => {
    h = await startHarness();
    ({ programmeId } = await h.seedProgramme());
  });
  afterAll(() => h?.close());

  it("an adult mentor joins: language, age, the consent document, name; becomes a participant", async () => {
    const code = await h.invite(programmeId, "mentor");
    const u = h.user(platform);
    await u.open(code);
    expect(u.last().text).toContain("Шаг в профессию");
    await u.press("Русский");
    expect(u.last().text).toContain("Сколько вам лет");
    await u.press("18 лет и старше");
    expect(u.messages().map((m) => m.text).join("\n")).toContain("152-ФЗ");
    // Nothing about the person is stored before consent.
    expect(await h.app.db.prisma.person.count({ where: { identities: { some: { externalId: u.id } } } })).toBe(0);
    await u.press("Даю согласие");
    const person = await h.app.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { externalId: u.id, platform } } }, include: { consents: true } });
    expect(person.consents.map((c) => c.kind)).toEqual(["personal_data"]);
    expect(person.isMinor).toBe(false);
    expect(u.last().text).toContain("Как к вам обращаться");
    await u.send("Мария Иванова");
    const texts = u.messages().map((m) => m.text).join("\n");
    expect(texts).toContain("Добро пожаловать в программу «Шаг в профессию»");
    const participation = await h.app.db.prisma.participation.findFirstOrThrow({ where: { personId: person.id } });
    expect(participation).toMatchObject({ programmeId, role: "mentor", status: "joined" });
    expect((await h.app.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).displayName).toBe("Мария Иванова");
    expect(await h.app.db.prisma.conversation.count()).toBe(0);
  });

  it("a minor mentee needs the legal representative's name and consent before going on", async () => {
    const code = await h.invite(programmeId, "mentee");
    const u = h.user(platform);
    await u.open(code);
    await u.press("Русский");
    await u.press("14–17 лет");
    await u.press("Даю согласие");
    // The minor's own consent waits for the representative's: nothing is stored yet.
    expect(await h.app.db.prisma.person.count({ where: { identities: { some: { externalId: u.id } } } })).toBe(0);
    expect(u.last().text).toContain("законного представителя");
    // Progress counts one sequence: language, age, the representative's name and relation, then the name.
    expect(u.last().text).toMatch(/^Вопрос 3 из 5\n/);
    await u.send("Иванова Ольга Петровна");
    await u.press("Мать");
    expect(u.last().text).toContain("Иванова Ольга Петровна");
    // The name question is not asked before the representative consents.
    expect(u.last().text).not.toContain("Как к вам обращаться");
    // Typing "да" is not the representative's consent: only their button is.
    await u.send("да");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    expect(await h.app.db.prisma.consent.count({ where: { kind: "legal_representative", person: { identities: { some: { externalId: u.id } } } } })).toBe(0);
    await u.press("Даю согласие");
    expect(u.last().text).toMatch(/^Вопрос 5 из 5\n\nКак к вам обращаться/);
    const person = await h.app.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { externalId: u.id } } }, include: { consents: { orderBy: { kind: "asc" } } } });
    expect(person.isMinor).toBe(true);
    expect(person.consents.map((c) => [c.kind, c.representativeName, c.representativeRelation])).toEqual([
      ["personal_data", null, null],
      ["legal_representative", "Иванова Ольга Петровна", "mother"],
    ]);
    await u.send("Петя Иванов");
    expect(await h.app.db.prisma.participation.count({ where: { personId: person.id, role: "mentee" } })).toBe(1);
  });

  it("«under 18» cannot be taken back with Back: the representative's consent is still asked", async () => {
    const code = await h.invite(programmeId, "mentee");
    const u = h.user(platform);
    await u.open(code);
    await u.press("Русский");
    await u.press("Младше 14 лет");
    expect(u.last().text).toContain("законного представителя");
    // Nothing to go back to: the age question is not offered again.
    expect(u.last().buttons.flat().map((b) => b.label)).not.toContain("◀ Назад");
    await u.send("/back");
    expect(u.last().text).toContain("законного представителя");
    expect(u.last().text).not.toContain("Сколько вам лет");
    await u.send("Да");
    await u.send("Петя Иванов");
    // Nothing is stored of a child before the representative's button.
    expect(await h.app.db.prisma.person.count({ where: { identities: { some: { externalId: u.id } } } })).toBe(0);
  });

  it("a minor whose representative declines stops there and is not a participant", async () => {
    const code = await h.invite(programmeId, "mentee");
    const u = h.user(platform);
    await u.open(code);
    await u.press("Русский");
    await u.press("14–17 лет");
    await u.press("Даю согласие");
    await u.send("Сидоров Иван Иванович");
    await u.press("Отец");
    await u.press("Не даю согласия");
    expect(u.last().text).toContain("Без согласия законного представителя");
    // The minor's own consent alone keeps nothing: no person, no conversation.
    expect(await h.app.db.prisma.person.count({ where: { identities: { some: { externalId: u.id } } } })).toBe(0);
    expect(await h.app.db.prisma.conversation.count({ where: { chatKey: { contains: u.id } } })).toBe(0);
  });

  it("declining consent stores nothing", async () => {
    const code = await h.invite(programmeId, "mentee");
    const u = h.user(platform);
    await u.open(code);
    await u.press("English");
    await u.press("18 or older");
    expect(u.messages().map((m) => m.text).join("\n")).toContain("152-FZ");
    await u.press("I do not agree");
    expect(u.last().text).toContain("we have kept nothing about you");
    expect(await h.app.db.prisma.messengerIdentity.count({ where: { externalId: u.id } })).toBe(0);
  });

  it("answers in English after English is chosen, and keeps it for later commands", async () => {
    const code = await h.invite(programmeId, "mentor");
    const u = h.user(platform);
    await u.open(code);
    await u.press("English");
    // One sequence through the join: the language was question 1, the name comes third.
    expect(u.last().text).toMatch(/^Question 2 of 3\n\nHow old are you\?/);
    await u.press("18 or older");
    await u.press("I agree");
    expect(u.last().text).toMatch(/^Question 3 of 3\n\nWhat should we call you/);
    await u.send("John Smith");
    await u.send("/help");
    expect(u.last().text).toContain("For participants:");
  });

  it("a bad, expired or used-up invitation gets a clear answer", async () => {
    const u = h.user(platform);
    await u.open("ABCDEFGHJK");
    expect(u.last().text).toContain("Такое приглашение не найдено");
    const expired = await h.invite(programmeId, "mentee", { expiresAt: new Date(Date.now() - 1000) });
    await u.open(expired);
    expect(u.last().text).toContain("Срок действия этого приглашения истёк");
    await u.send("/start hello");
    expect(u.last().text).toContain("не похоже на код приглашения");
  });

  it("an invitation used up, revoked or expired while someone was still answering does not let them in", async () => {
    // Up to the last question, as someone who opened the link a while ago.
    const upToName = async (u: ReturnType<typeof h.user>, code: string) => {
      await u.open(code);
      await u.press("Русский");
      await u.press("18 лет и старше");
      await u.press("Даю согласие");
      expect(u.last().text).toContain("Как к вам обращаться");
    };
    const once = await h.invite(programmeId, "mentor", { maxUses: 1 });
    const [first, second, third] = [h.user(platform), h.user(platform), h.user(platform)];
    for (const u of [first, second, third]) await upToName(u, once);
    await first.send("Первый Наставник");
    expect(first.messages().map((m) => m.text).join("\n")).toContain("Добро пожаловать");
    for (const u of [second, third]) {
      await u.send("Поздний Наставник");
      expect(u.last().text).toContain("По этому приглашению уже присоединилось максимальное число участников");
    }
    const inv = await h.app.db.prisma.invitation.findFirstOrThrow({ where: { code: once } });
    expect(inv.uses).toBe(1);
    expect(await h.app.db.prisma.participation.count({ where: { invitationId: inv.id } })).toBe(1);
    // A curator invitation revoked mid-join makes nobody a curator.
    const curatorCode = await h.invite(programmeId, "curator");
    const late = h.user(platform);
    await late.open(curatorCode);
    await late.press("Русский");
    await late.press("Даю согласие");
    await h.app.db.prisma.invitation.update({ where: { code: curatorCode }, data: { revokedAt: h.app.services.now() } });
    await late.send("Не Куратор");
    expect(late.last().text).toContain("Это приглашение отозвано куратором");
    const person = await h.app.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { externalId: late.id } } } });
    expect(await h.app.db.prisma.participation.count({ where: { personId: person.id, role: "curator" } })).toBe(0);
    await late.send("/participants");
    expect(late.last().text).toBe("Эта команда доступна только куратору программы.");
    expect(await h.app.db.prisma.conversation.count({ where: { personId: person.id } })).toBe(0);
  });

  it("/start without a code explains how to join; an invitation code typed as text works", async () => {
    const u = h.user(platform);
    await u.send("/start");
    expect(u.last().text).toContain("нужна ссылка-приглашение");
    const code = await h.invite(programmeId, "mentee");
    await u.send(code.toLowerCase());
    expect(u.last().text).toContain("Шаг в профессию");
  });

  it("wrong input at every step type: re-asked with the reason, nothing lost", async () => {
    const code = await h.invite(programmeId, "mentee");
    const u = h.user(platform);
    await u.open(code);
    await u.send("по-русски пожалуйста");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.press("Русский");
    await u.sendSticker();
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.press("18 лет и старше");
    // A typed "да" is no consent: only the button is.
    await u.send("да");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    expect(await h.app.db.prisma.person.count({ where: { identities: { some: { externalId: u.id } } } })).toBe(0);
    await u.press("Даю согласие");
    expect(u.last().text).toContain("Как к вам обращаться");
    await u.sendSticker();
    expect(u.last().text).toContain("стикеры, фото и голосовые сообщения не подойдут");
    await u.send("x".repeat(10_000));
    expect(u.last().text).toContain("не больше 100 символов");
    await u.send("/frobnicate");
    expect(u.last().text).toContain("Как к вам обращаться");
    expect(u.messages().some((m) => m.text.includes("Я не знаю команду /frobnicate"))).toBe(true);
    // A name that shows nothing (Hangul fillers, an override, word joiners) is refused; one with an override inside is kept without it.
    await u.send("\u3164\u0301\u202E\u0308\u2060");
    expect(u.last().text).toContain("В имени не видно ни одной буквы");
    await u.send("А\u202Eня");
    expect(u.messages().map((m) => m.text).join("\n")).toContain("Добро пожаловать");
    const person = await h.app.db.prisma.person.findFirstOrThrow({ where: { identities: { some: { externalId: u.id } } } });
    expect(person.displayName).toBe("Аня");
  });

  it("a join begun at a question the flow no longer has is ended with a clear answer, not left hanging", async () => {
    const u = h.user(platform);
    await u.open(await h.invite(programmeId, "mentor"));
    await u.press("Русский");
    const stored = await h.app.db.prisma.conversation.findFirstOrThrow({ where: { chatKey: { contains: u.id } } });
    // As a join stored before the age group replaced the yes/no question "adult".
    await h.app.db.prisma.conversation.update({ where: { chatKey: stored.chatKey }, data: { state: { ...(stored.state as object), stepId: "adult" } } });
    await u.send("Да");
    expect(u.last().text).toContain("больше не используется");
    expect(await h.app.db.prisma.conversation.count({ where: { chatKey: stored.chatKey } })).toBe(0);
  });

  it("a button from an old message is answered as stale and the current question shown", async () => {
    const code = await h.invite(programmeId, "mentee");
    const u = h.user(platform);
    await u.open(code);
    const languagePrompt = u.last().id;
    const languageButtons = u.last().buttons;
    await u.press("Русский");
    // Replay the old language button (its payload is still known to the client).
    await u.pressPayload(languageButtons[0]![0]!.payload.replace(/^\{"p":"(.*)"\}$/, "$1"));
    expect(u.messages().some((m) => m.text.startsWith("Эта кнопка из старого сообщения"))).toBe(true);
    expect(u.last().text).toContain("Сколько вам лет");
    expect(languagePrompt).toBeLessThan(u.last().id);
    await u.pressPayload("garbage|payload");
    expect(u.messages().some((m) => m.text.includes("Эта кнопка больше не действует"))).toBe(true);
  });
});
