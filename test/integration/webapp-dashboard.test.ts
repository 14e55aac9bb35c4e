import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { startHarness, type Harness } from "../support/harness.js";
import { MAX_BOT } from "../support/fake-max.js";
import type { TestUser } from "../support/users.js";
import { serveWebApp, TEST_VK_APP, WEBAPP_ENV, type WebAppServer } from "../support/webapp.js";
import { join } from "./forms-support.js";

/** /dashboard on every messenger: the button that opens the web app as the messenger's Mini App, and the one-time login link for a browser. */

const WEBAPP_URL = "https://nastavnik.example.ru/app";
const OPENS: Record<string, string> = { telegram: `${WEBAPP_URL}/`, vk: `vk-app:${TEST_VK_APP.id}`, max: `max-app:${MAX_BOT.username}` };

describe.each(ON_EVERY_PLATFORM)("/dashboard on %s", (platform) => {
  let h: Harness;
  let web: WebAppServer;
  let programmeId: string;
  let curator: TestUser;
  let curatorId: string;
  let mentee: TestUser;

  beforeAll(async () => {
    h = await startHarness({ env: { ...WEBAPP_ENV, WEBAPP_URL } });
    web = await serveWebApp(() => h.app);
    ({ programmeId } = await h.seedProgramme());
    curator = h.user(platform);
    curatorId = await join(h, curator, programmeId, "curator", "Елена Куратор");
    mentee = h.user(platform);
    await join(h, mentee, programmeId, "mentee", "Петя Смирнов");
  });
  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  it("gives a curator a button that opens the web app inside the messenger and a login link that opens it once in a browser", async () => {
    await curator.send("/dashboard");
    const answer = curator.last();
    expect(answer.text).toContain("Откройте его кнопкой ниже или в браузере на компьютере по ссылке (она действует 5 минут и открывается один раз)");
    const button = answer.buttons.flat().find((b) => b.label === "Открыть приложение");
    expect(button?.opens).toBe(OPENS[platform]);
    const link = /https:\/\/nastavnik\.example\.ru\/app\/login\?t=([A-Za-z0-9_-]+)/.exec(answer.text);
    expect(link).not.toBeNull();
    // Only the token's hash is kept.
    const stored = await h.app.db.prisma.webLoginToken.findMany({ where: { personId: curatorId } });
    expect(stored.map((s) => s.platform)).toEqual([platform]);
    expect(JSON.stringify(stored)).not.toContain(link![1]);
    const opened = await fetch(`${web.base}/app/login?t=${link![1]}`, { redirect: "manual" });
    expect(opened.headers.get("location")).toBe("/app/");
    const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0]!;
    const me = await (await fetch(`${web.base}/app/api/me`, { headers: { cookie } })).json();
    expect((me as { person: { id: string } }).person.id).toBe(curatorId);
    expect((await fetch(`${web.base}/app/login?t=${link![1]}`, { redirect: "manual" })).headers.get("location")).toBe("/app/#error=login-link-used");
    // A new /dashboard makes a new link; the older one no longer opens anything.
    await curator.send("/dashboard");
    expect(await h.app.db.prisma.webLoginToken.count({ where: { personId: curatorId } })).toBe(1);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorId, action: "staff.dashboard", outcome: "allowed" } })).toBe(2);
  });

  it("refuses a mentee, with an audit record and no link", async () => {
    await mentee.send("/dashboard");
    expect(mentee.last().text).toBe("Эта команда доступна кураторам программ и администраторам.");
    expect(mentee.last().buttons.flat()).toEqual([]);
    const menteeId = (await h.app.db.prisma.messengerIdentity.findUniqueOrThrow({ where: { platform_externalId: { platform, externalId: mentee.id } } })).personId;
    expect(await h.app.db.prisma.webLoginToken.count({ where: { personId: menteeId } })).toBe(0);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: menteeId, action: "staff.dashboard", outcome: "denied" } })).toBe(1);
  });
});

describe("/dashboard where the service has no VK Mini App, or no web app at all", () => {
  let withUrl: Harness;
  let without: Harness;

  beforeAll(async () => {
    [withUrl, without] = await Promise.all([startHarness({ env: { WEBAPP_URL } }), startHarness()]);
  });
  afterAll(async () => {
    await Promise.all([withUrl?.close(), without?.close()]);
  });

  it("on VK without VK_APP_ID the button is a link to the web app's address", async () => {
    const { programmeId } = await withUrl.seedProgramme();
    const curator = withUrl.user("vk");
    await join(withUrl, curator, programmeId, "curator", "Елена Куратор");
    await curator.send("/dashboard");
    expect(curator.last().buttons.flat().find((b) => b.label === "Открыть приложение")?.opens).toBe(`${WEBAPP_URL}/`);
  });

  it("without WEBAPP_URL the bot says the app is not connected, and keeps no login link", async () => {
    const { programmeId } = await without.seedProgramme();
    const curator = without.user("telegram");
    const curatorId = await join(without, curator, programmeId, "curator", "Елена Куратор");
    await curator.send("/dashboard");
    expect(curator.last().text).toBe("Приложение пока не подключено. Спросите администратора сервиса.");
    expect(curator.last().buttons.flat()).toEqual([]);
    expect(await without.app.db.prisma.webLoginToken.count({ where: { personId: curatorId } })).toBe(0);
  });
});
