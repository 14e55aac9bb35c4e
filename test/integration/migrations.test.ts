import { execFileSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/db/client.js";
import { adminUrl, databaseUrl, templateName } from "../support/global-setup.js";
import { createTestDatabase, type TestDatabase } from "../support/db.js";

/** The database the committed migrations build must be the database the Prisma schema describes. */

const CATALOG = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"') ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY 1, 3`,
};

async function catalog(url: string): Promise<Record<string, unknown[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const [k, q] of Object.entries(CATALOG)) out[k] = (await c.query(q)).rows;
    return out;
  } finally {
    await c.end();
  }
}

describe("migrations", () => {
  let fromSchema: TestDatabase;
  beforeAll(async () => {
    fromSchema = await createTestDatabase();
    // An empty database built straight from schema.prisma.
    const admin = new pg.Client({ connectionString: fromSchema.url });
    await admin.connect();
    await admin.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
      env: { ...process.env, DATABASE_URL: adminUrl() },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    await admin.query(sql);
    await admin.end();
  });
  afterAll(() => fromSchema?.drop());

  it("applied in order, produce exactly the schema's tables, columns, indexes, constraints and enums", async () => {
    const [migrated, expected] = await Promise.all([catalog(databaseUrl(templateName())), catalog(fromSchema.url)]);
    expect(migrated.columns).toEqual(expected.columns);
    expect(migrated.indexes).toEqual(expected.indexes);
    expect(migrated.constraints).toEqual(expected.constraints);
    expect(migrated.enums).toEqual(expected.enums);
  });

  it("every model can be read through the client on the migrated database", async () => {
    const t = await createTestDatabase();
    try {
      for (const model of Object.values(Prisma.ModelName)) {
        const delegate = (t.db.prisma as any)[model.charAt(0).toLowerCase() + model.slice(1)];
        await expect(delegate.findMany({ take: 1 }), model).resolves.toEqual([]);
      }
    } finally {
      await t.drop();
    }
  });
});
