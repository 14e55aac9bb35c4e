import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandPayload } from "../../src/bot/core/payload.js";
import { ON_EVERY_PLATFORM, TEST_PLATFORMS } from "../support/platforms.js";
import type { TestUser } from "../support/users.js";
import { join, other, personOf } from "./forms-support.js";
import { lifecycleWorld, local, textSince, type LifecycleWorld } from "./lifecycle-support.js";

/**
 * The safe channel of a pair with a minor: confirmed without each other's contacts, the mentor
 * and the mentee write through the bot (/write and the relay mode), each message reaching the
 * other side once through the outbox, with the sender's name and role and without contacts. A
 * flag — the button under a message or after a feedback, or the flag words — reaches the curators
 * (self-harm at once, day or night; bullying when quiet hours end) and /overdue; the curator
 * reads the relay only then, audited, and both sides are told. A stranger can neither write nor read.
 */
describe.each(ON_EVERY_PLATFORM)("the relay of a pair on %s", (platform) => {
  const fake = TEST_PLATFORMS[platform];
  let w: LifecycleWorld;
  let pairId: string;
  let stranger: TestUser;

  const relayed = (u: TestUser, from: string) => u.messages().filter((m) => m.text.includes(from));
  const audits = (action: string, outcome: "allowed" | "denied") => w.h.app.db.prisma.auditLog.findMany({ where: { action, outcome } });

  beforeAll(async () => {
    // Monday 30 November 2026, 10:00 in Vladivostok; the mentee joined as a minor, so the programme relays the pair.
    w = await lifecycleWorld(platform, local("2026-11-30", "10:00"));
    pairId = await w.confirmPair();
  });
  afterAll(() => w?.h.close());

  it("the pair confirmed with the relay on gets no contacts of each other, only how to write through the bot", async () => {
    const toMentor = w.mentor.last().text;
    const toMentee = w.mentee.last().text;
    expect(toMentor).toContain("Ваш наставляемый: Петя Смирнов");
    expect(toMentor).toContain("пишете друг другу через бота");
    expect(toMentor).not.toContain(fake.contactOf(w.mentee.id));
    expect(toMentee).toContain("пишете друг другу через бота");
    expect(toMentee).not.toContain(fake.contactOf(w.mentor.id));
    // Nothing sent to either side carries the other's account.
    const sent = async (personId: string) => JSON.stringify((await w.h.app.db.prisma.notification.findMany({ where: { personId } })).map((n) => n.payload));
    expect(await sent(w.mentorPerson)).not.toContain(w.mentee.id);
    expect(await sent(w.menteePerson)).not.toContain(w.mentor.id);
    expect(w.mentee.last().buttons.flat().map((b) => b.label)).toEqual(["📅 Предложить встречу", "✉️ Написать"]);
    // The curator has both contacts, and how to let the pair exchange theirs.
    expect(w.curator.last().text).toContain(fake.contactOf(w.mentee.id));
    expect(w.curator.last().text).toContain("/contacts_allow 1");
  });

  it("a relay message reaches the other side once, with the sender's name and role, and without the contacts it held", async () => {
    await w.mentee.press("✉️ Написать");
    expect(w.mentee.last().text).toContain("Вы пишете: Мария Иванова");
    await w.mentee.send("Здравствуйте! Мой телефон +7 912 345-67-89, пишите в t.me/petya_smirnov или petya@mail.ru");
    const said = textSince(w.mentee, w.mentee.mark() - 2);
    expect(said).toContain("Я убрал из сообщения контакты");
    expect(w.mentee.last().text).toContain("✓ Передано.");

    const got = relayed(w.mentor, "Наставляемый Петя Смирнов пишет:");
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("Здравствуйте! Мой телефон •••, пишите в ••• или •••");
    for (const contact of ["912", "petya_smirnov", "mail.ru"]) expect(got[0]!.text).not.toContain(contact);
    expect(got[0]!.buttons.flat().map((b) => b.label)).toEqual(["↩️ Ответить", "🚩 Сообщить куратору о проблеме"]);
    const stored = await w.h.app.db.prisma.relayMessage.findFirstOrThrow({ where: { pairId, senderId: w.menteePerson } });
    expect(stored).toMatchObject({ senderRole: "mentee", removed: ["link", "email", "phone"] });
    expect(stored.text).not.toContain("912");

    // The scheduler and the outbound queues run again: nothing goes twice.
    await w.tick();
    await w.h.app.outbound.dispatch(w.clock.now);
    await w.delivered();
    expect(relayed(w.mentor, "Наставляемый Петя Смирнов пишет:")).toHaveLength(1);
    expect(await w.h.app.db.prisma.notification.count({ where: { kind: "relay-message", personId: w.mentorPerson, status: "sent" } })).toBe(1);

    // The mentor replies with the button; the mentee, still in the relay mode, writes again without /write.
    await w.mentor.press("↩️ Ответить");
    await w.mentor.send("Привет, Петя! Встретимся в среду в библиотеке.");
    expect(relayed(w.mentee, "Наставник Мария Иванова пишет:").map((m) => m.text.split("\n\n")[1])).toEqual(["Привет, Петя! Встретимся в среду в библиотеке."]);
    await w.mentee.send("Хорошо, до среды!");
    expect(relayed(w.mentor, "Наставляемый Петя Смирнов пишет:")).toHaveLength(2);
    expect(w.mentor.last().text).toContain("Хорошо, до среды!");
  });

  it("a message of contacts only is not sent, and the sender is told why", async () => {
    const before = await w.h.app.db.prisma.relayMessage.count({ where: { pairId } });
    await w.mentee.send("@petya_smirnov");
    expect(textSince(w.mentee, w.mentee.mark() - 2)).toContain("были только контакты");
    expect(await w.h.app.db.prisma.relayMessage.count({ where: { pairId } })).toBe(before);
    expect(w.mentor.last().text).not.toContain("petya_smirnov");
  });

  it("a sticker in the relay mode is answered that only text goes, and the mode goes on until the person leaves it", async () => {
    const mentorSeen = w.mentor.messages().length;
    await w.mentee.sendSticker();
    const answer = textSince(w.mentee, w.mentee.mark() - 1);
    expect(answer).toContain("нужен ответ текстом");
    expect(answer).toContain("Напишите следующее сообщение");
    expect(w.mentor.messages()).toHaveLength(mentorSeen);
    await w.mentee.press("⬅️ Выйти из переписки");
    expect(w.mentee.last().text).toContain("Вы вышли из переписки");
    await w.mentee.send("это уже не в переписку");
    expect(w.mentor.messages()).toHaveLength(mentorSeen);
    expect(await w.h.app.db.prisma.relayMessage.count({ where: { text: { contains: "не в переписку" } } })).toBe(0);
    // /write with a text: the relay mode again, the text its first message.
    await w.mentee.send("/write Я вернулся");
    expect(w.mentor.last().text).toContain("Я вернулся");
  });

  it("a stranger can neither write to nor read the pair's relay, nor raise a flag on it", async () => {
    stranger = w.h.user(platform);
    await join(w.h, stranger, w.programmeId, "mentee", "Вася Чужой");
    const message = await w.h.app.db.prisma.relayMessage.findFirstOrThrow({ where: { pairId }, orderBy: { createdAt: "asc" } });
    await stranger.pressPayload(commandPayload("write", pairId));
    expect(stranger.last().text).toContain("Это переписка другой пары");
    await stranger.pressPayload(commandPayload("flag", `m.${message.id}`));
    expect(stranger.last().text).toContain("Это переписка другой пары");
    await stranger.send("/relay 1");
    expect(stranger.last().text).not.toContain("Петя Смирнов");
    expect(stranger.messages().map((m) => m.text).join("\n")).not.toMatch(/Мой телефон|Привет, Петя/);
    await stranger.send("/write привет");
    expect(stranger.last().text).toContain("У вас пока нет пары");
    await stranger.send("/flag");
    expect(stranger.last().text).toContain("нажмите «🚩 Сообщить куратору о проблеме»");
    expect(await audits("relay.write", "denied")).toHaveLength(1);
    expect(await audits("relay.flag", "denied")).toHaveLength(1);
    expect(await audits("curator.relay_read", "denied")).toHaveLength(1);
    expect(await w.h.app.db.prisma.curatorTask.count({ where: { kind: "relay_flag" } })).toBe(0);
  });

  it("the curator cannot read the relay before a flag is raised; the refusal is audited", async () => {
    await w.curator.send("/relay 1");
    expect(w.curator.last().text).toContain("только когда поступил сигнал");
    expect(w.curator.last().text).not.toContain("Здравствуйте");
    expect((await audits("curator.relay_read", "denied")).filter((a) => a.actorId === w.curatorPerson)).toHaveLength(1);
  });

  it("a flag with the button reaches the curator at once and /overdue; the curator's read is audited and shown to both sides", async () => {
    const curatorMark = w.curator.mark();
    const mentorMessage = relayed(w.mentor, "Наставляемый Петя Смирнов пишет:")[0]!;
    await w.mentor.pressOn(mentorMessage.id, "🚩 Сообщить куратору о проблеме");
    expect(w.mentor.last().text).toContain("Куратор уже получил сигнал");
    const alert = textSince(w.curator, curatorMark);
    expect(alert).toContain("сигнал по паре № 1 (Мария Иванова — Петя Смирнов): участник сообщил о проблеме в переписке.");
    // Pressed again: the curator is not alerted twice.
    await w.mentor.pressOn(mentorMessage.id, "🚩 Сообщить куратору о проблеме");
    expect(w.mentor.last().text).toContain("Куратор уже получил этот сигнал");
    expect(textSince(w.curator, curatorMark).match(/сигнал по паре/g)).toHaveLength(1);

    await w.curator.send("/overdue");
    expect(w.curator.last().text).toContain("🚩 Сигнал по паре № 1 (Мария Иванова — Петя Смирнов) от 30.11.2026 10:00: участник сообщил о проблеме в переписке. Прочитать: /relay 1");

    const mentorMark = w.mentor.mark();
    const menteeMark = w.mentee.mark();
    await w.curator.send("/relay 1");
    const history = w.curator.last().text;
    expect(history).toContain("Переписка пары № 1");
    expect(history).toContain("наставник Мария Иванова:\nПривет, Петя! Встретимся в среду в библиотеке.");
    expect(history).toContain("наставляемый Петя Смирнов:\nЗдравствуйте! Мой телефон •••");
    const reads = await audits("curator.relay_read", "allowed");
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorId: w.curatorPerson, targetType: "pair", targetId: pairId, programmeId: w.programmeId });
    expect(textSince(w.mentor, mentorMark)).toContain("Куратор прочитал вашу переписку 30.11.2026");
    expect(textSince(w.mentee, menteeMark)).toContain("Куратор прочитал вашу переписку 30.11.2026");
  });

  it("flag words raise a flag: self-harm alerts the curator at once at night, bullying when quiet hours end; the text is never logged", async () => {
    // Late in the evening in Vladivostok: quiet hours (21:00–08:00).
    w.clock.now = local("2026-11-30", "23:00");
    const curatorMark = w.curator.mark();
    const mentorSeen = w.mentor.messages().length;
    const logsBefore = w.h.logs.length;
    await w.mentee.send("/write Мне кажется, я не хочу жить");
    expect(textSince(w.mentee, w.mentee.mark() - 2)).toContain("детский телефон доверия");
    expect(w.mentee.last().text).toContain("Сейчас тихие часы — я передам сообщение 01.12.2026 08:00");
    expect(textSince(w.curator, curatorMark)).toContain("🚨 Срочно: сигнал по паре № 1 (Мария Иванова — Петя Смирнов): слова о причинении себе вреда в переписке.");
    // The mentor is not woken: the message waits for the morning.
    expect(w.mentor.messages()).toHaveLength(mentorSeen);

    await w.mentee.send("И ещё меня травят в классе");
    expect(textSince(w.curator, curatorMark)).not.toContain("травл");
    const flags = await w.h.app.db.prisma.curatorTask.findMany({ where: { kind: "relay_flag", pairId }, orderBy: { createdAt: "asc" } });
    expect(flags.map((f) => f.note)).toEqual(["relay:button", "relay:self_harm", "relay:bullying"]);
    expect(w.h.logs.slice(logsBefore).join("\n")).not.toMatch(/не хочу жить|травят/);

    await w.tick(local("2026-12-01", "08:00"));
    expect(textSince(w.curator, curatorMark)).toContain("🚩 сигнал по паре № 1 (Мария Иванова — Петя Смирнов): слова о травле в переписке.");
    expect(textSince(w.mentor, w.mentor.mark() - 2)).toContain("И ещё меня травят в классе");
    expect(relayed(w.mentor, "Мне кажется, я не хочу жить")).toHaveLength(1);
  });

  it("after a meeting's feedback a side can tell the curator of a problem, and the feedback's words are checked", async () => {
    w.clock.now = local("2026-12-01", "12:00");
    // Out of the relay mode first (in it, a form the bot begins is offered with a button rather than started).
    await w.mentee.send("/cancel");
    const meeting = await w.h.app.db.prisma.meeting.create({
      data: { pairId, stage: "acquaintance", startsAt: local("2026-12-01", "10:00"), status: "confirmed", proposedById: w.mentorPerson, createdAt: w.clock.now },
    });
    const curatorMark = w.curator.mark();
    await w.h.app.services.outreach.startMeetingFeedback(w.menteePerson, meeting.id);
    await w.mentee.press("Да");
    await w.mentee.press("4");
    await w.mentee.send("Разобрали задачи.");
    await w.mentee.send("Наставник зовёт встретиться наедине, без родителей.");
    await w.mentee.press("Пропустить");
    await w.mentee.press("✅ Отправить");
    expect(w.mentee.last().text).toContain("Спасибо за отзыв");
    expect(w.mentee.last().buttons.flat().map((b) => b.label)).toEqual(["🚩 Сообщить куратору о проблеме"]);
    expect(textSince(w.curator, curatorMark)).toContain("сигнал по паре № 1 (Мария Иванова — Петя Смирнов): приглашение встретиться наедине в отзыве о встрече.");
    expect(textSince(w.curator, curatorMark)).not.toContain("без родителей");
    await w.mentee.press("🚩 Сообщить куратору о проблеме");
    expect(w.mentee.last().text).toContain("Куратор уже получил сигнал");
    expect(textSince(w.curator, curatorMark)).toContain("участник сообщил о проблеме в отзыве о встрече.");
  });

  it("an organisation's own flag words replace the default list of their category", async () => {
    const { organisationId } = await w.h.app.db.prisma.programme.findUniqueOrThrow({ where: { id: w.programmeId } });
    await w.h.app.db.prisma.organisation.update({ where: { id: organisationId }, data: { flagWords: { ru: { bullying: ["гнобят"] } } } });
    const curatorMark = w.curator.mark();
    await w.mentee.send("/write Меня опять травят");
    await w.mentee.send("Меня гнобят в раздевалке");
    await w.mentee.send("/cancel");
    const alerts = textSince(w.curator, curatorMark);
    expect(alerts.match(/слова о травле в переписке/g)).toHaveLength(1);
    const notes = (await w.h.app.db.prisma.curatorTask.findMany({ where: { kind: "relay_flag", pairId }, orderBy: { createdAt: "asc" } })).map((f) => f.note);
    expect(notes.filter((n) => n === "relay:bullying")).toHaveLength(2);
  });

  it("the curator lets the pair exchange contacts: audited, and each side is sent the other's", async () => {
    const mentorMark = w.mentor.mark();
    const menteeMark = w.mentee.mark();
    await w.curator.send("/contacts_allow 1");
    expect(w.curator.last().text).toContain("Паре № 1 отправлены контакты друг друга");
    expect(textSince(w.mentor, mentorMark)).toContain(`Наставляемый: Петя Смирнов — ${fake.contactOf(w.mentee.id)}`);
    expect(textSince(w.mentee, menteeMark)).toContain(`Наставник: Мария Иванова — ${fake.contactOf(w.mentor.id)}`);
    expect(await audits("curator.contacts_allow", "allowed")).toHaveLength(1);
    // The stranger, a participant but no curator, cannot.
    await stranger.send("/contacts_allow 1");
    expect(await audits("curator.contacts_allow", "denied")).toHaveLength(1);
    expect((await w.h.app.db.prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).contactsAllowedById).toBe(w.curatorPerson);
    expect(await personOf(w.h, stranger)).not.toBe(w.curatorPerson);
    expect(other(platform)).not.toBe(platform);
  });
});
