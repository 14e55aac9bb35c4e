import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM, setUsername, TEST_PLATFORMS, WITH_USERNAMES } from "../support/platforms.js";
import type { TestUser } from "../support/users.js";
import { join, other, participationOf, personOf, tick } from "./forms-support.js";
import { local, TZ } from "./lifecycle-support.js";
import { scanCatalog as scan, type Needle } from "../support/catalog-scan.js";

/**
 * After /forget nothing in the database names or locates the person: every text, varchar and
 * JSON column of every table (read from the catalog, so a new table or column is checked too)
 * is searched for their name, their representative's name, their messenger accounts (ids,
 * username, the links made of them) and what they typed — after a whole cycle in which all of
 * it reached other people: the questionnaire, the pair confirmed, a message through the bot, the
 * contacts the curator let the pair exchange, a meeting
 * proposed with a place, reminders still waiting, the curator told of a change request.
 * The counts the reports are made of stay.
 */

const FAST = { perSecond: 10_000, perChatMs: 0 };

/** A public name where the account's messenger has them. */
const named = (u: TestUser, username: string): void => {
  if (WITH_USERNAMES.includes(u.platform)) setUsername(u, username);
};

describe.each(ON_EVERY_PLATFORM)("erasure after /forget on %s", (platform) => {
  const clock = { now: local("2026-11-30", "10:00") };
  let h: Harness;
  let programmeId: string;
  let curator: TestUser;
  let mentor: TestUser;
  let mentee: TestUser;
  let second: TestUser;
  let menteePerson: string;
  const needles: Needle[] = [];
  const unkept: Needle[] = [];

  const delivered = async () => {
    if (!(await h.app.outbound.drained(clock.now))) throw new Error("outbound not drained");
  };

  beforeAll(async () => {
    h = await startHarness({ app: { now: () => clock.now, outbound: { pace: { telegram: FAST, vk: FAST, max: FAST } } } });
    ({ programmeId } = await h.seedProgramme({ timezone: TZ, startsOn: "2026-09-01", endsOn: "2027-05-31" }));
  });
  afterAll(() => h?.close());

  it("a whole cycle spreads the mentee's data to the mentor, the curator and the records", async () => {
    curator = h.user(other(platform));
    const curatorPerson = await join(h, curator, programmeId, "curator", "Елена Куратор");
    mentor = h.user(platform);
    const mentorPerson = await join(h, mentor, programmeId, "mentor", "Мария Иванова");
    const mentorParticipation = (await participationOf(h, mentorPerson, programmeId, "mentor")).id;
    await h.app.db.prisma.participation.update({ where: { id: mentorParticipation }, data: { status: "approved" } });

    // A minor mentee with a public username where her messenger has them (the VK run links a Telegram account that has one).
    mentee = h.user(platform);
    named(mentee, "ulyana_grechko_11");
    await mentee.open(await h.invite(programmeId, "mentee"));
    await mentee.press("Русский");
    await mentee.press("14–17 лет");
    await mentee.press("Даю согласие");
    await mentee.send("Гречко Светлана Аркадьевна");
    await mentee.press("Мать");
    await mentee.press("Даю согласие");
    await mentee.send("Ульяна Гречко");
    menteePerson = await personOf(h, mentee);

    // The same person on the other messenger, linked with a code; a second code is left unused.
    second = h.user(other(platform));
    named(second, "ulyana_grechko_11");
    await mentee.send("/link");
    const code = (await h.app.db.prisma.identityLinkCode.findFirstOrThrow({ where: { personId: menteePerson } })).code;
    await second.send(`/link ${code}`);
    expect(second.last().text).toContain("связан с вашим профилем");
    await second.send("/help");
    await mentee.send("/link");
    expect(await h.app.db.prisma.messengerIdentity.count({ where: { personId: menteePerson } })).toBe(2);

    // The questionnaire, with answers only she would give.
    await mentee.send("/questionnaire");
    await mentee.press("Продолжить");
    await mentee.send("15");
    await mentee.press("7 класс");
    await mentee.send("Хочу выступить на олимпиаде по астрономии в Пулково.");
    await mentee.send("Нужна помощь с задачами про затмения.");
    await tick(mentee, "Биология", "Олимпиады и конкурсы");
    await tick(mentee, "Уверенность в себе");
    await mentee.press("Пропустить");
    await tick(mentee, "Природа, экология");
    await mentee.send("Играю на виолончели в оркестре «Камертон».");
    await mentee.press("Пропустить");
    await tick(mentee, "Сб");
    await tick(mentee, "Утром (до 12)");
    await mentee.press("Раз в неделю");
    await tick(mentee, "Онлайн");
    await mentee.press("✅ Отправить");
    expect(mentee.last().text).toContain("Заявка отправлена куратору");

    // The curator confirms the pair: mentor and curator get her name, the curator her contacts.
    const menteeParticipation = (await participationOf(h, menteePerson, programmeId, "mentee")).id;
    const confirmed = await h.app.services.pairs.confirmPair({ programmeId, mentorParticipationId: mentorParticipation, menteeParticipationIds: [menteeParticipation], confirmedById: curatorPerson, now: clock.now });
    expect(confirmed.ok).toBe(true);
    await delivered();
    expect(mentor.last().text).toContain("Ульяна Гречко");
    // She is a minor: the pair writes through the bot; she tells the mentor about herself.
    await mentee.press("✉️ Написать");
    await mentee.send("Я пою в хоре «Жаворонок» по средам.");
    await mentee.send("/cancel");
    await delivered();
    expect(mentor.last().text).toContain("хоре «Жаворонок»");
    // The curator lets them exchange contacts: the mentor gets hers.
    await curator.send("/contacts_allow 1");
    await delivered();
    // Her contacts: both accounts, each as its messenger links it (by the username where it has one).
    const accounts = await h.app.db.prisma.messengerIdentity.findMany({ where: { personId: menteePerson }, orderBy: { platform: "asc" } });
    expect(accounts.map((a) => a.platform).sort()).toEqual([platform, other(platform)].sort());
    const links = accounts.map((a) => TEST_PLATFORMS[a.platform].contactOf(a.externalId, WITH_USERNAMES.includes(a.platform) ? "ulyana_grechko_11" : undefined));
    expect(accounts.map((a) => a.username)).toEqual(accounts.map((a) => (WITH_USERNAMES.includes(a.platform) ? "ulyana_grechko_11" : null)));
    for (const link of links) expect(mentor.last().text).toContain(link);

    // She proposes a meeting at her address for tomorrow morning; the mentor confirms it.
    await mentee.press("📅 Предложить встречу");
    await mentee.send("01.12.2026");
    await mentee.send("09:30");
    await mentee.send("ул. Садовая 12, кв. 45");
    await delivered();
    expect(mentor.last().text).toContain("Ульяна Гречко предлагает встречу");
    await mentor.press("✅ Подтвердить");
    await delivered();

    // She asks the curator to change the mentor; the curator looks at the participants.
    await mentee.send("/request_change");
    await mentee.press("Сменить наставника");
    await delivered();
    expect(curator.messages().some((m) => m.text.includes("Ульяна Гречко"))).toBe(true);
    await curator.send("/participants");

    // An hour before the meeting the mentor is reminded of it, with her name and the place.
    clock.now = local("2026-12-01", "08:35");
    await h.app.lifecycle.tick(clock.now);
    await delivered();
    expect(await h.app.db.prisma.notification.count({ where: { personId: mentorPerson, status: "sent", kind: "meeting-reminder" } })).toBe(1);
    // The mentor starts another proposal and leaves it half-way.
    await mentor.send("/meeting");
    await mentor.press("📅 Предложить встречу");

    // Late in the evening the curator ends the pair (she moves away), with a note: the
    // participants and the curators are told when quiet hours end, so those messages wait.
    clock.now = local("2026-12-01", "23:00");
    const ended = await h.app.services.pairs.end({ pairId: confirmed.ok ? confirmed.pairId : "", reason: "moved", comment: "Ульяна Гречко переезжает к бабушке", endedById: curatorPerson, now: clock.now });
    expect(ended.ok).toBe(true);
    await delivered();
    const waiting = await h.app.db.prisma.notification.findMany({ where: { personId: { in: [mentorPerson, curatorPerson] }, status: "pending", kind: "pair-ended" } });
    expect(waiting).toHaveLength(2);
    expect(JSON.stringify(waiting.map((w) => w.payload))).toContain("Ульяна Гречко");

    for (const a of accounts) {
      needles.push({ what: `${a.platform} account id`, value: a.externalId, number: true });
      if (a.chatId !== a.externalId) needles.push({ what: `${a.platform} chat id`, value: a.chatId, number: true });
      // Ids the messenger also gives (the MAX dialog's) are not kept at all; they are looked for after the erasure too.
      for (const id of TEST_PLATFORMS[a.platform].otherIdsOf(a.externalId)) unkept.push({ what: `${a.platform} ${id.what}`, value: id.value, number: true });
    }
    needles.push(
      { what: "name", value: "Ульяна Гречко" },
      { what: "representative's name", value: "Светлана Аркадьевна" },
      { what: "username", value: "ulyana_grechko_11" },
      ...links.map((l) => ({ what: `contact link ${l.split("/")[2]}`, value: l })),
      { what: "answer: goals", value: "олимпиаде по астрономии в Пулково" },
      { what: "answer: help wanted", value: "задачами про затмения" },
      { what: "answer: hobbies", value: "оркестре «Камертон»" },
      { what: "relay message", value: "хоре «Жаворонок»" },
      { what: "meeting place", value: "Садовая 12" },
      { what: "the curator's note on her pair", value: "переезжает к бабушке" },
    );
    // Every needle is somewhere before the erasure: the scan below looks where the data really goes.
    const before = await scan(h, needles);
    expect(new Set(before.found.map((f) => f.what))).toEqual(new Set(needles.map((n) => n.what)));
    const where = (what: string) => before.found.filter((f) => f.what === what).map((f) => `${f.table}.${f.column}`);
    expect(where("name")).toEqual(expect.arrayContaining(["Person.displayName", "Notification.payload"]));
    expect(where("meeting place")).toEqual(expect.arrayContaining(["Meeting.place", "Notification.payload"]));
  });

  it("/forget erases every trace of her in every text and JSON column of every table; the counts stay", async () => {
    const counts = async () => {
      const loaded = await h.app.services.indicatorData.load({ programmeIds: [programmeId] });
      return {
        mentors: loaded.data.participants.filter((p) => p.role === "mentor").length,
        mentees: loaded.data.participants.filter((p) => p.role === "mentee").length,
        menteeAges: loaded.data.participants.filter((p) => p.role === "mentee").map((p) => p.age),
        pairs: loaded.data.pairs.length,
        meetings: await h.app.db.prisma.meeting.count({ where: { pair: { programmeId } } }),
        notifications: await h.app.db.prisma.notification.count({ where: { personId: { not: menteePerson } } }),
      };
    };
    const before = await counts();
    const curatorMark = curator.mark();
    await mentee.send("/forget");
    await mentee.press("Да, удалить мои данные");
    expect(mentee.last().text).toContain("ваши персональные данные удалены");
    await delivered();

    const after = await scan(h, [...needles, ...unkept]);
    expect(after.tables).toBeGreaterThanOrEqual(20);
    expect(after.found.map((f) => `${f.table}.${f.column}: ${f.what}`)).toEqual([]);

    // The destruction is proven at once by its act (a table the scan above searched too): whose by
    // the internal id, what, when, why, how, by which process, with the extract from the log.
    const act = await h.app.services.acts.ofSubject(menteePerson);
    expect(act).toMatchObject({ subjectId: menteePerson, roles: ["mentee"], programmeIds: [programmeId], reason: "subject_request", process: "forget-command", method: "erasure-in-place", destroyedAt: clock.now, reasonAt: clock.now });
    expect(act!.categories).toEqual(expect.arrayContaining(["name", "representative-name", "messenger-accounts", "text-answers", "messages", "meeting-places", "pair-notes", "link-codes", "update-records", "mentions"]));
    expect(act!.categories).not.toContain("choices");
    const extract = act!.logExtract;
    expect(extract.at(-1)).toMatchObject({ action: "privacy.destroyed", actorId: null, targetType: "person", targetId: menteePerson, details: { reason: "subject_request", process: "forget-command" } });
    expect(extract.some((e) => e.actorId === menteePerson && e.action === "pair.request_change")).toBe(true);

    // The curator is told that a mentee of the programme left, without who she was.
    const told = curator.since(curatorMark).join("\n");
    expect(told).toContain("отозвал согласие");
    expect(told).toContain("Шаг в профессию");
    expect(told).not.toContain("Гречко");

    // The reports still count her, without saying who.
    expect(await counts()).toEqual({ ...before, notifications: before.notifications + 1 });
    const meeting = await h.app.db.prisma.meeting.findFirstOrThrow({ where: { pair: { programmeId } } });
    expect(meeting.place).toBeNull();
    // Other people's messages that named her are kept, with the name and contacts taken out;
    // those still waiting are not sent.
    const reminder = await h.app.db.prisma.notification.findFirstOrThrow({ where: { kind: "meeting-reminder", personId: { not: null } } });
    expect(reminder.status).toBe("sent");
    expect(JSON.stringify(reminder.payload)).toContain("—");
    expect((await h.app.db.prisma.notification.findMany({ where: { kind: "pair-ended" } })).map((n) => n.status)).toEqual(["cancelled", "cancelled"]);
    // The linked account is a stranger again too.
    await second.send("/mydata");
    expect(second.last().text).toBe("О вас у нас ничего не хранится.");
  });
});
