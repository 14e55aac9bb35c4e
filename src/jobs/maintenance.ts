import type { PrismaClient } from "../db/client.js";

/** Redelivered updates arrive within hours; a week of keys is plenty to recognise them. */
export const PROCESSED_UPDATE_RETENTION_DAYS = 7;

export async function pruneProcessedUpdates(prisma: PrismaClient, now: Date): Promise<number> {
  const before = new Date(now.getTime() - PROCESSED_UPDATE_RETENTION_DAYS * 86_400_000);
  const { count } = await prisma.processedUpdate.deleteMany({ where: { at: { lt: before } } });
  await prisma.identityLinkCode.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
