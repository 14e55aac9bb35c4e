import { z } from "zod";

/**
 * The whole environment of the service, validated at start-up. A bad or missing
 * value stops the process with one message naming every problem.
 */

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);

const optionalUrl = (protocols: string[]) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), url(protocols).optional());

const secretToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A–Z, a–z, 0–9, _ and -");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    /** The address the HTTP server listens on: only this machine by default; the container sets 0.0.0.0. */
    HOST: z.string().trim().min(1).default("127.0.0.1"),
    DATABASE_URL: url(["postgresql:", "postgres:"]),
    REDIS_URL: url(["redis:", "rediss:"]),

    TELEGRAM_BOT_TOKEN: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456:ABC… (from @BotFather)").optional(),
    ),
    TELEGRAM_BOT_USERNAME: optionalString,
    TELEGRAM_API_ROOT: optionalUrl(["http:", "https:"]),
    TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
    TELEGRAM_WEBHOOK_URL: optionalUrl(["https:", "http:"]),
    TELEGRAM_WEBHOOK_SECRET: z.preprocess((v) => (v === "" ? undefined : v), secretToken.optional()),

    VK_GROUP_TOKEN: optionalString,
    VK_GROUP_ID: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.coerce.number().int().positive().optional(),
    ),
    VK_API_BASE_URL: optionalUrl(["http:", "https:"]),
    VK_MODE: z.enum(["longpoll", "callback"]).default("longpoll"),
    VK_CALLBACK_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(8).max(50).optional()),
    VK_CALLBACK_CONFIRMATION: optionalString,

    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  });

/** Rules across variables, checked on the raw values so they are reported with every other problem. */
function crossProblems(source: Record<string, string | undefined>): string[] {
  const has = (k: string) => (source[k] ?? "").trim() !== "";
  const out: string[] = [];
  if (!has("TELEGRAM_BOT_TOKEN") && !has("VK_GROUP_TOKEN")) {
    out.push("TELEGRAM_BOT_TOKEN: set TELEGRAM_BOT_TOKEN or VK_GROUP_TOKEN (or both): at least one messenger is required");
  }
  if (has("TELEGRAM_BOT_TOKEN") && source.TELEGRAM_MODE === "webhook") {
    if (!has("TELEGRAM_WEBHOOK_URL")) out.push("TELEGRAM_WEBHOOK_URL: is required when TELEGRAM_MODE=webhook");
    if (!has("TELEGRAM_WEBHOOK_SECRET")) out.push("TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_MODE=webhook");
  }
  if (has("VK_GROUP_TOKEN") && !has("VK_GROUP_ID")) out.push("VK_GROUP_ID: is required with VK_GROUP_TOKEN");
  if (!has("VK_GROUP_TOKEN") && has("VK_GROUP_ID")) out.push("VK_GROUP_TOKEN: is required with VK_GROUP_ID");
  if (has("VK_GROUP_TOKEN") && source.VK_MODE === "callback") {
    if (!has("VK_CALLBACK_SECRET")) out.push("VK_CALLBACK_SECRET: is required when VK_MODE=callback");
    if (!has("VK_CALLBACK_CONFIRMATION")) out.push("VK_CALLBACK_CONFIRMATION: is required when VK_MODE=callback");
  }
  return out;
}

export type TelegramConfig =
  | { token: string; username?: string; apiRoot?: string; mode: "polling" }
  | { token: string; username?: string; apiRoot?: string; mode: "webhook"; webhookUrl: string; webhookSecret: string };

export type VkConfig =
  | { token: string; groupId: number; apiBaseUrl?: string; mode: "longpoll" }
  | { token: string; groupId: number; apiBaseUrl?: string; mode: "callback"; secret: string; confirmation: string };

export interface Config {
  env: "development" | "production" | "test";
  logLevel: string;
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  telegram?: TelegramConfig;
  vk?: VkConfig;
  workerConcurrency: number;
}

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
  const e = parsed.data;
  let telegram: TelegramConfig | undefined;
  if (e.TELEGRAM_BOT_TOKEN) {
    const base = { token: e.TELEGRAM_BOT_TOKEN, username: e.TELEGRAM_BOT_USERNAME?.replace(/^@/, ""), apiRoot: e.TELEGRAM_API_ROOT };
    telegram =
      e.TELEGRAM_MODE === "webhook"
        ? { ...base, mode: "webhook", webhookUrl: e.TELEGRAM_WEBHOOK_URL!, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET! }
        : { ...base, mode: "polling" };
  }
  let vk: VkConfig | undefined;
  if (e.VK_GROUP_TOKEN && e.VK_GROUP_ID !== undefined) {
    const base = { token: e.VK_GROUP_TOKEN, groupId: e.VK_GROUP_ID, apiBaseUrl: e.VK_API_BASE_URL };
    vk =
      e.VK_MODE === "callback"
        ? { ...base, mode: "callback", secret: e.VK_CALLBACK_SECRET!, confirmation: e.VK_CALLBACK_CONFIRMATION! }
        : { ...base, mode: "longpoll" };
  }
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    telegram,
    vk,
    workerConcurrency: e.WORKER_CONCURRENCY,
  };
}
