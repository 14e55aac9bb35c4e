import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";

/**
 * Prepared SQL over a pg pool, for the paths every message takes. Prisma's query compiler
 * costs about 1.7 ms of CPU per query on a 2-core machine; a prepared statement about
 * 0.16 ms (measured in docs/architecture.md). Everything else uses Prisma.
 */
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `s${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/** What the stores need of SQL: the pool (autocommit) or an update's transaction (buffered writes). */
export interface SqlExecutor {
  rows<T = Record<string, any>>(text: string, values?: unknown[]): Promise<T[]>;
  one<T = Record<string, any>>(text: string, values?: unknown[]): Promise<T | undefined>;
  /** A write; in an update's transaction it is sent with the next read or the commit. */
  exec(text: string, values?: unknown[]): Promise<void>;
  /** Runs fn atomically (already the case inside an update's transaction). */
  tx<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T>;
}

export class Sql implements SqlExecutor {
  /** A pool, or the client of a transaction in progress. */
  constructor(private readonly db: pg.Pool | pg.PoolClient, private readonly inTransaction = false) {}

  async rows<T = Record<string, any>>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.db.query({ name: statementName(text), text, values })).rows as T[];
  }

  async one<T = Record<string, any>>(text: string, values: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, values))[0];
  }

  async exec(text: string, values: unknown[] = []): Promise<void> {
    await this.db.query({ name: statementName(text), text, values });
  }

  /** Runs fn in a transaction on one connection of the pool. */
  async tx<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const client = await (this.db as pg.Pool).connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await fn(new Sql(client, true));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      broken = true;
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release(broken ? true : undefined);
    }
  }
}

/**
 * The SQL of one update's transaction. Writes are buffered and sent together with the next
 * read, or with the commit, as one multi-statement query with escaped literals: an update
 * that only writes costs the round trip that commits it. Reads see the writes before them.
 */
export class BufferedSql implements SqlExecutor {
  private pending: string[] = [];

  constructor(private readonly client: pg.PoolClient) {}

  literal(value: unknown): string {
    if (value === null || value === undefined) return "NULL";
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new Error("non-finite number in SQL");
      return String(value);
    }
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    if (value instanceof Date) return this.client.escapeLiteral(value.toISOString());
    if (typeof value === "string") return this.client.escapeLiteral(value);
    return this.client.escapeLiteral(JSON.stringify(value));
  }

  /** The statement with its $n placeholders replaced by escaped literals. */
  inline(text: string, values: unknown[] = []): string {
    return text.replace(/\$(\d+)/g, (_, n: string) => this.literal(values[Number(n) - 1]));
  }

  async exec(text: string, values: unknown[] = []): Promise<void> {
    this.pending.push(this.inline(text, values));
  }

  async rows<T = Record<string, any>>(text: string, values: unknown[] = []): Promise<T[]> {
    if (this.pending.length === 0) return (await this.client.query({ name: statementName(text), text, values })).rows as T[];
    const results = await this.flush(this.inline(text, values));
    return (results[results.length - 1]?.rows ?? []) as T[];
  }

  async one<T = Record<string, any>>(text: string, values: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, values))[0];
  }

  async tx<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return fn(this);
  }

  /** Sends the buffered writes followed by `tail` (more statements) in one round trip. */
  async flush(tail = ""): Promise<pg.QueryResult[]> {
    const text = [...this.pending, tail].filter(Boolean).join(";\n");
    this.pending = [];
    if (!text) return [];
    const result = (await this.client.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
    return Array.isArray(result) ? result : [result];
  }
}

/**
 * Makes a connection run its queries one after another, in the order they were asked for: an
 * update's handler may ask for several at once (Prisma loads relations concurrently), and pg
 * runs only one at a time on a connection (from pg 9 it refuses the others). Returns the undo.
 */
export function oneQueryAtATime(client: pg.PoolClient): () => void {
  const original = client.query;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const run = tail.then(() => (original as (...a: unknown[]) => Promise<unknown>).apply(client, args));
    tail = run.catch(() => undefined);
    return run;
  }) as typeof client.query;
  return () => {
    client.query = original;
  };
}

/** Ids in the shape Prisma's cuid() gives: a letter, a time part, a random part (25 characters). */
export function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`).toString(36).padStart(16, "0").slice(-15);
  return `c${time}${random}`;
}

/** A unique-constraint violation from PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "23505";
}
