import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { maxLaunch, serveWebApp, telegramLaunch, vkLaunch, WEBAPP_ENV, type WebAppServer } from "../support/webapp.js";
import { seedParticipant } from "./forms-support.js";

/** Who may use the web app: each messenger's signed launch, the login link, the session cookie and its CSRF token, the curator's programmes only. */

const HOUR = 3_600_000;
/** The API's answers, read as the client reads them. */
const json = (res: Response): Promise<any> => res.json();

describe("the web app's authentication", () => {
  let h: Harness;
  let web: WebAppServer;
  let programmeA: string;
  let programmeB: string;
  const curator: Record<"telegram" | "vk" | "max", { personId: string; userId: string }> = {} as never;
  let mentor: { personId: string; userId: string; participationId: string };

  const now = () => h.app.services.now();
  const session = (platform: string, data: string) =>
    fetch(`${web.base}/app/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ platform, data }) });
  const cookieOf = (res: Response): string => (res.headers.get("set-cookie") ?? "").split(";")[0]!;

  beforeAll(async () => {
    h = await startHarness({ env: WEBAPP_ENV });
    web = await serveWebApp(() => h.app);
    ({ programmeId: programmeA } = await h.seedProgramme({ name: "Программа А" }));
    ({ programmeId: programmeB } = await h.seedProgramme({ name: "Программа Б" }));
    for (const platform of ["telegram", "vk", "max"] as const) curator[platform] = await seedParticipant(h, { programmeId: programmeA, role: "curator", name: "Елена Куратор", platform, status: "active" });
    mentor = await seedParticipant(h, { programmeId: programmeA, role: "mentor", name: "Анна Наставник", status: "approved" });
  });
  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  it("GET /app/api/me answers 401 without a signature, a session or a token", async () => {
    expect((await fetch(`${web.base}/app/api/me`)).status).toBe(401);
    expect((await fetch(`${web.base}/app/api/me`, { headers: { cookie: "nastavnik_app=forged.value" } })).status).toBe(401);
    expect((await fetch(`${web.base}/app/api/me`, { headers: { authorization: "tma auth_date=1&hash=00" } })).status).toBe(401);
  });

  it("a signed Telegram launch opens a short-lived HttpOnly, Secure, SameSite=Strict session naming the person's roles and programmes", async () => {
    const res = await session("telegram", telegramLaunch(curator.telegram.userId, now()));
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^nastavnik_app=[^;]+; Path=\/app; Max-Age=3600; HttpOnly; Secure; SameSite=Strict$/);
    const me = await json(res);
    expect(me.person).toMatchObject({ id: curator.telegram.personId, name: "Елена Куратор", platform: "telegram" });
    expect(me.roles).toEqual(["curator"]);
    expect(me.curator.programmes).toEqual([{ id: programmeA, name: "Программа А" }]);
    expect(me.csrf).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const again = await fetch(`${web.base}/app/api/me`, { headers: { cookie: cookieOf(res) } });
    expect(again.status).toBe(200);
    expect((await json(again)).person.id).toBe(curator.telegram.personId);
  });

  it("refuses a forged, an expired and another bot's Telegram launch", async () => {
    const good = telegramLaunch(curator.telegram.userId, now());
    // The same signature over another person's id.
    const forged = good.replace(encodeURIComponent(`"id":${curator.telegram.userId}`), encodeURIComponent(`"id":${mentor.userId}`));
    expect(forged).not.toBe(good);
    const refused = [
      await session("telegram", forged),
      await session("telegram", telegramLaunch(curator.telegram.userId, new Date(now().getTime() - 2 * HOUR))),
      await session("telegram", telegramLaunch(curator.telegram.userId, now(), { token: "654321:ANOTHER-bot-token-entirely" })),
      await session("telegram", "user=%7B%22id%22%3A1%7D&auth_date=1"),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(await Promise.all(refused.map(async (r) => (await json(r)).error))).toEqual(["unauthorized", "launch-expired", "unauthorized", "unauthorized"]);
    expect(refused.every((r) => r.headers.get("set-cookie") === null)).toBe(true);
  });

  it("accepts Authorization: tma <initData> on every request, and refuses it forged", async () => {
    const res = await fetch(`${web.base}/app/api/me`, { headers: { authorization: `tma ${telegramLaunch(curator.telegram.userId, now())}` } });
    expect(res.status).toBe(200);
    expect((await json(res)).person.id).toBe(curator.telegram.personId);
    const maxRes = await fetch(`${web.base}/app/api/programmes/${programmeA}/overview`, { headers: { authorization: `tma ${maxLaunch(curator.max.userId, now())}` } });
    expect(maxRes.status).toBe(200);
    const other = await fetch(`${web.base}/app/api/me`, { headers: { authorization: `tma ${telegramLaunch(curator.telegram.userId, now(), { token: "654321:ANOTHER-bot-token-entirely" })}` } });
    expect(other.status).toBe(401);
  });

  it("a VK launch is checked with the app's secret and id; a MAX launch as Telegram's, with the MAX bot's token", async () => {
    const vk = await session("vk", vkLaunch(curator.vk.userId, now()));
    expect(vk.status).toBe(200);
    expect((await json(vk)).person).toMatchObject({ id: curator.vk.personId, platform: "vk" });
    const refused = [
      await session("vk", vkLaunch(curator.vk.userId, now(), { secret: "another-apps-secret" })),
      await session("vk", vkLaunch(curator.vk.userId, now(), { appId: 7_777_777 })),
      await session("vk", vkLaunch(curator.vk.userId, new Date(now().getTime() - 2 * HOUR))),
      await session("vk", vkLaunch(curator.vk.userId, now()).replace(`vk_user_id=${curator.vk.userId}`, `vk_user_id=${mentor.userId}`)),
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    const max = await session("max", maxLaunch(curator.max.userId, now()));
    expect(max.status).toBe(200);
    expect((await json(max)).person).toMatchObject({ id: curator.max.personId, platform: "max" });
    // A Telegram launch is not a MAX one: each messenger's bot signs its own.
    expect((await session("max", telegramLaunch(curator.max.userId, now()))).status).toBe(401);
  });

  it("a signed launch of an account the bot does not know opens nothing", async () => {
    const res = await session("telegram", telegramLaunch("777000111", now()));
    expect(res.status).toBe(403);
    expect((await json(res)).error).toBe("unknown-person");
  });

  it("a curator of programme A gets 403 for programme B's API, audited as denied", async () => {
    const cookie = cookieOf(await session("telegram", telegramLaunch(curator.telegram.userId, now())));
    for (const page of ["overview", "participants", "suggestions", "pairs", "meetings"]) {
      const res = await fetch(`${web.base}/app/api/programmes/${programmeB}/${page}`, { headers: { cookie } });
      expect(res.status).toBe(403);
      expect((await json(res)).error).toBe("forbidden");
    }
    expect((await fetch(`${web.base}/app/api/programmes/${programmeA}/overview`, { headers: { cookie } })).status).toBe(200);
    const denied = await h.app.db.prisma.auditLog.findMany({ where: { actorId: curator.telegram.personId, outcome: "denied", targetId: programmeB } });
    expect(denied.map((d) => d.action).sort()).toEqual(["curator.match_view", "curator.meetings", "curator.pairs", "curator.participants", "curator.participants"]);
    // A participant's card of B's, and an export of B's, are B's too.
    const ofB = await seedParticipant(h, { programmeId: programmeB, role: "mentee", name: "Чужой Участник" });
    const card = await fetch(`${web.base}/app/api/participants/${ofB.participationId}`, { headers: { cookie } });
    expect(card.status).toBe(403);
    expect(JSON.stringify(await json(card))).not.toContain("Чужой");
    expect((await fetch(`${web.base}/app/api/programmes/${programmeB}/export.xlsx`, { headers: { cookie } })).status).toBe(403);
    const own = await json(await fetch(`${web.base}/app/api/participants/${mentor.participationId}`, { headers: { cookie } }));
    expect(own.participant).toMatchObject({ name: "Анна Наставник", role: "mentor", status: "approved" });
    expect(denied.every((d) => (d.details as Record<string, unknown>).via === "app")).toBe(true);
    // A mentor sees no programme's pages.
    const mentorCookie = cookieOf(await session("telegram", telegramLaunch(mentor.userId, now())));
    expect((await fetch(`${web.base}/app/api/programmes/${programmeA}/participants`, { headers: { cookie: mentorCookie } })).status).toBe(403);
  });

  it("a write with the session cookie needs the session's CSRF token", async () => {
    const res = await session("telegram", telegramLaunch(curator.telegram.userId, now()));
    const cookie = cookieOf(res);
    const { csrf } = await json(res);
    const other = await json(await session("telegram", telegramLaunch(curator.telegram.userId, now())));
    expect(other.csrf).not.toBe(csrf);
    const match = (headers: Record<string, string>) =>
      fetch(`${web.base}/app/api/programmes/${programmeA}/match`, { method: "POST", headers: { cookie, "content-type": "application/json", ...headers }, body: JSON.stringify({ mode: "best_total" }) });
    expect((await match({})).status).toBe(403);
    expect((await match({ "x-csrf-token": other.csrf })).status).toBe(403);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curator.telegram.personId, action: "curator.match" } })).toBe(0);
    const ok = await match({ "x-csrf-token": csrf });
    expect(ok.status).toBe(200);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curator.telegram.personId, action: "curator.match", outcome: "allowed" } })).toBe(1);
    // A bad mode is a clear 400, not a job.
    const bad = await fetch(`${web.base}/app/api/programmes/${programmeA}/match`, { method: "POST", headers: { cookie, "content-type": "application/json", "x-csrf-token": csrf }, body: JSON.stringify({ mode: "somehow" }) });
    expect(bad.status).toBe(400);
  });

  it("a login link opens a session once, and not after it expired; only its hash is stored", async () => {
    const token = await h.app.services.webLogins.issue(curator.telegram.personId, "telegram");
    const stored = await h.app.db.prisma.webLoginToken.findMany({ where: { personId: curator.telegram.personId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    const first = await fetch(`${web.base}/app/login?t=${token}`, { redirect: "manual" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/app/");
    const cookie = cookieOf(first);
    expect((await fetch(`${web.base}/app/api/me`, { headers: { cookie } })).status).toBe(200);
    const second = await fetch(`${web.base}/app/login?t=${token}`, { redirect: "manual" });
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe("/app/#error=login-link-used");
    expect(second.headers.get("set-cookie")).toBeNull();
    const late = await h.app.services.webLogins.issue(curator.telegram.personId, "telegram");
    await h.app.db.prisma.webLoginToken.updateMany({ where: { personId: curator.telegram.personId }, data: { expiresAt: new Date(now().getTime() - 1000) } });
    expect((await fetch(`${web.base}/app/login?t=${late}`, { redirect: "manual" })).headers.get("location")).toBe("/app/#error=login-link-used");
    expect((await fetch(`${web.base}/app/login?t=not-a-token`, { redirect: "manual" })).headers.get("location")).toBe("/app/#error=login-link-used");
  });
});
