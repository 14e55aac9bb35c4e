/**
 * The life of a pair (002 §7.4–7.5) as a state machine: meeting-acquaintance, a trial working
 * meeting, a planning meeting, a series of regular meetings (each followed by feedback), a
 * final meeting; then the ending — planned (completed) or unplanned (ended early). The pair's
 * status is the stage it is in: the kind of meeting it holds next. Pure.
 */

export const PAIR_STAGES = ["acquaintance", "trial", "planning", "regular", "final"] as const;
export type PairStage = (typeof PAIR_STAGES)[number];
export type PairStatus = PairStage | "completed" | "ended_early";

export const END_REASONS = ["planned", "moved", "illness", "no_time", "conflict", "other"] as const;
export type EndReason = (typeof END_REASONS)[number];

export type MeetingStatus = "proposed" | "confirmed" | "cancelled" | "held" | "missed";

export function isEndReason(value: unknown): value is EndReason {
  return typeof value === "string" && (END_REASONS as readonly string[]).includes(value);
}

/** The pair still works (not completed, not ended early). */
export function isActivePair(status: PairStatus): status is PairStage {
  return (PAIR_STAGES as readonly string[]).includes(status);
}

/**
 * The stage of a meeting proposed now: the pair's stage; in the series of regular meetings
 * either side may say it is the final one. Null for a pair that has ended.
 */
export function meetingStageFor(status: PairStatus, final: boolean): PairStage | null {
  if (!isActivePair(status)) return null;
  if (status === "regular" && final) return "final";
  return status;
}

/**
 * The pair's stage once a meeting of `meetingStage` was held: the introductory stages move on
 * one by one; regular meetings repeat; after the final meeting the pair waits for its ending.
 * An older meeting confirmed late never moves a pair back, and an ended pair stays ended.
 */
export function stageAfterHeld(status: PairStatus, meetingStage: PairStage): PairStatus {
  if (!isActivePair(status)) return status;
  const order = (s: PairStage) => PAIR_STAGES.indexOf(s);
  const next: Record<PairStage, PairStage> = { acquaintance: "trial", trial: "planning", planning: "regular", regular: "regular", final: "final" };
  const reached = next[meetingStage];
  return order(reached) > order(status) ? reached : status;
}

/** The status an ending leaves: planned → completed, any other reason → ended early. */
export function statusAfterEnding(reason: EndReason): "completed" | "ended_early" {
  return reason === "planned" ? "completed" : "ended_early";
}

/** Meeting transitions allowed from each status (who may do them is checked elsewhere). */
export type MeetingAction = "confirm" | "decline" | "cancel" | "move" | "held" | "missed";

export function meetingActionAllowed(status: MeetingStatus, action: MeetingAction, startsAt: Date, now: Date): boolean {
  const future = startsAt > now;
  switch (action) {
    case "confirm":
    case "decline":
      return status === "proposed" && future;
    case "cancel":
    case "move":
      return (status === "proposed" || status === "confirmed") && future;
    case "held":
    case "missed":
      // "Did it happen?" is answered once it has started; answering again may correct it.
      return (status === "confirmed" || status === "held" || status === "missed") && !future;
  }
}

/**
 * The meeting's status from the answers to "did it happen?": held as soon as anyone says it
 * was; missed when the answers given all say it was not.
 */
export function outcomeOf(answers: Readonly<Record<string, "held" | "missed">>): "held" | "missed" | null {
  const values = Object.values(answers);
  if (values.includes("held")) return "held";
  if (values.includes("missed")) return "missed";
  return null;
}

export interface ActivityFacts {
  confirmedAt: Date;
  /** Start of the latest meeting that has taken place or was due to (held, or confirmed and past). */
  lastMeetingAt: Date | null;
  /** A meeting proposed or confirmed for the future exists. */
  hasUpcoming: boolean;
}

/** The last sign of life of a pair: its latest meeting, or its confirmation when it has had none. */
export function lastActivity(f: ActivityFacts): Date {
  return f.lastMeetingAt && f.lastMeetingAt > f.confirmedAt ? f.lastMeetingAt : f.confirmedAt;
}

/** A pair with no meeting for `days` days and none planned is silent. */
export function isSilent(f: ActivityFacts, now: Date, days: number): boolean {
  if (f.hasUpcoming) return false;
  return now.getTime() - lastActivity(f).getTime() >= days * 86_400_000;
}
