import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PLATFORMS } from "../support/platforms.js";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";
import { maxLaunch, maxUrl, serveWebApp, telegramLaunch, telegramUrl, vkLaunch, vkUrl, WEBAPP_ENV, type WebAppServer } from "../support/webapp.js";
import { seedParticipant } from "../integration/forms-support.js";

/**
 * The web app in a real browser (Debian's chromium driven by playwright-core): a curator opens
 * it from Telegram and from VK with the messengers' signed launches, runs matching, confirms
 * suggestions, and the pairs get the bot's messages on their messenger; refused launches and
 * another programme's pages say so in words. Screenshots of each page at phone and desktop size
 * go to test-output/webapp.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = join(process.cwd(), "test-output", "webapp");
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const texts = (u: TestUser): string => u.messages().map((m) => m.text).join("\n---\n");

describe("the web app in a browser", () => {
  let h: Harness;
  let web: WebAppServer;
  let browser: Browser;
  let programmeId: string;
  let organisationId: string;
  let otherProgramme: string;
  let curator: { personId: string; userId: string };
  const vkCuratorId = "610000111";
  const maxCuratorId = "710000111";
  type Seeded = { personId: string; participationId: string; userId: string; user: TestUser };
  const people: Record<string, Seeded> = {};

  async function person(key: string, role: "mentor" | "mentee", name: string, platform: "telegram" | "vk", answers: Record<string, unknown>): Promise<void> {
    const s = await seedParticipant(h, { programmeId, role, name, platform, status: role === "mentor" ? "approved" : "joined" });
    await h.app.db.prisma.formResponse.create({
      data: { personId: s.personId, programmeId, formId: role === "mentor" ? "mentor-questionnaire" : "mentee-request", formVersion: 1, answers: answers as object, status: "submitted", submittedAt: h.app.services.now(), createdAt: h.app.services.now(), updatedAt: h.app.services.now() },
    });
    people[key] = { ...s, user: h.user(platform, s.userId) };
  }

  async function page(size: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport: size, locale: "ru-RU", acceptDownloads: true });
    return context.newPage();
  }

  async function shot(p: Page, name: string): Promise<void> {
    await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await promisify(execFile)("node", ["webapp/build.mjs"]);
    h = await startHarness({ env: WEBAPP_ENV });
    web = await serveWebApp(() => h.app);
    // Under a moved clock (.ci/moved-clock) the browser runs on the real one: chromium, like redis-server, is not started under libfaketime.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && k !== "LD_PRELOAD" && !k.startsWith("FAKETIME"))) as Record<string, string>;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"], env });
    ({ programmeId, organisationId } = await h.seedProgramme({ name: "Шаг в профессию" }));
    ({ programmeId: otherProgramme } = await h.seedProgramme({ name: "Чужая программа" }));
    // One curator with accounts on Telegram, VK and MAX.
    curator = await seedParticipant(h, { programmeId, role: "curator", name: "Елена Куратор", status: "active" });
    for (const [platform, externalId] of [["vk", vkCuratorId], ["max", maxCuratorId]] as const) {
      await h.app.db.prisma.messengerIdentity.create({ data: { personId: curator.personId, platform, externalId, chatId: TEST_PLATFORMS[platform].chatIdOf(externalId), createdAt: h.app.services.now() } });
    }
    await person("anna", "mentor", "Анна Робототехник", "telegram", { interests: ["robotics"], helpEducational: ["informatics"], days: ["fri"], times: ["afternoon"], formats: ["online"] });
    await person("boris", "mentor", "Борис Шахматист", "vk", { interests: ["sport"], helpSocial: ["teamwork"], days: ["mon"], times: ["evening"], formats: ["offline"] });
    await person("pete", "mentee", "Петя Смирнов", "telegram", { interests: ["robotics"], deficitsEducational: ["informatics"], grade: "6" });
    await person("vasya", "mentee", "Вася Кузнецов", "vk", { interests: ["sport"], deficitsSocial: ["teamwork"], grade: "7" });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await h?.close();
  });

  it("from Telegram: the overview, the participants, matching run as the job, a suggestion confirmed — and the pair gets the bot's message", async () => {
    const p = await page(PHONE);
    await p.goto(telegramUrl(web.base, telegramLaunch(curator.userId, h.app.services.now()), { bg_color: "#17212b", text_color: "#f5f5f5", button_color: "#5288c1", button_text_color: "#ffffff" }));
    // One programme: the app opens on its overview, in Telegram's dark theme.
    await p.getByRole("heading", { level: 1, name: "Шаг в профессию" }).waitFor();
    expect(await p.evaluate("document.documentElement.dataset.theme")).toBe("dark");
    expect(await p.evaluate("location.hash")).toBe(`#/p/${programmeId}`);
    const overview = await p.locator("main").textContent();
    expect(overview).toContain("Анкеты заполнили: 2 из 2");
    expect(overview).toContain("Подбор пар ещё не запускали.");
    await shot(p, "overview-phone");

    await p.getByRole("link", { name: "Участники" }).click();
    await p.getByRole("table").waitFor();
    expect(await p.getByRole("row").count()).toBe(5);
    await p.getByLabel("Поиск по имени или номеру").fill("Анна");
    expect(await p.getByRole("row").count()).toBe(2);
    await p.getByLabel("Поиск по имени или номеру").fill("");
    await p.getByLabel("Роль").selectOption("mentee");
    expect(await p.locator("tbody").textContent()).not.toContain("Анна Робототехник");
    await shot(p, "participants-phone");

    await p.getByRole("link", { name: "Подбор пар" }).click();
    await p.getByRole("button", { name: "Лучшее совпадение" }).click();
    await p.getByRole("heading", { name: /№1\. Анна Робототехник → Петя Смирнов/ }).waitFor({ timeout: 30_000 });
    const card = await p.locator("li.suggestion").first().textContent();
    expect(card).toContain("общие интересы: Робототехника");
    await shot(p, "matching-phone");

    // The keyboard reaches the button: focused and pressed with Enter.
    await p.getByRole("button", { name: "Подтвердить №1" }).focus();
    await p.keyboard.press("Enter");
    await p.getByRole("status").filter({ hasText: "Пара №1 подтверждена" }).waitFor();
    const pete = people.pete!.user;
    const anna = people.anna!.user;
    await until(() => texts(pete).includes("Пара подтверждена!") && texts(anna).includes("Пара подтверждена!"));
    const toPete = pete.messages().find((m) => m.text.includes("Пара подтверждена!"))!.text;
    expect(toPete).toContain("Ваш наставник: Анна Робототехник");
    expect(toPete).toContain(TEST_PLATFORMS.telegram.contactOf(anna.id));
    expect(await h.app.db.prisma.pair.count({ where: { programmeId } })).toBe(1);
    expect(await h.app.db.prisma.auditLog.count({ where: { actorId: curator.personId, action: "curator.match_confirm", outcome: "allowed" } })).toBe(1);

    // A participant's card: the questionnaire in words, the pair.
    await p.getByRole("link", { name: "Участники" }).click();
    await p.getByRole("link", { name: "Петя Смирнов" }).click();
    await p.getByRole("heading", { level: 1, name: /Петя Смирнов/ }).waitFor();
    const cardText = await p.locator("main").textContent();
    expect(cardText).toContain("Робототехника");
    expect(cardText).toContain("Анна Робототехник → Петя Смирнов");
    await shot(p, "participant-phone");
    await p.getByRole("link", { name: "Встречи и сроки" }).click();
    await p.getByRole("heading", { level: 2, name: /Просрочено/ }).waitFor();
    await shot(p, "meetings-phone");
    await p.context().close();
  }, 90_000);

  it("from VK: the signed launch parameters open the same curator's app; the second suggestion confirmed reaches the pair on VK", async () => {
    const p = await page(DESKTOP);
    await p.goto(vkUrl(web.base, vkLaunch(vkCuratorId, h.app.services.now())));
    await p.getByRole("heading", { level: 1, name: "Шаг в профессию" }).waitFor();
    // The signed parameters leave the address once they are exchanged for the session.
    expect(await p.evaluate("location.search")).toBe("");
    await shot(p, "overview-desktop");
    await p.getByRole("link", { name: "Участники" }).click();
    await p.getByRole("table").waitFor();
    await shot(p, "participants-desktop");
    await p.getByRole("link", { name: "Подбор пар" }).click();
    await p.getByRole("button", { name: "Подтвердить №2" }).click();
    await p.getByRole("status").filter({ hasText: "Пара №2 подтверждена" }).waitFor();
    await shot(p, "matching-desktop");
    const vasya = people.vasya!.user;
    await until(() => texts(vasya).includes("Пара подтверждена!"));
    expect(texts(vasya)).toContain("Ваш наставник: Борис Шахматист");
    await p.getByRole("link", { name: "Пары" }).click();
    await p.getByRole("heading", { name: "Знакомство" }).waitFor();
    expect(await p.locator(".board").textContent()).toContain("Борис Шахматист → Вася Кузнецов");
    await shot(p, "pairs-desktop");
    await p.setViewportSize(PHONE);
    await shot(p, "pairs-phone");
    await p.context().close();
  }, 90_000);

  it("from MAX: WebAppData signed with the MAX bot's token opens the app too", async () => {
    const p = await page(PHONE);
    await p.goto(maxUrl(web.base, maxLaunch(maxCuratorId, h.app.services.now())));
    await p.getByRole("heading", { level: 1, name: "Шаг в профессию" }).waitFor();
    await p.context().close();
  }, 60_000);

  it("an administrator sees the organisations of the scope against the 70 % targets, with the RNC forms to download", async () => {
    const admin = await seedParticipant(h, { programmeId, role: "mentor", name: "Ирина Администратор", status: "approved" });
    await h.app.db.prisma.participation.deleteMany({ where: { personId: admin.personId } });
    await h.app.db.prisma.administrator.create({ data: { personId: admin.personId, scope: "organisation", organisationId, createdAt: h.app.services.now() } });
    for (const [size, name] of [[PHONE, "scope-phone"], [DESKTOP, "scope-desktop"]] as const) {
      const p = await page(size);
      await p.goto(telegramUrl(web.base, telegramLaunch(admin.userId, h.app.services.now())));
      await p.getByRole("heading", { level: 1, name: "Здравствуйте, Ирина Администратор!" }).waitFor();
      await p.getByRole("link", { name: "Организация: МАОУ «СОШ № 46»" }).click();
      await p.getByRole("table").first().waitFor();
      const table = await p.getByRole("table").first().textContent();
      expect(table).toContain("МАОУ «СОШ № 46»");
      expect(await p.getByRole("link", { name: "Скачать формы РНЦ (Excel)" }).getAttribute("href")).toMatch(/^\/app\/api\/administrators\/[^/]+\/export\.xlsx$/);
      const [download] = await Promise.all([p.waitForEvent("download"), p.getByRole("link", { name: "Скачать формы РНЦ (Excel)" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^nastavnik-rnc-\d{4}-\d{2}-\d{2}\.xlsx$/);
      await shot(p, name);
      await p.context().close();
    }
    // In the person's language: the same Fluent files in English.
    await h.app.db.prisma.person.update({ where: { id: admin.personId }, data: { language: "en" } });
    const p = await page(DESKTOP);
    await p.goto(telegramUrl(web.base, telegramLaunch(admin.userId, h.app.services.now())));
    await p.getByRole("heading", { level: 1, name: "Hello, Ирина Администратор!" }).waitFor();
    expect(await p.evaluate("document.documentElement.lang")).toBe("en");
    await p.getByRole("link", { name: "Organisation: МАОУ «СОШ № 46»" }).click();
    await p.getByRole("link", { name: "Download the RNC forms (Excel)" }).waitFor();
    await shot(p, "scope-desktop-en");
    await p.context().close();
  }, 60_000);

  it("a district's administrator sees the digest's chart of its organisations drawn in the page, with their names", async () => {
    await h.app.db.prisma.organisation.updateMany({ data: { region: "Омская область" } });
    await h.app.db.prisma.organisation.updateMany({ where: { id: { not: organisationId } }, data: { name: "Лицей № 64" } });
    const admin = await seedParticipant(h, { programmeId, role: "mentor", name: "Пётр Районов", status: "approved" });
    await h.app.db.prisma.participation.deleteMany({ where: { personId: admin.personId } });
    await h.app.db.prisma.administrator.create({ data: { personId: admin.personId, scope: "district", district: "Омский район", region: "Омская область", createdAt: h.app.services.now() } });
    for (const [size, name] of [[PHONE, "scope-chart-phone"], [DESKTOP, "scope-chart-desktop"]] as const) {
      const p = await page(size);
      await p.goto(telegramUrl(web.base, telegramLaunch(admin.userId, h.app.services.now())));
      await p.getByRole("link", { name: /Омский район/ }).click();
      // Drawn from the digest's own option: its words in the picture, its description for a screen reader.
      const chart = p.locator("figure.chart [role=img]");
      await chart.locator("svg").waitFor();
      const words = await chart.locator("svg").textContent();
      expect(words).toContain("Лицей № 64");
      expect(words).toContain("МАОУ «СОШ № 46»");
      expect(words).toContain("Число пар и групп");
      expect(await chart.getAttribute("aria-label")).toContain("Лицей № 64 — 0");
      await shot(p, name);
      await p.context().close();
    }
  }, 60_000);

  it("a forged, an expired or another bot's launch is refused in words; another programme's page is not shown", async () => {
    const now = h.app.services.now();
    const good = telegramLaunch(curator.userId, now);
    const launches = [
      good.replace(encodeURIComponent(`"id":${curator.userId}`), encodeURIComponent(`"id":${people.anna!.userId}`)),
      telegramLaunch(curator.userId, new Date(now.getTime() - 2 * 3_600_000)),
      telegramLaunch(curator.userId, now, { token: "654321:ANOTHER-bot-token-entirely" }),
    ];
    const expected = ["Не удалось подтвердить, кто вы", "Ссылка запуска устарела", "Не удалось подтвердить, кто вы"];
    for (const [i, launch] of launches.entries()) {
      const p = await page(PHONE);
      await p.goto(telegramUrl(web.base, launch));
      await p.getByRole("alert").waitFor();
      expect(await p.getByRole("alert").textContent()).toContain(expected[i]);
      expect(await p.locator("nav").count()).toBe(0);
      if (i === 0) await shot(p, "refused-phone");
      await p.context().close();
    }
    const p = await page(PHONE);
    await p.goto(telegramUrl(web.base, good));
    await p.getByRole("heading", { level: 1, name: "Шаг в профессию" }).waitFor();
    await p.goto(`${web.base}/app/#/p/${otherProgramme}`);
    await p.getByRole("alert").waitFor();
    expect(await p.getByRole("alert").textContent()).toBe("Эта страница доступна только куратору программы.");
    expect(await p.locator("main").textContent()).not.toContain("Чужая программа");
    await p.context().close();
  }, 60_000);
});
