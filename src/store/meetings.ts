import { LOOK_NOW } from "./lifecycle-schedule.js";
import type { Prisma, PrismaClient } from "../db/client.js";
import { isActivePair, meetingActionAllowed, meetingStageFor, outcomeOf, stageAfterHeld, type MeetingAction, type MeetingStatus, type PairStage, type PairStatus } from "../domain/lifecycle.js";
import { formatDate, formatTime } from "../domain/time.js";
import type { OutboxButton } from "./notifications.js";
import { sideOf, type Pairs, type PairView } from "./pairs.js";

/**
 * Meetings of a pair (002 §7.4): either side proposes a date, time and place; the other side
 * confirms or proposes another time; either side may move or cancel it. Every change bumps
 * the meeting's revision, so buttons of an older version are recognised as stale. After the
 * meeting each side says whether it happened; the first "yes" moves the pair to its next stage.
 */

export interface MeetingView {
  id: string;
  pairId: string;
  stage: PairStage;
  startsAt: Date;
  place: string | null;
  status: MeetingStatus;
  proposedById: string;
  revision: number;
  confirmedAt: Date | null;
  outcomes: Record<string, "held" | "missed">;
}

export type MeetingProblem = "unknown" | "not-member" | "pair-ended" | "past" | "stale" | "not-allowed" | "own-proposal";

export type MeetingResult = { ok: true; meeting: MeetingView; pair: PairView; changed: boolean; pairStatus?: PairStatus } | { ok: false; problem: MeetingProblem };

const SELECT = { id: true, pairId: true, stage: true, startsAt: true, place: true, status: true, proposedById: true, revision: true, confirmedAt: true, outcomes: true } as const;

function view(m: { id: string; pairId: string; stage: string; startsAt: Date; place: string | null; status: string; proposedById: string; revision: number; confirmedAt: Date | null; outcomes: Prisma.JsonValue }): MeetingView {
  const raw = (m.outcomes && typeof m.outcomes === "object" && !Array.isArray(m.outcomes) ? m.outcomes : {}) as Record<string, unknown>;
  const outcomes: Record<string, "held" | "missed"> = {};
  for (const [k, v] of Object.entries(raw)) if (v === "held" || v === "missed") outcomes[k] = v;
  return { ...m, stage: m.stage as PairStage, status: m.status as MeetingStatus, outcomes };
}

export type MeetingEvent = "proposed" | "moved" | "confirmed" | "declined" | "cancelled";

/** Buttons of a proposal, carrying the revision they were shown for. */
export function proposalButtons(m: Pick<MeetingView, "id" | "revision">): OutboxButton[][] {
  return [
    [{ label: { key: "lc-btn-confirm" }, command: "meet", args: `ok.${m.id}.${m.revision}` }],
    [{ label: { key: "lc-btn-other-time" }, command: "meet", args: `move.${m.id}.${m.revision}` }],
    [{ label: { key: "lc-btn-decline" }, command: "meet", args: `no.${m.id}.${m.revision}` }],
  ];
}

export class Meetings {
  constructor(
    private readonly prisma: PrismaClient,
    protected readonly pairs: Pairs,
  ) {}

  /** Date, time, place and stage of a meeting as shown, in the organisation's time. */
  describe(m: Pick<MeetingView, "startsAt" | "place" | "stage">, tz: string): { date: string; time: string; place: string; stage: string } {
    return { date: formatDate(m.startsAt, tz), time: formatTime(m.startsAt, tz), place: m.place ?? "—", stage: m.stage };
  }

  async get(meetingId: string): Promise<MeetingView | null> {
    const m = await this.prisma.meeting.findUnique({ where: { id: meetingId }, select: SELECT });
    return m ? view(m) : null;
  }

  /** Meetings proposed or confirmed from `now` on, of these pairs, soonest first. */
  async upcoming(pairIds: readonly string[], now: Date): Promise<MeetingView[]> {
    if (!pairIds.length) return [];
    const rows = await this.prisma.meeting.findMany({ where: { pairId: { in: [...pairIds] }, status: { in: ["proposed", "confirmed"] }, startsAt: { gt: now } }, select: SELECT, orderBy: { startsAt: "asc" } });
    return rows.map(view);
  }

  /** The meeting and its pair, when this person is the mentor or a mentee of the pair. */
  private async scope(meetingId: string, personId: string): Promise<{ meeting: MeetingView; pair: PairView } | { problem: MeetingProblem }> {
    const meeting = await this.get(meetingId);
    if (!meeting) return { problem: "unknown" };
    const pair = await this.pairs.get(meeting.pairId);
    if (!pair) return { problem: "unknown" };
    if (!sideOf(pair, personId)) return { problem: "not-member" };
    return { meeting, pair };
  }

  /** Proposes a meeting of the pair (or, with `meetingId`, a new time for that one, to be confirmed again). */
  async propose(input: { pairId: string; personId: string; startsAt: Date; place: string; final: boolean; now: Date; meetingId?: string; revision?: number }): Promise<MeetingResult> {
    const pair = await this.pairs.get(input.pairId);
    if (!pair) return { ok: false, problem: "unknown" };
    if (!sideOf(pair, input.personId)) return { ok: false, problem: "not-member" };
    if (!isActivePair(pair.status)) return { ok: false, problem: "pair-ended" };
    if (input.startsAt <= input.now) return { ok: false, problem: "past" };
    const place = input.place.slice(0, 300);
    if (input.meetingId) {
      const current = await this.get(input.meetingId);
      if (!current || current.pairId !== pair.id) return { ok: false, problem: "unknown" };
      if (!meetingActionAllowed(current.status, "move", current.startsAt, input.now)) return { ok: false, problem: "not-allowed" };
      if (input.revision !== undefined && input.revision !== current.revision) return { ok: false, problem: "stale" };
      const stage = current.stage === "final" || current.stage === "regular" ? (meetingStageFor(pair.status, input.final) ?? current.stage) : current.stage;
      const { count } = await this.prisma.meeting.updateMany({
        where: { id: current.id, revision: current.revision },
        data: { startsAt: input.startsAt, place, stage, status: "proposed", proposedById: input.personId, confirmedAt: null, revision: { increment: 1 } },
      });
      if (!count) return { ok: false, problem: "stale" };
      await this.pairs.touch(pair.id, input.now);
      return { ok: true, meeting: (await this.get(current.id))!, pair, changed: true };
    }
    const stage = meetingStageFor(pair.status, input.final)!;
    const created = await this.prisma.meeting.create({ data: { pairId: pair.id, stage, startsAt: input.startsAt, place, status: "proposed", proposedById: input.personId, createdAt: input.now }, select: SELECT });
    await this.pairs.touch(pair.id, input.now);
    return { ok: true, meeting: view(created), pair, changed: true };
  }

  /**
   * Confirm, decline (the other side), cancel (either side) a meeting of the revision the
   * button showed. Only the side that did not propose confirms or declines: the mentor a
   * mentee's proposal, a mentee the mentor's.
   */
  async act(input: { meetingId: string; revision: number; personId: string; action: "confirm" | "decline" | "cancel"; now: Date }): Promise<MeetingResult> {
    const scoped = await this.scope(input.meetingId, input.personId);
    if ("problem" in scoped) return { ok: false, problem: scoped.problem };
    const { meeting, pair } = scoped;
    if (meeting.revision !== input.revision) return { ok: false, problem: "stale" };
    if (!isActivePair(pair.status)) return { ok: false, problem: "pair-ended" };
    const action: MeetingAction = input.action;
    if (!meetingActionAllowed(meeting.status, action, meeting.startsAt, input.now)) return { ok: false, problem: meeting.startsAt <= input.now ? "past" : "not-allowed" };
    if (input.action !== "cancel" && sideOf(pair, meeting.proposedById) === sideOf(pair, input.personId)) return { ok: false, problem: "own-proposal" };
    const data =
      input.action === "confirm"
        ? { status: "confirmed" as const, confirmedAt: input.now, revision: { increment: 1 } }
        : { status: "cancelled" as const, revision: { increment: 1 } };
    const { count } = await this.prisma.meeting.updateMany({ where: { id: meeting.id, revision: meeting.revision }, data });
    if (!count) return { ok: false, problem: "stale" };
    await this.pairs.touch(pair.id, input.now);
    return { ok: true, meeting: (await this.get(meeting.id))!, pair, changed: true };
  }

  /**
   * "Did the meeting happen?" from one side. The meeting is held as soon as anyone says so,
   * missed when everyone who answered says not; the first time it is held the pair moves on
   * to its next stage (002 §7.4).
   */
  async answerOutcome(input: { meetingId: string; personId: string; held: boolean; now: Date }): Promise<MeetingResult> {
    const scoped = await this.scope(input.meetingId, input.personId);
    if ("problem" in scoped) return { ok: false, problem: scoped.problem };
    const { pair } = scoped;
    return this.prisma.$transaction(async (tx): Promise<MeetingResult> => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Meeting" WHERE id = ${input.meetingId} FOR UPDATE`;
      if (!locked.length) return { ok: false, problem: "unknown" };
      const meeting = view(await tx.meeting.findUniqueOrThrow({ where: { id: input.meetingId }, select: SELECT }));
      if (!meetingActionAllowed(meeting.status, input.held ? "held" : "missed", meeting.startsAt, input.now)) {
        return { ok: false, problem: meeting.startsAt > input.now ? "not-allowed" : "stale" };
      }
      const outcomes = { ...meeting.outcomes, [input.personId]: input.held ? ("held" as const) : ("missed" as const) };
      const status = outcomeOf(outcomes) ?? meeting.status;
      const changed = meeting.outcomes[input.personId] !== outcomes[input.personId];
      await tx.meeting.update({ where: { id: meeting.id }, data: { outcomes, status, ...(status !== meeting.status ? { revision: { increment: 1 } } : {}) } });
      let pairStatus: PairStatus | undefined;
      if (status === "held" && meeting.status !== "held") {
        const current = await tx.pair.findUniqueOrThrow({ where: { id: pair.id }, select: { status: true } });
        pairStatus = stageAfterHeld(current.status as PairStatus, meeting.stage);
        await tx.pair.update({ where: { id: pair.id }, data: { status: pairStatus, lastActivityAt: input.now, nextLookAt: LOOK_NOW } });
      }
      return { ok: true, meeting: { ...meeting, outcomes, status }, pair, changed, pairStatus };
    });
  }
}
