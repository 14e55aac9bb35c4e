import { describe, expect, it } from "vitest";
import { signVkLaunch, signWebAppData, verifyVkLaunch, verifyWebAppData } from "../../src/webapp/launch.js";

/** The messengers' launch signatures, checked as each messenger documents them. */

describe("launch signatures", () => {
  it("VK: the sign of VK's own documented example (its app secret and launch parameters) is the one computed here", () => {
    const documented = "vk_user_id=494075&vk_app_id=6736218&vk_is_app_user=1&vk_are_notifications_enabled=1&vk_language=ru&vk_access_token_settings=&vk_platform=android";
    const signed = new URLSearchParams(signVkLaunch(Object.fromEntries(new URLSearchParams(documented)), "wvl68m4dR1UpLrVRli"));
    expect(signed.get("sign")).toBe("htQFduJpLxz7ribXRZpDFUH-XEUhC9rBPTJkjUFEkRA");
  });

  it("VK: parameters other than vk_* are not signed; a launch without vk_ts or with a repeated parameter is malformed", () => {
    const now = new Date("2027-03-25T06:00:00Z");
    const app = { id: 6736218, secret: "wvl68m4dR1UpLrVRli" };
    const launch = signVkLaunch({ vk_app_id: "6736218", vk_user_id: "494075", vk_ts: String(now.getTime() / 1000) }, app.secret);
    expect(verifyVkLaunch(`${launch}&utm_source=menu`, app, now)).toMatchObject({ ok: true, user: { userId: "494075" } });
    expect(verifyVkLaunch(`${launch}&vk_user_id=1`, app, now)).toEqual({ ok: false, problem: "malformed" });
    expect(verifyVkLaunch(signVkLaunch({ vk_app_id: "6736218", vk_user_id: "494075" }, app.secret), app, now)).toEqual({ ok: false, problem: "malformed" });
  });

  it("Telegram and MAX: the hash covers every field but itself; a launch an hour and more old, or from the future, is refused", () => {
    const token = "123456:TEST-token-for-the-fake-bot-api";
    const now = new Date("2027-03-25T06:00:00Z");
    const at = (ms: number) => String(Math.floor((now.getTime() + ms) / 1000));
    const user = JSON.stringify({ id: 279058397, first_name: "Елена", language_code: "en" });
    const good = signWebAppData({ query_id: "AAHdF6IQAAAAAN0XohDhrOrc", user, auth_date: at(-60_000) }, token);
    expect(verifyWebAppData(good, token, now)).toEqual({ ok: true, user: { userId: "279058397", languageCode: "en" } });
    // Any field changed or added breaks the hash, the ones we do not read included.
    expect(verifyWebAppData(`${good}&start_param=x`, token, now)).toEqual({ ok: false, problem: "signature" });
    expect(verifyWebAppData(good.replace("AAHdF6IQ", "BBHdF6IQ"), token, now)).toEqual({ ok: false, problem: "signature" });
    expect(verifyWebAppData(signWebAppData({ user, auth_date: at(-3_600_001) }, token), token, now)).toEqual({ ok: false, problem: "expired" });
    expect(verifyWebAppData(signWebAppData({ user, auth_date: at(10 * 60_000) }, token), token, now)).toEqual({ ok: false, problem: "expired" });
    expect(verifyWebAppData(signWebAppData({ user: "{}", auth_date: at(0) }, token), token, now)).toEqual({ ok: false, problem: "malformed" });
  });
});
