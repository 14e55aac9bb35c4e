import type { PrismaClient } from "../db/client.js";
import type { Role } from "../domain/roles.js";
import { inBatches } from "./batches.js";
import { DATA_CATEGORIES, DESTRUCTION_METHOD, type DataCategory, type DestructionProcess, type DestructionReason, type ActLogEntry } from "../domain/retention.js";

/**
 * The proof of a destruction (Приказ Роскомнадзора от 28.10.2022 № 179): an act — whose data
 * (the internal id, never a name), which categories, when, why, how, by which process — and the
 * extract from the processing log: the AuditLog entries about the subject, which carry ids,
 * actions, times and counts only, ending with the destruction itself. Written in the erasure's
 * transaction (src/store/privacy.ts), so an erasure without its act cannot be committed; one
 * person, one act.
 */

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface DestructionInput {
  subjectId: string;
  roles: readonly Role[];
  organisationIds: readonly string[];
  programmeIds: readonly string[];
  /** The participations of the subject: log entries about them are about the subject. */
  participationIds: readonly string[];
  reason: DestructionReason;
  reasonAt: Date;
  process: DestructionProcess;
  categories: ReadonlySet<DataCategory>;
  destroyedAt: Date;
}

export interface ActRow {
  id: string;
  number: number;
  subjectId: string;
  roles: Role[];
  organisationIds: string[];
  programmeIds: string[];
  reason: DestructionReason;
  reasonAt: Date;
  categories: string[];
  method: string;
  process: string;
  destroyedAt: Date;
  logExtract: ActLogEntry[];
}

/** The audit action of a destruction: the last line of every extract. */
export const DESTROYED_ACTION = "privacy.destroyed";

/** At most this many entries of the log go into one extract (the newest are kept). */
const EXTRACT_LIMIT = 2000;

/** Records the destruction in the processing log and writes its act with the extract. */
export async function recordDestruction(tx: Tx, input: DestructionInput): Promise<{ id: string; number: number }> {
  const categories = DATA_CATEGORIES.filter((c) => input.categories.has(c));
  await tx.auditLog.create({
    data: {
      at: input.destroyedAt,
      actorId: null,
      action: DESTROYED_ACTION,
      outcome: "allowed",
      targetType: "person",
      targetId: input.subjectId,
      details: { reason: input.reason, process: input.process, categories: categories.length, programmes: input.programmeIds.length },
    },
  });
  const about = [
    { actorId: input.subjectId },
    { targetType: "person", targetId: input.subjectId },
    ...(input.participationIds.length ? [{ targetType: "participation", targetId: { in: [...input.participationIds] } }] : []),
  ];
  const entries = await tx.auditLog.findMany({ where: { OR: about }, orderBy: [{ at: "desc" }, { id: "desc" }], take: EXTRACT_LIMIT });
  const logExtract: ActLogEntry[] = entries.reverse().map((e) => ({
    id: String(e.id),
    at: e.at.toISOString(),
    actorId: e.actorId,
    action: e.action,
    outcome: e.outcome,
    targetType: e.targetType,
    targetId: e.targetId,
    programmeId: e.programmeId,
    details: e.details,
  }));
  return tx.destructionAct.create({
    data: {
      subjectId: input.subjectId,
      roles: [...new Set(input.roles)],
      organisationIds: [...new Set(input.organisationIds)],
      programmeIds: [...new Set(input.programmeIds)],
      reason: input.reason,
      reasonAt: input.reasonAt,
      categories,
      method: DESTRUCTION_METHOD,
      process: input.process,
      destroyedAt: input.destroyedAt,
      logExtract: logExtract as object[],
    },
    select: { id: true, number: true },
  });
}

const ACT = {
  id: true,
  number: true,
  subjectId: true,
  roles: true,
  organisationIds: true,
  programmeIds: true,
  reason: true,
  reasonAt: true,
  categories: true,
  method: true,
  process: true,
  destroyedAt: true,
  logExtract: true,
} as const;

/** The acts, for the organisation's administrator (/export acts) and the curators of the programmes (/acts). */
export class DestructionActs {
  constructor(private readonly prisma: PrismaClient) {}

  /** The acts about people of any of these organisations, newest first. */
  async ofOrganisations(organisationIds: readonly string[], limit?: number): Promise<ActRow[]> {
    if (!organisationIds.length) return [];
    return this.rows(await this.prisma.destructionAct.findMany({ where: { organisationIds: { hasSome: [...organisationIds] } }, orderBy: { number: "desc" }, take: limit, select: ACT }));
  }

  /** The acts about people of any of these programmes, newest first. */
  async ofProgrammes(programmeIds: readonly string[], limit?: number): Promise<ActRow[]> {
    if (!programmeIds.length) return [];
    return this.rows(await this.prisma.destructionAct.findMany({ where: { programmeIds: { hasSome: [...programmeIds] } }, orderBy: { number: "desc" }, take: limit, select: ACT }));
  }

  async ofSubject(subjectId: string): Promise<ActRow | null> {
    const row = await this.prisma.destructionAct.findUnique({ where: { subjectId }, select: ACT });
    return row ? this.rows([row])[0]! : null;
  }

  /** The names of the organisations and programmes the acts name (no one's name: the operators' and the programmes'). */
  async names(acts: readonly ActRow[]): Promise<{ organisations: Map<string, string>; programmes: Map<string, string> }> {
    const [organisations, programmes] = await Promise.all([
      inBatches(
        acts.flatMap((a) => a.organisationIds),
        (slice) => this.prisma.organisation.findMany({ where: { id: { in: slice } }, select: { id: true, name: true } }),
      ),
      inBatches(
        acts.flatMap((a) => a.programmeIds),
        (slice) => this.prisma.programme.findMany({ where: { id: { in: slice } }, select: { id: true, name: true } }),
      ),
    ]);
    return { organisations: new Map(organisations.map((o) => [o.id, o.name])), programmes: new Map(programmes.map((p) => [p.id, p.name])) };
  }

  private rows(rows: (Omit<ActRow, "logExtract"> & { logExtract: unknown })[]): ActRow[] {
    return rows.map((r) => ({ ...r, logExtract: Array.isArray(r.logExtract) ? (r.logExtract as ActLogEntry[]) : [] }));
  }
}
