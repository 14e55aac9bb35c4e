import { z } from "zod";
import { blankAsAbsent, url } from "./domain/env-schema.js";
import { PLATFORMS } from "./domain/platforms.js";
import { profiles, PROFILES, type MessengerConfigs } from "./platforms.js";


/**
 * The whole environment of the service, validated at start-up. A bad or missing
 * value stops the process with one message naming every problem.
 */

const serviceSchema = z.object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    /** The address the HTTP server listens on: only this machine by default; the container sets 0.0.0.0. */
    HOST: z.string().trim().min(1).default("127.0.0.1"),
    DATABASE_URL: url(["postgresql:", "postgres:"]),
    REDIS_URL: url(["redis:", "rediss:"]),

    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
    /** Flood protection per person: a burst of updates, then this many a second, this many waiting at most (more are dropped); unset: the defaults of src/bot/core/rate-limit.ts. */
    FLOOD_BURST: z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).optional()),
    FLOOD_PER_SECOND: z.preprocess(blankAsAbsent, z.coerce.number().positive().optional()),
    FLOOD_MAX_QUEUED: z.preprocess(blankAsAbsent, z.coerce.number().int().min(0).optional()),
    /** The public HTTPS address of the web app (this server's /app), for the bot's buttons and login links; unset: the bot offers no web app. */
    WEBAPP_URL: z.preprocess(blankAsAbsent, url(["https:", "http:"]).optional()),
  });

/** The service's variables and each messenger's, from its profile (src/platforms.ts). */
export const envSchema = serviceSchema.extend(Object.assign({}, ...profiles().map((p) => p.config.fields)) as Record<string, z.ZodType>);

/** Rules across variables, checked on the raw values so they are reported with every other problem. */
function crossProblems(source: Record<string, string | undefined>): string[] {
  const has = (k: string) => (source[k] ?? "").trim() !== "";
  const out: string[] = [];
  const tokens = profiles().map((p) => p.config.enabledBy);
  if (!tokens.some(has)) out.push(`${tokens[0]}: set ${tokens.slice(0, -1).join(", ")} or ${tokens.at(-1)} (or several): at least one messenger is required`);
  for (const p of profiles()) out.push(...p.config.problems(source, has));
  return out;
}

export interface ServiceConfig {
  env: "development" | "production" | "test";
  logLevel: string;
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  workerConcurrency: number;
  /** Flood protection per person, where the environment sets it (src/bot/core/rate-limit.ts has the defaults). */
  rateLimit: { burst?: number; perSecond?: number; maxQueued?: number };
  /** The web app's public address (…/app), when the bot offers it. */
  webAppUrl?: string;
}

/** The whole configuration: the service's settings and a section for each messenger it runs on (`config.telegram`, `config.max`…). */
export type Config = ServiceConfig & MessengerConfigs;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "ConfigError";
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const key = i.path.join(".") || "environment";
        const missing = i.code === "invalid_type" && source[key] === undefined;
        return `${key}: ${missing ? "is required" : i.message}`;
      });
  for (const p of crossProblems(source)) if (!problems.some((q) => q.split(":")[0] === p.split(":")[0])) problems.push(p);
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data as z.infer<typeof serviceSchema> & Record<string, unknown>;
  const messengers: MessengerConfigs = {};
  for (const platform of PLATFORMS) {
    const section = PROFILES[platform].config.parse(e);
    if (section) (messengers as Record<string, unknown>)[platform] = section;
  }
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    ...messengers,
    workerConcurrency: e.WORKER_CONCURRENCY,
    ...(e.WEBAPP_URL ? { webAppUrl: e.WEBAPP_URL.replace(/\/+$/, "") } : {}),
    rateLimit: Object.fromEntries(Object.entries({ burst: e.FLOOD_BURST, perSecond: e.FLOOD_PER_SECOND, maxQueued: e.FLOOD_MAX_QUEUED }).filter(([, v]) => v !== undefined)),
  };
}
