import { TEST_PLATFORMS } from "../support/platforms.js";
import type { Platform } from "../../src/domain/platforms.js";
import type { Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import type { Role } from "../../src/domain/roles.js";

/** Helpers of the forms tests: people joining, people and pairs seeded straight into the database. */

/** Another messenger than this one: Telegram's is VK, every other's Telegram. */
export const other = (p: Platform): Platform => (p === "telegram" ? "vk" : "telegram");

/**
 * Joins through an invitation, in Russian unless told otherwise: mentors as adults, mentees
 * (pupils) as 14–17-year-olds with their own consent and their legal representative's.
 */
export async function join(h: Harness, u: TestUser, programmeId: string, role: Role, name: string, lang: "ru" | "en" = "ru"): Promise<string> {
  const code = await h.invite(programmeId, role);
  await u.open(code);
  await u.press(lang === "ru" ? "Русский" : "English");
  if (role === "mentee") await u.press(lang === "ru" ? "14–17 лет" : "14–17");
  else if (role !== "curator") await u.press(lang === "ru" ? "18 лет и старше" : "18 or older");
  await u.press(lang === "ru" ? "Даю согласие" : "I agree");
  if (role === "mentee") {
    await u.send("Петрова Елена Сергеевна");
    await u.press(lang === "ru" ? "Мать" : "Mother");
    await u.press(lang === "ru" ? "Даю согласие" : "I agree");
  }
  await u.send(name);
  return personOf(h, u);
}

export async function personOf(h: Harness, u: TestUser): Promise<string> {
  const identity = await h.app.db.prisma.messengerIdentity.findUniqueOrThrow({ where: { platform_externalId: { platform: u.platform, externalId: u.id } } });
  return identity.personId;
}

export async function participationOf(h: Harness, personId: string, programmeId: string, role: Role) {
  return h.app.db.prisma.participation.findUniqueOrThrow({ where: { personId_programmeId_role: { personId, programmeId, role } } });
}

/** A participant created directly (consent given), for lists longer than a test wants to join by hand. */
export async function seedParticipant(h: Harness, input: { programmeId: string; role: Role; name: string; platform?: Platform; status?: "joined" | "approved" | "active" | "declined"; userId?: string }) {
  const userId = input.userId ?? String(900_000_000 + Math.floor(Math.random() * 99_999_999));
  const person = await h.app.db.prisma.person.create({
    data: {
      displayName: input.name,
      isMinor: false,
      createdAt: h.app.services.now(),
      identities: { create: { platform: input.platform ?? "telegram", externalId: userId, chatId: TEST_PLATFORMS[input.platform ?? "telegram"].chatIdOf(userId), createdAt: h.app.services.now() } },
      consents: { create: { kind: "personal_data", version: "2026-11", givenAt: h.app.services.now() } },
    },
  });
  const participation = await h.app.db.prisma.participation.create({
    data: { personId: person.id, programmeId: input.programmeId, role: input.role, status: input.status ?? "joined", capacity: input.role === "mentor" ? 1 : null, joinedAt: h.app.services.now() },
  });
  return { personId: person.id, participationId: participation.id, userId };
}

/** A pair of a mentor and a mentee, confirmed `daysAgo` days ago, with one meeting `meetingHoursAgo` hours ago. */
export async function seedPair(h: Harness, input: { programmeId: string; mentorId: string; menteeId: string; daysAgo?: number; meetingHoursAgo?: number; status?: "regular" | "ended_early" }) {
  const now = h.app.services.now().getTime();
  const pair = await h.app.db.prisma.pair.create({
    data: {
      programmeId: input.programmeId,
      mentorId: input.mentorId,
      status: input.status ?? "regular",
      confirmedAt: new Date(now - (input.daysAgo ?? 40) * 86_400_000),
      lastActivityAt: new Date(now),
      members: { create: { menteeId: input.menteeId, joinedAt: new Date(now - (input.daysAgo ?? 40) * 86_400_000) } },
    },
  });
  const mentor = await h.app.db.prisma.participation.findUniqueOrThrow({ where: { id: input.mentorId } });
  const meeting = await h.app.db.prisma.meeting.create({
    data: { pairId: pair.id, stage: "regular", startsAt: new Date(now - (input.meetingHoursAgo ?? 2) * 3_600_000), status: "confirmed", proposedById: mentor.personId, createdAt: new Date(now - (input.daysAgo ?? 40) * 86_400_000) },
  });
  return { pairId: pair.id, meetingId: meeting.id };
}

const NEXT = /^(Ещё ▶|More ▶)$/;
const PREV = /^(◀ Предыдущая страница|◀ Previous page)$/;

/** Presses an option of the current question, paging through a long list to find it (as a person would). */
export async function pick(u: TestUser, label: string): Promise<void> {
  const labels = () => u.last().buttons.flat().map((b) => b.label);
  while (labels().some((l) => PREV.test(l))) await u.press(PREV);
  for (let page = 0; page < 20; page++) {
    if (labels().includes(label)) return u.press(label);
    if (!labels().some((l) => NEXT.test(l))) break;
    await u.press(NEXT);
  }
  throw new Error(`no option ${label} on any page of: ${u.last().text.slice(0, 120)}`);
}

/** Ticks the options of a multi-choice question (on whatever page they are), then Done. */
export async function tick(u: TestUser, ...labels: string[]): Promise<void> {
  for (const l of labels) await pick(u, l);
  await u.press(/^(Готово|Done)$/);
}

export function optionLabels(u: TestUser): string[] {
  return u.last().buttons.flat().map((b) => b.label);
}

export function allText(u: TestUser): string {
  return u.messages().map((m) => m.text).join("\n");
}

/** Answers a mentee request of a «ученик – ученик» programme with the fewest taps. */
export async function quickMenteeRequest(u: TestUser): Promise<void> {
  await u.send("/questionnaire");
  await u.press("Продолжить");
  await u.send("12");
  await u.press("6 класс");
  await u.send("Научиться программировать.");
  await u.send("Нужен человек, который покажет, с чего начать.");
  await tick(u, "Информатика");
  await u.press("Пропустить");
  await u.press("Пропустить");
  await tick(u, "Программирование");
  await u.press("Пропустить");
  await u.press("Пропустить");
  await tick(u, "Пт");
  await tick(u, "Днём (12–17)");
  await u.press("Раз в неделю");
  await tick(u, "Онлайн");
  await u.press("✅ Отправить");
}

/** Answers the mentor questionnaire of a «ученик – ученик» programme up to its summary. */
export async function answerMentorQuestionnaire(u: TestUser): Promise<void> {
  await u.press("Продолжить");
  await u.press("10 класс");
  await u.send("Призёр региональной олимпиады по математике, веду кружок для пятиклассников.");
  await u.press("Да");
  await u.send("Хочу помочь младшим полюбить математику.");
  await u.send("Чтобы наставляемый сам решал олимпиадные задачи.");
  await tick(u, "Спорт", "Шахматы, настольные игры");
  await u.press("Пропустить");
  await tick(u, "Математика", "Олимпиады и конкурсы");
  await tick(u, "Уверенность в себе");
  await tick(u); // nothing professional
  await u.send("Любознательный, готовый заниматься дополнительно.");
  await tick(u, "5 класс", "6 класс");
  await u.send("2");
  await tick(u, "Вт", "Чт");
  await tick(u, "Вечером (после 17)");
  await u.press("Раз в неделю");
  await tick(u, "Очно", "Онлайн");
}
