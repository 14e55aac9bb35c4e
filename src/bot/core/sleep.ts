/** The bot's waits; the function lives in src/domain/sleep.ts, shared with the jobs. */
export { sleep } from "../../domain/sleep.js";
