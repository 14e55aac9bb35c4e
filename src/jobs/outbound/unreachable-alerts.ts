import type { PrismaClient } from "../../db/client.js";
import { utcDate } from "../../domain/time.js";
import type { OutboxMessage } from "../../store/notifications.js";

/**
 * The outbox messages telling the curators of a person's programmes, at once, that the bot
 * cannot reach the person: one per curator and programme, keyed by the day of `now` (so at most
 * one a day). Nothing for an erased person.
 */
export async function unreachableAlerts(prisma: PrismaClient, personId: string, now: Date): Promise<OutboxMessage[]> {
  const own = await prisma.participation.findMany({
    where: { personId, role: { in: ["mentor", "mentee"] }, status: { not: "left" } },
    select: { programmeId: true, programme: { select: { name: true } }, person: { select: { displayName: true, erasedAt: true } } },
  });
  const day = utcDate(now);
  const messages: OutboxMessage[] = [];
  for (const p of own) {
    if (p.person.erasedAt) continue;
    const curators = await prisma.participation.findMany({
      where: { programmeId: p.programmeId, role: "curator", status: { not: "left" }, personId: { not: personId }, person: { erasedAt: null } },
      select: { personId: true },
    });
    for (const c of curators) {
      messages.push({
        personId: c.personId,
        dedupKey: `unreachable-${personId}-${day}-${c.personId}`,
        kind: "unreachable",
        parts: [{ key: "lc-unreachable", args: { name: p.person.displayName ?? "—", programme: p.programme.name } }],
        dueAt: now,
        merge: "alerts",
      });
    }
  }
  return messages;
}
