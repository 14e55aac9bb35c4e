import type { Prisma, PrismaClient } from "../db/client.js";
import type { Clock } from "../domain/clock.js";
import type { Answers } from "../flows/types.js";

export interface StoredResponse {
  id: string;
  personId: string;
  programmeId: string | null;
  formId: string;
  formVersion: number;
  subjectKey: string;
  answers: Answers;
  submittedAt: Date | null;
  updatedAt: Date;
}

const SELECT = { id: true, personId: true, programmeId: true, formId: true, formVersion: true, subjectKey: true, answers: true, submittedAt: true, updatedAt: true } as const;

function view(row: { answers: unknown } & Omit<StoredResponse, "answers">): StoredResponse {
  return { ...row, answers: (row.answers ?? {}) as Answers };
}

/**
 * Submitted answers to the forms of the programme cycle, one row per person, form, programme
 * and subject (a meeting, a pair and month, a survey round). Submitting again replaces the
 * answers and records the version of the form they were given to.
 */
export class FormResponses {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: Clock,
  ) {}

  async submit(input: { personId: string; programmeId: string; formId: string; formVersion: number; subjectKey?: string; answers: Answers }): Promise<{ id: string; created: boolean }> {
    const subjectKey = input.subjectKey ?? "";
    const now = this.now();
    const data = { formVersion: input.formVersion, answers: input.answers as Prisma.InputJsonValue, status: "submitted" as const, submittedAt: now, updatedAt: now };
    // Looked up first rather than caught as a unique violation: inside an update's transaction a failed
    // statement would abort the whole update.
    const where = { personId_formId_subjectKey_programmeId: { personId: input.personId, formId: input.formId, subjectKey, programmeId: input.programmeId } };
    const existing = await this.prisma.formResponse.findUnique({ where, select: { id: true } });
    if (existing) {
      await this.prisma.formResponse.update({ where: { id: existing.id }, data });
      return { id: existing.id, created: false };
    }
    const row = await this.prisma.formResponse.create({
      data: { personId: input.personId, programmeId: input.programmeId, formId: input.formId, subjectKey, createdAt: now, ...data },
      select: { id: true },
    });
    return { id: row.id, created: true };
  }


  async get(personId: string, programmeId: string, formId: string, subjectKey = ""): Promise<StoredResponse | null> {
    const row = await this.prisma.formResponse.findUnique({
      where: { personId_formId_subjectKey_programmeId: { personId, formId, subjectKey, programmeId } },
      select: SELECT,
    });
    return row?.submittedAt ? view(row) : null;
  }

  async exists(personId: string, programmeId: string, formId: string, subjectKey = ""): Promise<boolean> {
    return (await this.get(personId, programmeId, formId, subjectKey)) !== null;
  }

  /** Every submitted response of a person in a programme, newest first. */
  async ofPerson(personId: string, programmeId: string): Promise<StoredResponse[]> {
    const rows = await this.prisma.formResponse.findMany({
      where: { personId, programmeId, status: "submitted" },
      select: SELECT,
      orderBy: { updatedAt: "desc" },
    });
    return rows.map(view);
  }

  /** Who in the programme has submitted this form (for this subject). */
  async respondents(programmeId: string, formId: string, subjectKey?: string): Promise<Set<string>> {
    const rows = await this.prisma.formResponse.findMany({
      where: { programmeId, formId, status: "submitted", ...(subjectKey !== undefined ? { subjectKey } : {}) },
      select: { personId: true },
    });
    return new Set(rows.map((r) => r.personId));
  }

  async ofProgramme(programmeId: string, formIds: readonly string[]): Promise<StoredResponse[]> {
    const rows = await this.prisma.formResponse.findMany({
      where: { programmeId, formId: { in: [...formIds] }, status: "submitted" },
      select: SELECT,
      orderBy: { updatedAt: "asc" },
    });
    return rows.map(view);
  }
}
