import type { Harness } from "./harness.js";

/**
 * A search of every text, varchar and JSON column of every table (read from the catalog, so a
 * new table or column is searched too) for what identifies a person: their name, their
 * representative's, their accounts, what they typed. The erasure tests look before (the data
 * really went there) and after (nothing is left).
 */

export interface Needle {
  what: string;
  value: string;
  /** A number (an account id): found only as a whole number, not inside a longer one. */
  number?: boolean;
}

export interface Finding {
  table: string;
  column: string;
  what: string;
}

const TEXT_TYPES = ["text", "character varying", "character", "json", "jsonb"];

/** Every text and JSON column of every table of the schema, as the catalog lists them. */
async function textColumns(h: Harness): Promise<{ table: string; column: string }[]> {
  const rows = await h.app.db.prisma.$queryRawUnsafe<{ table_name: string; column_name: string; data_type: string; udt_name: string }[]>(
    `SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.udt_name::text FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`,
  );
  return rows.filter((r) => TEXT_TYPES.includes(r.data_type) || (r.data_type === "ARRAY" && ["_text", "_varchar", "_json", "_jsonb"].includes(r.udt_name))).map((r) => ({ table: r.table_name, column: r.column_name }));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function matcher(n: Needle): (text: string) => boolean {
  if (n.number) {
    const re = new RegExp(`(^|\\D)${escapeRegExp(n.value)}(\\D|$)`);
    return (text) => re.test(text);
  }
  const plain = n.value.toLowerCase();
  const json = JSON.stringify(n.value).slice(1, -1).toLowerCase();
  return (text) => {
    const lower = text.toLowerCase();
    return lower.includes(plain) || lower.includes(json);
  };
}

export async function scanCatalog(h: Harness, needles: readonly Needle[]): Promise<{ columns: number; tables: number; found: Finding[] }> {
  const columns = await textColumns(h);
  const tests = needles.map((n) => ({ n, test: matcher(n) }));
  const found: Finding[] = [];
  for (const { table, column } of columns) {
    const rows = await h.app.db.prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT "${column}"::text AS v FROM "${table}" WHERE "${column}" IS NOT NULL`);
    for (const { n, test } of tests) if (rows.some((r) => test(r.v))) found.push({ table, column, what: n.what });
  }
  return { columns: columns.length, tables: new Set(columns.map((c) => c.table)).size, found };
}
