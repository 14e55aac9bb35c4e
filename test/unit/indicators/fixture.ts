/**
 * Hand-made data of two regions. Expected values in the tests are computed by hand from the
 * comments here; see each test for the arithmetic.
 *
 * Омская область
 *   A «СОШ № 1», Саргатский: children 10–19 = 100, teachers = 20, young = 5, 15–19 = 40
 *     P1 pupil_pupil, P2 teacher_teacher (3 personalised programmes), P3 employer_pupil (flag)
 *   B «СОШ № 2», Саргатский: children = 50, teachers = 10, young = not reported, 15–19 absent
 *     P4 head_teacher (flag)
 *   C «Лицей», Кировский: every figure 0
 *     P5 student_pupil
 * Другая область
 *   D «Гимназия», Центральный: children = 30, teachers = 8, young = 2
 *     P6 teacher_teacher (2 personalised programmes)
 */
import type {
  MentorshipData,
  OrganisationInput,
  ParticipantInput,
  ProgrammeInput,
} from "../../../src/domain/indicators/index.js";

export const REGION = "Омская область";

export const organisations: OrganisationInput[] = [
  {
    id: "A", name: "СОШ № 1", district: "Саргатский", region: REGION,
    headName: "Иванова Ирина Ивановна", headContacts: "+7 900 000-00-01, school1@example.ru",
    childrenAged10to19: 100, teachersCount: 20, youngSpecialistsCount: 5, childrenAged15to19: 40,
  },
  {
    id: "B", name: "СОШ № 2", district: "Саргатский", region: REGION,
    childrenAged10to19: 50, teachersCount: 10, youngSpecialistsCount: null,
  },
  {
    id: "C", name: "Лицей", district: "Кировский", region: REGION,
    childrenAged10to19: 0, teachersCount: 0, youngSpecialistsCount: 0, childrenAged15to19: 0,
  },
  {
    id: "D", name: "Гимназия", district: "Центральный", region: "Другая область",
    childrenAged10to19: 30, teachersCount: 8, youngSpecialistsCount: 2, childrenAged15to19: null,
  },
];

function programme(id: string, organisationId: string, form: ProgrammeInput["form"], approved: boolean | number): ProgrammeInput {
  return { id, organisationId, form, name: `Программа ${id}`, statedResult: `Результат ${id}`, approvedPersonalisedProgrammes: approved };
}

export const programmes: ProgrammeInput[] = [
  programme("P1", "A", "pupil_pupil", false),
  programme("P2", "A", "teacher_teacher", 3),
  programme("P3", "A", "employer_pupil", true), // not a teachers' model form: its flag does not count
  programme("P4", "B", "head_teacher", true),
  programme("P5", "C", "student_pupil", false),
  programme("P6", "D", "teacher_teacher", 2),
];

type Extra = Partial<Omit<ParticipantInput, "personId" | "programmeId" | "role" | "category" | "age" | "completedCycle">>;

export function participant(
  personId: string,
  programmeId: string,
  role: ParticipantInput["role"],
  category: ParticipantInput["category"],
  age: number | null,
  completedCycle: boolean,
  extra: Extra = {},
): ParticipantInput {
  return {
    personId, programmeId, role, category, age, completedCycle,
    enterprise: null, workplace: null, position: null, college: null, speciality: null, year: null,
    ...extra,
  };
}

export const participants: ParticipantInput[] = [
  // P1 «ученик – ученик» at A
  participant("s1", "P1", "mentor", "pupil", 16, true),
  participant("s2", "P1", "mentee", "pupil", 12, true),
  participant("s3", "P1", "mentee", "pupil", 13, false), // did not complete the cycle
  participant("s4", "P1", "mentee", "pupil", null, true), // age unknown
  participant("s5", "P1", "mentee", "pupil", 11, true), // also a mentee in P3
  // P2 «учитель – учитель» at A
  participant("t1", "P2", "mentor", "teacher", 45, true, { workplace: "СОШ № 1", position: "учитель математики" }),
  participant("t2", "P2", "mentor", "young_teacher", 25, true),
  participant("y1", "P2", "mentee", "young_teacher", 23, true),
  participant("y2", "P2", "mentee", "young_teacher", 24, false),
  // P3 «работодатель – ученик» at A
  participant("e1", "P3", "mentor", "employer_specialist", 35, true, {
    enterprise: "ООО «Ромашка»", workplace: "ООО Ромашка", position: "Маркетолог",
  }),
  participant("e2", "P3", "mentor", "employer_specialist", 29, true, {
    enterprise: "  ооо   ромашка ", workplace: "ООО  Ромашка", position: "Маркетолог",
  }),
  participant("e3", "P3", "mentor", "employer_specialist", 40, false, { enterprise: "АО «Завод»", workplace: "АО Завод" }),
  participant("s5", "P3", "mentee", "pupil", 11, true),
  // P4 «руководитель ОО – педагог» at B; t1 of school A is a mentor here too
  participant("h1", "P4", "mentor", "teacher", 50, true),
  participant("t1", "P4", "mentor", "teacher", 45, true, { workplace: "СОШ № 1", position: "учитель математики" }),
  participant("y3", "P4", "mentee", "young_teacher", 22, true),
  // P5 «студент – ученик» at C
  participant("c1", "P5", "mentor", "student", 19, true, { college: "Технологический колледж", speciality: "Программирование", year: 2 }),
  participant("c2", "P5", "mentor", "student", 20, true, { college: "Технологический колледж", speciality: "Программирование", year: 2 }),
  participant("s6", "P5", "mentee", "pupil", 10, true),
  // P6 at D, another region
  participant("y9", "P6", "mentee", "young_teacher", 24, true),
];

export const data: MentorshipData = {
  organisations,
  programmes,
  participants,
  pairs: [
    { id: "pair1", programmeId: "P1", mentorId: "s1", menteeIds: ["s2"], status: "regular" },
    { id: "pair2", programmeId: "P1", mentorId: "s1", menteeIds: ["s3", "s4"], status: "final" }, // group
    { id: "pair3", programmeId: "P1", mentorId: "s1", menteeIds: ["s5"], status: "ended_early" }, // not counted
    { id: "pair4", programmeId: "P2", mentorId: "t1", menteeIds: ["y1"], status: "completed" },
    { id: "pair5", programmeId: "P2", mentorId: "t2", menteeIds: ["y2", "y2"], status: "trial" }, // one mentee: a pair
    { id: "pair6", programmeId: "P3", mentorId: "e1", menteeIds: ["s5"], status: "acquaintance" },
    { id: "pair7", programmeId: "P3", mentorId: "e2", menteeIds: [], status: "acquaintance" }, // no mentee yet
    { id: "pair8", programmeId: "P4", mentorId: "h1", menteeIds: ["y3"], status: "planning" },
    { id: "pair9", programmeId: "P5", mentorId: "c1", menteeIds: ["s6"], status: "regular" },
    { id: "pair10", programmeId: "P6", mentorId: "x", menteeIds: ["y9"], status: "regular" },
  ],
  satisfaction: [
    { personId: "s2", programmeId: "P1", role: "mentee", score: 5, min: 1, max: 5 }, // 100 %
    { personId: "s3", programmeId: "P1", role: "mentee", score: 3, min: 1, max: 5 }, // 50 %
    { personId: "s5", programmeId: "P1", role: "mentee", score: 2, min: 1, max: 5 }, // 25 %
    { personId: "s5", programmeId: "P3", role: "mentee", score: 4, min: 1, max: 5 }, // 75 % → s5: 50 %
    { personId: "s1", programmeId: "P1", role: "mentor", score: 4, min: 1, max: 5 }, // 75 %
    { personId: "t1", programmeId: "P2", role: "mentor", score: 8, min: 0, max: 10 }, // 80 %
    { personId: "t2", programmeId: "P2", role: "mentor", score: 9, min: 0, max: 10 }, // 90 %
  ],
};
