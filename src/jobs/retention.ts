import type { Logger } from "pino";
import { DESTRUCTION_DEADLINE_DAYS } from "../domain/retention.js";
import { errorSummary } from "../logger.js";
import type { Services } from "../usecases/services.js";

/**
 * The daily destruction of personal data that are due (job "retention", 02:40 UTC): people whose
 * every programme is past its organisation's retention term, and people whose consent was
 * withdrawn with none of its kind in force (src/store/retention.ts, src/domain/retention.ts).
 * Each is erased by the same erasure as /forget (src/store/privacy.ts), which writes the act and
 * the extract from the processing log in the same transaction. An erased person is never due
 * again, so a run repeated (or on two workers: the act is unique per person) destroys nothing
 * twice. The law's 30 days from the reason are kept by running daily; a reason older than that
 * is counted as late in the log line.
 */

export const RETENTION_JOB = { name: "retention", schedule: { pattern: "40 2 * * *" } } as const;

/** The job kind for src/jobs/worker.ts (JOB_KINDS). */
export const retentionJobKind = { ...RETENTION_JOB, run: (ctx: RetentionDeps & { now: () => Date }) => runRetention(ctx, ctx.now()) };

export interface RetentionDeps {
  services: Pick<Services, "retention" | "privacy">;
  logger: Logger;
}

export interface RetentionRunResult {
  due: number;
  destroyed: number;
  failed: number;
  /** Destroyed later than 30 days after their reason. */
  late: number;
}

/** People erased per round; rounds go on until nothing is due. */
const ROUND = 200;

export async function runRetention(deps: RetentionDeps, now: Date): Promise<RetentionRunResult> {
  const log = deps.logger.child({ job: RETENTION_JOB.name });
  const result: RetentionRunResult = { due: 0, destroyed: 0, failed: 0, late: 0 };
  const tried = new Set<string>();
  for (;;) {
    const due = (await deps.services.retention.due(now, ROUND + tried.size)).filter((d) => !tried.has(d.personId));
    if (!due.length) break;
    for (const d of due) {
      tried.add(d.personId);
      result.due++;
      try {
        const erased = await deps.services.privacy.forget(d.personId, now, { reason: d.reason, reasonAt: d.reasonAt, process: "retention-job" });
        if (!erased) continue;
        result.destroyed++;
        if (now.getTime() - d.reasonAt.getTime() > DESTRUCTION_DEADLINE_DAYS * 86_400_000) result.late++;
      } catch (error) {
        result.failed++;
        log.warn({ person: d.personId, reason: d.reason, err: errorSummary(error) }, "destruction failed, will retry");
      }
    }
  }
  if (result.due) log.info({ ...result }, "personal data destroyed");
  return result;
}
