import { TEST_PLATFORMS } from "../support/platforms.js";
import type { Harness } from "../support/harness.js";
import type { App } from "../../src/app.js";
import type { OutboxMessage } from "../../src/store/notifications.js";
import { deliveryKeyOf, partKey } from "../../src/domain/delivery.js";
import { randomIdFor } from "../../src/bot/vk/messenger.js";
import { seedParticipant } from "./forms-support.js";

/** Helpers of the delivery tests: people to write to, reminders put in the outbox, what each chat received. */

export type { Platform } from "../../src/domain/platforms.js";
import type { Platform } from "../../src/domain/platforms.js";

export interface Recipient {
  personId: string;
  userId: string;
  platform: Platform;
}

let nextChat = 710_000_000 + Math.floor(Math.random() * 1000) * 10_000;

/** `count` mentees of a programme on one messenger (their chat id is their user id). */
export async function recipients(h: Harness, programmeId: string, platform: Platform, count: number, name = "Участник"): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (let i = 0; i < count; i++) {
    const userId = String(nextChat++);
    const { personId } = await seedParticipant(h, { programmeId, role: "mentee", name: `${name} ${i + 1}`, platform, userId });
    out.push({ personId, userId, platform });
  }
  return out;
}

/** One more account of a person, on the other messenger. */
export async function addIdentity(h: Harness, personId: string, platform: Platform): Promise<string> {
  const userId = String(nextChat++);
  await h.app.db.prisma.messengerIdentity.create({ data: { personId, platform, externalId: userId, chatId: TEST_PLATFORMS[platform].chatIdOf(userId), createdAt: h.app.services.now() } });
  return userId;
}

/** A reminder as the scheduler writes one: a deterministic key, text, due now. */
export function reminder(r: Recipient, tag: string, text: string, dueAt: Date, merge: string | null = null): OutboxMessage {
  return { personId: r.personId, dedupKey: `test-${tag}-${r.personId}`, kind: `test-${tag}`, parts: [{ text }], dueAt, merge };
}

/** Texts each chat received (sends only, not edits). */
export function received(h: Harness, r: Pick<Recipient, "platform" | "userId">): string[] {
  const p = TEST_PLATFORMS[r.platform];
  return p.sentTo(h, p.chatIdOf(r.userId)).map((m) => m.text);
}

/** Send calls that reached the messenger for a chat (failed and repeated ones included). */
export function sendCalls(h: Harness, r: Pick<Recipient, "platform" | "userId">): { at: number; randomId?: string }[] {
  const p = TEST_PLATFORMS[r.platform];
  return p.sendCalls(h, p.chatIdOf(r.userId));
}

/** The VK random_id of a single-notification message's first part: derived from its key, so every repeat carries it. */
export function expectedRandomId(dedupKey: string): string {
  return String(randomIdFor(partKey(deliveryKeyOf([dedupKey]), 0)));
}

/** Waits until every row of the test's kinds is settled and the queues are empty. */
export async function settle(app: App, now: Date, timeoutMs = 45_000): Promise<void> {
  if (!(await app.outbound.drained(now, timeoutMs))) throw new Error("outbound queues did not drain");
}

export async function tally(app: App, prefix = "test-") {
  return app.services.outbox.tally(prefix);
}
