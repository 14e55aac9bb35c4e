import type { PrismaClient } from "../db/client.js";
import { newId, type SqlExecutor } from "../db/sql.js";
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
    /** Submitting and reading one response, which every form does, as prepared SQL. */
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  /** One statement, so nothing fails inside an update's transaction when the response exists: it is replaced. */
  async submit(input: { personId: string; programmeId: string; formId: string; formVersion: number; subjectKey?: string; answers: Answers }): Promise<{ id: string; created: boolean }> {
    const row = await this.sql.one<{ id: string; created: boolean }>(
      `INSERT INTO "FormResponse"(id, "personId", "programmeId", "formId", "formVersion", "subjectKey", answers, status, "submittedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 'submitted', $8, $8, $8)
       ON CONFLICT ("personId", "formId", "subjectKey", "programmeId") DO UPDATE
         SET "formVersion" = EXCLUDED."formVersion", answers = EXCLUDED.answers, status = 'submitted', "submittedAt" = EXCLUDED."submittedAt", "updatedAt" = EXCLUDED."updatedAt"
       RETURNING id, (xmax = 0) AS created`,
      [newId(), input.personId, input.programmeId, input.formId, input.formVersion, input.subjectKey ?? "", JSON.stringify(input.answers), this.now()],
    );
    return { id: row!.id, created: row!.created };
  }

  async get(personId: string, programmeId: string, formId: string, subjectKey = ""): Promise<StoredResponse | null> {
    const row = await this.sql.one<Omit<StoredResponse, "answers"> & { answers: unknown }>(
      `SELECT id, "personId", "programmeId", "formId", "formVersion", "subjectKey", answers, "submittedAt", "updatedAt" FROM "FormResponse"
       WHERE "personId" = $1 AND "formId" = $2 AND "subjectKey" = $3 AND "programmeId" = $4`,
      [personId, formId, subjectKey, programmeId],
    );
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
