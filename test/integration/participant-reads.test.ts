import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db.js";
import { createServices, type Services } from "../../src/usecases/services.js";

/**
 * The reads every questionnaire and form makes (a person's places, a programme, one row of the
 * numbered list, a stored response) give what the whole list and Prisma gave before them.
 */
describe("participants and responses read one row at a time", () => {
  let t: TestDatabase;
  let s: Services;
  const at = new Date("2026-10-05T09:00:00Z");
  let programmeId: string;
  const person: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    s = createServices(t.db.prisma, t.db.sql, () => at);
    const org = await t.db.prisma.organisation.create({ data: { name: "МБОУ «Лицей № 2»", timezone: "Asia/Yekaterinburg", messengers: ["max", "vk"], createdAt: at } });
    const programme = await t.db.prisma.programme.create({
      data: { organisationId: org.id, name: "Первые шаги", form: "pupil_pupil", startsOn: new Date("2026-09-01T00:00:00Z"), endsOn: new Date("2027-05-31T00:00:00Z"), createdAt: at },
    });
    programmeId = programme.id;
    // Joined in this order; two share a joining time (the id decides), a curator and someone who left are among them.
    const joins: [string, "mentor" | "mentee" | "curator", string, "joined" | "left" | "approved"][] = [
      ["Анна", "mentor", "2026-09-02T08:00:00Z", "approved"],
      ["Curator", "curator", "2026-09-02T08:30:00Z", "joined"],
      ["Борис", "mentee", "2026-09-03T08:00:00Z", "left"],
      ["Вера", "mentee", "2026-09-04T08:00:00Z", "joined"],
      ["Глеб", "mentee", "2026-09-04T08:00:00Z", "joined"],
      ["Дина", "mentor", "2026-09-05T08:00:00Z", "joined"],
    ];
    for (const [name, role, joinedAt, status] of joins) {
      const p = await t.db.prisma.person.create({ data: { displayName: name, language: "ru", createdAt: at } });
      person[name] = p.id;
      await t.db.prisma.participation.create({ data: { personId: p.id, programmeId, role, status, joinedAt: new Date(joinedAt) } });
    }
  });

  afterAll(async () => {
    await t?.drop();
  });

  it("numbers one row as the whole list does", async () => {
    const list = await s.participants.list(programmeId);
    expect(list.map((r) => r.name)).toEqual(["Анна", "Борис", expect.any(String), expect.any(String), "Дина"]);
    for (const row of list) {
      expect(await s.participants.entry(programmeId, row.personId, row.role)).toEqual(row);
    }
    expect(await s.participants.entry(programmeId, person.Curator!, "mentee")).toBeNull();
  });

  it("reads a programme with its organisation, and the person's places in it", async () => {
    const programme = await s.participants.programme(programmeId);
    expect(programme).toEqual({
      id: programmeId,
      name: "Первые шаги",
      form: "pupil_pupil",
      timezone: "Asia/Yekaterinburg",
      organisationName: "МБОУ «Лицей № 2»",
      startsOn: new Date("2026-09-01T00:00:00Z"),
      endsOn: new Date("2027-05-31T00:00:00Z"),
      status: "active",
      messengers: ["max", "vk"],
    });
    const own = await s.participants.ofPerson(person.Анна!);
    expect(own).toEqual([{ participationId: expect.any(String), programme, role: "mentor", status: "approved" }]);
    expect(await s.participants.ofPerson(person.Борис!)).toEqual([]);
    expect(await s.participants.find(person.Борис!, programmeId, "mentee")).toBeNull();
    expect(await s.participants.find(person.Вера!, programmeId, "mentee")).toMatchObject({ status: "joined" });
    expect(await s.participants.curators(programmeId)).toEqual([person.Curator]);
  });

  it("submits a response once and replaces it when submitted again", async () => {
    const input = { personId: person.Вера!, programmeId, formId: "mentee-request", formVersion: 3, answers: { goal: ["math"], about: "Хочу «подтянуть» алгебру" } };
    const first = await s.forms.submit(input);
    expect(first.created).toBe(true);
    expect(await s.forms.get(person.Вера!, programmeId, "mentee-request")).toMatchObject({ id: first.id, formVersion: 3, answers: input.answers, submittedAt: at, updatedAt: at });
    const again = await s.forms.submit({ ...input, formVersion: 4, answers: { goal: ["art"] } });
    expect(again).toEqual({ id: first.id, created: false });
    expect(await s.forms.get(person.Вера!, programmeId, "mentee-request")).toMatchObject({ formVersion: 4, answers: { goal: ["art"] } });
    expect(await t.db.prisma.formResponse.count()).toBe(1);
    expect(await s.forms.get(person.Глеб!, programmeId, "mentee-request")).toBeNull();
  });
});
