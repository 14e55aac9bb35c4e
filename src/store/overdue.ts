import type { PrismaClient } from "../db/client.js";
import type { TextRef } from "../flows/types.js";
import { FEDERAL_FORM_DUE_DAY, finalReportDueDate, ranDuring } from "../domain/deadlines.js";
import { isSilent, PAIR_STAGES, type PairStatus } from "../domain/lifecycle.js";
import { lifecycleSettings } from "../domain/lifecycle-settings.js";
import { addDays, formatDate, formatDateTime, formatIsoDate, localDate, localParts, utcDate } from "../domain/time.js";
import { menteeNames, type Pairs, type PairView } from "./pairs.js";
import type { CuratorTasks } from "./tasks.js";
import { inBatches } from "./batches.js";

/**
 * Everything open in a programme that a curator should act on (/overdue, and the digest):
 * final reports overdue, feedback missing, silent pairs, mentees without a pair, the
 * mutual-choice survey still open, the end approaching, the federal statistics form, the flags
 * raised on pairs (a side's button or the flag words in a relay message or a feedback), and the
 * curator's own tasks (talks after endings, change requests), each a line to show.
 */

export type OverdueKind = "final_report" | "feedback" | "silent" | "unmatched" | "mutual_choice" | "ending" | "federal_form" | "task" | "flag";

export interface OverdueItem {
  kind: OverdueKind;
  text: TextRef;
  /** A task the curator can mark done. */
  taskId?: string;
}

const DAY = 86_400_000;
const WORKING = [...PAIR_STAGES] as PairStatus[];

export class Overdue {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly pairs: Pairs,
    private readonly tasks: CuratorTasks,
  ) {}

  async ofProgramme(programmeId: string, now: Date): Promise<OverdueItem[]> {
    const programme = await this.prisma.programme.findUnique({ where: { id: programmeId }, select: { name: true, startsOn: true, endsOn: true, status: true, settings: true, organisation: { select: { timezone: true } } } });
    if (!programme) return [];
    const tz = programme.organisation.timezone;
    const s = lifecycleSettings(programme.settings);
    const today = localDate(now, tz);
    const endsOn = utcDate(programme.endsOn);
    const items: OverdueItem[] = [];
    const pairs = await this.pairs.list(programmeId);
    const byId = new Map(pairs.map((p) => [p.id, p]));

    // Final reports: due finalReportDays after the ending (002 §6.2).
    const ended = pairs.filter((p) => p.endedAt && (p.status === "completed" || p.status === "ended_early"));
    const reports = await this.submitted(programmeId, "final-report", ended.map((p) => p.id));
    for (const p of ended) {
      const due = finalReportDueDate(p.endedAt!, tz, s);
      if (today <= due) continue;
      for (const m of p.mentees) if (!reports.has(`${p.id}|${m.personId}`)) items.push({ kind: "final_report", text: { key: "lc-overdue-final-report", args: { name: m.name, number: p.number, date: formatIsoDate(due) } } });
    }

    // Feedback missing after a meeting (002 §7.4), from feedbackAlertDays on, for a month.
    const meetings = await this.prisma.meeting.findMany({
      where: { pair: { programmeId }, status: { in: ["confirmed", "held"] }, startsAt: { lte: new Date(now.getTime() - s.feedbackAlertDays * DAY), gte: new Date(now.getTime() - 30 * DAY) } },
      select: { id: true, pairId: true, startsAt: true },
      orderBy: { startsAt: "asc" },
    });
    const feedback = await this.submitted(programmeId, "meeting-feedback", meetings.map((m) => m.id));
    for (const m of meetings) {
      const p = byId.get(m.pairId);
      if (!p) continue;
      for (const person of [p.mentor, ...p.mentees]) {
        if (!feedback.has(`${m.id}|${person.personId}`)) items.push({ kind: "feedback", text: { key: "lc-overdue-feedback", args: { name: person.name, number: p.number, date: formatDate(m.startsAt, tz) } } });
      }
    }

    // Silent pairs.
    const working = pairs.filter((p) => WORKING.includes(p.status));
    for (const p of working) {
      const facts = await this.activity(p, now);
      if (isSilent(facts, now, s.silentPairDays)) {
        const last = facts.lastMeetingAt && facts.lastMeetingAt > p.confirmedAt ? facts.lastMeetingAt : p.confirmedAt;
        items.push({ kind: "silent", text: { key: "lc-overdue-silent", args: { number: p.number, mentor: p.mentor.name, mentees: menteeNames(p), last: formatDate(last, tz) } } });
      }
    }

    // Mentees without a pair once matching has begun (002 §7.3).
    if (pairs.length) {
      const unmatched = await this.prisma.participation.findMany({
        where: { programmeId, role: "mentee", status: { in: ["joined", "approved", "active"] }, person: { erasedAt: null }, memberships: { none: { leftAt: null, pair: { status: { in: WORKING } } } } },
        select: { person: { select: { displayName: true } } },
        orderBy: { joinedAt: "asc" },
      });
      for (const u of unmatched) items.push({ kind: "unmatched", text: { key: "lc-overdue-unmatched", args: { name: u.person.displayName ?? "—" } } });
    }

    // The mutual-choice survey still open.
    const rounds = await this.prisma.surveyRound.findMany({ where: { programmeId, kind: "mutual_choice", closedAt: null }, select: { openedAt: true } });
    for (const r of rounds) {
      if (now.getTime() - r.openedAt.getTime() >= s.mutualChoiceOpenDays * DAY) items.push({ kind: "mutual_choice", text: { key: "lc-overdue-mutual-choice", args: { date: formatDate(r.openedAt, tz) } } });
    }

    // The end approaching (within the earliest alert's days).
    const horizon = Math.max(0, ...s.endingAlertDays);
    if (programme.status === "active" && today <= endsOn && addDays(today, horizon) >= endsOn) {
      const days = Math.round((Date.parse(endsOn) - Date.parse(today)) / DAY);
      items.push({ kind: "ending", text: { key: "lc-overdue-ending", args: { date: formatIsoDate(endsOn), days } } });
    }

    // The federal statistics form (000 §9): from 1 January until the curator marks it sent.
    const local = localParts(now, tz);
    const reportYear = local.year - 1;
    const startsOn = utcDate(programme.startsOn);
    if (ranDuring(startsOn, endsOn, reportYear) && local.month <= 3) {
      const done = await this.tasks.isDone(`federal-form-${reportYear}-${programmeId}`);
      if (!done) {
        const task = await this.prisma.curatorTask.findUnique({ where: { dedupKey: `federal-form-${reportYear}-${programmeId}` }, select: { id: true } });
        const late = local.month > 1 || local.day > FEDERAL_FORM_DUE_DAY;
        items.push({ kind: "federal_form", text: { key: "lc-overdue-federal-form", args: { year: String(reportYear), date: `${FEDERAL_FORM_DUE_DAY}.01.${local.year}`, late: late ? "yes" : "no" } }, taskId: task?.id });
      }
    }

    // The curator's open tasks.
    for (const task of await this.tasks.open(programmeId)) {
      if (task.kind === "federal_form") continue;
      const pair = task.pairId ? byId.get(task.pairId) : undefined;
      if (task.kind === "relay_flag") {
        // A flag on a pair: where it came from and why (the category of the words, or the side's button), never the text.
        const [origin = "relay", reason = "button"] = (task.note ?? "").split(":");
        const args = { number: pair?.number ?? 0, mentor: pair?.mentor.name ?? "—", mentees: pair ? menteeNames(pair) : "—", origin, reason, at: formatDateTime(task.createdAt, tz) };
        items.push({ kind: "flag", taskId: task.id, text: { key: "relay-overdue-flag", args } });
        continue;
      }
      const person = task.personId ? await this.prisma.person.findUnique({ where: { id: task.personId }, select: { displayName: true, erasedAt: true } }) : null;
      items.push({
        kind: "task",
        taskId: task.id,
        text: {
          key: "lc-task",
          args: {
            kind: task.kind,
            number: pair?.number ?? 0,
            mentor: pair?.mentor.name ?? "—",
            mentees: pair ? menteeNames(pair) : "—",
            name: person && !person.erasedAt ? (person.displayName ?? "—") : "—",
            note: task.note ?? "",
            date: formatDate(task.createdAt, tz),
          },
        },
      });
    }
    return items;
  }

  private async activity(p: PairView, now: Date): Promise<{ confirmedAt: Date; lastMeetingAt: Date | null; hasUpcoming: boolean }> {
    const last = await this.prisma.meeting.findFirst({ where: { pairId: p.id, OR: [{ status: "held" }, { status: "confirmed", startsAt: { lte: now } }] }, orderBy: { startsAt: "desc" }, select: { startsAt: true } });
    const upcoming = await this.prisma.meeting.count({ where: { pairId: p.id, status: { in: ["proposed", "confirmed"] }, startsAt: { gt: now } } });
    return { confirmedAt: p.confirmedAt, lastMeetingAt: last?.startsAt ?? null, hasUpcoming: upcoming > 0 };
  }

  private async submitted(programmeId: string, formId: string, subjectKeys: string[]): Promise<Set<string>> {
    if (!subjectKeys.length) return new Set();
    const rows = await inBatches(subjectKeys, (slice) => this.prisma.formResponse.findMany({ where: { programmeId, formId, subjectKey: { in: slice }, submittedAt: { not: null } }, select: { personId: true, subjectKey: true } }));
    return new Set(rows.map((r) => `${r.subjectKey}|${r.personId}`));
  }
}
