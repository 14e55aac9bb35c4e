import { Prisma, type PrismaClient } from "../db/client.js";
import type { Logger } from "pino";
import { errorSummary } from "../bot/core/processor.js";
import { attach } from "../bot/core/render.js";
import { sleep } from "../bot/core/sleep.js";
import { RateLimitedError, RecipientUnreachableError, type Messenger, type OutgoingMessage } from "../bot/core/types.js";
import { dueDigests } from "../domain/digest/schedule.js";
import type { I18n } from "../i18n/index.js";
import { isLanguage } from "../i18n/index.js";
import { digestContent } from "../reports/digest-text.js";
import type { BuiltDigest, DigestOutcome } from "../store/digests.js";
import type { Services } from "../store/services.js";

/**
 * The administrators' weekly digest (job "weekly-digests", every 15 minutes): for each
 * administrator whose weekday and hour have come in their time zone (src/domain/digest/
 * schedule.ts), the scope's indicators and their change, the week's activity, what is
 * overdue, the organisations furthest behind, and a chart as a PNG. A digest in which
 * nothing changed is skipped; a paused one is not built. Each occurrence is recorded
 * (IndicatorSnapshot `digest:<administratorId>`) and its message keyed in Notification, so
 * it goes out once whatever the number of runs or workers.
 *
 * The digest is sent straight through the messengers (a picture does not fit the text
 * outbox); there are a few a week, one after another, and a 429 waits as the platform asks.
 */

export const DIGEST_JOB = { name: "weekly-digests", schedule: { pattern: "*/15 * * * *" } } as const;

/** The job kind for src/jobs/worker.ts (JOB_KINDS): every 15 minutes, decided from the worker's clock. */
export const digestJobKind = { ...DIGEST_JOB, run: (ctx: DigestDeps & { now: () => Date }) => runDigests(ctx, ctx.now()) };

/** What the job needs (the worker's JobContext has it all). */
export interface DigestDeps {
  prisma: PrismaClient;
  services: Pick<Services, "scopes" | "digests">;
  i18n: I18n;
  logger: Logger;
}

export interface DigestRunResult {
  due: number;
  sent: number;
  skipped: number;
  unreachable: number;
  failed: number;
}

export type DeliveryOutcome = "sent" | "duplicate" | "no-channel" | "unreachable";

const RATE_LIMIT_RETRIES = 3;
const HANDLED_LOOKBACK_MS = 8 * 86_400_000;

async function sendWithRetry(messenger: Messenger, chatId: string, message: OutgoingMessage, key: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await messenger.send(chatId, message, { idempotencyKey: key });
      return;
    } catch (error) {
      if (error instanceof RateLimitedError && attempt < RATE_LIMIT_RETRIES) {
        await sleep(error.retryAfterMs);
        continue;
      }
      throw error;
    }
  }
}

/**
 * Sends a digest to a person once (Notification under `dedupKey`), through the first of their
 * messenger accounts that can be reached. A failure other than "unreachable" gives the key up
 * and is thrown, so the next run tries again.
 */
export async function deliverDigest(deps: Pick<DigestDeps, "prisma" | "i18n" | "services">, personId: string, dedupKey: string, built: BuiltDigest, scopeName: string, now: Date, onDemand = false): Promise<DeliveryOutcome> {
  const person = await deps.prisma.person.findUnique({
    where: { id: personId },
    select: { language: true, erasedAt: true, identities: { where: { unreachable: false }, orderBy: { createdAt: "asc" }, select: { id: true, platform: true, chatId: true } } },
  });
  const messengers = deps.services.digests.messengers();
  const channels = person && !person.erasedAt ? person.identities.filter((i) => messengers.has(i.platform)) : [];
  if (!person || !channels.length) return "no-channel";
  try {
    await deps.prisma.notification.create({ data: { personId, dedupKey, kind: "admin-digest", dueAt: now, status: "sent", sentAt: now, attempts: 1 } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate";
    throw error;
  }
  const lang = isLanguage(person.language) ? person.language : "ru";
  const t = deps.i18n.translator(lang);
  const content = digestContent(
    { scopeName, organisations: built.organisations.length, digest: built.digest, chart: built.chart, timezone: built.timezone, since: built.since, previousAt: built.previousAt, now, onDemand },
    t,
    lang,
  );
  try {
    for (const channel of channels) {
      const messenger = messengers.get(channel.platform)!;
      const messages: OutgoingMessage[] = attach(content.text, [], messenger.limits);
      if (content.chart) messages.push({ text: content.chart.caption, image: { filename: content.chart.filename, content: content.chart.png } });
      try {
        for (const [i, message] of messages.entries()) await sendWithRetry(messenger, channel.chatId, message, `${dedupKey}#${i}`);
        return "sent";
      } catch (error) {
        if (!(error instanceof RecipientUnreachableError)) throw error;
        await deps.prisma.messengerIdentity.update({ where: { id: channel.id }, data: { unreachable: true } });
      }
    }
  } catch (error) {
    await deps.prisma.notification.delete({ where: { dedupKey } }).catch(() => undefined);
    throw error;
  }
  await deps.prisma.notification.update({ where: { dedupKey }, data: { status: "unreachable" } });
  return "unreachable";
}

/** One run: every administrator whose digest is due now gets it (or has it skipped), once. */
export async function runDigests(deps: DigestDeps, now: Date): Promise<DigestRunResult> {
  const log = deps.logger.child({ job: DIGEST_JOB.name });
  const { scopes, digests } = deps.services;
  const admins = await scopes.allAdministrators();
  const handled = await digests.handledOccurrences(admins.map((a) => a.id), new Date(now.getTime() - HANDLED_LOOKBACK_MS));
  const due = dueDigests(digests.schedulesOf(admins), now, handled);
  const result: DigestRunResult = { due: due.length, sent: 0, skipped: 0, unreachable: 0, failed: 0 };
  for (const d of due) {
    const admin = admins.find((a) => a.id === d.administratorId)!;
    try {
      const built = await digests.build(admin, now);
      let outcome: DigestOutcome;
      if (!built.digest.worthSending) outcome = "skipped";
      else {
        const delivered = await deliverDigest(deps, admin.personId, `digest-${admin.id}-${d.occurrence}`, built, await scopes.scopeName(admin), now);
        outcome = delivered === "duplicate" ? "sent" : delivered;
      }
      await digests.record(built, d.occurrence, outcome, now);
      if (outcome === "sent") result.sent++;
      else if (outcome === "skipped") result.skipped++;
      else result.unreachable++;
    } catch (error) {
      result.failed++;
      log.warn({ administrator: admin.id, err: errorSummary(error) }, "digest failed, will retry");
    }
  }
  if (due.length) log.info({ ...result }, "digests handled");
  return result;
}
