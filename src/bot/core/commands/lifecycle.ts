import { isActivePair } from "../../../domain/lifecycle.js";
import { formatDate, localDate } from "../../../domain/time.js";
import type { ViewButton } from "../../../flows/types.js";
import type { MeetingView } from "../../../store/meetings.js";
import { partnersOf, sideOf, menteeNames, type PairView } from "../../../store/pairs.js";
import { layoutKeyboard } from "../render.js";
import type { Button } from "../types.js";
import { changeRequestArg, endReasonArg, meetingArg, pageArg, pairArg, probationArg, programmeArg, recordId, ticketArg, withUsage } from "./codecs.js";
import { FLOW_IDS } from "./flow-ids.js";
import { formCommand } from "./forms.js";
import { defineCommand, type Command, type CommandContext } from "./registry.js";
import { CURATOR_ONLY, pair as pairScope, participant, programme, task } from "./scopes.js";

/**
 * The life of a pair from the participants' side — meetings proposed, confirmed, moved,
 * cancelled (/meeting and its buttons), "did the meeting happen?", a request to end or change
 * a mentor (/request_change) — and from the curator's — where each pair is (/pairs), ending a
 * pair (/end), probation (/probation), the full cycle completed (/complete), everything open
 * (/overdue) and its tasks. Every button names what it is about (a pair, a meeting and its
 * revision) and is checked again: an outdated or forged one is refused.
 */

/** What a member is told when a pair or meeting is not theirs. */
const NOT_YOURS = "lc-not-yours";

function meetingParams(pair: PairView, personId: string, extra: Record<string, string | number> = {}) {
  return {
    pairId: pair.id,
    programmeId: pair.programmeId,
    programmeName: pair.programmeName,
    timezone: pair.timezone,
    subjectKey: "",
    mayBeFinal: pair.status === "regular",
    partner: partnersOf(pair, personId),
    ...extra,
  };
}

function describe(ctx: CommandContext, m: MeetingView, pair: PairView, personId: string): string {
  return ctx.session.t("lc-meeting-line", {
    ...ctx.deps.services.meetings.describe(m, pair.timezone),
    with: partnersOf(pair, personId),
    status: m.status,
    mine: m.proposedById === personId ? "yes" : "no",
  });
}

/** /meeting: the person's upcoming meetings with what can be done to each, and a button to propose one. */
export const meetingCommand = defineCommand({
  name: "meeting",
  description: "cmd-meeting",
  audience: "participant",
  async run(ctx) {
    const { session, deps, actor: personId } = ctx;
    const pairs = await deps.services.pairs.workingOf(personId);
    if (!pairs.length) {
      session.say("lc-no-pair");
      return;
    }
    const now = deps.now();
    const upcoming = await deps.services.meetings.upcoming(pairs.map((p) => p.id), now);
    if (!upcoming.length && pairs.length === 1) {
      session.say("lc-meeting-none");
      await deps.runner.start(session, FLOW_IDS.meetingProposal, meetingParams(pairs[0]!, personId));
      return;
    }
    for (const m of upcoming) {
      const pair = pairs.find((p) => p.id === m.pairId)!;
      const own = sideOf(pair, m.proposedById) === sideOf(pair, personId);
      const button = (action: "ok" | "no" | "move" | "cancel") => meetingArg.payload("meet", { action, id: m.id, revision: m.revision });
      const buttons: Button[][] =
        m.status === "proposed" && !own
          ? [
              [{ label: session.t("lc-btn-confirm"), payload: button("ok") }],
              [{ label: session.t("lc-btn-other-time"), payload: button("move") }],
              [{ label: session.t("lc-btn-decline"), payload: button("no") }],
            ]
          : [
              [
                { label: session.t("lc-btn-move"), payload: button("move") },
                { label: session.t("lc-btn-cancel"), payload: button("cancel") },
              ],
            ];
      session.sayText(describe(ctx, m, pair, personId), buttons);
    }
    if (!upcoming.length) session.say("lc-meeting-none");
    session.say(
      "lc-meeting-propose-hint",
      undefined,
      pairs.slice(0, 6).map((p) => [{ label: pairs.length > 1 ? session.t("lc-btn-propose-with", { with: partnersOf(p, personId) }) : session.t("lc-btn-propose"), payload: meetingArg.payload("meet", { action: "new", id: p.id }) }]),
    );
  },
});

/** The buttons of meetings (codecs.ts `meetingArg`): propose, confirm / decline / move / cancel, "did it happen?". */
export const meetCommand = defineCommand({
  name: "meet",
  description: "cmd-meeting",
  audience: "participant",
  help: "hidden",
  audit: ["pair.meeting", "meeting.outcome", "meeting.move", "meeting.confirm", "meeting.decline", "meeting.cancel"],
  async run(ctx) {
    const { session, deps, actor: personId } = ctx;
    const button = meetingArg.decode(ctx.input);
    if (!button) {
      session.say("stale-button");
      return;
    }
    const { action, id } = button;
    const notYours = (a: "pair.meeting" | `meeting.${"outcome" | "move" | "confirm" | "decline" | "cancel"}`, type: "pair" | "meeting") => ctx.denied({ action: a, key: NOT_YOURS, target: { type, id } });
    const now = deps.now();
    if (action === "new") {
      const pair = await deps.services.pairs.get(id);
      if (!pair || !sideOf(pair, personId)) return notYours("pair.meeting", "pair");
      if (!isActivePair(pair.status)) {
        session.say("mt-problem-pair-ended");
        return;
      }
      await deps.runner.start(session, FLOW_IDS.meetingProposal, meetingParams(pair, personId));
      return;
    }
    if (action === "held" || action === "missed") {
      const result = await deps.services.meetings.answerOutcome({ meetingId: id, personId, held: action === "held", now });
      if (!result.ok) {
        if (result.problem === "not-member" || result.problem === "unknown") return notYours("meeting.outcome", "meeting");
        session.say(`mt-problem-${result.problem}`);
        return;
      }
      const audited = ctx.allowed({ action: "meeting.outcome", target: { type: "meeting", id, programmeId: result.pair.programmeId }, details: { held: action === "held" } });
      if (action === "missed") {
        session.say("lc-outcome-missed", undefined, [[{ label: session.t("lc-btn-propose"), payload: meetingArg.payload("meet", { action: "new", id: result.pair.id }) }]]);
        return audited;
      }
      session.say("lc-outcome-held", { stage: result.pairStatus ?? result.pair.status });
      // Then the feedback after the meeting (002 §7.4), right here.
      await ctx.invoke(formCommand, ticketArg.encode({ kind: "fb", id }));
      return audited;
    }
    const revision = button.revision ?? -1;
    if (action === "move") {
      const meeting = await deps.services.meetings.get(id);
      const pair = meeting && (await deps.services.pairs.get(meeting.pairId));
      if (!meeting || !pair || !sideOf(pair, personId)) return notYours("meeting.move", "meeting");
      if (meeting.revision !== revision) {
        session.say("mt-problem-stale");
        return;
      }
      if (!isActivePair(pair.status) || !["proposed", "confirmed"].includes(meeting.status) || meeting.startsAt <= now) {
        session.say("mt-problem-not-allowed");
        return;
      }
      await deps.runner.start(session, FLOW_IDS.meetingProposal, meetingParams(pair, personId, { meetingId: meeting.id, revision: meeting.revision }));
      return;
    }
    const verb = action === "ok" ? "confirm" : action === "no" ? "decline" : "cancel";
    const result = await deps.services.meetings.act({ meetingId: id, revision, personId, action: verb, now });
    if (!result.ok) {
      if (result.problem === "not-member" || result.problem === "unknown") return notYours(`meeting.${verb}`, "meeting");
      session.say(`mt-problem-${result.problem}`);
      return;
    }
    await deps.services.meetings.announce(result, verb === "confirm" ? "confirmed" : verb === "decline" ? "declined" : "cancelled", personId, now);
    session.say(`lc-meeting-${verb}-done`, deps.services.meetings.describe(result.meeting, result.pair.timezone));
    return ctx.allowed({ action: `meeting.${verb}`, target: { type: "meeting", id, programmeId: result.pair.programmeId } });
  },
});

/** /request_change: asks the curator to end the work in the pair, or (a mentee) for another mentor (002 §6.3) — a task for the curator. */
export const requestChangeCommand: Command = defineCommand({
  name: "request_change",
  description: "cmd-request-change",
  audience: "participant",
  audit: "pair.request_change",
  async run(ctx) {
    const { session, deps, actor: personId } = ctx;
    const chosen = changeRequestArg.decode(ctx.input);
    if (chosen) {
      const pair = await deps.services.pairs.get(chosen.pairId);
      const side = pair && sideOf(pair, personId);
      if (!pair || !side) return ctx.denied({ key: NOT_YOURS, target: { type: "pair", id: chosen.pairId } });
      if (!isActivePair(pair.status)) {
        session.say("mt-problem-pair-ended");
        return;
      }
      const kind = chosen.kind;
      if (!kind || (kind === "change" && side !== "mentee")) {
        const options = side === "mentee" ? (["change", "end"] as const) : (["end"] as const);
        session.say("lc-request-choose", { with: partnersOf(pair, personId) }, options.map((k) => [{ label: session.t(`lc-btn-request-${k}`), payload: changeRequestArg.payload("request_change", { pairId: pair.id, kind: k }) }]));
        return;
      }
      const now = deps.now();
      const { task, created } = await deps.services.tasks.ensure({
        dedupKey: `change-request-${pair.id}-${personId}-${kind}-${localDate(now, pair.timezone)}`,
        programmeId: pair.programmeId,
        kind: "change_request",
        pairId: pair.id,
        personId,
        note: kind,
        dueAt: new Date(now.getTime() + 7 * 86_400_000),
      });
      if (created) {
        const name = side === "mentor" ? pair.mentor.name : (pair.mentees.find((m) => m.personId === personId)?.name ?? "—");
        const curators = await deps.services.participants.curators(pair.programmeId);
        await deps.services.outreach.queue(
          curators.map((c) => ({
            personId: c,
            dedupKey: `change-request-${task.id}-${c}`,
            kind: "change-request",
            parts: [{ key: "lc-alert-change-request", args: { name, role: side, kind, number: pair.number, mentor: pair.mentor.name, mentees: menteeNames(pair) } }],
            buttons: [[{ label: { key: "lc-btn-overdue" }, command: "overdue", args: "" }]],
            dueAt: now,
          })),
          { now },
        );
      }
      session.say(created ? "lc-request-sent" : "lc-request-already");
      return ctx.allowed({ target: { type: "pair", id: pair.id, programmeId: pair.programmeId }, details: { kind, created } });
    }
    const pairs = await deps.services.pairs.workingOf(personId);
    if (!pairs.length) {
      session.say("lc-no-pair");
      return;
    }
    if (pairs.length === 1) return ctx.invoke(requestChangeCommand, changeRequestArg.encode({ pairId: pairs[0]!.id }));
    session.say("lc-request-which", undefined, pairs.slice(0, 6).map((p) => [{ label: partnersOf(p, personId).slice(0, 40), payload: changeRequestArg.payload("request_change", { pairId: p.id }) }]));
  },
});

function stageText(ctx: CommandContext, p: PairView): string {
  return ctx.session.t(`lc-stage-${p.status}`);
}

/** /pairs: each pair of the programme, its stage, last activity and next meeting (curators). */
export const pairsCommand = defineCommand({
  name: "pairs",
  description: "cmd-pairs",
  audience: "curator",
  scope: programme(),
  audit: "curator.pairs",
  async run(ctx) {
    const { session, deps } = ctx;
    const { programmeId } = ctx.object;
    const programme = (await deps.services.participants.programme(programmeId))!;
    const pairs = await deps.services.pairs.list(programmeId);
    const now = deps.now();
    const upcoming = await deps.services.meetings.upcoming(pairs.map((p) => p.id), now);
    const t = session.t;
    const lines = pairs.map((p) => {
      const next = upcoming.find((m) => m.pairId === p.id);
      return t("lc-pair-line", {
        number: p.number,
        mentor: p.mentor.name,
        mentees: menteeNames(p),
        stage: stageText(ctx, p),
        last: formatDate(p.lastActivityAt, p.timezone),
        next: next ? `${deps.services.meetings.describe(next, p.timezone).date} ${deps.services.meetings.describe(next, p.timezone).time}` : "—",
        probation: p.probation ? "yes" : "no",
        ended: p.endedAt ? formatDate(p.endedAt, p.timezone) : "",
      });
    });
    const working = pairs.filter((p) => isActivePair(p.status)).length;
    session.sayText([t("lc-pairs-title", { programme: programme.name, total: pairs.length, working }), lines.length ? lines.join("\n") : t("lc-pairs-none"), t("lc-pairs-hint")].join("\n\n"));
    return ctx.allowed({ details: { count: pairs.length } });
  },
});

/** /end <pair> <reason> [comment]: ends a pair early (moved, illness, no time, conflict, other) or as planned (002 §7.5). */
export const endCommand = defineCommand({
  name: "end",
  description: "cmd-end",
  audience: "curator",
  scope: pairScope(),
  audit: "curator.end",
  async run(ctx) {
    const { session, deps, object: pair, input: rest } = ctx;
    if (!isActivePair(pair.status)) {
      session.say("lc-end-already", { number: pair.number });
      return;
    }
    const [word = "", ...comment] = rest.split(/\s+/).filter(Boolean);
    const reason = endReasonArg.decode(word);
    if (!reason) {
      if (word) session.say("lc-end-bad-reason");
      session.say(
        "lc-end-choose",
        { number: pair.number, mentor: pair.mentor.name, mentees: menteeNames(pair) },
        (["moved", "illness", "no_time", "conflict", "other", "planned"] as const).map((r) => [{ label: session.t(`lc-reason-${r}`), payload: pairArg.payload("end", { pairId: pair.id, rest: endReasonArg.encode(r) }) }]),
      );
      return;
    }
    const result = await deps.services.pairs.end({ pairId: pair.id, reason, comment: comment.join(" ") || null, endedById: ctx.actor, now: deps.now() });
    if (!result.ok) {
      if (result.problem === "not-curator") return ctx.denied({ key: CURATOR_ONLY, target: { type: "pair", id: pair.id, programmeId: pair.programmeId } });
      session.say("lc-end-already", { number: pair.number });
      return;
    }
    session.say("lc-end-done", { number: pair.number, reason });
    return ctx.allowed({ details: { reason } });
  },
});

/** /probation <pair> [on|off]: the curator attends the pair's meetings and hears both sides after each (002 §7.5). */
export const probationCommand = defineCommand({
  name: "probation",
  description: "cmd-probation",
  audience: "curator",
  scope: pairScope(),
  args: withUsage(probationArg, "lc-probation-usage"),
  audit: "curator.probation",
  async run(ctx) {
    const { session, deps, object: pair, input } = ctx;
    const on = input === "toggle" ? !pair.probation : input;
    await deps.services.pairs.setProbation(pair.id, on);
    session.say("lc-probation-set", { number: pair.number, on: on ? "yes" : "no" });
    return ctx.allowed({ details: { on } });
  },
});

/** /complete <participant>: the participant completed the full cycle (000 §9); only such participants count in reports. */
export const completeCommand = defineCommand({
  name: "complete",
  description: "cmd-complete",
  audience: "curator",
  scope: participant("lc-complete-usage"),
  audit: "curator.complete",
  async run(ctx) {
    const { session, deps, object: row } = ctx;
    const p = await deps.services.prisma.participation.findUniqueOrThrow({ where: { id: row.participationId }, select: { completedCycleAt: true } });
    if (p.completedCycleAt) {
      session.say("lc-complete-already", { name: row.name ?? "—", date: formatDate(p.completedCycleAt, (await deps.services.participants.programme(row.programmeId))!.timezone) });
      return;
    }
    const paired = await deps.services.prisma.pair.count({ where: { OR: [{ mentorId: row.participationId }, { members: { some: { menteeId: row.participationId } } }] } });
    if (!paired) {
      session.say("lc-complete-no-pair", { name: row.name ?? "—" });
      return;
    }
    await deps.services.prisma.participation.update({ where: { id: row.participationId }, data: { completedCycleAt: deps.now(), status: "completed" } });
    session.say("lc-complete-done", { name: row.name ?? "—" });
    return ctx.allowed();
  },
});

/** /overdue: everything open in the programme, with buttons to mark the curator's tasks done. */
export const overdueCommand = defineCommand({
  name: "overdue",
  description: "cmd-overdue",
  audience: "curator",
  scope: programme(),
  audit: "curator.overdue",
  async run(ctx) {
    const { session, deps } = ctx;
    const { programmeId } = ctx.object;
    const programme = (await deps.services.participants.programme(programmeId))!;
    const items = await deps.services.overdue.ofProgramme(programmeId, deps.now());
    const t = session.t;
    if (!items.length) {
      session.say("lc-overdue-none", { programme: programme.name });
    } else {
      const lines = items.map((item, i) => `${i + 1}. ${"text" in item.text ? item.text.text : t(item.text.key, item.text.args)}`);
      const tasks: ViewButton[] = items.flatMap((item, i) => (item.taskId ? [{ label: { key: "lc-btn-task-done", args: { n: i + 1 } }, action: item.taskId }] : []));
      const page = pageArg.decode(ctx.input) ?? 0;
      const rows = layoutKeyboard(tasks, [], 4, {
        limits: session.limits,
        t,
        page,
        maxRows: 4,
        encode: (action) =>
          action.startsWith("pg:") ? programmeArg.payload("overdue", { programmeId, rest: pageArg.encode(Number(action.slice(3))) }) : recordId.payload("task_done", action),
      }).rows;
      session.sayText([t("lc-overdue-title", { programme: programme.name, count: items.length }), lines.join("\n"), tasks.length ? t("lc-overdue-hint") : ""].filter(Boolean).join("\n\n"), rows);
    }
    return ctx.allowed({ details: { count: items.length } });
  },
});

/** A curator's task marked done (from /overdue). */
export const taskDoneCommand = defineCommand({
  name: "task_done",
  description: "cmd-overdue",
  audience: "curator",
  help: "hidden",
  scope: task(),
  audit: "curator.task_done",
  async run(ctx) {
    const { session, deps, object: task } = ctx;
    const done = await deps.services.tasks.done(task.id, ctx.actor, deps.now());
    session.say(done ? "lc-task-done" : "lc-task-already", undefined, [[{ label: session.t("lc-btn-overdue"), payload: programmeArg.payload("overdue", { programmeId: task.programmeId }) }]]);
    return ctx.allowed({ details: { kind: task.kind } });
  },
});

export const lifecycleCommands = [meetingCommand, meetCommand, requestChangeCommand, pairsCommand, endCommand, probationCommand, completeCommand, overdueCommand, taskDoneCommand];
