/** Input of the workbook tests: the forms data plus base rows with awkward text. */
import { organisationIndicators, regionIndicators } from "../../../src/domain/indicators/index.js";
import type { WorkbookInput } from "../../../src/reports/index.js";
import { data, REGION } from "../indicators/fixture.js";
import { formsData } from "./forms-fixture.js";

/** Commas, quotes, a line break and Cyrillic: everything CSV must quote. */
export const TRICKY_REQUEST = 'Хочу научиться "презентовать" проекты, выступать\nи не бояться сцены';
export const FORMULA_FEEDBACK = '=HYPERLINK("http://example.com","Нажми")';

export const workbookInput: WorkbookInput = {
  data: formsData,
  mentors: [
    {
      fullName: "Петров Пётр Петрович",
      organisation: "СОШ № 1",
      programme: "Программа P2",
      form: "teacher_teacher",
      category: "teacher",
      age: 45,
      placeOfWorkOrStudy: "СОШ № 1",
      positionOrSpeciality: "учитель математики",
      competencies: "Олимпиадная математика; проектная деятельность",
      mentees: ["Сидорова Анна", "Кузнецов Илья"],
      joinedOn: new Date("2024-09-02T00:00:00Z"),
      completedCycle: true,
    },
  ],
  mentees: [
    {
      fullName: "Сидорова Анна",
      organisation: "СОШ № 1",
      programme: "Программа P2",
      form: "teacher_teacher",
      category: "young_teacher",
      age: 23,
      request: TRICKY_REQUEST,
      mentor: "Петров Пётр Петрович",
      joinedOn: null,
      result: null,
      completedCycle: false,
    },
  ],
  pairs: [
    {
      programme: "Программа P2",
      form: "teacher_teacher",
      mentor: "Петров Пётр Петрович",
      mentees: ["Сидорова Анна", "Кузнецов Илья"],
      status: "ended_early",
      probation: true,
      startedOn: new Date("2024-09-10T00:00:00Z"),
      endedOn: new Date("2025-01-20T00:00:00Z"),
      endReason: "no_time",
    },
  ],
  meetings: [
    {
      programme: "Программа P2",
      mentor: "Петров Пётр Петрович",
      mentees: ["Сидорова Анна"],
      startsAt: new Date("2025-03-01T09:30:00Z"), // 15:30 in Omsk (UTC+6)
      stage: "regular",
      status: "held",
      place: "каб. 12",
      mentorFeedback: FORMULA_FEEDBACK,
      menteeFeedback: "Полезно, спасибо",
      menteeRating: 4.5,
    },
  ],
  indicators: [
    { label: "СОШ № 1", indicators: organisationIndicators(data, "A") },
    { label: "СОШ № 2", indicators: organisationIndicators(data, "B") },
    { label: REGION, indicators: regionIndicators(data, REGION) },
  ],
};

export const TIME_ZONE = "Asia/Omsk";

/** The sheets of a curator's workbook (and CSV files), in order, in Russian. */
export const CURATOR_SHEETS_RU = [
  "База наставников",
  "База наставляемых",
  "Пары и группы",
  "Встречи и обратная связь",
  "Форма 1",
  "Форма 2",
  "Форма 3",
  "Форма 4",
  "Форма 5",
  "Другие формы",
  "Показатели",
];
