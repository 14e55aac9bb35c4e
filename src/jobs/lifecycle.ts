import type { Logger } from "pino";
import type { Rule, RuleCounts } from "./lifecycle/rule.js";
import { PAIR_RULES, PROGRAMME_RULES } from "./lifecycle/rules/index.js";
import { LifecycleSchedule, type ScheduledTable } from "../store/lifecycle-schedule.js";
import { Tick, type LifecycleDeps } from "./lifecycle/tick.js";

export type { LifecycleDeps } from "./lifecycle/tick.js";

/**
 * The scheduler of the programme cycle, run every minute. Every decision is a pure function
 * of `now` (src/domain/reminders.ts, deadlines.ts, lifecycle.ts): what is due now becomes an
 * outbox row under a deterministic key (a second tick, or a second worker, adds nothing), and
 * the rows due are handed to the outbound queues. Nothing is kept in memory between ticks,
 * so a restarted or replaced worker simply goes on.
 *
 * It looks only at what is due: programmes and pairs carry the moment they must be looked at
 * again (`nextLookAt`, src/store/lifecycle-schedule.ts), and a tick takes those whose moment
 * has come, a round of a thousand at a time, runs the rules over them and writes each one's
 * next moment. The rules (src/jobs/lifecycle/rules/, one a file, run in order) read through the
 * round's shared context (src/jobs/lifecycle/tick.ts: `now`, the rows taken, their programmes
 * with their settings, their curators, the pairs with their people and meetings).
 * Participants: meeting reminders (24 h and 1 h before, configurable; out of quiet hours;
 * several at once merged), "did the meeting happen?", the feedback reminder, the monthly
 * report, the pulse survey, the final report. Curators (organisation's time): feedback
 * missing, silent pairs, the end approaching, final reports overdue, mentees left without a
 * pair, the mutual-choice survey left open, the federal statistics form; and the planned
 * ending of every pair when the programme is over.
 */

export interface TickReport extends RuleCounts {
  /** Programmes and pairs looked at. */
  looked: number;
  /** Outbox rows handed to the outbound queues. */
  dispatched: number;
  /** Deliveries handed over again. */
  requeued: number;
}

/** Rows taken per round: one round reads them with their people and meetings in a few statements. */
const ROUND_SIZE = 1_000;
/** At most this many rounds of each kind per tick; what is left is taken by the next tick. */
const MAX_ROUNDS = 200;

export class LifecycleScheduler {
  private readonly log: Logger;
  private readonly schedule: LifecycleSchedule;

  constructor(private readonly deps: LifecycleDeps) {
    this.log = deps.logger.child({ component: "lifecycle" });
    this.schedule = new LifecycleSchedule(deps.prisma);
  }

  /** One run of the scheduler as of `now`: the programmes whose moment has come, then the pairs, then the outbox. */
  async tick(now: Date): Promise<TickReport> {
    const tick = new Tick(this.deps, now);
    const report: TickReport = { reminders: 0, afterMeetings: 0, monthly: 0, pulse: 0, endings: 0, afterEndings: 0, silent: 0, programmes: 0, looked: 0, dispatched: 0, requeued: 0 };
    // Programmes first: a planned ending brings its pairs forward, and they are looked at in this tick's pair rounds.
    // What a pair's rules bring forward (an ending's survey opened: its programme) is taken in another pass.
    for (let pass = 0; pass < 3; pass++) {
      const looked = (await this.rounds(tick, "Programme", PROGRAMME_RULES, report, (ids) => tick.programmeRound(ids))) + (await this.rounds(tick, "Pair", PAIR_RULES, report, (ids) => tick.pairRound(ids)));
      report.looked += looked;
      if (!looked) break;
    }
    report.dispatched = await this.deps.outbound.dispatch(now, { priority: "bulk" });
    report.requeued = await this.deps.outbound.requeue(now);
    this.log.debug(report, "lifecycle tick");
    return report;
  }

  private async rounds(tick: Tick, table: ScheduledTable, rules: readonly Rule[], report: TickReport, start: (ids: string[]) => Promise<void>): Promise<number> {
    let looked = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claim = await this.schedule.claim(table, tick.now, this.deps.roundSize ?? ROUND_SIZE);
      if (!claim.ids.length) break;
      await start(claim.ids);
      for (const rule of rules) {
        const n = await rule.run(tick);
        if (rule.counts) report[rule.counts] += n;
      }
      await this.schedule.release(table, claim, tick.looks());
      looked += claim.ids.length;
    }
    return looked;
  }
}
