import pg from "pg";
import { adminUrl, databaseUrl, newDatabaseName, templateName } from "./global-setup.js";
import { createDatabase, type Database } from "../../src/db/client.js";

export interface TestDatabase {
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template (fast, isolated). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = newDatabaseName("db");
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  const db = createDatabase(url, { poolSize: 5, framePoolSize: 5 });
  return {
    url,
    db,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
