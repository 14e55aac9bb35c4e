import type { PrismaClient } from "../db/client.js";
import type { Logger } from "pino";
import { errorSummary } from "../logger.js";
import { dueDigests } from "../domain/digest/schedule.js";
import type { I18n } from "../i18n/index.js";
import { isLanguage } from "../i18n/index.js";
import { digestContent } from "../reports/digest-text.js";
import type { BuiltDigest, DigestOutcome } from "../store/digests.js";
import type { Services } from "../usecases/services.js";
import type { OutboundPort } from "./outbound.js";

/**
 * The administrators' weekly digest (job "weekly-digests", every 15 minutes): for each
 * administrator whose weekday and hour have come in their time zone (src/domain/digest/
 * schedule.ts), the scope's indicators and their change, the week's activity, what is
 * overdue, the organisations furthest behind, and a chart as a PNG. A digest in which
 * nothing changed is skipped; a paused one is not built. Each occurrence is recorded
 * (IndicatorSnapshot `digest:<administratorId>`).
 *
 * The digest goes out like every message the bot sends on its own: an outbox row
 * (Notification `digest-<administratorId>-<occurrence>`, kind "admin-digest") holding the
 * text in the administrator's language and the chart (PNG, base64, with its caption), handed
 * to the outbound queue of their messenger (src/jobs/outbound.ts) — paced, sent once whatever
 * the number of runs or workers, moved to the other messenger on a 403. The text is split to
 * the messenger's limits when it is sent. /digest on demand answers in the chat instead
 * (src/bot/core/commands/admin.ts).
 */

export const DIGEST_JOB = { name: "weekly-digests", schedule: { pattern: "*/15 * * * *" } } as const;

/** The job kind for src/jobs/worker.ts (JOB_KINDS): every 15 minutes, decided from the worker's clock. */
export const digestJobKind = { ...DIGEST_JOB, run: (ctx: DigestDeps & { now: () => Date }) => runDigests(ctx, ctx.now()) };

/** What the job needs (the worker's JobContext has it all). */
export interface DigestDeps {
  prisma: PrismaClient;
  services: Pick<Services, "scopes" | "digests" | "outbox">;
  outbound: Pick<OutboundPort, "dispatch">;
  i18n: I18n;
  logger: Logger;
}

export interface DigestRunResult {
  due: number;
  /** Recorded in the outbox and handed to the outbound queues (or there already). */
  queued: number;
  skipped: number;
  /** Administrators with no messenger account the bot can reach. */
  noChannel: number;
  failed: number;
}

export type QueueOutcome = "queued" | "no-channel";

const HANDLED_LOOKBACK_MS = 8 * 86_400_000;

/** The outbox key of one administrator's digest of one weekly occurrence. */
export const digestDedupKey = (administratorId: string, occurrence: string): string => `digest-${administratorId}-${occurrence}`;

/**
 * Records a digest for a person in the outbox under `dedupKey` (a key recorded already is left
 * as it is): the text in their language and the chart. Someone the bot can reach on no
 * messenger gets nothing recorded.
 */
export async function queueDigest(deps: Pick<DigestDeps, "prisma" | "i18n" | "services">, personId: string, dedupKey: string, built: BuiltDigest, scopeName: string, now: Date): Promise<QueueOutcome> {
  const [account] = await deps.services.outbox.accounts(personId);
  if (!account) return "no-channel";
  if ((await deps.services.outbox.known([dedupKey])).size) return "queued";
  const lang = isLanguage(account.language) ? account.language : "ru";
  const content = await digestContent(
    { scopeName, organisations: built.organisations.length, digest: built.digest, chart: built.chart, timezone: built.timezone, since: built.since, previousAt: built.previousAt, now },
    deps.i18n.translator(lang),
    lang,
  );
  await deps.services.outbox.add([
    {
      personId,
      dedupKey,
      kind: "admin-digest",
      parts: [{ text: content.text }],
      image: content.chart ? { filename: content.chart.filename, base64: content.chart.png.toString("base64"), caption: { text: content.chart.caption } } : undefined,
      dueAt: now,
      merge: null,
    },
  ]);
  return "queued";
}

/** One run: every administrator whose digest is due now gets it (or has it skipped), once. */
export async function runDigests(deps: DigestDeps, now: Date): Promise<DigestRunResult> {
  const log = deps.logger.child({ job: DIGEST_JOB.name });
  const { scopes, digests } = deps.services;
  const admins = await scopes.allAdministrators();
  const handled = await digests.handledOccurrences(admins.map((a) => a.id), new Date(now.getTime() - HANDLED_LOOKBACK_MS));
  const due = dueDigests(digests.schedulesOf(admins), now, handled);
  const result: DigestRunResult = { due: due.length, queued: 0, skipped: 0, noChannel: 0, failed: 0 };
  const queued: string[] = [];
  for (const d of due) {
    const admin = admins.find((a) => a.id === d.administratorId)!;
    try {
      const built = await digests.build(admin, now);
      let outcome: DigestOutcome;
      if (!built.digest.worthSending) outcome = "skipped";
      else outcome = await queueDigest(deps, admin.personId, digestDedupKey(admin.id, d.occurrence), built, await scopes.scopeName(admin), now);
      await digests.record(built, d.occurrence, outcome, now);
      if (outcome === "queued") {
        result.queued++;
        queued.push(admin.personId);
      } else if (outcome === "skipped") result.skipped++;
      else result.noChannel++;
    } catch (error) {
      result.failed++;
      log.warn({ administrator: admin.id, err: errorSummary(error) }, "digest failed, will retry");
    }
  }
  // Handed to the queues now; were this to fail, the lifecycle tick hands over whatever is due within a minute.
  if (queued.length) {
    await deps.outbound.dispatch(now, { personIds: [...new Set(queued)], priority: "bulk" }).catch((error) => log.warn({ err: errorSummary(error) }, "digest dispatch failed"));
  }
  if (due.length) log.info({ ...result }, "digests handled");
  return result;
}
