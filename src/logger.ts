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

export type { Logger };
