import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";

/** Logs carry ids, kinds and counts: never names, phone numbers or answers. */
describe("no personal data in logs", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(); // logs at debug level into h.logs
  });
  afterAll(() => h?.close());

  it("a full join, a minor's representative, typed answers, unknown commands and a refused send leave no trace in the logs", async () => {
    const { programmeId } = await h.seedProgramme();
    const secrets = ["Секретова Анфиса Олеговна", "Тайнов Пётр", "+7 912 345-67-89", "хочу стать врачом как мама", "ул. Ленина, 5"];
    for (const platform of ["telegram", "vk"] as const) {
      const u = h.user(platform);
      await u.open(await h.invite(programmeId, "mentee"));
      await u.press("Русский");
      await u.press("Согласен(на)");
      await u.press("Нет");
      await u.send(secrets[0]!);
      await u.press("Согласен(на)");
      await u.send(secrets[1]!);
      await u.send(secrets[2]!);
      await u.send("/questionnaire");
      await u.send(secrets[3]!);
      await u.send(`/frobnicate ${secrets[4]}`);
      await u.sendSticker();
    }
    // A failing send is logged too: make the messenger refuse one.
    h.tg.failNext("sendMessage", { error_code: 400, description: `Bad Request: chat ${secrets[1]}` });
    await h.user("telegram").send("/help");
    const logs = h.logs.join("\n");
    expect(logs.length).toBeGreaterThan(0);
    for (const s of secrets) expect(logs, s).not.toContain(s);
    expect(logs).not.toMatch(/Секретова|Тайнов|врачом|Ленина/);
  });
});
