import type { Logger } from "pino";
import type { RuleCounts } from "./lifecycle/rule.js";
import { LIFECYCLE_RULES } from "./lifecycle/rules/index.js";
import { Tick, type LifecycleDeps } from "./lifecycle/tick.js";

export type { LifecycleDeps } from "./lifecycle/tick.js";

/**
 * The scheduler of the programme cycle, run every minute. Every decision is a pure function
 * of `now` (src/domain/reminders.ts, deadlines.ts, lifecycle.ts): what is due now becomes an
 * outbox row under a deterministic key (a second tick, or a second worker, adds nothing), and
 * the rows due are handed to the outbound queues. Nothing is kept in memory between ticks,
 * so a restarted or replaced worker simply goes on.
 *
 * What it does is a list of rules (src/jobs/lifecycle/rules/, one a file, run in order), each
 * reading what it needs through the tick's shared context (src/jobs/lifecycle/tick.ts: `now`,
 * the programmes with their settings, their curators, the pairs with their people).
 * Participants: meeting reminders (24 h and 1 h before, configurable; out of quiet hours;
 * several at once merged), "did the meeting happen?", the feedback reminder, the monthly
 * report, the pulse survey, the final report. Curators (organisation's time): feedback
 * missing, silent pairs, the end approaching, final reports overdue, mentees left without a
 * pair, the mutual-choice survey left open, the federal statistics form; and the planned
 * ending of every pair when the programme is over.
 */

export interface TickReport extends RuleCounts {
  /** Outbox rows handed to the outbound queues. */
  dispatched: number;
  /** Deliveries handed over again. */
  requeued: number;
}

export class LifecycleScheduler {
  private readonly log: Logger;

  constructor(private readonly deps: LifecycleDeps) {
    this.log = deps.logger.child({ component: "lifecycle" });
  }

  /** One run of the scheduler as of `now`. */
  async tick(now: Date): Promise<TickReport> {
    const tick = new Tick(this.deps, now);
    await tick.load();
    const report: TickReport = { reminders: 0, afterMeetings: 0, monthly: 0, pulse: 0, endings: 0, afterEndings: 0, silent: 0, programmes: 0, dispatched: 0, requeued: 0 };
    for (const rule of LIFECYCLE_RULES) {
      const n = await rule.run(tick);
      if (rule.counts) report[rule.counts] += n;
    }
    report.dispatched = await this.deps.outbound.dispatch(now, { priority: "bulk" });
    report.requeued = await this.deps.outbound.requeue(now);
    this.log.debug(report, "lifecycle tick");
    return report;
  }
}
