import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TelegramTestUser } from "../support/users.js";
import { lifecycleWorld, local, textSince, type LifecycleWorld } from "./lifecycle-support.js";

/**
 * The contacts a confirmed pair receives are links a person can open: a Telegram account with a
 * public username is its https://t.me/<username> link (kept as the person changes it), one
 * without is reached by id, sent as a text link Telegram opens; VK profiles by id.
 */
describe("contacts in a pair's confirmation", () => {
  let w: LifecycleWorld;

  beforeAll(async () => {
    w = await lifecycleWorld("telegram", local("2026-11-30", "10:00"));
  });
  afterAll(() => w?.h.close());

  it("a Telegram username is stored from the person's messages and given as https://t.me/<username>", async () => {
    const mentor = w.mentor as TelegramTestUser;
    mentor.username = "masha_mentor";
    await mentor.send("/help");
    expect((await w.h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId: w.mentorPerson } })).username).toBe("masha_mentor");
    const mark = w.mentee.mark();
    await w.confirmPair();
    const told = textSince(w.mentee, mark);
    expect(told).toContain("https://t.me/masha_mentor");
    expect(told).not.toContain(`tg://user?id=${mentor.id}`);
    // The mentee has no public username: the mentor gets a link Telegram opens, not bare text.
    const link = `tg://user?id=${w.mentee.id}`;
    const sent = w.h.tg.calls.find((c) => c.method === "sendMessage" && String(c.payload.chat_id) === mentor.id && String(c.payload.text).includes(link));
    expect(sent?.payload.entities).toContainEqual({ type: "text_link", offset: String(sent!.payload.text).indexOf(link), length: link.length, url: link });
  });

  it("a changed or removed username follows the account", async () => {
    const mentor = w.mentor as TelegramTestUser;
    mentor.username = "maria_ivanova";
    await mentor.send("/help");
    expect((await w.h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId: w.mentorPerson } })).username).toBe("maria_ivanova");
    mentor.username = undefined;
    await mentor.send("/help");
    expect((await w.h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId: w.mentorPerson } })).username).toBeNull();
  });

  it("nothing is stored for someone who has not agreed to the processing of their data", async () => {
    const stranger = w.h.user("telegram") as TelegramTestUser;
    stranger.username = "passer_by";
    await stranger.send("/start");
    expect(await w.h.app.db.prisma.messengerIdentity.count({ where: { externalId: stranger.id } })).toBe(0);
  });
});
