import { randomInt } from "node:crypto";

/**
 * Invitation codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * so a code read aloud or typed from paper works; accepted in any letter case.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 10;

export function generateCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** The canonical form of what a person typed, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

export type InvitationProblem = "unknown" | "expired" | "revoked" | "used_up" | "programme_finished";

export interface InvitationFacts {
  expiresAt: Date | null;
  revokedAt: Date | null;
  maxUses: number | null;
  uses: number;
  programmeStatus: "draft" | "active" | "finished";
}

export function invitationProblem(inv: InvitationFacts | null, now: Date): InvitationProblem | null {
  if (!inv) return "unknown";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt && inv.expiresAt.getTime() <= now.getTime()) return "expired";
  if (inv.maxUses !== null && inv.uses >= inv.maxUses) return "used_up";
  if (inv.programmeStatus === "finished") return "programme_finished";
  return null;
}
