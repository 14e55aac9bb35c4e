import { TEST_PLATFORMS } from "../support/platforms.js";
import ExcelJS from "exceljs";
import { runAdmin } from "../../src/cli/admin.js";
import type { Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import type { Role } from "../../src/domain/roles.js";

/**
 * A mentorship world written straight into the database, for the curators' and administrators'
 * tests: organisations with their Form 1 figures, programmes of several forms, participants with
 * their questionnaires, pairs, meetings and the feedback after them. Dates are relative to a
 * fixed `now` that the app is given as its clock.
 */

export const DAY = 86_400_000;

export type { Platform } from "../../src/domain/platforms.js";
import type { Platform } from "../../src/domain/platforms.js";

let nextExternal = 700_000_000 + Math.floor(Math.random() * 50_000_000);

export interface Seeded {
  personId: string;
  participationId: string;
  userId: string;
}

export class World {
  constructor(
    readonly h: Harness,
    readonly now: Date,
  ) {}

  get prisma() {
    return this.h.app.db.prisma;
  }

  at(days: number): Date {
    return new Date(this.now.getTime() + days * DAY);
  }

  async organisation(data: { name: string; district?: string; region?: string; children?: number; teachers?: number; young?: number; head?: string; contacts?: string; timezone?: string }): Promise<string> {
    const o = await this.prisma.organisation.create({
      data: {
        name: data.name,
        district: data.district ?? null,
        region: data.region ?? null,
        timezone: data.timezone ?? "Asia/Omsk",
        childrenAged10to19: data.children ?? null,
        teachersCount: data.teachers ?? null,
        youngSpecialistsCount: data.young ?? null,
        headName: data.head ?? null,
        headContacts: data.contacts ?? null,
        createdAt: this.now,
      },
    });
    return o.id;
  }

  async programme(organisationId: string, name: string, form: string, result?: string): Promise<string> {
    const p = await this.prisma.programme.create({
      data: { organisationId, name, form: form as any, statedResult: result ?? null, startsOn: new Date("2026-09-01"), endsOn: new Date("2027-05-31"), createdAt: this.now },
    });
    return p.id;
  }

  /** A person with a messenger account and consent. */
  async person(name: string, platform: Platform = "telegram", userId?: string): Promise<{ personId: string; userId: string }> {
    const id = userId ?? String(nextExternal++);
    const person = await this.prisma.person.create({
      data: {
        displayName: name,
        isMinor: false,
        createdAt: this.now,
        identities: { create: { platform, externalId: id, chatId: TEST_PLATFORMS[platform].chatIdOf(id), createdAt: this.now } },
        consents: { create: { kind: "personal_data", version: "2026-11", givenAt: this.now } },
      },
    });
    return { personId: person.id, userId: id };
  }

  /**
   * A participant: joined `joinedDaysAgo` days ago (this orders the curator's list), with the
   * questionnaire (mentors) or request (mentees) submitted when answers are given.
   */
  async participant(input: {
    programmeId: string;
    role: Role;
    name?: string;
    person?: { personId: string; userId: string };
    platform?: Platform;
    status?: "joined" | "approved" | "declined" | "active" | "completed" | "left";
    completed?: boolean;
    joinedDaysAgo: number;
    answers?: Record<string, unknown>;
  }): Promise<Seeded> {
    const who = input.person ?? (await this.person(input.name ?? "—", input.platform));
    const completed = input.completed ?? input.status === "completed";
    const participation = await this.prisma.participation.create({
      data: {
        personId: who.personId,
        programmeId: input.programmeId,
        role: input.role,
        status: input.status ?? "joined",
        capacity: input.role === "mentor" ? 1 : null,
        joinedAt: this.at(-input.joinedDaysAgo),
        completedCycleAt: completed ? this.at(-5) : null,
      },
    });
    if (input.answers && input.role !== "curator") {
      await this.form(who.personId, input.programmeId, input.role === "mentor" ? "mentor-questionnaire" : "mentee-request", "", input.answers, this.at(-input.joinedDaysAgo + 1));
    }
    return { ...who, participationId: participation.id };
  }

  async form(personId: string, programmeId: string, formId: string, subjectKey: string, answers: Record<string, unknown>, submittedAt: Date): Promise<void> {
    await this.prisma.formResponse.create({
      data: { personId, programmeId, formId, formVersion: 1, subjectKey, answers: answers as any, status: "submitted", submittedAt, createdAt: submittedAt, updatedAt: submittedAt },
    });
  }

  async pair(input: { programmeId: string; mentor: Seeded; mentees: Seeded[]; status: string; confirmedDaysAgo: number; endedDaysAgo?: number }): Promise<string> {
    const pair = await this.prisma.pair.create({
      data: {
        programmeId: input.programmeId,
        mentorId: input.mentor.participationId,
        status: input.status as any,
        confirmedAt: this.at(-input.confirmedDaysAgo),
        endedAt: input.endedDaysAgo === undefined ? null : this.at(-input.endedDaysAgo),
        endReason: input.endedDaysAgo === undefined ? null : "planned",
        lastActivityAt: this.now,
        members: { create: input.mentees.map((m) => ({ menteeId: m.participationId, joinedAt: this.at(-input.confirmedDaysAgo) })) },
      },
    });
    return pair.id;
  }

  async meeting(input: { pairId: string; by: Seeded; inDays: number; status: "proposed" | "confirmed" | "held" | "missed" | "cancelled"; stage?: string; place?: string }): Promise<string> {
    const m = await this.prisma.meeting.create({
      data: { pairId: input.pairId, stage: (input.stage ?? "regular") as any, startsAt: this.at(input.inDays), status: input.status, proposedById: input.by.personId, place: input.place ?? null, createdAt: this.now },
    });
    return m.id;
  }
}

/** The sheet's cells as plain values, row by row (row 1 first), up to `columns` columns. */
export function sheetRows(wb: ExcelJS.Workbook, name: string, columns = 14): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(", ")}`);
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push(Array.from({ length: columns }, (_, i) => ws.getCell(r, i + 1).value ?? null));
  return out;
}

/** The data rows of a sheet: those whose cell in `keyColumn` (0-based) is one of `keys`. */
export function rowsBy(rows: unknown[][], keyColumn: number, keys: readonly string[]): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const row of rows) {
    const key = row[keyColumn];
    if (typeof key === "string" && keys.includes(key)) out.set(key, row);
  }
  return out;
}

export async function readWorkbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  return wb;
}

/** The total row of a form: the one that starts with «Итого, чел» / "Total, persons". */
export function totalRow(rows: unknown[][]): unknown[] {
  const row = rows.find((r) => typeof r[0] === "string" && /^(Итого|Total)/.test(r[0]));
  if (!row) throw new Error("no total row");
  return row;
}

// Monday 15 March 2027, 12:00 in Omsk.
export const NOW = new Date("2027-03-15T06:00:00Z");

export interface CuratorWorld {
  organisationId: string;
  a: string;
  a2: string;
  b: string;
  c: string;
  foreign: string;
  /** «Лицей № 2», the other school, with «Чужая программа». */
  lyceum: string;
  maria: Seeded;
  petr: Seeded;
  anya: Seeded;
  vova: Seeded;
  meetings: { held: string; upcoming: string; missed: string; unmarked: string; far: string };
}

/**
 * One school with four programmes curated by one curator:
 * «Шаг в профессию» and «Лидер» (ученик – ученик), «Точный старт» (студент – ученик), «Профессия»
 * (работодатель – ученик); one person is a mentee of both «ученик – ученик» programmes.
 * A second school has a programme of its own curator.
 */
export async function seedCuratorWorld(h: Harness, platform: Platform): Promise<CuratorWorld> {
  const w = new World(h, NOW);
  const organisationId = await w.organisation({
    name: "МАОУ «СОШ № 46»",
    district: "Омский район",
    region: "Омская область",
    children: 200,
    teachers: 40,
    young: 5,
    head: "Иванова Ирина Ивановна",
    contacts: "+7 900 000-00-01",
  });
  const a = await w.programme(organisationId, "Шаг в профессию", "pupil_pupil", "Наставляемые участвуют в конкурсах");
  const a2 = await w.programme(organisationId, "Лидер", "pupil_pupil", "Улучшение успеваемости");
  const b = await w.programme(organisationId, "Точный старт", "student_pupil");
  const c = await w.programme(organisationId, "Профессия", "employer_pupil");
  const otherOrg = await w.organisation({ name: "Лицей № 2", district: "Кировский", region: "Омская область" });
  const foreign = await w.programme(otherOrg, "Чужая программа", "pupil_pupil");

  const maria = await w.participant({ programmeId: a, role: "mentor", name: "Мария Иванова", status: "completed", joinedDaysAgo: 150, answers: { grade: "10", experience: "Победитель олимпиады по информатике", capacity: 1 } });
  const petr = await w.participant({ programmeId: a, role: "mentor", name: "Пётр Смирнов", status: "active", platform, joinedDaysAgo: 149, answers: { grade: "11", experience: "Кружок робототехники", capacity: 1 } });
  await w.participant({ programmeId: a, role: "mentor", name: "Сергей Без Анкеты", status: "joined", joinedDaysAgo: 148 });
  const anya = await w.participant({ programmeId: a, role: "mentee", name: "Аня Кузнецова", status: "completed", joinedDaysAgo: 147, answers: { age: 12, grade: "6", goals: "Научиться программировать", helpWanted: "Покажите, с чего начать" } });
  const vova = await w.participant({ programmeId: a, role: "mentee", name: "Вова Орлов", status: "active", platform, joinedDaysAgo: 146, answers: { age: 13, grade: "7", goals: "Подготовиться к олимпиаде", helpWanted: "Разбор задач" } });
  await w.participant({ programmeId: a, role: "mentee", name: "Оля Без Анкеты", status: "joined", joinedDaysAgo: 145 });
  const shared = await w.participant({ programmeId: a, role: "mentee", name: "Общий Участник", status: "completed", joinedDaysAgo: 144, answers: { age: 14, grade: "8", goals: "Выступить на конференции", helpWanted: "Советы" } });

  const p1 = await w.pair({ programmeId: a, mentor: maria, mentees: [anya], status: "completed", confirmedDaysAgo: 120, endedDaysAgo: 10 });
  await w.meeting({ pairId: p1, by: maria, inDays: -30, status: "held", stage: "final" });
  const p2 = await w.pair({ programmeId: a, mentor: petr, mentees: [vova], status: "regular", confirmedDaysAgo: 40 });
  const held = await w.meeting({ pairId: p2, by: petr, inDays: -3, status: "held", place: "Кабинет 12" });
  const upcoming = await w.meeting({ pairId: p2, by: petr, inDays: 2, status: "confirmed" });
  const missed = await w.meeting({ pairId: p2, by: petr, inDays: -5, status: "missed" });
  const unmarked = await w.meeting({ pairId: p2, by: petr, inDays: -2, status: "confirmed" });
  const far = await w.meeting({ pairId: p2, by: petr, inDays: 20, status: "proposed" });
  await w.form(petr.personId, a, "meeting-feedback", held, { happened: true, usefulness: 4, done: "Разобрали задачи", next: "Пробный тур" }, w.at(-3));
  await w.form(vova.personId, a, "meeting-feedback", held, { happened: true, usefulness: 5, done: "Решили три задачи", next: "Дорешать" }, w.at(-3));
  await w.form(anya.personId, a, "satisfaction-mentee", "", { overall: 5 }, w.at(-9));
  await w.form(maria.personId, a, "satisfaction-mentor", "", { overall: 4 }, w.at(-9));

  await w.participant({ programmeId: a2, role: "mentor", name: "Наставник Лидера", status: "completed", joinedDaysAgo: 100, answers: { grade: "9", experience: "Староста" } });
  await w.participant({ programmeId: a2, role: "mentee", person: shared, status: "completed", joinedDaysAgo: 99, answers: { age: 14, goals: "Лидерство", helpWanted: "Советы" } });
  await w.participant({ programmeId: a2, role: "mentee", name: "Не Завершил", status: "active", joinedDaysAgo: 98, answers: { age: 11, goals: "Уверенность", helpWanted: "Поддержка" } });

  await w.participant({ programmeId: b, role: "mentor", name: "Студент Колледжа", status: "completed", joinedDaysAgo: 90, answers: { college: "Технологический колледж", speciality: "Программирование", course: "2", experience: "Проекты" } });
  await w.participant({ programmeId: b, role: "mentee", name: "Ученик Б", status: "completed", joinedDaysAgo: 89, answers: { age: 15, goals: "Сайт", helpWanted: "HTML" } });

  await w.participant({ programmeId: c, role: "mentor", name: "Маркетолог Ромашки", status: "completed", joinedDaysAgo: 80, answers: { workplace: "ООО «Ромашка»", position: "Маркетолог", experience: "Реклама" } });
  await w.participant({ programmeId: c, role: "mentee", name: "Ученик В", status: "active", joinedDaysAgo: 79, answers: { age: 16, goals: "Профессия", helpWanted: "Профориентация" } });

  await w.participant({ programmeId: foreign, role: "mentee", name: "Чужой Наставляемый", status: "joined", joinedDaysAgo: 10 });
  return { organisationId, a, a2, b, c, foreign, lyceum: otherOrg, maria, petr, anya, vova, meetings: { held, upcoming, missed, unmarked, far } };
}

/** Makes the person a curator of these programmes too. */
export async function alsoCurator(h: Harness, personId: string, programmeIds: string[]): Promise<void> {
  for (const programmeId of programmeIds) await h.app.db.prisma.participation.create({ data: { personId, programmeId, role: "curator", status: "active", joinedAt: h.app.services.now() } });
}


let nextAdminUser = 610_000_000 + Math.floor(Math.random() * 10_000_000);

/**
 * Adds an administrator with `npm run admin -- admin:add` (in process) and returns the id and the user.
 * The CLI records its rows on the wall clock; they are moved to the app's clock, the world's time,
 * so that what follows in the test (another account of the person, say) comes after them whatever
 * the system date is.
 */
export async function addAdministrator(h: Harness, platform: Platform, scope: string[]): Promise<{ id: string; user: TestUser; personId: string }> {
  const userId = String(nextAdminUser++);
  const lines: string[] = [];
  await runAdmin(["admin:add", `--${platform}`, userId, ...scope], { DATABASE_URL: h.database.url }, (l) => lines.push(l));
  const id = /Administrator added: (\S+)/.exec(lines.join("\n"))![1]!;
  const now = h.app.services.now();
  const admin = await h.app.db.prisma.administrator.update({ where: { id }, data: { createdAt: now } });
  await h.app.db.prisma.person.update({ where: { id: admin.personId }, data: { createdAt: now } });
  await h.app.db.prisma.messengerIdentity.updateMany({ where: { personId: admin.personId }, data: { createdAt: now } });
  return { id, user: h.user(platform, userId), personId: admin.personId };
}

