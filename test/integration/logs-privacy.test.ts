import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM, setUsername, TEST_PLATFORMS, WITH_USERNAMES } from "../support/platforms.js";

/** Logs carry ids, kinds and counts: never names, usernames, phone numbers or answers. */
describe.each(ON_EVERY_PLATFORM)("no personal data in logs on %s", (platform) => {
  const fake = TEST_PLATFORMS[platform];
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(); // logs at debug level into h.logs
  });
  afterAll(() => h?.close());

  it("a full join, a minor's representative, typed answers, unknown commands and a refused send leave no trace in the logs", async () => {
    const { programmeId } = await h.seedProgramme();
    const secrets = ["Секретова Анфиса Олеговна", "Тайнов Пётр", "+7 912 345-67-89", "хочу стать врачом как мама", "ул. Ленина, 5", "anfisa_sekretova"];
    const u = h.user(platform);
    // The public name comes with every update where the messenger has them.
    if (WITH_USERNAMES.includes(platform)) setUsername(u, secrets[5]);
    await u.open(await h.invite(programmeId, "mentee"));
    await u.press("Русский");
    await u.press("14–17 лет");
    await u.press("Даю согласие");
    await u.send(secrets[0]!);
    await u.press("Отец");
    await u.press("Даю согласие");
    await u.send(secrets[1]!);
    await u.send(secrets[2]!);
    await u.send("/questionnaire");
    await u.send(secrets[3]!);
    await u.send(`/frobnicate ${secrets[4]}`);
    await u.sendSticker();
    if (WITH_USERNAMES.includes(platform)) {
      expect((await h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { platform, externalId: u.id } })).username).toBe(secrets[5]);
    }

    // A failing send is logged too: the messenger refuses the reply to a message carrying personal data
    // (with the person's name in the update where the messenger sends one), with an error that echoes it back.
    fake.refuseNext(h, fake.chatIdOf(u.id), `${secrets[1]} ${secrets[2]} ${secrets[3]}`);
    await fake.sendNamed(h, u.id, secrets[1]!, `/frobnicate ${secrets[4]}`);

    // The positive control: the failure is in the logs, with the ids and kinds that let one find it …
    const entries = h.logs.flatMap((l) => l.split("\n")).filter((l) => l.trim()).map((l) => ({ line: l, json: JSON.parse(l) }));
    const [failure, ...more] = entries.filter((e) => e.json.msg === "reply not delivered");
    expect(more).toEqual([]);
    expect(failure!.json).toMatchObject({ level: 40, platform, err: fake.refusal });
    expect(failure!.json.update).toMatch(fake.updateKeyOf(u.id));
    // … and without what the messenger echoed back.
    for (const s of secrets) expect(failure!.line, s).not.toContain(s);

    const logs = h.logs.join("\n");
    for (const s of secrets) expect(logs, s).not.toContain(s);
    expect(logs).not.toMatch(/Секретова|Тайнов|врачом|Ленина|sekretova/);
  });
});
