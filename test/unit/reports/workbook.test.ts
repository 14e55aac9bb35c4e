import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook } from "../../../src/reports/index.js";
import { strictTranslator } from "./fluent-translator.js";
import { CURATOR_SHEETS_RU, TIME_ZONE, TRICKY_REQUEST, workbookInput } from "./workbook-fixture.js";

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`No sheet ${name}; have ${wb.worksheets.map((w) => w.name).join(", ")}`);
  return ws;
}

function rowValues(ws: ExcelJS.Worksheet, row: number, columns: number): unknown[] {
  return Array.from({ length: columns }, (_, i) => ws.getCell(row, i + 1).value ?? null);
}

describe("the Russian workbook", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await buildWorkbook(workbookInput, strictTranslator("ru"), { timeZone: TIME_ZONE }));
  });

  it("has the sheets in order", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(CURATOR_SHEETS_RU);
  });

  it("writes the base of mentors with a styled, frozen header", () => {
    const ws = sheet(wb, "База наставников");
    expect(ws.getCell("A1").value).toBe("ФИО наставника");
    expect(ws.getCell("L1").value).toBe("Прошёл полный цикл программы");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(30);
    expect(rowValues(ws, 2, 12)).toEqual([
      "Петров Пётр Петрович",
      "СОШ № 1",
      "Программа P2",
      "учитель – учитель",
      "педагог",
      45,
      "СОШ № 1",
      "учитель математики",
      "Олимпиадная математика; проектная деятельность",
      "Сидорова Анна, Кузнецов Илья",
      new Date("2024-09-02T00:00:00Z"),
      "да",
    ]);
    expect(ws.getCell("K2").numFmt).toBe("dd.mm.yyyy");
  });

  it("keeps line breaks and quotes of the mentees' requests", () => {
    const ws = sheet(wb, "База наставляемых");
    expect(ws.getCell("G2").value).toBe(TRICKY_REQUEST);
    expect(ws.getCell("I2").value).toBeNull();
    expect(ws.getCell("K2").value).toBe("нет");
  });

  it("names pairs and groups and translates their stage", () => {
    const ws = sheet(wb, "Пары и группы");
    expect(rowValues(ws, 2, 11)).toEqual([
      "Программа P2",
      "учитель – учитель",
      "группа",
      "Петров Пётр Петрович",
      "Сидорова Анна, Кузнецов Илья",
      2,
      "завершена досрочно",
      "да",
      new Date("2024-09-10T00:00:00Z"),
      new Date("2025-01-20T00:00:00Z"),
      "нехватка времени",
    ]);
  });

  it("shows meeting times in the organisation's zone", () => {
    const ws = sheet(wb, "Встречи и обратная связь");
    // 09:30 UTC is 15:30 in Omsk.
    expect(ws.getCell("D2").value).toEqual(new Date("2025-03-01T15:30:00Z"));
    expect(ws.getCell("D2").numFmt).toBe("dd.mm.yyyy hh:mm");
    expect(ws.getCell("E2").value).toBe("регулярные встречи");
    expect(ws.getCell("F2").value).toBe("состоялась");
    // Written as text, never as a formula.
    expect(ws.getCell("H2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("J2").value).toBe(4.5);
  });

  it("writes Form 1 under its title with a total row", () => {
    const ws = sheet(wb, "Форма 1");
    expect(String(ws.getCell("A1").value)).toContain("Информация об общеобразовательных организациях-участниках");
    expect(rowValues(ws, 2, 6)).toEqual([
      "Муниципальный район",
      "Общеобразовательные организации",
      "Контакты: ФИО директора, тел., почта, почт. адрес",
      "Общее количество детей в ОО в возрасте от 10 до 19 лет, чел",
      "Общее количество педагогических работников в ОО, чел",
      "Общее количество учителей - молодых специалистов в ОО (с опытом работы от 0 до 3 лет), чел",
    ]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(rowValues(ws, 4, 6)).toEqual([
      "Саргатский",
      "СОШ № 1",
      "Иванова Ирина Ивановна, +7 900 000-00-01, school1@example.ru",
      100,
      20,
      5,
    ]);
    // Rows 3–6 are the four organisations; B's unknown figure stays empty.
    expect(ws.getCell("F5").value).toBeNull();
    expect(rowValues(ws, 7, 6)).toEqual(["Итого, чел", null, null, 180, 38, 7]);
    expect(ws.getCell("D7").font?.bold).toBe(true);
  });

  it("writes Form 5 with the two-level header of 004 and the employers' workplaces", () => {
    const ws = sheet(wb, "Форма 5");
    expect(String(ws.getCell("A1").value)).toBe(
      "Форма 5. Данные о численности вовлеченности наставников и наставляемых в образовательной организации по форме «работодатель – ученик»",
    );
    expect(ws.getCell("A2").value).toBe("Муниципальный район");
    expect(ws.getCell("A3").master.address).toBe("A2");
    expect(ws.getCell("D2").value).toBe("Количество вовлеченных в программу");
    expect(ws.getCell("E2").master.address).toBe("D2");
    expect(ws.getCell("F2").master.address).toBe("D2");
    expect(rowValues(ws, 3, 6).slice(3)).toEqual(["наставников", "Наставников (место работы, должность)", "наставляемых"]);
    expect(ws.getCell("G2").value).toBe("Результат программы");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(rowValues(ws, 4, 7)).toEqual([
      "Саргатский",
      "СОШ № 1",
      "Программа P3",
      2,
      "ООО Ромашка, Маркетолог — 2 чел.",
      1,
      "Результат P3",
    ]);
    expect(rowValues(ws, 5, 7)).toEqual(["Итого, чел", null, null, 2, null, 1, null]);
  });

  it("totals Form 2 counting each person once", () => {
    const ws = sheet(wb, "Форма 2");
    expect(rowValues(ws, 3, 5).slice(3)).toEqual(["наставников", "наставляемых"]);
    expect([ws.getCell("D4").value, ws.getCell("E4").value]).toEqual([1, 1]);
    expect([ws.getCell("D5").value, ws.getCell("E5").value]).toEqual([1, 3]);
    // Rows add up to 4 mentees; s2 is in both programmes.
    expect(rowValues(ws, 6, 6)).toEqual(["Итого, чел", null, null, 2, 3, null]);
  });

  it("describes student mentors in Form 4", () => {
    const ws = sheet(wb, "Форма 4");
    expect(ws.getCell("E3").value).toBe("Наставников (наимен. ПОО, специальность, курс)");
    expect(ws.getCell("E4").value).toBe("Технологический колледж, Программирование, 2 курс — 2 чел.");
  });

  it("puts the other forms in an extra sheet with the form named", () => {
    const ws = sheet(wb, "Другие формы");
    expect(ws.getCell("D2").value).toBe("Форма наставничества");
    expect(rowValues(ws, 4, 8)).toEqual([
      "Саргатский",
      "СОШ № 2",
      "Программа P4",
      "руководитель образовательной организации – педагог",
      2,
      "СОШ № 1, учитель математики",
      1,
      "Результат P4",
    ]);
    expect(rowValues(ws, 5, 8)).toEqual(["Итого, чел", null, null, null, 2, null, 1, null]);
  });

  it("lists the indicators with one column per scope", () => {
    const ws = sheet(wb, "Показатели");
    expect(rowValues(ws, 1, 5)).toEqual(["№ п/п", "Показатель", "СОШ № 1", "СОШ № 2", "Омская область"]);
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(2).value), rowValues(ws, n, 5).slice(2));
    });
    expect(rows.get("Количество наставнических пар")).toEqual([4, 1, 6]);
    expect(
      rows.get(
        "Доля педагогов - молодых специалистов (с опытом работы от 0 до 3 лет), вошедших в программы наставничества в роли наставляемого, от общего числа педагогов - молодых специалистов, %",
      ),
    ).toEqual([20, "нет данных", 20]);
    // 200/3 % and 50/3 % rounded to one decimal.
    expect(rows.get("Уровень удовлетворенности наставляемых участием в программах наставничества, %")).toEqual([
      66.7,
      "нет данных",
      66.7,
    ]);
    expect(rows.get("Доля педагогических работников, вовлеченных в программы наставничества (цель — не менее 70 %), %")).toEqual([
      15,
      30,
      16.7,
    ]);
    expect(ws.rowCount).toBe(23);
  });
});

describe("the English workbook", () => {
  it("uses the English texts", async () => {
    const wb = await load(await buildWorkbook(workbookInput, strictTranslator("en"), { timeZone: TIME_ZONE }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Mentors",
      "Mentees",
      "Pairs and groups",
      "Meetings and feedback",
      "Form 1",
      "Form 2",
      "Form 3",
      "Form 4",
      "Form 5",
      "Other forms",
      "Indicators",
    ]);
    const form5 = sheet(wb, "Form 5");
    expect(form5.getCell("A2").value).toBe("Municipal district");
    expect(form5.getCell("D2").value).toBe("Involved in the programme");
    expect(form5.getCell("E4").value).toBe("ООО Ромашка, Маркетолог — 2 people");
    expect(form5.getCell("A5").value).toBe("Total, people");
    expect(sheet(wb, "Form 4").getCell("E4").value).toBe("Технологический колледж, Программирование, year 2 — 2 people");
    expect(sheet(wb, "Mentors").getCell("L2").value).toBe("yes");
  });

  it("leaves the indicators sheet out when not asked for", async () => {
    const { indicators: _unused, ...withoutIndicators } = workbookInput;
    const wb = await load(await buildWorkbook(withoutIndicators, strictTranslator("en")));
    expect(wb.worksheets).toHaveLength(10);
  });
});
