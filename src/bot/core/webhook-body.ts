import type { IncomingMessage, ServerResponse } from "node:http";

/** The largest webhook body accepted, on every messenger: 1 MB (an update is a few kilobytes). */
const WEBHOOK_BODY_LIMIT = 1_000_000;

/** A webhook body went past the limit; reading stopped there. */
export class BodyTooLargeError extends Error {
  constructor() {
    super("body too large");
    this.name = "BodyTooLargeError";
  }
}

/** Answers 413 and closes the connection once the answer is out: what is left of the body is never read. */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(413, { connection: "close" }).end(() => req.destroy());
}

/**
 * Refuses a body by the length its request declares, unread: 413 when it is over the limit, and,
 * where the messenger always declares it (`lengthRequired`), 411 when it is missing. Returns
 * whether the request was answered.
 */
export function refusedByLength(req: IncomingMessage, res: ServerResponse, lengthRequired = false): boolean {
  const declared = req.headers["content-length"];
  const length = Number(declared);
  if (lengthRequired && (declared === undefined || !Number.isFinite(length))) {
    res.writeHead(411).end();
    return true;
  }
  if (length > WEBHOOK_BODY_LIMIT) {
    refuseTooLarge(req, res);
    return true;
  }
  return false;
}

/** Reads a request's body as UTF-8, at most the limit: past it reading stops and it rejects with `BodyTooLargeError`. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > WEBHOOK_BODY_LIMIT) {
        req.removeAllListeners("data");
        req.pause();
        reject(new BodyTooLargeError());
      } else chunks.push(c);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}
