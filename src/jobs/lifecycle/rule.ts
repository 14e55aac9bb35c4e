import type { Tick } from "./tick.js";

/** What a tick counts, each field added to by the rules that name it. */
export interface RuleCounts {
  /** Meeting reminders recorded. */
  reminders: number;
  /** "Did it happen?", feedback reminders and feedback alerts recorded. */
  afterMeetings: number;
  /** Monthly report reminders recorded. */
  monthly: number;
  /** Pulse survey invitations recorded. */
  pulse: number;
  /** Pairs ended as planned. */
  endings: number;
  /** Final report reminders and alerts recorded. */
  afterEndings: number;
  /** Silent pair alerts recorded. */
  silent: number;
  /** Programme alerts recorded: the end approaching, the mutual choice open, unmatched mentees, the federal form. */
  programmes: number;
}

/**
 * One thing the programme cycle does on schedule. `run` decides from `tick.now` (with the pure
 * moments of src/domain) what is due, records it (outbox rows under deterministic keys, so a
 * second run adds nothing) and returns how many it recorded or did.
 */
export interface Rule {
  /** The file's name: what the rule does. */
  readonly name: string;
  /** The report's field its result adds to; none when it is not counted. */
  readonly counts?: keyof RuleCounts;
  run(tick: Tick): Promise<number>;
}
