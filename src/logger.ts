import pino, { type Logger, type DestinationStream } from "pino";

/**
 * One root logger; components take children with {platform, update}. Log lines carry ids,
 * kinds and counts — never names, message texts or answers. The redaction below is a
 * second line of defence for fields that must never appear.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "nastavnik" },
      redact: {
        paths: ["text", "*.text", "answers", "*.answers", "displayName", "*.displayName", "representativeName", "*.representativeName", "token", "*.token"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

/**
 * An error reduced to what may be logged: its kind, its code and the first line of its
 * message with every quoted or bracketed fragment removed. Messenger APIs and the database
 * echo what was sent (a rejected text, a value that did not fit) in exactly those places, and
 * Prisma prints a query's arguments on later lines.
 */
export function errorSummary(error: unknown): { name: string; code?: string | number; message: string; at?: string } {
  const e = error as any;
  const name = typeof e?.name === "string" ? e.name : "Error";
  const code = typeof e?.code === "string" || typeof e?.code === "number" ? e.code : typeof e?.error_code === "number" ? e.error_code : undefined;
  const firstLine = String(e?.message ?? e).split("\n").find((l: string) => l.trim()) ?? "";
  const message = firstLine
    .replace(/"[^"]*"|'[^']*'|«[^»]*»|“[^”]*”|`[^`]*`/g, "…")
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, "(…)")
    .replace(/:\s.*$/, ": …")
    .slice(0, 160);
  const at = typeof e?.stack === "string" ? e.stack.split("\n").find((l: string) => l.trim().startsWith("at "))?.trim() : undefined;
  return { name, code, message, at };
}

export type { Logger };
