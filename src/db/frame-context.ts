import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

/**
 * The transaction of the update being handled, as the domain pool sees it. While an
 * update's frame is open, every query made on the domain pool from inside the handler —
 * Prisma's and the prepared statements of `Sql` — runs on the frame's connection, after
 * the frame's buffered writes, and commits or rolls back with the update. A Prisma
 * `$transaction` inside a frame becomes a savepoint of it.
 */
export interface FrameTransaction {
  readonly client: pg.PoolClient;
  /** Sends the frame's buffered writes, so what follows sees them. */
  flush(): Promise<unknown>;
  /** False once the frame has committed or rolled back: nothing may use it any more. */
  open: boolean;
  /** People whose outbox rows this update wrote: handed to the outbound queues after COMMIT. */
  readonly outbox: Set<string>;
  /** Jobs the update asked for: enqueued after COMMIT. */
  readonly jobs: { name: string; data: Record<string, unknown>; jobId: string }[];
  savepoints: number;
}

const current = new AsyncLocalStorage<FrameTransaction>();

/** Runs fn with the frame's transaction as the domain pool's connection. */
export function withinFrame<T>(frame: FrameTransaction, fn: () => Promise<T>): Promise<T> {
  return current.run(frame, fn);
}

/** The frame of the update being handled, if the caller runs inside one. */
export function currentFrame(): FrameTransaction | undefined {
  return current.getStore();
}

export class FrameClosedError extends Error {
  constructor() {
    super("the update's transaction is closed: a handler's work outlived it");
    this.name = "FrameClosedError";
  }
}

function openFrame(): FrameTransaction | undefined {
  const frame = current.getStore();
  if (frame && !frame.open) throw new FrameClosedError();
  return frame;
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i;

/**
 * A connection handed to Prisma for an interactive transaction inside a frame: the
 * frame's own connection, with BEGIN/COMMIT/ROLLBACK turned into a savepoint and its
 * release or rollback. Releasing it gives nothing back: the frame owns the connection.
 */
function savepointClient(frame: FrameTransaction): pg.PoolClient {
  const name = `frame_sp_${++frame.savepoints}`;
  const client = frame.client;
  const proxy = {
    query(config: any, values?: any) {
      const text: string = typeof config === "string" ? config : config?.text;
      const control = TRANSACTION_CONTROL.exec(text ?? "");
      if (control) {
        const verb = control[1]!.toUpperCase();
        const sql = verb === "BEGIN" ? `SAVEPOINT ${name}` : verb === "COMMIT" ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}`;
        return client.query(typeof config === "string" ? sql : { ...config, text: sql, values: [] });
      }
      return client.query(config, values);
    },
    release() {},
    on() {
      return proxy;
    },
    removeListener() {
      return proxy;
    },
    escapeLiteral: (v: string) => client.escapeLiteral(v),
    escapeIdentifier: (v: string) => client.escapeIdentifier(v),
  };
  return proxy as unknown as pg.PoolClient;
}

/**
 * The domain pool: an ordinary pg pool outside frames; inside one, the frame's connection.
 * Prisma's driver adapter and `Sql` both use it, so a handler cannot write outside its update.
 */
export class FrameAwarePool extends pg.Pool {
  override query(...args: any[]): any {
    const frame = openFrame();
    if (!frame) return (super.query as any)(...args);
    const callback = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    const run = (async () => {
      await frame.flush();
      return (frame.client.query as any)(...args);
    })();
    if (!callback) return run;
    run.then((r) => callback(null, r), (e) => callback(e));
    return undefined;
  }

  override connect(...args: any[]): any {
    const frame = openFrame();
    if (!frame) return (super.connect as any)(...args);
    const client = savepointClient(frame);
    const ready = frame.flush().then(() => client);
    const callback = typeof args[0] === "function" ? args[0] : undefined;
    if (!callback) return ready;
    ready.then((c) => callback(null, c, () => undefined), (e) => callback(e));
    return undefined;
  }
}
