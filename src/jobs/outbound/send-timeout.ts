/** The messenger did not answer a send in time; whether it went out is unknown, so it is retried (VK drops a repeat by random_id). */
export class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(`send not answered within ${ms} ms`);
    this.name = "SendTimeoutError";
  }
}

/** `promise`, or a SendTimeoutError when it has not settled within `ms` (a timer: no wall clock involved). */
export function withSendTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  promise.catch(() => undefined); // a late failure after the timeout is not unhandled
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms)))]).finally(() => clearTimeout(timer));
}
