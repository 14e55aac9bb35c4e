import { describe, expect, it } from "vitest";
import {
  countApprovedPersonalisedProgrammes,
  enterpriseKey,
  normalisedScore,
  organisationIndicators,
  satisfactionIndicator,
  type MentorshipData,
} from "../../../src/domain/indicators/index.js";
import { participant } from "./fixture.js";

function schoolWithTeachers(teachersCount: number, involved: number): MentorshipData {
  return {
    organisations: [
      { id: "S", name: "Школа", district: null, region: null, childrenAged10to19: null, teachersCount, youngSpecialistsCount: null },
    ],
    programmes: [
      { id: "P", organisationId: "S", form: "teacher_teacher", name: "П", statedResult: null, approvedPersonalisedProgrammes: false },
    ],
    participants: Array.from({ length: involved }, (_, i) => participant(`t${i}`, "P", i % 2 ? "mentor" : "mentee", "teacher", 40, true)),
    pairs: [],
    satisfaction: [],
  };
}

describe("the 70 % target", () => {
  it("is reached at exactly 70 %", () => {
    const t = organisationIndicators(schoolWithTeachers(10, 7), "S").teachersTarget;
    expect(t).toMatchObject({ count: 7, base: 10, percent: 70, reached: true, stillNeeded: 0 });
  });

  it("is not reached one person short", () => {
    const t = organisationIndicators(schoolWithTeachers(10, 6), "S").teachersTarget;
    expect(t).toMatchObject({ percent: 60, reached: false, stillNeeded: 1 });
  });

  it("rounds the number needed up", () => {
    // 70 % of 3 is 2.1 persons → 3 needed; 2 involved → 1 more.
    const t = organisationIndicators(schoolWithTeachers(3, 2), "S").teachersTarget;
    expect(t.reached).toBe(false);
    expect(t.stillNeeded).toBe(1);
    expect(t.percent).toBeCloseTo(200 / 3, 10);
  });

  it("stays reached above the target", () => {
    const t = organisationIndicators(schoolWithTeachers(4, 4), "S").teachersTarget;
    expect(t).toMatchObject({ percent: 100, reached: true, stillNeeded: 0 });
  });

  it("rejects negative or fractional Form 1 figures", () => {
    expect(() => organisationIndicators(schoolWithTeachers(-1, 0), "S")).toThrow(RangeError);
    expect(() => organisationIndicators(schoolWithTeachers(2.5, 0), "S")).toThrow(RangeError);
  });
});

describe("satisfaction", () => {
  it("maps a score to its position on the scale", () => {
    const s = { personId: "p", programmeId: "P", role: "mentee" as const };
    expect(normalisedScore({ ...s, score: 1, min: 1, max: 5 })).toBe(0);
    expect(normalisedScore({ ...s, score: 4, min: 1, max: 5 })).toBe(0.75);
    expect(normalisedScore({ ...s, score: 10, min: 0, max: 10 })).toBe(1);
  });

  it("rejects scores off their scale and empty scales", () => {
    const s = { personId: "p", programmeId: "P", role: "mentee" as const };
    expect(() => normalisedScore({ ...s, score: 6, min: 1, max: 5 })).toThrow(RangeError);
    expect(() => normalisedScore({ ...s, score: 3, min: 3, max: 3 })).toThrow(RangeError);
    expect(() => normalisedScore({ ...s, score: Number.NaN, min: 1, max: 5 })).toThrow(RangeError);
  });

  it("combines answers given on different scales", () => {
    const result = satisfactionIndicator(
      [
        { personId: "a", programmeId: "P", role: "mentor", score: 3, min: 1, max: 5 }, // 50 %
        { personId: "b", programmeId: "P", role: "mentor", score: 10, min: 0, max: 10 }, // 100 %
        { personId: "c", programmeId: "P", role: "mentee", score: 0, min: 0, max: 10 }, // other role
      ],
      "mentor",
    );
    expect(result).toEqual({ respondents: 2, percent: 75 });
  });

  it("is null without answers", () => {
    expect(satisfactionIndicator([], "mentee")).toEqual({ respondents: 0, percent: null });
  });
});

describe("plain counts", () => {
  it("counts personalised programmes as flags or numbers, teachers' model only", () => {
    const base = { organisationId: "S", name: "П", statedResult: null };
    expect(
      countApprovedPersonalisedProgrammes([
        { ...base, id: "1", form: "lecturer_young_teacher", approvedPersonalisedProgrammes: true },
        { ...base, id: "2", form: "partner_teacher", approvedPersonalisedProgrammes: 4 },
        { ...base, id: "3", form: "employer_student", approvedPersonalisedProgrammes: false },
        { ...base, id: "4", form: "teacher_pupil", approvedPersonalisedProgrammes: 5 },
      ]),
    ).toBe(5);
  });

  it("normalises enterprise names", () => {
    expect(enterpriseKey("ООО «Ромашка»")).toBe(enterpriseKey("  ооо   \"Ромашка\" "));
    expect(enterpriseKey("ООО Ромашка")).not.toBe(enterpriseKey("ООО Ромашка-2"));
  });
});
