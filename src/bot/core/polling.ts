import type { Logger } from "pino";
import { errorSummary, RetryLaterError } from "./processor.js";
import { sleep } from "./sleep.js";

/** One answer of a messenger's long poll: its updates, and how its position moves on. */
export interface PolledBatch<U> {
  readonly updates: readonly U[];
  /** Moves the position past the batch: every update of it is stored, or failed for good. */
  acknowledge(): void | Promise<void>;
  /**
   * Some updates must come again (a `RetryLaterError`): moves the position up to the first of
   * them where the messenger counts updates one by one (Telegram's offset). Without it the
   * position stays, and the messenger gives the whole batch again.
   */
  retry?(again: readonly U[]): void;
}

/** A messenger's side of a long poll: asking for updates and handing each one in. */
export interface PollSource<U> {
  /**
   * Asks for the next batch (the signal aborts the request when the transport stops);
   * undefined when the messenger only moved the position and there is nothing to handle.
   */
  next(signal: AbortSignal): Promise<PolledBatch<U> | undefined>;
  /** Resolves when the update's effects are stored, rejects when they are not. */
  handle(update: U): Promise<void>;
  /** What the log says when asking fails, and when an update failed for good. */
  readonly logs: { askFailed: string; updateFailed: string };
  /**
   * When the count of failures behind the back-off starts again: at every answer of the
   * messenger (`"answer"`), or only once a batch is stored (`"stored"`, so batches that must
   * come again wait longer and longer).
   */
  readonly failuresReset: "answer" | "stored";
}

/** Back-off after a failed request: 1 s, 2 s, 4 s … up to 30 s. */
const ASK_BACKOFF_MAX_MS = 30_000;
/** Back-off before a batch whose updates must come again is asked for: from 1 s, up to 10 s. */
const RETRY_BACKOFF_MAX_MS = 10_000;

function backoff(failures: number, maxMs: number): number {
  return Math.min(maxMs, 500 * 2 ** failures);
}

/**
 * A long poll's loop: asks for a batch, hands its updates to the processor together (the
 * processor keeps each chat in order), and moves the position past the batch only when every
 * update of it is stored. An update that must come again (`RetryLaterError`) keeps the position
 * (or moves it only up to that update), and the batch is asked for again after a back-off; the
 * updates stored meanwhile are skipped by the frame's dedup record. Another failure of an update
 * is logged and the update is not given again. A failed request is logged and retried after an
 * exponential back-off.
 */
export class LongPoll {
  private readonly abort = new AbortController();
  private loop?: Promise<void>;

  constructor(private readonly log: Logger) {}

  start<U>(source: PollSource<U>): void {
    this.loop = this.run(source);
  }

  /** Ends the loop: the request in hand is aborted and the batch in hand is finished. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop?.catch(() => undefined);
  }

  private async run<U>(source: PollSource<U>): Promise<void> {
    const { signal } = this.abort;
    let failures = 0;
    while (!signal.aborted) {
      let batch: PolledBatch<U> | undefined;
      try {
        batch = await source.next(signal);
        if (source.failuresReset === "answer") failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        this.log.warn({ err: errorSummary(error) }, source.logs.askFailed);
        await sleep(backoff(failures, ASK_BACKOFF_MAX_MS), signal);
        continue;
      }
      if (!batch) continue;
      const { updates } = batch;
      const results = await Promise.allSettled(updates.map((u) => source.handle(u)));
      const again = updates.filter((_, i) => {
        const result = results[i]!;
        return result.status === "rejected" && result.reason instanceof RetryLaterError;
      });
      for (const r of results) if (r.status === "rejected" && !(r.reason instanceof RetryLaterError)) this.log.error({ err: errorSummary(r.reason) }, source.logs.updateFailed);
      if (again.length) {
        batch.retry?.(again);
        failures++;
        await sleep(backoff(failures, RETRY_BACKOFF_MAX_MS), signal);
        continue;
      }
      failures = 0;
      await batch.acknowledge();
    }
  }
}
