/**
 * Where "now" comes from. One clock is given to createApp (and the CLI) and passed down to
 * everything that decides or records a time; tests give a clock of their own. Nothing else
 * reads the wall clock or the database's now() for a decision or a stored timestamp.
 */
export type Clock = () => Date;

/** The process's wall clock: only entry points (main, the CLI) pick it. */
export const systemClock: Clock = () => new Date();
