import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { ON_EVERY_PLATFORM, setUsername, TEST_PLATFORMS, WITH_USERNAMES } from "../support/platforms.js";
import { join, personOf } from "./forms-support.js";
import { lifecycleWorld, local, textSince, type LifecycleWorld } from "./lifecycle-support.js";

/**
 * The contacts a confirmed pair receives are what a person can use to reach the other: an account
 * with a public username is its link (https://t.me/<username>, https://max.ru/<username>), kept as
 * the person changes it; one without is given by its id as its messenger reaches it (a Telegram
 * text link to tg://user?id=…, "MAX ID <id>"); VK profiles by id. These programmes give contacts
 * at confirmation (the relay off: by default a pair with a minor writes through the bot, test/integration/relay.test.ts).
 */

async function relayOff(w: LifecycleWorld): Promise<void> {
  await w.h.app.db.prisma.programme.update({ where: { id: w.programmeId }, data: { settings: { lifecycle: { relay: "off" } } } });
}
describe.each(ON_EVERY_PLATFORM)("contacts in a pair's confirmation on %s", (platform) => {
  const fake = TEST_PLATFORMS[platform];
  const usernames = WITH_USERNAMES.includes(platform);
  let w: LifecycleWorld;

  beforeAll(async () => {
    w = await lifecycleWorld(platform, local("2026-11-30", "10:00"));
    await relayOff(w);
  });
  afterAll(() => w?.h.close());

  it("each partner gets the other's contact: by the public username where the account has one, else by its id", async () => {
    const username = usernames ? "masha_mentor" : undefined;
    if (username) {
      setUsername(w.mentor, username);
      await w.mentor.send("/help");
      expect((await w.h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId: w.mentorPerson } })).username).toBe(username);
    }
    const menteeMark = w.mentee.mark();
    const mentorMark = w.mentor.mark();
    await w.confirmPair();
    const toMentee = textSince(w.mentee, menteeMark);
    expect(toMentee).toContain(`Мария Иванова — ${fake.contactOf(w.mentor.id, username)}`);
    if (username) expect(toMentee).not.toContain(fake.contactOf(w.mentor.id));
    // The mentee has no public username: the mentor gets the account by its id.
    expect(textSince(w.mentor, mentorMark)).toContain(fake.contactOf(w.mentee.id));
  });
});

describe.each(WITH_USERNAMES)("a public username on %s", (platform) => {
  let h: Harness;
  let programmeId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ programmeId } = await h.seedProgramme());
  });
  afterAll(() => h?.close());

  it("is stored from the person's messages and follows the account as it is changed or removed", async () => {
    const u = h.user(platform);
    setUsername(u, "masha_mentor");
    const personId = await join(h, u, programmeId, "mentor", "Мария Иванова");
    const stored = async () => (await h.app.db.prisma.messengerIdentity.findFirstOrThrow({ where: { personId } })).username;
    expect(await stored()).toBe("masha_mentor");
    setUsername(u, "maria_ivanova");
    await u.send("/help");
    expect(await stored()).toBe("maria_ivanova");
    setUsername(u, undefined);
    await u.send("/help");
    expect(await stored()).toBeNull();
    expect(await personOf(h, u)).toBe(personId);
  });

  it("nothing is stored for someone who has not agreed to the processing of their data", async () => {
    const stranger = h.user(platform);
    setUsername(stranger, "passer_by");
    await stranger.send("/start");
    expect(stranger.last().text).toContain("нужна ссылка-приглашение");
    expect(await h.app.db.prisma.messengerIdentity.count({ where: { externalId: stranger.id } })).toBe(0);
    expect(JSON.stringify(await h.app.db.prisma.conversation.findMany())).not.toContain("passer_by");
  });
});

describe("Telegram: a contact without a public username", () => {
  let w: LifecycleWorld;
  beforeAll(async () => {
    w = await lifecycleWorld("telegram", local("2026-11-30", "10:00"));
    await relayOff(w);
  });
  afterAll(() => w?.h.close());

  it("is sent as a text link Telegram opens as the person's chat, not as bare text", async () => {
    await w.confirmPair();
    const link = `tg://user?id=${w.mentee.id}`;
    const sent = w.h.tg.calls.find((c) => c.method === "sendMessage" && String(c.payload.chat_id) === w.mentor.id && String(c.payload.text).includes(link));
    expect(sent?.payload.entities).toContainEqual({ type: "text_link", offset: String(sent!.payload.text).indexOf(link), length: link.length, url: link });
  });
});
