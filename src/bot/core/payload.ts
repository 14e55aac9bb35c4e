/**
 * Button payloads: short ASCII strings that fit Telegram's 64-byte callback data and
 * VK's 255-byte payload. Flow buttons carry the run and prompt they belong to, so a
 * button from an old message is recognised as stale; command buttons carry a command
 * and its arguments, which the command validates like typed arguments.
 */

export type Payload =
  | { kind: "flow"; runId: string; seq: number; action: string }
  | { kind: "command"; command: string; args: string };

const SAFE = /^[A-Za-z0-9_:.-]*$/;

export function flowPayload(runId: string, seq: number, action: string): string {
  return `f|${runId}|${seq}|${action}`;
}

export { commandPayload } from "../../domain/messaging.js";

export function parsePayload(raw: string): Payload | null {
  if (typeof raw !== "string" || raw.length > 255) return null;
  const parts = raw.split("|");
  if (parts[0] === "f" && parts.length === 4) {
    const [, runId, seqText, action] = parts as [string, string, string, string];
    const seq = Number(seqText);
    if (!/^[a-z0-9]{4,12}$/.test(runId) || !Number.isSafeInteger(seq) || seq < 0 || !SAFE.test(action) || action.length > 24) return null;
    return { kind: "flow", runId, seq, action };
  }
  if (parts[0] === "c" && parts.length === 3) {
    const [, command, args] = parts as [string, string, string];
    if (!/^[a-z_]{1,32}$/.test(command) || !SAFE.test(args)) return null;
    return { kind: "command", command, args };
  }
  return null;
}
