import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { serveWebApp, telegramLaunch, WEBAPP_ENV, type WebAppServer } from "../support/webapp.js";
import { seedPair, seedParticipant } from "./forms-support.js";

/** The web app's reports: an administrator's scope against the 70 % targets, and the downloads of /export — each only for whom the command allows. */

const json = (res: Response): Promise<any> => res.json();

async function sheetNames(content: ArrayBuffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content);
  return book.worksheets.map((w) => w.name);
}

describe("the web app's reports", () => {
  let h: Harness;
  let web: WebAppServer;
  let a: { organisationId: string; programmeId: string };
  let b: { organisationId: string; programmeId: string };
  let curatorA: { personId: string; userId: string };
  let curatorB: { personId: string; userId: string };
  let adminA: { personId: string; userId: string; administratorId: string };
  let adminB: { personId: string; userId: string; administratorId: string };

  const cookieFor = async (userId: string): Promise<string> => {
    const res = await fetch(`${web.base}/app/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ platform: "telegram", data: telegramLaunch(userId, h.app.services.now()) }) });
    expect(res.status).toBe(200);
    return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  };

  async function administrator(organisationId: string, name: string) {
    const s = await seedParticipant(h, { programmeId: a.programmeId, role: "mentor", name, status: "approved" });
    // Only the administrator role is wanted: the participation is removed again.
    await h.app.db.prisma.participation.deleteMany({ where: { personId: s.personId } });
    const admin = await h.app.db.prisma.administrator.create({ data: { personId: s.personId, scope: "organisation", organisationId, createdAt: h.app.services.now() } });
    return { personId: s.personId, userId: s.userId, administratorId: admin.id };
  }

  beforeAll(async () => {
    h = await startHarness({ env: WEBAPP_ENV });
    web = await serveWebApp(() => h.app);
    a = await h.seedProgramme({ name: "Программа А" });
    b = await h.seedProgramme({ name: "Программа Б" });
    curatorA = await seedParticipant(h, { programmeId: a.programmeId, role: "curator", name: "Куратор А", status: "active" });
    curatorB = await seedParticipant(h, { programmeId: b.programmeId, role: "curator", name: "Куратор Б", status: "active" });
    const mentor = await seedParticipant(h, { programmeId: a.programmeId, role: "mentor", name: "Анна Наставник", status: "active" });
    const mentee = await seedParticipant(h, { programmeId: a.programmeId, role: "mentee", name: "Петя Смирнов", status: "active" });
    await seedPair(h, { programmeId: a.programmeId, mentorId: mentor.participationId, menteeId: mentee.participationId });
    adminA = await administrator(a.organisationId, "Администратор А");
    adminB = await administrator(b.organisationId, "Администратор Б");
  });
  afterAll(async () => {
    await web?.close();
    await h?.close();
  });

  it("an administrator's /app/api/me names their scope, and its overview has each organisation's indicators against the 70 % targets", async () => {
    const cookie = await cookieFor(adminA.userId);
    const me = await json(await fetch(`${web.base}/app/api/me`, { headers: { cookie } }));
    expect(me.roles).toEqual(["administrator"]);
    expect(me.administrator.scopes).toEqual([{ id: adminA.administratorId, scope: "organisation", name: "МАОУ «СОШ № 46»" }]);
    const res = await fetch(`${web.base}/app/api/administrators/${adminA.administratorId}/overview`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const overview = await json(res);
    expect(overview.target).toBe(70);
    expect(overview.organisations.map((o: { id: string }) => o.id)).toEqual([a.organisationId]);
    expect(overview.total.pairs).toBe(1);
    expect(overview.organisations[0].indicators.pairs).toBe(1);
    expect(overview.labels["pupilsTarget.percent"]).toMatch(/70/);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: adminA.personId, action: "admin.stats", outcome: "allowed" } })).toBe(1);
  });

  it("another scope's overview and forms are refused with 403 and audited; a curator is no administrator", async () => {
    const cookie = await cookieFor(adminB.userId);
    for (const page of ["overview", "export.xlsx"]) expect((await fetch(`${web.base}/app/api/administrators/${adminA.administratorId}/${page}`, { headers: { cookie } })).status).toBe(403);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: adminB.personId, outcome: "denied", targetId: adminA.administratorId } })).toBe(2);
    const curator = await cookieFor(curatorA.userId);
    expect((await fetch(`${web.base}/app/api/administrators/${adminA.administratorId}/overview`, { headers: { cookie: curator } })).status).toBe(403);
  });

  it("a suggestion rejected in the app with a reason is not suggested again; a decided one is answered as such", async () => {
    const mentor = await seedParticipant(h, { programmeId: a.programmeId, role: "mentor", name: "Борис Шахматист", status: "approved" });
    const mentee = await seedParticipant(h, { programmeId: a.programmeId, role: "mentee", name: "Вася Кузнецов" });
    const run = await h.app.db.prisma.matchRun.create({
      data: { programmeId: a.programmeId, mode: "best_total", createdAt: h.app.services.now(), stats: { mentors: 1, mentees: 1, matched: 1, kept: 0, totalScore: 50, proven: true, unmatched: [] } },
    });
    const s = await h.app.db.prisma.matchSuggestion.create({ data: { runId: run.id, programmeId: a.programmeId, number: 7, mentorId: mentor.participationId, menteeId: mentee.participationId, score: 50, reasons: [] } });
    const login = await fetch(`${web.base}/app/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ platform: "telegram", data: telegramLaunch(curatorA.userId, h.app.services.now()) }) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const { csrf } = await json(login);
    const post = (path: string, body: unknown) => fetch(`${web.base}/app/api/${path}`, { method: "POST", headers: { cookie, "content-type": "application/json", "x-csrf-token": csrf }, body: JSON.stringify(body) });
    const listed = await json(await fetch(`${web.base}/app/api/programmes/${a.programmeId}/suggestions`, { headers: { cookie } }));
    expect(listed.suggestions.map((x: { number: number; mentor: string; mentee: string }) => [x.number, x.mentor, x.mentee])).toEqual([[7, "Борис Шахматист", "Вася Кузнецов"]]);
    expect((await post(`suggestions/${s.id}/reject`, { reason: 42 })).status).toBe(400);
    const rejected = await post(`suggestions/${s.id}/reject`, { reason: "  разные графики  " });
    expect(rejected.status).toBe(200);
    expect(await h.app.db.prisma.matchSuggestion.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "rejected", rejectReason: "разные графики", decidedById: curatorA.personId });
    const again = await post(`suggestions/${s.id}/confirm`, {});
    expect(again.status).toBe(409);
    expect((await json(again)).error).toBe("already-rejected");
    expect(await h.app.db.prisma.pair.count({ where: { mentorId: mentor.participationId } })).toBe(0);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorA.personId, action: "curator.match_reject", outcome: "allowed", targetId: s.id } })).toBe(1);
    // Another programme's curator cannot decide it, nor see that it exists.
    const other = await fetch(`${web.base}/app/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ platform: "telegram", data: telegramLaunch(curatorB.userId, h.app.services.now()) }) });
    const otherCookie = (other.headers.get("set-cookie") ?? "").split(";")[0]!;
    const forged = await fetch(`${web.base}/app/api/suggestions/${s.id}/confirm`, { method: "POST", headers: { cookie: otherCookie, "content-type": "application/json", "x-csrf-token": (await json(other)).csrf }, body: "{}" });
    expect(forged.status).toBe(403);
  });

  it("the administrator downloads the RNC forms of the scope without the bases of people; the curator the programme's workbook with them", async () => {
    const admin = await fetch(`${web.base}/app/api/administrators/${adminA.administratorId}/export.xlsx`, { headers: { cookie: await cookieFor(adminA.userId) } });
    expect(admin.status).toBe(200);
    expect(admin.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(admin.headers.get("content-disposition")).toMatch(/^attachment; filename="nastavnik-rnc-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const adminSheets = await sheetNames(await admin.arrayBuffer());
    const curator = await fetch(`${web.base}/app/api/programmes/${a.programmeId}/export.xlsx`, { headers: { cookie: await cookieFor(curatorA.userId) } });
    expect(curator.status).toBe(200);
    const curatorSheets = await sheetNames(await curator.arrayBuffer());
    // The curator's workbook has the bases the administrator's leaves out; both have the forms.
    expect(curatorSheets.length).toBeGreaterThan(adminSheets.length);
    for (const name of adminSheets) expect(curatorSheets).toContain(name);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curatorA.personId, action: "curator.export", outcome: "allowed" } })).toBe(1);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: adminA.personId, action: "admin.export", outcome: "allowed" } })).toBe(1);
    // A curator of another programme gets nothing of A's.
    const other = await fetch(`${web.base}/app/api/programmes/${a.programmeId}/export.xlsx`, { headers: { cookie: await cookieFor(curatorB.userId) } });
    expect(other.status).toBe(403);
    expect(other.headers.get("content-disposition")).toBeNull();
  });
});
