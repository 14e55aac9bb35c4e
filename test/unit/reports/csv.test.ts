import { describe, expect, it } from "vitest";
import { buildCsv, buildCsvFiles, buildSheets, csvField, sheetToCsv, type SheetModel } from "../../../src/reports/index.js";
import { strictTranslator } from "./fluent-translator.js";
import { CURATOR_SHEETS_RU, FORMULA_FEEDBACK, TIME_ZONE, TRICKY_REQUEST, workbookInput } from "./workbook-fixture.js";

/** An independent RFC 4180 reader: quoted fields may hold separators, doubled quotes and line breaks. */
function parseCsv(text: string, delimiter = ","): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 1;
    } else field += ch;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

function decode(buffer: Buffer | undefined): string {
  if (!buffer) throw new Error("missing CSV");
  expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return buffer.subarray(3).toString("utf8");
}

describe("CSV files", () => {
  const files = buildCsvFiles(workbookInput, strictTranslator("ru"), { timeZone: TIME_ZONE });

  it("has one file per sheet, keyed by the sheet name, each with a UTF-8 BOM", () => {
    expect([...files.keys()]).toEqual(CURATOR_SHEETS_RU);
    for (const buffer of files.values()) decode(buffer);
  });

  it("round-trips quotes, commas, line breaks and Cyrillic", () => {
    const text = decode(files.get("База наставляемых"));
    const records = parseCsv(text);
    expect(records).toHaveLength(2);
    expect(records[0]?.[0]).toBe("ФИО наставляемого");
    expect(records[1]?.[6]).toBe(TRICKY_REQUEST);
    expect(records[1]?.[8]).toBe("");
    // The raw text doubles the quotes and keeps the bare line break inside the quoted field.
    expect(text).toContain('"Хочу научиться ""презентовать"" проекты, выступать\nи не бояться сцены"');
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("flattens the two-level header and keeps the total row", () => {
    const records = parseCsv(decode(files.get("Форма 2")));
    expect(records[0]).toEqual([
      "Муниципальный район",
      "Общеобразовательные организации",
      "Наименование программы наставничества",
      "Количество вовлеченных в программу: наставников",
      "Количество вовлеченных в программу: наставляемых",
      "Результат программы",
    ]);
    expect(records[1]).toEqual([
      "Саргатский",
      "СОШ № 1",
      "Программа «Лидер»",
      "1",
      "1",
      "Наставляемый принимает участие в творческих конкурсах",
    ]);
    expect(records.at(-1)).toEqual(["Итого, чел", "", "", "2", "3", ""]);
    expect(records).toHaveLength(4);
  });

  it("writes dates as ISO text in the organisation's zone and defuses formulas", () => {
    const meetings = parseCsv(decode(files.get("Встречи и обратная связь")));
    expect(meetings[1]?.[3]).toBe("2025-03-01 15:30");
    expect(meetings[1]?.[7]).toBe(`'${FORMULA_FEEDBACK}`);
    expect(meetings[1]?.[9]).toBe("4.5");
    const mentors = parseCsv(decode(files.get("База наставников")));
    expect(mentors[1]?.[10]).toBe("2024-09-02");
  });

  it("can use semicolons for Russian Excel", () => {
    const sheets = buildSheets(workbookInput, strictTranslator("ru"));
    const form1 = sheets.find((s) => s.id === "form1");
    if (!form1) throw new Error("no Form 1");
    const text = decode(buildCsv([form1], { delimiter: ";" }).get("Форма 1"));
    const records = parseCsv(text, ";");
    // Commas inside the contacts need no quotes with semicolons.
    expect(text).toContain(";Иванова Ирина Ивановна, +7 900 000-00-01, school1@example.ru;");
    expect(records[2]).toEqual(["Саргатский", "СОШ № 1", "Иванова Ирина Ивановна, +7 900 000-00-01, school1@example.ru", "100", "20", "5"]);
    expect(records.at(-1)).toEqual(["Итого, чел", "", "", "180", "38", "7"]);
  });
});

describe("CSV fields", () => {
  it("quotes only when needed", () => {
    expect(csvField("просто текст", ",")).toBe("просто текст");
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField("a,b", ";")).toBe("a,b");
    expect(csvField('say "hi"', ",")).toBe('"say ""hi"""');
    expect(csvField("line\r\nbreak", ",")).toBe('"line\r\nbreak"');
  });

  it("leaves negative numbers alone but defuses text that starts a formula", () => {
    const sheet: SheetModel = {
      id: "indicators",
      name: "T",
      columns: [
        { header: "n", width: 5, kind: "integer" },
        { header: "t", width: 5, kind: "text" },
      ],
      rows: [
        [-3, "-3"],
        [0, "@SUM(A1)"],
        [null, "+7 900"],
      ],
    };
    expect(parseCsv(sheetToCsv(sheet).slice(1))).toEqual([
      ["n", "t"],
      ["-3", "'-3"],
      ["0", "'@SUM(A1)"],
      ["", "'+7 900"],
    ]);
  });
});
