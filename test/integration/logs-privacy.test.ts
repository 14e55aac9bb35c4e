import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import type { TestUser } from "../support/users.js";

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
    const joined = new Map<string, TestUser>();
    for (const platform of ["telegram", "vk"] as const) {
      const u = h.user(platform);
      joined.set(platform, u);
      await u.open(await h.invite(programmeId, "mentee"));
      await u.press("Русский");
      await u.press("Даю согласие");
      await u.press("Нет");
      await u.send(secrets[0]!);
      await u.press("Даю согласие");
      await u.send(secrets[1]!);
      await u.send(secrets[2]!);
      await u.send("/questionnaire");
      await u.send(secrets[3]!);
      await u.send(`/frobnicate ${secrets[4]}`);
      await u.sendSticker();
    }
    // A failing send is logged too: make each messenger refuse the reply to a message carrying personal
    // data, with an error that echoes it back, as the APIs do.
    const tg = joined.get("telegram")!;
    h.tg.failNext("sendMessage", { error_code: 400, description: `Bad Request: can't parse entities in "${secrets[1]}": ${secrets[2]}` }, { chatId: tg.id });
    await h.app.telegram!.handleUpdate({
      update_id: 990_001,
      message: { message_id: 990_001, date: 1, chat: { id: Number(tg.id), type: "private", first_name: secrets[1]! }, from: { id: Number(tg.id), is_bot: false, first_name: secrets[1]! }, text: `/frobnicate ${secrets[4]}` },
    } as any);
    const vk = joined.get("vk")!;
    h.vk.failNext("messages.send", { error_code: 100, error_msg: `One of the parameters specified was missing or invalid: message "${secrets[3]}" ${secrets[0]}` }, { peerId: vk.id });
    await vk.send(`/frobnicate ${secrets[4]}`);

    // The positive control: both failures are in the logs, with the ids and kinds that let one find them …
    const entries = h.logs.flatMap((l) => l.split("\n")).filter((l) => l.trim()).map((l) => ({ line: l, json: JSON.parse(l) }));
    const notDelivered = (platform: string) => entries.filter((e) => e.json.msg === "reply not delivered" && e.json.platform === platform);
    const [tgFailure, ...moreTg] = notDelivered("telegram");
    expect(moreTg).toEqual([]);
    expect(tgFailure!.json).toMatchObject({ level: 40, platform: "telegram", update: "tg:990001", err: { name: "GrammyError", code: 400 } });
    const [vkFailure, ...moreVk] = notDelivered("vk");
    expect(moreVk).toEqual([]);
    expect(vkFailure!.json).toMatchObject({ level: 40, platform: "vk", err: { code: 100 } });
    expect(vkFailure!.json.update).toMatch(new RegExp(`^vk:${vk.id}:`));
    // … and without what the messengers echoed back.
    for (const failure of [tgFailure!, vkFailure!]) for (const s of secrets) expect(failure.line, s).not.toContain(s);

    const logs = h.logs.join("\n");
    for (const s of secrets) expect(logs, s).not.toContain(s);
    expect(logs).not.toMatch(/Секретова|Тайнов|врачом|Ленина/);
  });
});
