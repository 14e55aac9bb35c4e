import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createHttpServer } from "../../src/http/server.js";
import { signVkLaunch, signWebAppData } from "../../src/webapp/launch.js";
import type { App } from "../../src/app.js";
import { MAX_TOKEN } from "./fake-max.js";
import { TEST_TELEGRAM_TOKEN } from "./harness.js";

/** The web app in tests: the app's /app served on a port of its own, and launches signed as each messenger signs them. */

export const TEST_VK_APP = { id: 51_234_567, secret: "vk-mini-app-secret-key" };
/** The harness's environment for the VK Mini App. */
export const WEBAPP_ENV = { VK_APP_ID: String(TEST_VK_APP.id), VK_APP_SECRET: TEST_VK_APP.secret };

export interface WebAppServer {
  /** http://localhost:<port> — "localhost" so that the browser keeps the Secure cookie over plain HTTP. */
  base: string;
  close(): Promise<void>;
}

export async function serveWebApp(app: () => App): Promise<WebAppServer> {
  const server: Server = createHttpServer({ health: async () => ({}), webApp: (req, res) => app().webApp(req, res) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const seconds = (at: Date): string => String(Math.floor(at.getTime() / 1000));

/** Telegram's initData for this user, signed with the bot's token (another token: another bot's launch). */
export function telegramLaunch(userId: string, at: Date, options: { token?: string; language?: string } = {}): string {
  const user = JSON.stringify({ id: Number(userId), first_name: "Елена", language_code: options.language ?? "ru" });
  return signWebAppData({ query_id: "AAHdF6IQAAAAAN0XohDhrOrc", user, auth_date: seconds(at) }, options.token ?? TEST_TELEGRAM_TOKEN);
}

/** MAX's WebAppData for this user, signed with its bot's token. */
export function maxLaunch(userId: string, at: Date, options: { token?: string } = {}): string {
  const user = JSON.stringify({ id: Number(userId), first_name: "Елена", language_code: "ru" });
  return signWebAppData({ query_id: "b1c2d3", user, auth_date: seconds(at) }, options.token ?? MAX_TOKEN);
}

/** VK's launch parameters for this user, signed with the app's secret. */
export function vkLaunch(userId: string, at: Date, options: { secret?: string; appId?: number } = {}): string {
  return signVkLaunch(
    {
      vk_access_token_settings: "",
      vk_app_id: String(options.appId ?? TEST_VK_APP.id),
      vk_are_notifications_enabled: "0",
      vk_is_app_user: "1",
      vk_language: "ru",
      vk_platform: "mobile_android",
      vk_ref: "other",
      vk_ts: seconds(at),
      vk_user_id: userId,
    },
    options.secret ?? TEST_VK_APP.secret,
  );
}

/** The Telegram Mini App's address as the client opens it (the launch in the fragment). */
export function telegramUrl(base: string, initData: string, theme: Record<string, string> = {}): string {
  return `${base}/app/#${new URLSearchParams({ tgWebAppData: initData, tgWebAppVersion: "8.0", tgWebAppPlatform: "android", tgWebAppThemeParams: JSON.stringify(theme) }).toString()}`;
}

export function vkUrl(base: string, params: string): string {
  return `${base}/app/?${params}`;
}

export function maxUrl(base: string, webAppData: string): string {
  return `${base}/app/#${new URLSearchParams({ WebAppData: webAppData, WebAppPlatform: "web" }).toString()}`;
}
