import { isEndReason, isActivePair, type EndReason } from "../../../domain/lifecycle.js";
import { localDate } from "../../../domain/time.js";
import type { ViewButton } from "../../../flows/types.js";
import type { MeetingView } from "../../../store/meetings.js";
import { partnersOf, sideOf, formatLocalDate, menteeNames, type PairView } from "../../../store/pairs.js";
import { commandPayload } from "../payload.js";
import { layoutKeyboard } from "../render.js";
import type { Button } from "../types.js";
import { programmeScope, refuse } from "./curator.js";
import { formCommand } from "./forms.js";
import type { Command, CommandContext } from "./registry.js";

/**
 * The life of a pair from the participants' side — meetings proposed, confirmed, moved,
 * cancelled (/meeting and its buttons), "did the meeting happen?", a request to end or change
 * a mentor (/request_change) — and from the curator's — where each pair is (/pairs), ending a
 * pair (/end), probation (/probation), the full cycle completed (/complete), everything open
 * (/overdue) and its tasks. Every button names what it is about (a pair, a meeting and its
 * revision) and is checked again: an outdated or forged one is refused.
 */

const ID = /^c[a-z0-9]{15,40}$/;

function joinedPerson(ctx: CommandContext): string | null {
  const person = ctx.session.person;
  if (!person?.hasConsent) {
    ctx.session.say("form-join-first");
    return null;
  }
  return person.id;
}

async function deny(ctx: CommandContext, action: string, targetType: string, targetId: string, key = "lc-not-yours"): Promise<void> {
  ctx.session.say(key);
  await ctx.deps.services.audit.record({ actorId: ctx.session.person?.id ?? null, action, outcome: "denied", targetType, targetId });
}

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
export const meetingCommand: Command = {
  name: "meeting",
  description: "cmd-meeting",
  audience: "participant",
  async run(ctx) {
    const { session, deps } = ctx;
    const personId = joinedPerson(ctx);
    if (!personId) return;
    const pairs = await deps.services.pairs.workingOf(personId);
    if (!pairs.length) {
      session.say("lc-no-pair");
      return;
    }
    const now = deps.now();
    const upcoming = await deps.services.meetings.upcoming(pairs.map((p) => p.id), now);
    if (!upcoming.length && pairs.length === 1) {
      session.say("lc-meeting-none");
      await deps.runner.start(session, "meeting-proposal", meetingParams(pairs[0]!, personId));
      return;
    }
    for (const m of upcoming) {
      const pair = pairs.find((p) => p.id === m.pairId)!;
      const own = sideOf(pair, m.proposedById) === sideOf(pair, personId);
      const buttons: Button[][] =
        m.status === "proposed" && !own
          ? [
              [{ label: session.t("lc-btn-confirm"), payload: commandPayload("meet", `ok.${m.id}.${m.revision}`) }],
              [{ label: session.t("lc-btn-other-time"), payload: commandPayload("meet", `move.${m.id}.${m.revision}`) }],
              [{ label: session.t("lc-btn-decline"), payload: commandPayload("meet", `no.${m.id}.${m.revision}`) }],
            ]
          : [
              [
                { label: session.t("lc-btn-move"), payload: commandPayload("meet", `move.${m.id}.${m.revision}`) },
                { label: session.t("lc-btn-cancel"), payload: commandPayload("meet", `cancel.${m.id}.${m.revision}`) },
              ],
            ];
      session.sayText(describe(ctx, m, pair, personId), buttons);
    }
    if (!upcoming.length) session.say("lc-meeting-none");
    session.say(
      "lc-meeting-propose-hint",
      undefined,
      pairs.slice(0, 6).map((p) => [{ label: pairs.length > 1 ? session.t("lc-btn-propose-with", { with: partnersOf(p, personId) }) : session.t("lc-btn-propose"), payload: commandPayload("meet", `new.${p.id}`) }]),
    );
  },
};

const MEET_ARG = /^(new|ok|no|cancel|move|held|missed)\.(c[a-z0-9]{15,40})(?:\.(\d{1,6}))?$/;

/** The buttons of meetings: propose (new.<pair>), confirm / decline / move / cancel (<action>.<meeting>.<revision>), "did it happen?" (held/missed.<meeting>). */
export const meetCommand: Command = {
  name: "meet",
  description: "cmd-meeting",
  audience: "participant",
  hidden: true,
  async run(ctx) {
    const { session, deps } = ctx;
    const personId = joinedPerson(ctx);
    if (!personId) return;
    const m = MEET_ARG.exec(ctx.args.trim());
    if (!m) {
      session.say("stale-button");
      return;
    }
    const [, action, id, rev] = m as unknown as [string, string, string, string | undefined];
    const now = deps.now();
    if (action === "new") {
      const pair = await deps.services.pairs.get(id);
      if (!pair || !sideOf(pair, personId)) return deny(ctx, "pair.meeting", "pair", id);
      if (!isActivePair(pair.status)) {
        session.say("mt-problem-pair-ended");
        return;
      }
      await deps.runner.start(session, "meeting-proposal", meetingParams(pair, personId));
      return;
    }
    if (action === "held" || action === "missed") {
      const result = await deps.services.meetings.answerOutcome({ meetingId: id, personId, held: action === "held", now });
      if (!result.ok) {
        if (result.problem === "not-member" || result.problem === "unknown") return deny(ctx, "meeting.outcome", "meeting", id);
        session.say(`mt-problem-${result.problem}`);
        return;
      }
      await deps.services.audit.record({ actorId: personId, action: "meeting.outcome", outcome: "allowed", targetType: "meeting", targetId: id, programmeId: result.pair.programmeId, details: { held: action === "held" } });
      if (action === "missed") {
        session.say("lc-outcome-missed", undefined, [[{ label: session.t("lc-btn-propose"), payload: commandPayload("meet", `new.${result.pair.id}`) }]]);
        return;
      }
      session.say("lc-outcome-held", { stage: result.pairStatus ?? result.pair.status });
      // Then the feedback after the meeting (002 §7.4), right here.
      return formCommand.run({ ...ctx, args: `fb.${id}` });
    }
    const revision = Number(rev ?? -1);
    if (action === "move") {
      const meeting = await deps.services.meetings.get(id);
      const pair = meeting && (await deps.services.pairs.get(meeting.pairId));
      if (!meeting || !pair || !sideOf(pair, personId)) return deny(ctx, "meeting.move", "meeting", id);
      if (meeting.revision !== revision) {
        session.say("mt-problem-stale");
        return;
      }
      if (!isActivePair(pair.status) || !["proposed", "confirmed"].includes(meeting.status) || meeting.startsAt <= now) {
        session.say("mt-problem-not-allowed");
        return;
      }
      await deps.runner.start(session, "meeting-proposal", meetingParams(pair, personId, { meetingId: meeting.id, revision: meeting.revision }));
      return;
    }
    const verb = action === "ok" ? "confirm" : action === "no" ? "decline" : "cancel";
    const result = await deps.services.meetings.act({ meetingId: id, revision, personId, action: verb, now });
    if (!result.ok) {
      if (result.problem === "not-member" || result.problem === "unknown") return deny(ctx, `meeting.${verb}`, "meeting", id);
      session.say(`mt-problem-${result.problem}`);
      return;
    }
    await deps.services.audit.record({ actorId: personId, action: `meeting.${verb}`, outcome: "allowed", targetType: "meeting", targetId: id, programmeId: result.pair.programmeId });
    await deps.services.meetings.announce(result, verb === "confirm" ? "confirmed" : verb === "decline" ? "declined" : "cancelled", personId, now);
    session.say(`lc-meeting-${verb}-done`, deps.services.meetings.describe(result.meeting, result.pair.timezone));
  },
};

/** /request_change: asks the curator to end the work in the pair, or (a mentee) for another mentor (002 §6.3) — a task for the curator. */
export const requestChangeCommand: Command = {
  name: "request_change",
  description: "cmd-request-change",
  audience: "participant",
  async run(ctx) {
    const { session, deps } = ctx;
    const personId = joinedPerson(ctx);
    if (!personId) return;
    const raw = ctx.args.trim();
    const chosen = /^(c[a-z0-9]{15,40})(?:\.(end|change))?$/.exec(raw);
    if (chosen) {
      const pair = await deps.services.pairs.get(chosen[1]!);
      const side = pair && sideOf(pair, personId);
      if (!pair || !side) return deny(ctx, "pair.request_change", "pair", chosen[1]!);
      if (!isActivePair(pair.status)) {
        session.say("mt-problem-pair-ended");
        return;
      }
      const kind = chosen[2];
      if (!kind || (kind === "change" && side !== "mentee")) {
        const options = side === "mentee" ? (["change", "end"] as const) : (["end"] as const);
        session.say("lc-request-choose", { with: partnersOf(pair, personId) }, options.map((k) => [{ label: session.t(`lc-btn-request-${k}`), payload: commandPayload("request_change", `${pair.id}.${k}`) }]));
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
      await deps.services.audit.record({ actorId: personId, action: "pair.request_change", outcome: "allowed", targetType: "pair", targetId: pair.id, programmeId: pair.programmeId, details: { kind, created } });
      session.say(created ? "lc-request-sent" : "lc-request-already");
      return;
    }
    const pairs = await deps.services.pairs.workingOf(personId);
    if (!pairs.length) {
      session.say("lc-no-pair");
      return;
    }
    if (pairs.length === 1) return requestChangeCommand.run({ ...ctx, args: pairs[0]!.id });
    session.say("lc-request-which", undefined, pairs.slice(0, 6).map((p) => [{ label: partnersOf(p, personId).slice(0, 40), payload: commandPayload("request_change", p.id) }]));
  },
};

function stageText(ctx: CommandContext, p: PairView): string {
  return ctx.session.t(`lc-stage-${p.status}`);
}

/** /pairs: each pair of the programme, its stage, last activity and next meeting (curators). */
export const pairsCommand: Command = {
  name: "pairs",
  description: "cmd-pairs",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scope = await programmeScope(ctx, "pairs", "curator.pairs");
    if (!scope) return;
    const programme = (await deps.services.participants.programme(scope.programmeId))!;
    const pairs = await deps.services.pairs.list(scope.programmeId);
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
        last: formatLocalDate(p.lastActivityAt, p.timezone),
        next: next ? `${deps.services.meetings.describe(next, p.timezone).date} ${deps.services.meetings.describe(next, p.timezone).time}` : "—",
        probation: p.probation ? "yes" : "no",
        ended: p.endedAt ? formatLocalDate(p.endedAt, p.timezone) : "",
      });
    });
    const working = pairs.filter((p) => isActivePair(p.status)).length;
    session.sayText([t("lc-pairs-title", { programme: programme.name, total: pairs.length, working }), lines.length ? lines.join("\n") : t("lc-pairs-none"), t("lc-pairs-hint")].join("\n\n"));
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.pairs", outcome: "allowed", targetType: "programme", targetId: scope.programmeId, programmeId: scope.programmeId, details: { count: pairs.length } });
  },
};

const REASON_WORDS: Record<string, EndReason> = {
  planned: "planned",
  плановое: "planned",
  moved: "moved",
  переезд: "moved",
  illness: "illness",
  болезнь: "illness",
  no_time: "no_time",
  нет_времени: "no_time",
  conflict: "conflict",
  конфликт: "conflict",
  other: "other",
  другое: "other",
};

/** A pair named by its id (a button) or its number (typed), after checking the person curates its programme. */
async function pairScope(ctx: CommandContext, command: string, action: string): Promise<{ pair: PairView; rest: string } | null> {
  const { deps, session } = ctx;
  const raw = ctx.args.trim();
  const byId = /^(c[a-z0-9]{15,40})(?:\.([a-z_]+))?$/.exec(raw);
  if (byId) {
    const pair = await deps.services.pairs.get(byId[1]!);
    const personId = session.person?.id;
    if (!pair || !personId || !(await deps.services.participants.isCurator(personId, pair.programmeId))) {
      await refuse(ctx, action, { type: "pair", id: byId[1]!, programmeId: pair?.programmeId });
      return null;
    }
    return { pair, rest: byId[2] ?? "" };
  }
  const [first = "", ...others] = raw.split(/\s+/);
  const scope = await programmeScope({ ...ctx, args: /^P\./.test(first) ? first : raw }, command, action);
  if (!scope) return null;
  const tokens = /^P\./.test(first) ? [scope.rest, ...others] : scope.rest.split(/\s+/);
  const number = tokens[0] ?? "";
  if (!/^\d{1,5}$/.test(number)) {
    session.say(`lc-${command}-usage`);
    return null;
  }
  const pair = await deps.services.pairs.byNumber(scope.programmeId, Number(number));
  if (!pair) {
    session.say("lc-pair-not-found", { number });
    return null;
  }
  return { pair, rest: tokens.slice(1).join(" ") };
}

/** /end <pair> <reason> [comment]: ends a pair early (moved, illness, no time, conflict, other) or as planned (002 §7.5). */
export const endCommand: Command = {
  name: "end",
  description: "cmd-end",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scoped = await pairScope(ctx, "end", "curator.end");
    if (!scoped) return;
    const { pair, rest } = scoped;
    if (!isActivePair(pair.status)) {
      session.say("lc-end-already", { number: pair.number });
      return;
    }
    const [word = "", ...comment] = rest.split(/\s+/).filter(Boolean);
    const reason = REASON_WORDS[word.toLowerCase()] ?? (isEndReason(word) ? word : null);
    if (!reason) {
      if (word) session.say("lc-end-bad-reason");
      session.say(
        "lc-end-choose",
        { number: pair.number, mentor: pair.mentor.name, mentees: menteeNames(pair) },
        (["moved", "illness", "no_time", "conflict", "other", "planned"] as const).map((r) => [{ label: session.t(`lc-reason-${r}`), payload: commandPayload("end", `${pair.id}.${r}`) }]),
      );
      return;
    }
    const result = await deps.services.pairs.end({ pairId: pair.id, reason, comment: comment.join(" ") || null, endedById: session.person!.id, now: deps.now() });
    if (!result.ok) {
      if (result.problem === "not-curator") return refuse(ctx, "curator.end", { type: "pair", id: pair.id, programmeId: pair.programmeId });
      session.say("lc-end-already", { number: pair.number });
      return;
    }
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.end", outcome: "allowed", targetType: "pair", targetId: pair.id, programmeId: pair.programmeId, details: { reason } });
    session.say("lc-end-done", { number: pair.number, reason });
  },
};

/** /probation <pair> [on|off]: the curator attends the pair's meetings and hears both sides after each (002 §7.5). */
export const probationCommand: Command = {
  name: "probation",
  description: "cmd-probation",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scoped = await pairScope(ctx, "probation", "curator.probation");
    if (!scoped) return;
    const { pair, rest } = scoped;
    const word = rest.trim().toLowerCase();
    const on = word === "" ? !pair.probation : word === "on" || word === "вкл" ? true : word === "off" || word === "выкл" ? false : null;
    if (on === null) {
      session.say("lc-probation-usage");
      return;
    }
    await deps.services.pairs.setProbation(pair.id, on);
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.probation", outcome: "allowed", targetType: "pair", targetId: pair.id, programmeId: pair.programmeId, details: { on } });
    session.say("lc-probation-set", { number: pair.number, on: on ? "yes" : "no" });
  },
};

/** /complete <participant>: the participant completed the full cycle (000 §9); only such participants count in reports. */
export const completeCommand: Command = {
  name: "complete",
  description: "cmd-complete",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const raw = ctx.args.trim();
    let row;
    if (ID.test(raw)) {
      row = await deps.services.participants.byId(raw);
      if (!row || !(await deps.services.participants.isCurator(session.person?.id ?? "", row.programmeId))) return refuse(ctx, "curator.complete", { type: "participation", id: raw, programmeId: row?.programmeId });
    } else {
      const scope = await programmeScope(ctx, "complete", "curator.complete");
      if (!scope) return;
      if (!/^\d{1,6}$/.test(scope.rest)) {
        session.say("lc-complete-usage");
        return;
      }
      row = await deps.services.participants.byNumber(scope.programmeId, Number(scope.rest));
      if (!row) {
        session.say("curator-participant-not-found", { number: scope.rest });
        return;
      }
    }
    const p = await deps.services.prisma.participation.findUniqueOrThrow({ where: { id: row.participationId }, select: { completedCycleAt: true } });
    if (p.completedCycleAt) {
      session.say("lc-complete-already", { name: row.name ?? "—", date: formatLocalDate(p.completedCycleAt, (await deps.services.participants.programme(row.programmeId))!.timezone) });
      return;
    }
    const paired = await deps.services.prisma.pair.count({ where: { OR: [{ mentorId: row.participationId }, { members: { some: { menteeId: row.participationId } } }] } });
    if (!paired) {
      session.say("lc-complete-no-pair", { name: row.name ?? "—" });
      return;
    }
    await deps.services.prisma.participation.update({ where: { id: row.participationId }, data: { completedCycleAt: deps.now(), status: "completed" } });
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.complete", outcome: "allowed", targetType: "participation", targetId: row.participationId, programmeId: row.programmeId });
    session.say("lc-complete-done", { name: row.name ?? "—" });
  },
};

/** /overdue: everything open in the programme, with buttons to mark the curator's tasks done. */
export const overdueCommand: Command = {
  name: "overdue",
  description: "cmd-overdue",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scope = await programmeScope(ctx, "overdue", "curator.overdue");
    if (!scope) return;
    const programme = (await deps.services.participants.programme(scope.programmeId))!;
    const items = await deps.services.overdue.ofProgramme(scope.programmeId, deps.now());
    const t = session.t;
    if (!items.length) {
      session.say("lc-overdue-none", { programme: programme.name });
    } else {
      const lines = items.map((item, i) => `${i + 1}. ${"text" in item.text ? item.text.text : t(item.text.key, item.text.args)}`);
      const tasks: ViewButton[] = items.flatMap((item, i) => (item.taskId ? [{ label: { key: "lc-btn-task-done", args: { n: i + 1 } }, action: item.taskId }] : []));
      const page = /^\d{1,3}$/.test(scope.rest) ? Number(scope.rest) : 0;
      const rows = layoutKeyboard(tasks, [], 4, {
        limits: session.limits,
        t,
        page,
        maxRows: 4,
        encode: (action) => (action.startsWith("pg:") ? commandPayload("overdue", `P.${scope.programmeId}.${action.slice(3)}`) : commandPayload("task_done", action)),
      }).rows;
      session.sayText([t("lc-overdue-title", { programme: programme.name, count: items.length }), lines.join("\n"), tasks.length ? t("lc-overdue-hint") : ""].filter(Boolean).join("\n\n"), rows);
    }
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.overdue", outcome: "allowed", targetType: "programme", targetId: scope.programmeId, programmeId: scope.programmeId, details: { count: items.length } });
  },
};

/** A curator's task marked done (from /overdue). */
export const taskDoneCommand: Command = {
  name: "task_done",
  description: "cmd-overdue",
  audience: "curator",
  hidden: true,
  async run(ctx) {
    const { session, deps } = ctx;
    const id = ctx.args.trim();
    const task = ID.test(id) ? await deps.services.tasks.get(id) : null;
    if (!task || !session.person || !(await deps.services.participants.isCurator(session.person.id, task.programmeId))) {
      return refuse(ctx, "curator.task_done", { type: "task", id: id.slice(0, 40), programmeId: task?.programmeId });
    }
    const done = await deps.services.tasks.done(task.id, session.person.id, deps.now());
    await deps.services.audit.record({ actorId: session.person.id, action: "curator.task_done", outcome: "allowed", targetType: "task", targetId: task.id, programmeId: task.programmeId, details: { kind: task.kind } });
    session.say(done ? "lc-task-done" : "lc-task-already", undefined, [[{ label: session.t("lc-btn-overdue"), payload: commandPayload("overdue", `P.${task.programmeId}`) }]]);
  },
};

export const lifecycleCommands: Command[] = [meetingCommand, meetCommand, requestChangeCommand, pairsCommand, endCommand, probationCommand, completeCommand, overdueCommand, taskDoneCommand];
