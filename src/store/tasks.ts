import { Prisma, type PrismaClient } from "../db/client.js";
import type { Clock } from "../domain/clock.js";

/**
 * Things a curator has to do, shown in /overdue until marked done: talk to both sides after
 * an ending (002 §7.5), meet a mentee left without a pair (002 §7.3), answer a request to end
 * or change a mentor (002 §6.3), send the federal statistics form (000 §9).
 */
export type TaskKind = "talk_after_ending" | "unmatched_mentee" | "change_request" | "federal_form" | "relay_flag";

export interface CuratorTaskRow {
  id: string;
  programmeId: string;
  kind: string;
  pairId: string | null;
  personId: string | null;
  note: string | null;
  dueAt: Date | null;
  doneAt: Date | null;
  createdAt: Date;
}

export class CuratorTasks {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: Clock,
  ) {}

  /** Records a task once per key; returns it and whether it was created now. */
  async ensure(input: { dedupKey: string; programmeId: string; kind: TaskKind; pairId?: string; personId?: string; note?: string; dueAt?: Date }): Promise<{ task: CuratorTaskRow; created: boolean }> {
    const existing = await this.prisma.curatorTask.findUnique({ where: { dedupKey: input.dedupKey } });
    if (existing) return { task: existing, created: false };
    try {
      const task = await this.prisma.curatorTask.create({
        data: { dedupKey: input.dedupKey, programmeId: input.programmeId, kind: input.kind, pairId: input.pairId, personId: input.personId, note: input.note, dueAt: input.dueAt, createdAt: this.now() },
      });
      return { task, created: true };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        return { task: (await this.prisma.curatorTask.findUniqueOrThrow({ where: { dedupKey: input.dedupKey } })), created: false };
      }
      throw error;
    }
  }

  async get(id: string): Promise<CuratorTaskRow | null> {
    return this.prisma.curatorTask.findUnique({ where: { id } });
  }

  async open(programmeId: string): Promise<CuratorTaskRow[]> {
    return this.prisma.curatorTask.findMany({ where: { programmeId, doneAt: null }, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }] });
  }

  async isOpen(dedupKey: string): Promise<boolean> {
    const t = await this.prisma.curatorTask.findUnique({ where: { dedupKey }, select: { doneAt: true } });
    return !!t && !t.doneAt;
  }

  async isDone(dedupKey: string): Promise<boolean> {
    const t = await this.prisma.curatorTask.findUnique({ where: { dedupKey }, select: { doneAt: true } });
    return !!t?.doneAt;
  }

  /** Marks a task done; false when it was done already. */
  async done(id: string, byPersonId: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.curatorTask.updateMany({ where: { id, doneAt: null }, data: { doneAt: now, doneById: byPersonId } });
    return count === 1;
  }
}
