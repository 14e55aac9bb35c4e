import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The signed launch data a messenger hands a Mini App, verified on the server. Nothing of it is
 * trusted before its signature checks out and its time is fresh.
 *
 * Telegram `initData` and MAX `WebAppData` are signed the same way: the fields but `hash`, sorted
 * by key, as `key=value` lines; the key is HMAC-SHA256 of the bot's token under the word
 * "WebAppData"; `hash` is the hex HMAC-SHA256 of the lines under that key; `auth_date` is when
 * the app was opened (Unix seconds). VK signs its launch parameters with the app's secret: the
 * `vk_*` parameters, sorted, as a query string; `sign` is its HMAC-SHA256 in URL-safe base64
 * without padding; `vk_ts` is when it was opened.
 */

/** Launch data older than this is refused. */
export const LAUNCH_MAX_AGE_MS = 60 * 60 * 1000;
/** A launch dated this far in the future is refused too (clocks differ a little). */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

export interface LaunchUser {
  /** The messenger's id of the person (the same id the bot knows them by). */
  userId: string;
  languageCode?: string;
}

export type LaunchResult = { ok: true; user: LaunchUser } | { ok: false; problem: "malformed" | "signature" | "expired" };

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

function fresh(at: number, now: Date): boolean {
  const age = now.getTime() - at;
  return age <= LAUNCH_MAX_AGE_MS && age >= -FUTURE_SLACK_MS;
}

/** Each key once: a repeated field makes the data malformed (it could be read two ways). */
function uniqueFields(raw: string): Map<string, string> | null {
  const fields = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(raw)) {
    if (fields.has(k)) return null;
    fields.set(k, v);
  }
  return fields;
}

/** The bot's secret of its Mini App launches (Telegram, MAX). */
export function webAppKey(botToken: string): Buffer {
  return createHmac("sha256", "WebAppData").update(botToken).digest();
}

function webAppCheckString(fields: Map<string, string>): string {
  return [...fields]
    .filter(([k]) => k !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
}

/** Telegram `initData` / MAX `WebAppData` (a query string), checked with the bot's token. */
export function verifyWebAppData(raw: string, botToken: string, now: Date): LaunchResult {
  if (raw.length > 8192) return { ok: false, problem: "malformed" };
  const fields = uniqueFields(raw);
  const hash = fields?.get("hash");
  if (!fields || !hash || !/^[0-9a-f]{64}$/i.test(hash)) return { ok: false, problem: "malformed" };
  const expected = createHmac("sha256", webAppKey(botToken)).update(webAppCheckString(fields)).digest();
  if (!sameBytes(expected, Buffer.from(hash, "hex"))) return { ok: false, problem: "signature" };
  const authDate = Number(fields.get("auth_date"));
  if (!Number.isInteger(authDate) || authDate <= 0) return { ok: false, problem: "malformed" };
  if (!fresh(authDate * 1000, now)) return { ok: false, problem: "expired" };
  let user: { id?: unknown; language_code?: unknown };
  try {
    user = JSON.parse(fields.get("user") ?? "null") ?? {};
  } catch {
    return { ok: false, problem: "malformed" };
  }
  if ((typeof user.id !== "number" && typeof user.id !== "string") || !/^\d{1,20}$/.test(String(user.id))) return { ok: false, problem: "malformed" };
  return { ok: true, user: { userId: String(user.id), languageCode: typeof user.language_code === "string" ? user.language_code : undefined } };
}

/** Signs launch data as the messenger would (the tests' launches; the same code checks them). */
export function signWebAppData(fields: Record<string, string>, botToken: string): string {
  const map = new Map(Object.entries(fields));
  const hash = createHmac("sha256", webAppKey(botToken)).update(webAppCheckString(map)).digest("hex");
  return new URLSearchParams({ ...fields, hash }).toString();
}

function vkSignature(fields: Map<string, string>, secret: string): string {
  const signed = [...fields].filter(([k]) => k.startsWith("vk_")).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // As VK's own example builds it (Node's querystring.stringify: encodeURIComponent of each value).
  const query = signed.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  return createHmac("sha256", secret).update(query).digest("base64url");
}

/** VK launch parameters (the query string of the app's address), checked with the app's id and secret. */
export function verifyVkLaunch(raw: string, app: { id: number; secret: string }, now: Date): LaunchResult {
  if (raw.length > 8192) return { ok: false, problem: "malformed" };
  const fields = uniqueFields(raw.replace(/^\?/, ""));
  const sign = fields?.get("sign");
  if (!fields || !sign || !/^[A-Za-z0-9_-]{20,100}$/.test(sign)) return { ok: false, problem: "malformed" };
  if (!sameBytes(Buffer.from(vkSignature(fields, app.secret)), Buffer.from(sign))) return { ok: false, problem: "signature" };
  if (fields.get("vk_app_id") !== String(app.id)) return { ok: false, problem: "signature" };
  const userId = fields.get("vk_user_id") ?? "";
  const ts = Number(fields.get("vk_ts"));
  if (!/^\d{1,20}$/.test(userId) || !Number.isInteger(ts) || ts <= 0) return { ok: false, problem: "malformed" };
  if (!fresh(ts * 1000, now)) return { ok: false, problem: "expired" };
  const language = fields.get("vk_language");
  return { ok: true, user: { userId, languageCode: language || undefined } };
}

/** Signs VK launch parameters as VK would (the tests' launches). */
export function signVkLaunch(fields: Record<string, string>, secret: string): string {
  const map = new Map(Object.entries(fields));
  return new URLSearchParams({ ...fields, sign: vkSignature(map, secret) }).toString();
}
