import { createHash } from "node:crypto";

/**
 * How notifications due to people become messages: several due to one person at once and
 * meant to be merged (reminders, curators' alerts) go out as one message; the rest one by
 * one. Each message has a deterministic key, from which its job id and the VK random_id of
 * each of its parts derive, so one message is delivered once however often it is retried.
 * Pure (hashing only).
 */

export interface DueNotification {
  id: string;
  personId: string;
  dedupKey: string;
  /** Notifications with the same merge group due to one person at once share a message. */
  merge: string | null;
  dueAt: Date;
}

export interface PlannedDelivery {
  key: string;
  personId: string;
  notificationIds: string[];
}

/** At most this many notifications in one merged message. */
export const MAX_MERGED = 8;

/** BullMQ custom job ids may not contain ':' nor be all digits. */
export function isValidJobId(id: string): boolean {
  return id.length > 0 && !id.includes(":") && !/^\d+$/.test(id);
}

/** The key of a message made of these notifications: the same set always gives the same key. */
export function deliveryKeyOf(dedupKeys: readonly string[]): string {
  const h = createHash("sha256").update([...dedupKeys].sort().join("\n")).digest("hex").slice(0, 32);
  return `m${h}`;
}

/** Messages for notifications due now: per person, merge groups chunked to MAX_MERGED, others alone; in due order. */
export function planDeliveries(due: readonly DueNotification[]): PlannedDelivery[] {
  const sorted = [...due].sort((a, b) => a.personId.localeCompare(b.personId) || a.dueAt.getTime() - b.dueAt.getTime() || a.dedupKey.localeCompare(b.dedupKey));
  const out: PlannedDelivery[] = [];
  const groups = new Map<string, DueNotification[]>();
  for (const n of sorted) {
    if (!n.merge) {
      out.push({ key: deliveryKeyOf([n.dedupKey]), personId: n.personId, notificationIds: [n.id] });
      continue;
    }
    const g = `${n.personId}\u0000${n.merge}`;
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(n);
  }
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i += MAX_MERGED) {
      const chunk = list.slice(i, i + MAX_MERGED);
      out.push({ key: deliveryKeyOf(chunk.map((n) => n.dedupKey)), personId: chunk[0]!.personId, notificationIds: chunk.map((n) => n.id) });
    }
  }
  return out;
}

/** The idempotency key of one part of a message (VK random_id derives from it). */
export function partKey(deliveryKey: string, part: number): string {
  return `${deliveryKey}#${part}`;
}
