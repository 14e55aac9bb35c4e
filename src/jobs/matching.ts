import type { Job } from "bullmq";
import type { Logger } from "pino";
import { MATCH_MODES, compareModes, modeKey, suggestPairs, type MatchingOptions, type MatchMode } from "../domain/matching/index.js";
import type { OutboxMessage } from "../store/notifications.js";
import type { RunView } from "../store/matching.js";
import type { Services } from "../usecases/services.js";
import type { JobKind } from "./worker.js";
import type { Platform } from "../domain/messaging.js";
import { MATCHING_JOB } from "../store/job-requests.js";

/**
 * A matching run of one programme (002 §7.3): the cohort is read from the database, the pure
 * solver (src/domain/matching) suggests pairs over the whole cohort, the run is stored with
 * numbered suggestions and their reasons, and when mentees are left without a mentor the
 * programme's curators are alerted through the outbox (the seeds ask for an extra meeting with
 * them). Curators run it with /match; the worker runs it as the `matching-run` job.
 */

export interface MatchingRunInput {
  programmeId: string;
  mode: MatchMode;
  /** Person id of the curator who asked, null for the scheduler. */
  startedById: string | null;
  now: Date;
  /** Tell this person, once the cohort is read, that the run is under way — for cohorts of `from` people or more. */
  progress?: { personId: string; from: number; key: string };
}

/** From this many mentors and mentees on, the curator is told the run is under way before its result. */
export const LARGE_COHORT = 500;

export interface MatchingRunDeps {
  services: Services;
  logger?: Logger;
}

export async function runMatching(deps: MatchingRunDeps, input: MatchingRunInput): Promise<RunView> {
  const { services } = deps;
  const { input: cohort, options } = await services.matching.cohort(input.programmeId);
  const size = cohort.mentees.length + cohort.mentors.length;
  if (input.progress && size >= input.progress.from) {
    await services.outreach.tell(input.progress.personId, {
      kind: "match-progress",
      dedupKey: `match-progress-${input.progress.key}-${input.progress.personId}`,
      text: [{ key: "match-progress", args: { mentees: cohort.mentees.length, mentors: cohort.mentors.length } }],
    });
  }
  const result = withSettings(options, (o) => suggestPairs(cohort, { ...o, mode: input.mode }));
  const run = await services.matching.saveRun({ programmeId: input.programmeId, mode: input.mode, startedById: input.startedById, result, now: input.now });
  deps.logger?.info({ programmeId: input.programmeId, runId: run.id, mode: input.mode, matched: run.stats.matched, unmatched: run.stats.unmatched.length, proven: run.stats.proven }, "matching run");
  if (run.stats.unmatched.length) await alertUnmatched(services, run, input.now);
  return run;
}

/** Runs `solve` with the programme's settings; settings that do not validate must not stop matching: the documented defaults apply. */
function withSettings<T>(options: MatchingOptions, solve: (options: MatchingOptions) => T): T {
  try {
    return solve(options);
  } catch (error) {
    if ((error as Error).name !== "MatchingInputError" || (!options.weights && !options.policy)) throw error;
    return solve({});
  }
}

/**
 * The trade-off between the modes, for the curator who asked (`/match` without a mode): for each
 * mode, the mentees matched, the mutual choices honoured and the pairs without a common time, in
 * one message with one button per mode, which runs it. Nothing is stored.
 */
export async function compareMatching(deps: MatchingRunDeps, input: { programmeId: string; personId: string; key: string }): Promise<void> {
  const { services } = deps;
  const { input: cohort, options } = await services.matching.cohort(input.programmeId);
  const trade = withSettings(options, (o) => compareModes(cohort, o));
  const programme = await services.participants.programme(input.programmeId);
  await services.outreach.tell(input.personId, {
    kind: "match-tradeoff",
    dedupKey: `match-tradeoff-${input.key}-${input.personId}`,
    text: (t) =>
      [
        t("match-choose-mode"),
        t("match-tradeoff-title", { programme: programme?.name ?? "—", mentees: trade.mentees }),
        ...trade.modes.map((m) =>
          t("match-tradeoff-line", { mode: t(modeKey(m.mode)), matched: m.matched, mentees: trade.mentees, mutual: m.mutualHonoured, mutualAll: trade.withMutualChoice, noTime: m.noCommonTime }),
        ),
        t("match-tradeoff-hint"),
      ].join("\n\n"),
    buttons: trade.modes.map((m) => [{ label: { key: modeKey(m.mode) }, command: "match", args: `P.${input.programmeId}.${m.mode}` }]),
  });
  deps.logger?.info({ programmeId: input.programmeId, modes: trade.modes.map((m) => [m.mode, m.matched]) }, "matching trade-off");
}

/** One alert per run and curator: how many mentees are left without a mentor, with a button to the list. */
async function alertUnmatched(services: Services, run: RunView, now: Date): Promise<void> {
  const programme = await services.participants.programme(run.programmeId);
  const curators = await services.participants.curators(run.programmeId);
  const messages: OutboxMessage[] = curators.map((c) => ({
    personId: c,
    dedupKey: `match-unmatched-${run.id}-${c}`,
    kind: "match-unmatched",
    parts: [{ key: "match-alert-unmatched", args: { programme: programme?.name ?? "—", count: run.stats.unmatched.length } }],
    buttons: [[{ label: { key: "match-btn-unmatched" }, command: "unmatched", args: `P.${run.programmeId}` }]],
    dueAt: now,
    merge: "alerts",
  }));
  await services.outreach.queue(messages, { now });
}

function isMode(value: unknown): value is MatchMode {
  return typeof value === "string" && (MATCH_MODES as readonly string[]).includes(value);
}

// The job's name is kept with the job requests (src/store/job-requests.ts), where the bot asks for it.
export { MATCHING_JOB };

/**
 * The job: `{ programmeId, mode?, compare?, startedById?, notify? }`, added to the maintenance queue on
 * demand (the curator's /match). With `notify` (the curator and the messenger they asked on),
 * a large cohort's curator is told when its questionnaires are read and the pairs are being
 * chosen (`progressFrom` people, default LARGE_COHORT), and the first page of the result is
 * shown in their chat when the run is stored. With `compare` (and `notify`), nothing is stored:
 * the curator gets the trade-off between the modes, one button per mode (compareMatching).
 */
export const matchingJobKind: JobKind = {
  name: MATCHING_JOB,
  async run(ctx, job: Job) {
    const data = (job.data ?? {}) as { programmeId?: unknown; mode?: unknown; compare?: unknown; startedById?: unknown; notify?: { personId?: unknown; platform?: unknown; progressFrom?: unknown } };
    if (typeof data.programmeId !== "string") throw new Error("matching-run needs a programmeId");
    if (data.compare === true && typeof data.notify?.personId === "string") {
      await compareMatching({ services: ctx.services, logger: ctx.logger }, { programmeId: data.programmeId, personId: data.notify.personId, key: String(job.id ?? `${data.programmeId}-${ctx.now().getTime()}`) });
      return { compared: true };
    }
    const asker = typeof data.notify?.personId === "string" ? data.notify.personId : null;
    const from = typeof data.notify?.progressFrom === "number" ? data.notify.progressFrom : LARGE_COHORT;
    const run = await runMatching(
      { services: ctx.services, logger: ctx.logger },
      {
        programmeId: data.programmeId,
        mode: isMode(data.mode) ? data.mode : "best_total",
        startedById: typeof data.startedById === "string" ? data.startedById : null,
        now: ctx.now(),
        progress: asker ? { personId: asker, from, key: String(job.id ?? `${data.programmeId}-${ctx.now().getTime()}`) } : undefined,
      },
    );
    const notify = data.notify;
    if (notify && typeof notify.personId === "string") {
      const platform = typeof notify.platform === "string" ? (notify.platform as Platform) : undefined;
      await ctx.services.outreach.runCommand(notify.personId, "match", `R.${run.id}.0`, `match-result-${run.id}`, platform);
    }
    return { runId: run.id, matched: run.stats.matched, unmatched: run.stats.unmatched.length };
  },
};
