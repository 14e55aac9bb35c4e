import type { Logger } from "pino";
import type { PrismaClient } from "../db/client.js";
import type { TextRef } from "../flows/types.js";
import {
  federalFormReminders,
  finalReportOverdue,
  finalReportReminder,
  isDue,
  monthlyReportReminder,
  pulseSurveyInvitation,
  mutualChoiceOpenAlert,
  plannedEndingAt,
  programmeEndAlerts,
  ranDuring,
  silentPairAlert,
  unmatchedMenteeAlert,
  type Occurrence,
} from "../domain/deadlines.js";
import { lastActivity, PAIR_STAGES, type PairStatus } from "../domain/lifecycle.js";
import { lifecycleSettings, type LifecycleSettings } from "../domain/lifecycle-settings.js";
import { AFTER_MEETING_WINDOW_MS, afterMeeting, dueMeetingReminder, reminderHorizonMs } from "../domain/reminders.js";
import { localParts } from "../domain/time.js";
import type { Services } from "../usecases/services.js";
import type { OutboxButton, OutboxMessage } from "../store/notifications.js";
import { formatLocalDate, formatLocalTime, menteeNames, partnersOf, type PairView } from "../store/pairs.js";
import type { OutboundPort } from "./outbound.js";

/**
 * The scheduler of the programme cycle, run every minute. Every decision is a pure function
 * of `now` (src/domain/reminders.ts, deadlines.ts, lifecycle.ts): what is due now becomes an
 * outbox row under a deterministic key (a second tick, or a second worker, adds nothing), and
 * the rows due are handed to the outbound queues. Nothing is kept in memory between ticks,
 * so a restarted or replaced worker simply goes on.
 *
 * Participants: meeting reminders (24 h and 1 h before, configurable; out of quiet hours;
 * several at once merged), "did the meeting happen?", the feedback reminder, the monthly
 * report, the final report. Curators (organisation's time): feedback missing, silent pairs,
 * the end approaching, final reports overdue, mentees left without a pair, the mutual-choice
 * survey left open, the federal statistics form; and the planned ending of every pair when
 * the programme is over.
 */

const DAY = 86_400_000;
const WORKING = [...PAIR_STAGES] as PairStatus[];

export interface TickReport {
  reminders: number;
  afterMeetings: number;
  monthly: number;
  pulse: number;
  endings: number;
  afterEndings: number;
  silent: number;
  programmes: number;
  dispatched: number;
  requeued: number;
}

interface ProgrammeContext {
  id: string;
  name: string;
  status: string;
  startsOn: string;
  endsOn: string;
  tz: string;
  settings: LifecycleSettings;
}

export interface LifecycleDeps {
  prisma: PrismaClient;
  services: Services;
  outbound: OutboundPort & { requeue(now: Date): Promise<number> };
  logger: Logger;
}

const overdueButton: OutboxButton[][] = [[{ label: { key: "lc-btn-overdue" }, command: "overdue", args: "" }]];

export class LifecycleScheduler {
  private readonly log: Logger;

  constructor(private readonly deps: LifecycleDeps) {
    this.log = deps.logger.child({ component: "lifecycle" });
  }

  /** One run of the scheduler as of `now`. */
  async tick(now: Date): Promise<TickReport> {
    const tick = new Tick(this.deps, now);
    await tick.load();
    const report: TickReport = {
      reminders: await tick.meetingReminders(),
      afterMeetings: await tick.afterMeetings(),
      monthly: await tick.monthlyReports(),
      pulse: await tick.pulseSurveys(),
      endings: await tick.plannedEndings(),
      afterEndings: await tick.endingFollowUps(),
      silent: await tick.silentPairs(),
      programmes: await tick.programmeAlerts(),
      dispatched: 0,
      requeued: 0,
    };
    report.dispatched = await this.deps.outbound.dispatch(now, { priority: "bulk" });
    report.requeued = await this.deps.outbound.requeue(now);
    this.log.debug(report, "lifecycle tick");
    return report;
  }
}

/** The work of one tick, with what it loaded once (programmes, curators). */
class Tick {
  private programmes = new Map<string, ProgrammeContext>();
  private curatorCache = new Map<string, string[]>();

  constructor(
    private readonly deps: LifecycleDeps,
    private readonly now: Date,
  ) {}

  private get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  async load(): Promise<void> {
    const rows = await this.prisma.programme.findMany({
      where: { OR: [{ status: "active" }, { endsOn: { gte: new Date(this.now.getTime() - 400 * DAY) } }] },
      select: { id: true, name: true, status: true, startsOn: true, endsOn: true, settings: true, organisation: { select: { timezone: true } } },
    });
    for (const p of rows) {
      this.programmes.set(p.id, {
        id: p.id,
        name: p.name,
        status: p.status,
        startsOn: p.startsOn.toISOString().slice(0, 10),
        endsOn: p.endsOn.toISOString().slice(0, 10),
        tz: p.organisation.timezone,
        settings: lifecycleSettings(p.settings),
      });
    }
  }

  private active(): ProgrammeContext[] {
    return [...this.programmes.values()].filter((p) => p.status === "active");
  }

  private async programme(id: string): Promise<ProgrammeContext | undefined> {
    if (!this.programmes.has(id)) {
      const p = await this.prisma.programme.findUnique({ where: { id }, select: { id: true, name: true, status: true, startsOn: true, endsOn: true, settings: true, organisation: { select: { timezone: true } } } });
      if (!p) return undefined;
      this.programmes.set(id, { id, name: p.name, status: p.status, startsOn: p.startsOn.toISOString().slice(0, 10), endsOn: p.endsOn.toISOString().slice(0, 10), tz: p.organisation.timezone, settings: lifecycleSettings(p.settings) });
    }
    return this.programmes.get(id);
  }

  private async curators(programmeId: string): Promise<string[]> {
    let list = this.curatorCache.get(programmeId);
    if (!list) this.curatorCache.set(programmeId, (list = await this.deps.services.participants.curators(programmeId)));
    return list;
  }

  private async add(messages: OutboxMessage[]): Promise<number> {
    if (!messages.length) return 0;
    return (await this.deps.services.outbox.add(messages)).length;
  }

  /** One alert to each curator of the programme, merged with the curator's other alerts due at once. */
  private async curatorAlerts(programmeId: string, occurrenceKey: string, kind: string, parts: TextRef[], dueAt: Date): Promise<OutboxMessage[]> {
    return (await this.curators(programmeId)).map((c) => ({ personId: c, dedupKey: `${occurrenceKey}-${c}`, kind, parts, buttons: overdueButton, dueAt, merge: "alerts" }));
  }

  private async submitted(formId: string, subjectKeys: string[]): Promise<Set<string>> {
    if (!subjectKeys.length) return new Set();
    const rows = await this.prisma.formResponse.findMany({ where: { formId, subjectKey: { in: subjectKeys }, submittedAt: { not: null } }, select: { personId: true, subjectKey: true } });
    return new Set(rows.map((r) => `${r.subjectKey}|${r.personId}`));
  }

  /** Reminders before confirmed meetings: the latest one due for each, to both sides (and the curator of a pair on probation). */
  async meetingReminders(): Promise<number> {
    const horizon = Math.max(reminderHorizonMs([24 * 60]), ...this.active().map((p) => reminderHorizonMs(p.settings.reminderOffsetsMinutes)));
    const meetings = await this.prisma.meeting.findMany({
      where: { status: "confirmed", startsAt: { gt: this.now, lte: new Date(this.now.getTime() + horizon) }, pair: { status: { in: WORKING } } },
      select: { id: true, startsAt: true, confirmedAt: true, place: true, stage: true, pair: { select: PAIR_PEOPLE } },
    });
    const messages: OutboxMessage[] = [];
    for (const m of meetings) {
      const programme = await this.programme(m.pair.programmeId);
      if (!programme) continue;
      const s = programme.settings;
      const due = dueMeetingReminder({ startsAt: m.startsAt, confirmedAt: m.confirmedAt }, this.now, s.reminderOffsetsMinutes, programme.tz, s.quietHours);
      if (!due) continue;
      const pair = people(m.pair);
      const recipients = [...pair.members.map((id) => ({ id, with: partnersOf(pair, id) })), ...(m.pair.probation ? (await this.curators(programme.id)).map((id) => ({ id, with: `${pair.mentor.name} — ${menteeNames(pair)}` })) : [])];
      const at = `${Math.round(m.startsAt.getTime() / 60_000)}`;
      for (const r of recipients) {
        messages.push({
          personId: r.id,
          dedupKey: `meeting-reminder-${m.id}-${at}-${due.offsetMinutes}-${r.id}`,
          kind: "meeting-reminder",
          parts: [{ key: "lc-reminder", args: { stage: m.stage, with: r.with, date: formatLocalDate(m.startsAt, programme.tz), time: formatLocalTime(m.startsAt, programme.tz), place: m.place ?? "—" } }],
          buttons: [[{ label: { key: "lc-btn-meetings" }, command: "meeting", args: "" }]],
          dueAt: due.dueAt,
          merge: "reminders",
        });
      }
    }
    return this.add(messages);
  }

  /** After a meeting: "did it happen?" to each side, a feedback reminder, and the curator told when feedback is still missing. */
  async afterMeetings(): Promise<number> {
    const meetings = await this.prisma.meeting.findMany({
      where: { status: { in: ["confirmed", "held", "missed"] }, startsAt: { lte: this.now, gte: new Date(this.now.getTime() - AFTER_MEETING_WINDOW_MS) } },
      select: { id: true, startsAt: true, status: true, outcomes: true, stage: true, pair: { select: PAIR_PEOPLE } },
    });
    const feedback = await this.submitted("meeting-feedback", meetings.map((m) => m.id));
    const messages: OutboxMessage[] = [];
    for (const m of meetings) {
      const programme = await this.programme(m.pair.programmeId);
      if (!programme) continue;
      const s = programme.settings;
      const times = afterMeeting(m.startsAt, s, programme.tz, s.quietHours);
      const pair = people(m.pair);
      const answered = (m.outcomes && typeof m.outcomes === "object" ? m.outcomes : {}) as Record<string, unknown>;
      const date = formatLocalDate(m.startsAt, programme.tz);
      const time = formatLocalTime(m.startsAt, programme.tz);
      if (this.now >= times.outcomeQuestionAt && this.now.getTime() < times.outcomeQuestionAt.getTime() + 3 * DAY) {
        for (const id of pair.members) {
          if (answered[id]) continue;
          messages.push({
            personId: id,
            dedupKey: `meeting-outcome-${m.id}-${id}`,
            kind: "meeting-outcome",
            parts: [{ key: "lc-outcome-question", args: { with: partnersOf(pair, id), date, time } }],
            buttons: [[{ label: { key: "lc-btn-held" }, command: "meet", args: `held.${m.id}` }, { label: { key: "lc-btn-missed" }, command: "meet", args: `missed.${m.id}` }]],
            dueAt: times.outcomeQuestionAt,
          });
        }
      }
      if (m.status === "missed") continue;
      const missing = pair.members.filter((id) => !feedback.has(`${m.id}|${id}`));
      if (!missing.length) continue;
      if (this.now >= times.feedbackReminderAt) {
        for (const id of missing) {
          messages.push({
            personId: id,
            dedupKey: `feedback-reminder-${m.id}-${id}`,
            kind: "feedback-reminder",
            parts: [{ key: "lc-feedback-reminder", args: { with: partnersOf(pair, id), date } }],
            buttons: [[{ label: { key: "lc-btn-feedback" }, command: "form", args: `fb.${m.id}` }]],
            dueAt: times.feedbackReminderAt,
            merge: "reminders",
          });
        }
      }
      if (this.now >= times.feedbackAlertAt) {
        for (const id of missing) {
          const name = id === pair.mentor.personId ? pair.mentor.name : (pair.mentees.find((x) => x.personId === id)?.name ?? "—");
          messages.push(
            ...(await this.curatorAlerts(programme.id, `feedback-overdue-${m.id}-${id}`, "feedback-overdue", [{ key: "lc-alert-feedback", args: { name, mentor: pair.mentor.name, mentees: menteeNames(pair), date, days: s.feedbackAlertDays } }], times.feedbackAlertAt)),
          );
        }
      }
    }
    return this.add(messages);
  }

  /** The mentee's monthly report to the mentor (002 §6.2), asked once a month of each working pair. */
  async monthlyReports(): Promise<number> {
    const pairs = await this.prisma.pair.findMany({ where: { status: { in: WORKING }, programme: { status: "active" } }, select: { ...PAIR_PEOPLE, confirmedAt: true } });
    const due: { pair: ReturnType<typeof people>; occ: Occurrence & { month: string } }[] = [];
    for (const p of pairs) {
      const programme = await this.programme(p.programmeId);
      if (!programme) continue;
      const occ = monthlyReportReminder(p.id, this.now, programme.tz, programme.settings);
      if (isDue(occ, this.now) && p.confirmedAt < occ.dueAt) due.push({ pair: people(p), occ });
    }
    const reported = await this.submitted("monthly-report", due.map((d) => `${d.pair.id}:${d.occ.month}`));
    const messages: OutboxMessage[] = [];
    for (const { pair, occ } of due) {
      for (const m of pair.mentees) {
        if (reported.has(`${pair.id}:${occ.month}|${m.personId}`)) continue;
        messages.push({
          personId: m.personId,
          dedupKey: `${occ.key}-${m.personId}`,
          kind: "monthly-report",
          parts: [{ key: "lc-monthly-report", args: { mentor: pair.mentor.name, month: occ.month.split("-").reverse().join(".") } }],
          buttons: [[{ label: { key: "lc-btn-monthly-report" }, command: "form", args: `mr.${pair.id}` }]],
          dueAt: occ.dueAt,
          merge: "reminders",
        });
      }
    }
    return this.add(messages);
  }

  /** The short pulse survey to both sides a month after the pair started (001 stage 6), unless already answered. */
  async pulseSurveys(): Promise<number> {
    const longest = Math.max(30, ...this.active().map((p) => p.settings.pulseSurveyDays)) + 15;
    const pairs = await this.prisma.pair.findMany({
      where: { status: { in: WORKING }, programme: { status: "active" }, confirmedAt: { gte: new Date(this.now.getTime() - longest * 86_400_000), lte: this.now } },
      select: { ...PAIR_PEOPLE, confirmedAt: true },
    });
    const due: { pair: ReturnType<typeof people>; occ: Occurrence }[] = [];
    for (const p of pairs) {
      const programme = await this.programme(p.programmeId);
      if (!programme || !p.confirmedAt) continue;
      const occ = pulseSurveyInvitation(p.id, p.confirmedAt, programme.tz, programme.settings);
      if (isDue(occ, this.now)) due.push({ pair: people(p), occ });
    }
    const answered = await this.submitted("pulse-survey", due.map((d) => d.pair.id));
    const messages: OutboxMessage[] = [];
    for (const { pair, occ } of due) {
      const sides = [{ personId: pair.mentor.personId, partner: pair.mentees.map((m) => m.name).join(", ") || "—" }, ...pair.mentees.map((m) => ({ personId: m.personId, partner: pair.mentor.name }))];
      for (const side of sides) {
        if (answered.has(`${pair.id}|${side.personId}`)) continue;
        messages.push({
          personId: side.personId,
          dedupKey: `${occ.key}-${side.personId}`,
          kind: "pulse-survey",
          parts: [{ key: "lc-pulse-survey", args: { partner: side.partner } }],
          buttons: [[{ label: { key: "lc-btn-pulse-survey" }, command: "form", args: `pu.${pair.id}` }]],
          dueAt: occ.dueAt,
          merge: "reminders",
        });
      }
    }
    return this.add(messages);
  }

  /** Pairs still working when the programme's last day is over end as planned (002 §7.5). */
  async plannedEndings(): Promise<number> {
    let ended = 0;
    for (const programme of this.active()) {
      if (this.now < plannedEndingAt(programme.endsOn, programme.tz)) continue;
      const pairs = await this.prisma.pair.findMany({ where: { programmeId: programme.id, status: { in: WORKING } }, select: { id: true } });
      for (const p of pairs) {
        const r = await this.deps.services.pairs.end({ pairId: p.id, reason: "planned", endedById: null, now: this.now });
        if (r.ok) ended++;
      }
    }
    return ended;
  }

  /** After endings: what the ending brings (once more, when a crash cut it short), the final report's reminder and its overdue alert. */
  async endingFollowUps(): Promise<number> {
    const pairs = await this.prisma.pair.findMany({
      where: { status: { in: ["completed", "ended_early"] }, endedAt: { gte: new Date(this.now.getTime() - 120 * DAY), lte: this.now } },
      select: { id: true, endedAt: true },
    });
    const messages: OutboxMessage[] = [];
    const views: PairView[] = [];
    for (const p of pairs) {
      const view = await this.deps.services.pairs.get(p.id);
      if (view) views.push(view);
    }
    const reports = await this.submitted("final-report", views.map((v) => v.id));
    for (const pair of views) {
      const programme = await this.programme(pair.programmeId);
      if (!programme || !pair.endedAt) continue;
      if (this.now.getTime() - pair.endedAt.getTime() < 2 * DAY && !(await this.deps.services.tasks.isOpen(`talk-after-ending-${pair.id}`)) && !(await this.deps.services.tasks.isDone(`talk-after-ending-${pair.id}`))) {
        await this.deps.services.pairs.afterEnding(pair, this.now);
      }
      const s = programme.settings;
      const missing = pair.mentees.filter((m) => !reports.has(`${pair.id}|${m.personId}`));
      if (!missing.length) continue;
      const reminder = finalReportReminder(pair.id, pair.endedAt, programme.tz, s);
      if (isDue(reminder, this.now)) {
        const dueDate = reminder.expiresAt;
        for (const m of missing) {
          messages.push({
            personId: m.personId,
            dedupKey: `${reminder.key}-${m.personId}`,
            kind: "final-report-reminder",
            parts: [{ key: "lc-final-report-reminder", args: { date: formatLocalDate(new Date(dueDate.getTime() - 60_000), programme.tz) } }],
            buttons: [[{ label: { key: "lc-btn-final-report" }, command: "form", args: `fr.${pair.id}` }]],
            dueAt: reminder.dueAt,
            merge: "reminders",
          });
        }
      }
      const overdue = finalReportOverdue(pair.id, pair.endedAt, programme.tz, s);
      if (isDue(overdue, this.now)) {
        for (const m of missing) {
          messages.push(...(await this.curatorAlerts(programme.id, `${overdue.key}-${m.personId}`, "final-report-overdue", [{ key: "lc-alert-final-report", args: { name: m.name, mentor: pair.mentor.name, date: formatLocalDate(pair.endedAt, programme.tz), days: s.finalReportDays } }], overdue.dueAt)));
        }
      }
    }
    return this.add(messages);
  }

  /** Pairs with no meeting for weeks and none planned: the curator is told once per silence, with the last activity. */
  async silentPairs(): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ id: string; programmeId: string; confirmedAt: Date; lastMeetingAt: Date | null; upcoming: boolean | null }[]>`
      SELECT p.id, p."programmeId", p."confirmedAt",
        max(m."startsAt") FILTER (WHERE m.status = 'held' OR (m.status = 'confirmed' AND m."startsAt" <= ${this.now})) AS "lastMeetingAt",
        bool_or(m.status IN ('proposed', 'confirmed') AND m."startsAt" > ${this.now}) AS upcoming
      FROM "Pair" p JOIN "Programme" g ON g.id = p."programmeId" LEFT JOIN "Meeting" m ON m."pairId" = p.id
      WHERE p.status IN ('acquaintance', 'trial', 'planning', 'regular', 'final') AND g.status = 'active'
      GROUP BY p.id`;
    const messages: OutboxMessage[] = [];
    for (const r of rows) {
      if (r.upcoming) continue;
      const programme = await this.programme(r.programmeId);
      if (!programme) continue;
      const last = lastActivity({ confirmedAt: r.confirmedAt, lastMeetingAt: r.lastMeetingAt, hasUpcoming: false });
      const occ = silentPairAlert(r.id, last, programme.tz, programme.settings);
      if (!isDue(occ, this.now)) continue;
      const pair = await this.deps.services.pairs.get(r.id);
      if (!pair) continue;
      messages.push(
        ...(await this.curatorAlerts(programme.id, occ.key, "silent-pair", [{ key: "lc-alert-silent", args: { number: pair.number, mentor: pair.mentor.name, mentees: menteeNames(pair), days: programme.settings.silentPairDays, last: formatLocalDate(last, programme.tz) } }], occ.dueAt)),
      );
    }
    return this.add(messages);
  }

  /** Alerts about the programme: its end approaching, the mutual choice left open, mentees left without a pair, the federal form. */
  async programmeAlerts(): Promise<number> {
    const messages: OutboxMessage[] = [];
    for (const programme of this.active()) {
      const s = programme.settings;
      for (const occ of programmeEndAlerts(programme.id, programme.endsOn, programme.tz, s)) {
        if (!isDue(occ, this.now)) continue;
        const pairs = await this.prisma.pair.count({ where: { programmeId: programme.id, status: { in: WORKING } } });
        messages.push(...(await this.curatorAlerts(programme.id, occ.key, "programme-ending", [{ key: "lc-alert-ending", args: { programme: programme.name, days: occ.days, date: programme.endsOn.split("-").reverse().join("."), pairs } }], occ.dueAt)));
      }
      const rounds = await this.prisma.surveyRound.findMany({ where: { programmeId: programme.id, kind: "mutual_choice", closedAt: null }, select: { id: true, openedAt: true } });
      for (const round of rounds) {
        const occ = mutualChoiceOpenAlert(round.id, round.openedAt, programme.tz, s);
        if (isDue(occ, this.now)) messages.push(...(await this.curatorAlerts(programme.id, occ.key, "mutual-choice-open", [{ key: "lc-alert-mutual-choice", args: { programme: programme.name, date: formatLocalDate(round.openedAt, programme.tz) } }], occ.dueAt)));
      }
      messages.push(...(await this.unmatched(programme)));
    }
    messages.push(...(await this.federalForm()));
    return this.add(messages);
  }

  /** Mentees left without a pair once matching has begun (002 §7.3): the curator meets them. */
  private async unmatched(programme: ProgrammeContext): Promise<OutboxMessage[]> {
    const first = await this.prisma.pair.findFirst({ where: { programmeId: programme.id }, orderBy: { confirmedAt: "asc" }, select: { confirmedAt: true } });
    if (!first) return [];
    const mentees = await this.prisma.participation.findMany({
      where: { programmeId: programme.id, role: "mentee", status: { in: ["joined", "approved", "active"] }, person: { erasedAt: null }, memberships: { none: { leftAt: null, pair: { status: { in: WORKING } } } } },
      select: { id: true, personId: true, joinedAt: true, person: { select: { displayName: true } } },
    });
    const out: OutboxMessage[] = [];
    for (const m of mentees) {
      const occ = unmatchedMenteeAlert(m.id, first.confirmedAt, m.joinedAt, programme.tz, programme.settings);
      if (!isDue(occ, this.now)) continue;
      await this.deps.services.tasks.ensure({ dedupKey: occ.key, programmeId: programme.id, kind: "unmatched_mentee", personId: m.personId, dueAt: occ.dueAt });
      out.push(...(await this.curatorAlerts(programme.id, occ.key, "unmatched-mentee", [{ key: "lc-alert-unmatched", args: { name: m.person.displayName ?? "—", programme: programme.name } }], occ.dueAt)));
    }
    return out;
  }

  /** The federal statistics form on participants, due 20 January (000 §9): reminders from 1 January, until the curator marks it sent. */
  private async federalForm(): Promise<OutboxMessage[]> {
    const out: OutboxMessage[] = [];
    for (const programme of this.programmes.values()) {
      const local = localParts(this.now, programme.tz);
      if (local.month !== 1) continue;
      const year = local.year;
      if (!ranDuring(programme.startsOn, programme.endsOn, year - 1)) continue;
      const due = federalFormReminders(year, programme.tz, programme.settings).filter((o) => isDue(o, this.now));
      if (!due.length) continue;
      const taskKey = `federal-form-${year - 1}-${programme.id}`;
      const { task } = await this.deps.services.tasks.ensure({ dedupKey: taskKey, programmeId: programme.id, kind: "federal_form", note: String(year - 1), dueAt: federalFormReminders(year, programme.tz, programme.settings).at(-1)!.dueAt });
      if (task.doneAt) continue;
      for (const occ of due) {
        for (const c of await this.curators(programme.id)) {
          out.push({
            personId: c,
            // One reminder per occurrence and curator, whatever the number of programmes they curate.
            dedupKey: `${occ.key}-${c}`,
            kind: "federal-form",
            parts: [{ key: "lc-alert-federal-form", args: { year: String(occ.reportYear), date: occ.dueDate.split("-").reverse().join(".") } }],
            buttons: overdueButton,
            dueAt: occ.dueAt,
            merge: "alerts",
          });
        }
      }
    }
    return out;
  }
}

/** What the scheduler reads of a pair: who is in it. */
const PAIR_PEOPLE = {
  id: true,
  programmeId: true,
  probation: true,
  mentor: { select: { personId: true, person: { select: { displayName: true, erasedAt: true } } } },
  members: { where: { leftAt: null }, select: { mentee: { select: { personId: true, person: { select: { displayName: true, erasedAt: true } } } } } },
} as const;

type PairPeople = {
  id: string;
  programmeId: string;
  probation: boolean;
  mentor: { personId: string; person: { displayName: string | null; erasedAt: Date | null } };
  members: { mentee: { personId: string; person: { displayName: string | null; erasedAt: Date | null } } }[];
};

function people(p: PairPeople) {
  const name = (x: { displayName: string | null; erasedAt: Date | null }) => (x.erasedAt ? "—" : (x.displayName ?? "—"));
  const mentor = { personId: p.mentor.personId, name: name(p.mentor.person) };
  const mentees = p.members.map((m) => ({ personId: m.mentee.personId, name: name(m.mentee.person) }));
  return { id: p.id, mentor, mentees, members: [mentor.personId, ...mentees.map((m) => m.personId)] };
}
