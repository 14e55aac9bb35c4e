import { describe, expect, it } from "vitest";
import type { MentorshipData } from "../../../src/domain/indicators/index.js";
import { form1, programmeForm, RNC_FORM_OF, rncForms } from "../../../src/domain/reports/index.js";
import { MENTORSHIP_FORMS } from "../../../src/domain/roles.js";
import { data } from "../indicators/fixture.js";
import { formsData } from "./forms-fixture.js";

describe("Form 1", () => {
  const f = form1(data.organisations);

  it("has one row per organisation, by district then name, with the head's contacts", () => {
    expect(f.rows.map((r) => [r.district, r.organisation])).toEqual([
      ["Кировский", "Лицей"],
      ["Саргатский", "СОШ № 1"],
      ["Саргатский", "СОШ № 2"],
      ["Центральный", "Гимназия"],
    ]);
    expect(f.rows[1]).toEqual({
      organisationId: "A",
      district: "Саргатский",
      organisation: "СОШ № 1",
      headContacts: "Иванова Ирина Ивановна, +7 900 000-00-01, school1@example.ru",
      childrenAged10to19: 100,
      teachers: 20,
      youngSpecialists: 5,
    });
    expect(f.rows[2]?.headContacts).toBeNull();
  });

  it("totals the known figures", () => {
    // Children 0 + 100 + 50 + 30; teachers 0 + 20 + 10 + 8; young 0 + 5 + (B unknown) + 2.
    expect(f.total).toEqual({ childrenAged10to19: 180, teachers: 38, youngSpecialists: 7 });
  });

  it("leaves a total empty when nobody reported the figure", () => {
    const only = form1([{ ...data.organisations[1]!, youngSpecialistsCount: null }]);
    expect(only.total.youngSpecialists).toBeNull();
    expect(only.total.teachers).toBe(10);
  });
});

describe("Forms 2–5", () => {
  it("sends every form of mentorship to one form", () => {
    expect(MENTORSHIP_FORMS.map((f) => RNC_FORM_OF[f])).toEqual([
      "form2", "form3", "form4", "form5", "other", "other", "other", "other", "other",
    ]);
  });

  it("Form 2 counts full-cycle participants once per row and once in the total", () => {
    const f = programmeForm(formsData, "form2");
    // P1: mentor s1; mentees s2, s4, s5 (s3 not completed). P7: mentor s7; mentee s2 (s8 not completed).
    // Sorted by name: in the Russian collation « comes before letters.
    expect(f.rows.map((r) => [r.programme, r.mentors, r.mentees])).toEqual([
      ["Программа «Лидер»", 1, 1],
      ["Программа P1", 1, 3],
    ]);
    // s2 is in both rows: 4 mentee rows but 3 persons.
    expect(f.total).toEqual({ mentors: 2, mentees: 3 });
    expect(f.rows[0]).toMatchObject({
      district: "Саргатский",
      organisation: "СОШ № 1",
      result: "Наставляемый принимает участие в творческих конкурсах",
      mentorDetails: [],
    });
  });

  it("Form 3 lists «учитель – учитель» programmes of every organisation given", () => {
    const f = programmeForm(data, "form3");
    // P2 (Саргатский): mentors t1, t2; mentee y1. P6 (Центральный): mentee y9.
    expect(f.rows.map((r) => [r.district, r.programmeId, r.mentors, r.mentees])).toEqual([
      ["Саргатский", "P2", 2, 1],
      ["Центральный", "P6", 0, 1],
    ]);
    expect(f.total).toEqual({ mentors: 2, mentees: 2 });
  });

  it("Form 4 describes student mentors by college, speciality and year", () => {
    const f = programmeForm(data, "form4");
    expect(f.rows).toHaveLength(1);
    expect(f.rows[0]).toMatchObject({ programmeId: "P5", mentors: 2, mentees: 1, organisation: "Лицей" });
    expect(f.rows[0]?.mentorDetails).toEqual([
      { kind: "study", college: "Технологический колледж", speciality: "Программирование", year: 2, count: 2 },
    ]);
  });

  it("Form 5 describes employer mentors by workplace and position, full-cycle only", () => {
    const f = programmeForm(data, "form5");
    // e1 and e2 (same workplace after trimming spaces, same position); e3 did not complete.
    expect(f.rows[0]).toMatchObject({ programmeId: "P3", mentors: 2, mentees: 1, result: "Результат P3" });
    expect(f.rows[0]?.mentorDetails).toEqual([
      { kind: "workplace", workplace: "ООО Ромашка", position: "Маркетолог", count: 2 },
    ]);
    expect(f.total).toEqual({ mentors: 2, mentees: 1 });
  });

  it("the extra form holds the other forms, with whatever describes the mentor", () => {
    const f = programmeForm(data, "other");
    // P4 «руководитель ОО – педагог»: mentors h1 and t1; h1 has no workplace on record.
    expect(f.rows).toHaveLength(1);
    expect(f.rows[0]).toMatchObject({ form: "head_teacher", mentors: 2, mentees: 1 });
    expect(f.rows[0]?.mentorDetails).toEqual([
      { kind: "workplace", workplace: "СОШ № 1", position: "учитель математики", count: 1 },
    ]);
  });

  it("lists programmes with nobody counted yet", () => {
    const withEmpty: MentorshipData = {
      ...data,
      programmes: [...data.programmes, { ...data.programmes[0]!, id: "P0", name: "Аа новая" }],
    };
    const row = programmeForm(withEmpty, "form2").rows.find((r) => r.programmeId === "P0");
    expect(row).toMatchObject({ mentors: 0, mentees: 0 });
  });

  it("builds all forms at once", () => {
    const all = rncForms(formsData);
    expect(all.form1.rows).toHaveLength(4);
    expect(Object.keys(all.programmeForms)).toEqual(["form2", "form3", "form4", "form5", "other"]);
    expect(all.programmeForms.form2.total.mentees).toBe(3);
  });
});
