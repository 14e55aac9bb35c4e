import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/index.js";
import { Sql } from "./sql.js";
import { FrameAwarePool } from "./frame-context.js";

export { Prisma, PrismaClient } from "./generated/index.js";
export type * from "./generated/index.js";

/**
 * Two pools over one database: the domain's (Prisma's and the prepared statements'), and
 * one for the update frames (the per-chat transaction around every incoming update). The
 * domain pool is frame-aware: inside a frame its queries run on the frame's connection
 * (src/db/frame-context.ts), so whatever a handler reads or writes is part of its update.
 */
export interface Database {
  prisma: PrismaClient;
  /** Prepared SQL on Prisma's pool, for the hot paths. */
  sql: Sql;
  framePool: pg.Pool;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  poolSize?: number;
  framePoolSize?: number;
}

// Prisma keeps DateTime as UTC in `timestamp without time zone` columns. Raw SQL must read and
// write them the same way whatever the process's or the server's timezone: dates go out as
// UTC, timestamps come back as UTC, every session runs in UTC, and SQL dates stay YYYY-MM-DD.
pg.defaults.parseInputDatesAsUTC = true;
pg.types.setTypeParser(1114, (v: string) => new Date(`${v.replace(" ", "T")}Z`));
pg.types.setTypeParser(1082, (v: string) => v);
const UTC_SESSION = "-c TimeZone=UTC";

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const prismaPool = new FrameAwarePool({ connectionString: url, max: options.poolSize ?? 10, options: UTC_SESSION, connectionTimeoutMillis: 5000 });
  const framePool = new pg.Pool({ connectionString: url, max: options.framePoolSize ?? 10, options: UTC_SESSION, connectionTimeoutMillis: 5000 });
  // A client losing its connection (database restart), idle or checked out, must not crash
  // the process: the query in hand fails and the update is retried.
  for (const pool of [prismaPool, framePool]) {
    pool.on("error", () => undefined);
    pool.on("connect", (client) => client.on("error", () => undefined));
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(prismaPool) });
  return {
    prisma,
    sql: new Sql(prismaPool),
    framePool,
    async ping() {
      try {
        await framePool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect().catch(() => undefined);
      await Promise.allSettled([prismaPool.end(), framePool.end()]);
    },
  };
}

/** True for errors that mean "the database cannot be reached right now", not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: any = error;
  while (e && !seen.has(e)) {
    seen.add(e);
    const code = e.code ?? e.cause?.originalCode;
    if (typeof code === "string" && (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "P1001", "P1002", "P1017", "P2024"].includes(code) || code.startsWith("08") || code === "57P01" || code === "57P03")) return true;
    const kind = e.cause?.kind ?? e.meta?.driverAdapterError?.cause?.kind;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout" || kind === "TooManyConnections") return true;
    if (typeof e.message === "string" && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message)) return true;
    e = e.cause ?? e.meta?.driverAdapterError;
  }
  return false;
}
