import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAdmin } from "../../src/cli/admin.js";
import { textHash } from "../../src/domain/consent.js";
import { profileOf } from "../../src/platforms.js";
import { ON_EVERY_PLATFORM } from "../support/platforms.js";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";

const FULL_NAME = "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 46»";
const ADDRESS = "644000, г. Омск, ул. Лермонтова, д. 20";

describe.each(ON_EVERY_PLATFORM)("consent documents on %s", (platform) => {
  let h: Harness;
  let organisationId: string;
  let programmeId: string;
  const dir = mkdtempSync(join(tmpdir(), "consent-text-"));

  beforeAll(async () => {
    h = await startHarness();
    ({ organisationId, programmeId } = await h.seedProgramme());
    const out: string[] = [];
    await runAdmin(["org:update", "--org", organisationId, "--full-name", FULL_NAME, "--address", ADDRESS], { DATABASE_URL: h.database.url }, (l) => out.push(l));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await h?.close();
  });

  const personOf = (u: TestUser) => h.app.db.prisma.person.findFirst({ where: { identities: { some: { platform, externalId: u.id } } }, include: { consents: { include: { document: true, identity: true }, orderBy: [{ kind: "asc" }, { givenAt: "asc" }] } } });
  const files = (u: TestUser) => u.messages().filter((m) => m.file);

  it("an adult's consent is a document of its own: shown whole and as a file, kept with its version, hash, time, messenger and account", async () => {
    const u = h.user(platform);
    await u.open(await h.invite(programmeId, "mentor"));
    await u.press("Русский");
    await u.press("18 лет и старше");
    const file = files(u).at(-1)!.file!;
    const text = file.content.toString("utf8");
    // The document names the operator from the organisation's record, its purposes, data, actions, term and withdrawal.
    for (const part of [FULL_NAME, ADDRESS, "Цели обработки", "Перечень персональных данных", "Действия с данными", "Срок", "Отзыв", "/forget"]) expect(text).toContain(part);
    // The same text, whole, as messages in the chat.
    expect(u.messages().map((m) => m.text).join("\n\n")).toContain(text.split("\n\n").at(-1)!);
    expect(u.messages().some((m) => m.text === text)).toBe(true);
    expect(await personOf(u)).toBeNull();
    const before = h.app.services.now().getTime();
    await u.press("Даю согласие");
    const person = (await personOf(u))!;
    expect(person.consents).toHaveLength(1);
    const [consent] = person.consents;
    expect(consent).toMatchObject({ kind: "personal_data", version: "2026-12", textHash: textHash(text), platform });
    expect(consent!.document!.text).toBe(text);
    expect(consent!.document!.organisationId).toBe(organisationId);
    expect(consent!.identity).toMatchObject({ platform, externalId: u.id });
    expect(consent!.givenAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(consent!.givenAt.getTime()).toBeLessThanOrEqual(h.app.services.now().getTime());
  });

  it("a child under 14 cannot go on without the legal representative's document; it alone is their consent", async () => {
    const u = h.user(platform);
    const code = await h.invite(programmeId, "mentee");
    await u.open(code);
    await u.press("Русский");
    await u.press("Младше 14 лет");
    // No own consent is asked of a child: the representative's name comes first.
    expect(u.last().text).toContain("законного представителя");
    await u.send("Соколова Наталья Викторовна");
    await u.press("Опекун");
    const doc = files(u).at(-1)!.file!.content.toString("utf8");
    expect(doc).toContain("СОГЛАСИЕ ЗАКОННОГО ПРЕДСТАВИТЕЛЯ");
    expect(doc).toContain(FULL_NAME);
    expect(u.last().text).toContain("как опекун");
    // Typed words, commands and another form are no consent.
    await u.send("Даю согласие");
    expect(u.last().text).toContain("Выберите ответ кнопкой");
    await u.send("/questionnaire");
    expect(await personOf(u)).toBeNull();
    await u.press("Не даю согласия");
    expect(u.last().text).toContain("Без согласия законного представителя");
    expect(await personOf(u)).toBeNull();

    await u.open(code);
    await u.press("Русский");
    await u.press("Младше 14 лет");
    await u.send("Соколова Наталья Викторовна");
    await u.press("Опекун");
    await u.press("Даю согласие");
    await u.send("Миша Соколов");
    const person = (await personOf(u))!;
    expect(person.isMinor).toBe(true);
    expect(person.consents.map((c) => [c.kind, c.representativeName, c.representativeRelation, c.version, c.platform])).toEqual([["legal_representative", "Соколова Наталья Викторовна", "guardian", "2026-12", platform]]);
    expect(person.consents[0]!.document!.kind).toBe("legal_representative");
    expect(person.consents[0]!.textHash).toBe(textHash(doc));
    expect(await h.app.db.prisma.participation.count({ where: { personId: person.id, role: "mentee" } })).toBe(1);
  });

  it("a 14–17-year-old gives their own consent and the representative gives theirs, two documents; /privacy and /mydata show both", async () => {
    const u = h.user(platform);
    await u.open(await h.invite(programmeId, "mentee"));
    await u.press("Русский");
    await u.press("14–17 лет");
    const own = files(u).at(-1)!.file!.content.toString("utf8");
    await u.press("Даю согласие");
    await u.send("Кузнецова Ирина Олеговна");
    await u.press("Мать");
    const representative = files(u).at(-1)!.file!.content.toString("utf8");
    expect(representative).not.toBe(own);
    await u.press("Даю согласие");
    await u.send("Даша Кузнецова");
    const person = (await personOf(u))!;
    expect(person.consents.map((c) => [c.kind, c.textHash, c.representativeRelation])).toEqual([
      ["personal_data", textHash(own), null],
      ["legal_representative", textHash(representative), "mother"],
    ]);

    await u.send("/privacy");
    const shown = u.messages().at(-2)!.text;
    expect(shown).toContain("Согласие на обработку персональных данных");
    expect(shown).toContain("Согласие законного представителя");
    expect(shown).toContain("Версия документа: 2026-12");
    expect(shown).toContain(`в мессенджере ${profileOf(platform).name}`);
    expect(shown).toContain("Кузнецова Ирина Олеговна (мать)");
    expect(shown).toContain("/forget");
    expect(u.last().file!.content.toString("utf8")).toContain(own);
    expect(u.last().file!.content.toString("utf8")).toContain(representative);

    await u.send("/mydata");
    const data = JSON.parse(u.last().file!.content.toString("utf8"));
    expect(data.consents).toEqual([
      expect.objectContaining({ kind: "personal_data", kindLabel: "Согласие на обработку персональных данных", platformLabel: profileOf(platform).name, textHash: textHash(own) }),
      expect.objectContaining({ kind: "legal_representative", representativeRelationLabel: "Мать", textHash: textHash(representative) }),
    ]);

    // Erasure takes who the representative is with it.
    await u.send("/forget");
    await u.press("Да, удалить мои данные");
    const consents = await h.app.db.prisma.consent.findMany({ where: { personId: person.id } });
    expect(consents.map((c) => [c.representativeName, c.representativeRelation, c.identityId, c.withdrawnAt !== null])).toEqual([
      [null, null, null, true],
      [null, null, null, true],
    ]);
  });

  it("an organisation's own text is shown and kept as a new version; people are asked again only for new purposes or data", async () => {
    const adult = h.user(platform);
    await adult.open(await h.invite(programmeId, "mentor"));
    await adult.press("Русский");
    await adult.press("18 лет и старше");
    await adult.press("Даю согласие");
    await adult.send("Олег Смирнов");

    const template = readFileSync(join("locales", "ru", "consent.ftl"), "utf8");
    const reworded = template.replace("СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ\n", "СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ (утверждено приказом директора № 15)\n");
    expect(reworded).not.toBe(template);
    const file = join(dir, "consent.ftl");
    writeFileSync(file, reworded);
    const out: string[] = [];
    await runAdmin(["org:consent-text", "--org", organisationId, "--file", file], { DATABASE_URL: h.database.url }, (l) => out.push(l));
    expect(out).toEqual(["Consent text stored: version org-1 (ru)"]);

    // Someone new reads the organisation's text and agrees to version org-1.
    const newcomer = h.user(platform);
    await newcomer.open(await h.invite(programmeId, "mentor"));
    await newcomer.press("Русский");
    await newcomer.press("18 лет и старше");
    const text = files(newcomer).at(-1)!.file!.content.toString("utf8");
    expect(text).toContain("утверждено приказом директора № 15");
    expect(text).toContain(FULL_NAME);
    await newcomer.press("Даю согласие");
    expect((await personOf(newcomer))!.consents.map((c) => [c.version, c.textHash])).toEqual([["org-1", textHash(text)]]);

    // A reworded text asks nobody again: the earlier participant joins another programme straight away.
    const second = await h.app.db.prisma.programme.create({ data: { organisationId, name: "Второй шаг", form: "pupil_pupil", startsOn: new Date("2026-01-01"), endsOn: new Date("2030-01-01"), createdAt: h.app.services.now() } });
    await adult.open(await h.invite(second.id, "mentor"));
    expect(adult.messages().map((m) => m.text).join("\n")).toContain("Добро пожаловать в программу «Второй шаг»");
    expect((await personOf(adult))!.consents).toHaveLength(1);

    // A new purpose is a new consent: asked again, kept as version org-2 beside the first.
    const widened = reworded.replace("consent-pd-purposes =\n", "consent-pd-purposes =\n    публикация результатов программы на сайте школы\n");
    writeFileSync(file, widened);
    await runAdmin(["org:consent-text", "--org", organisationId, "--file", file], { DATABASE_URL: h.database.url }, (l) => out.push(l));
    expect(out.at(-1)).toBe("Consent text stored: version org-2 (ru)");
    // Someone joining now is asked; a participant is asked with /privacy.
    const third = await h.app.db.prisma.programme.create({ data: { organisationId, name: "Третий шаг", form: "pupil_pupil", startsOn: new Date("2026-01-01"), endsOn: new Date("2030-01-01"), createdAt: h.app.services.now() } });
    const late = h.user(platform);
    await late.open(await h.invite(third.id, "mentor"));
    await late.press("Русский");
    await late.press("18 лет и старше");
    expect(files(late).at(-1)!.file!.content.toString("utf8")).toContain("публикация результатов программы на сайте школы");
    await adult.send("/privacy");
    expect(adult.messages().map((m) => m.text).join("\n")).toContain("изменила согласие");
    const asked = files(adult).at(-1)!.file!.content.toString("utf8");
    expect(asked).toContain("публикация результатов программы на сайте школы");
    await adult.press("Даю согласие");
    expect(adult.last().text).toContain("согласие на новую редакцию записано");
    expect((await personOf(adult))!.consents.map((c) => [c.version, c.textHash])).toEqual([
      ["2026-12", expect.any(String)],
      ["org-2", textHash(asked)],
    ]);
    // Agreed once, not asked again: neither by /privacy nor when joining another programme.
    const mark = adult.mark();
    await adult.send("/privacy");
    expect(adult.since(mark).join("\n")).not.toContain("изменила согласие");
    expect(adult.messages().at(-2)!.text).toContain("Версия документа: org-2");
    await adult.open(await h.invite(third.id, "mentor"));
    expect(adult.last().text).toContain("Добро пожаловать в программу «Третий шаг»");
  });

  it("a text that lacks a document or uses an unknown variable is refused and nothing is stored", async () => {
    const file = join(dir, "broken.ftl");
    writeFileSync(file, "consent-pd-title = Согласие\nconsent-pd-document = { $unknownThing }\n");
    await expect(runAdmin(["org:consent-text", "--org", organisationId, "--file", file], { DATABASE_URL: h.database.url }, () => {})).rejects.toThrow(/missing messages: consent-pd-purposes/);
    const count = await h.app.db.prisma.consentText.count({ where: { organisationId } });
    const template = readFileSync(join("locales", "ru", "consent.ftl"), "utf8").replace("{ $operatorName }", "{ $director }");
    writeFileSync(file, template);
    await expect(runAdmin(["org:consent-text", "--org", organisationId, "--file", file], { DATABASE_URL: h.database.url }, () => {})).rejects.toThrow(/director/);
    expect(await h.app.db.prisma.consentText.count({ where: { organisationId } })).toBe(count);
  });

  it("/privacy before any consent says that nothing is kept", async () => {
    const u = h.user(platform);
    await u.send("/privacy");
    expect(u.last().text).toContain("Вы пока не давали согласия");
  });
});
