import { LOOK_NOW } from "./lifecycle-schedule.js";
import type { SqlExecutor } from "../db/sql.js";
import { isUniqueViolation, newId } from "../db/sql.js";
import { generateCode, invitationProblem, normalizeCode, type InvitationProblem } from "../domain/invitation.js";
import type { Role } from "../domain/roles.js";
import type { Clock } from "../domain/clock.js";
import type { Platform } from "../domain/platforms.js";

export interface InvitationView {
  id: string;
  code: string;
  role: Role;
  programmeId: string;
  programmeName: string;
  organisationId: string;
  organisationName: string;
  timezone: string;
  /** The messengers the organisation allows (none listed: every one). */
  messengers: Platform[];
}

export type Lookup = { ok: true; invitation: InvitationView } | { ok: false; problem: InvitationProblem };

export class Invitations {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  async create(input: { programmeId: string; role: Role; expiresAt?: Date | null; maxUses?: number | null }): Promise<{ id: string; code: string }> {
    for (let attempt = 0; ; attempt++) {
      const id = newId();
      const code = generateCode();
      try {
        await this.sql.exec(`INSERT INTO "Invitation"(id, code, "programmeId", role, "expiresAt", "maxUses", "createdAt") VALUES ($1, $2, $3, $4::"Role", $5, $6, $7)`, [
          id,
          code,
          input.programmeId,
          input.role,
          input.expiresAt ?? null,
          input.maxUses ?? null,
          this.now(),
        ]);
        return { id, code };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async lookup(rawCode: string, now: Date = this.now()): Promise<Lookup> {
    const code = normalizeCode(rawCode);
    if (!code) return { ok: false, problem: "unknown" };
    const inv = await this.sql.one<any>(
      `SELECT i.id, i.code, i.role, i."programmeId", i."expiresAt", i."revokedAt", i."maxUses", i.uses,
              p.name AS "programmeName", p.status AS "programmeStatus", o.id AS "organisationId", o.name AS "organisationName", o.timezone, o.messengers::text[] AS messengers
       FROM "Invitation" i JOIN "Programme" p ON p.id = i."programmeId" JOIN "Organisation" o ON o.id = p."organisationId"
       WHERE i.code = $1`,
      [code],
    );
    const problem = invitationProblem(inv ?? null, now);
    if (problem || !inv) return { ok: false, problem: problem ?? "unknown" };
    return {
      ok: true,
      invitation: {
        id: inv.id,
        code: inv.code,
        role: inv.role,
        programmeId: inv.programmeId,
        programmeName: inv.programmeName,
        organisationId: inv.organisationId,
        organisationName: inv.organisationName,
        timezone: inv.timezone,
        messengers: inv.messengers ?? [],
      },
    };
  }

  /**
   * Makes the person a participant in the invitation's role, when the invitation still allows
   * it: checked again here, under a lock on the invitation, because a join can end long after
   * the link was opened (uses counted, revocation and expiry seen by everyone joining at once).
   * Someone already in the programme in that role (a redelivered update) is let through.
   * Then, in one statement: one participation, one use counted and one join audited.
   */
  async redeem(invitationId: string, personId: string): Promise<{ ok: true } | { ok: false; problem: InvitationProblem }> {
    const inv = await this.sql.one<any>(
      `SELECT i.id, i.role, i."programmeId", i."expiresAt", i."revokedAt", i."maxUses", i.uses, p.status AS "programmeStatus"
       FROM "Invitation" i JOIN "Programme" p ON p.id = i."programmeId" WHERE i.id = $1 FOR UPDATE OF i`,
      [invitationId],
    );
    if (inv && (await this.isParticipant(personId, inv.programmeId, inv.role))) return { ok: true };
    const problem = invitationProblem(inv ?? null, this.now());
    if (problem) return { ok: false, problem };
    await this.sql.exec(
      `WITH inv AS (SELECT id, "programmeId", role FROM "Invitation" WHERE id = $1),
       joined AS (
         INSERT INTO "Participation"(id, "personId", "programmeId", role, "invitationId", capacity, "joinedAt")
         SELECT $2, $3, inv."programmeId", inv.role, inv.id, CASE WHEN inv.role = 'mentor' THEN 1 END, $4 FROM inv
         ON CONFLICT ("personId", "programmeId", role) DO UPDATE
           SET status = CASE WHEN "Participation".status = 'left' THEN 'joined'::"ParticipationStatus" ELSE "Participation".status END
         RETURNING (xmax = 0) AS created, "programmeId", role
       ),
       used AS (UPDATE "Invitation" SET uses = uses + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM joined WHERE created) RETURNING id),
       looked AS (UPDATE "Programme" SET "nextLookAt" = $5 WHERE id IN (SELECT "programmeId" FROM joined WHERE role = 'mentee') AND "nextLookAt" IS DISTINCT FROM $5 RETURNING id)
       INSERT INTO "AuditLog"("actorId", action, outcome, "targetType", "targetId", "programmeId", details, at)
       SELECT $3, 'join', 'allowed', 'invitation', $1, joined."programmeId", jsonb_build_object('role', joined.role), $4 FROM joined WHERE created`,
      [invitationId, newId(), personId, this.now(), LOOK_NOW],
    );
    return { ok: true };
  }

  async isParticipant(personId: string, programmeId: string, role: Role): Promise<boolean> {
    const row = await this.sql.one(
      `SELECT 1 FROM "Participation" WHERE "personId" = $1 AND "programmeId" = $2 AND role = $3::"Role" AND status <> 'left'`,
      [personId, programmeId, role],
    );
    return !!row;
  }
}
