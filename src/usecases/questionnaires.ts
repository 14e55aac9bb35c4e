import type { SqlExecutor } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";
import { lifecycleSettings } from "../domain/lifecycle-settings.js";
import { outOfQuiet } from "../domain/quiet-hours.js";
import type { FormResponses } from "../store/forms.js";
import { QUESTIONNAIRE_FORM } from "../store/indicator-data.js";
import type { ParticipantRow, Participants } from "../store/participants.js";
import type { Outreach } from "./outreach.js";

/**
 * A questionnaire came in: the programme's curators are told (the mentor's questionnaire
 * starts the interview, 002 §7.2; the mentee's request is read before matching). The notice
 * waits out the curator's quiet hours and is merged with their other alerts due at once; it
 * shows the interview queue — mentors whose questionnaire is in and who wait for the interview.
 */
export class QuestionnaireNotices {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly participants: Participants,
    private readonly forms: FormResponses,
    private readonly outreach: Outreach,
    private readonly now: Clock,
  ) {}

  /** Mentors of the programme who sent their questionnaire and wait for the interview. */
  async interviewQueue(programmeId: string, rows?: readonly ParticipantRow[]): Promise<ParticipantRow[]> {
    const list = rows ?? (await this.participants.list(programmeId));
    const filled = await this.forms.respondents(programmeId, QUESTIONNAIRE_FORM.mentor);
    return list.filter((r) => r.role === "mentor" && r.status === "joined" && filled.has(r.personId));
  }

  async submitted(input: { programmeId: string; personId: string; role: "mentor" | "mentee" }): Promise<void> {
    const programme = await this.sql.one<{ name: string; settings: unknown; timezone: string }>(
      `SELECT g.name, g.settings, o.timezone FROM "Programme" g JOIN "Organisation" o ON o.id = g."organisationId" WHERE g.id = $1`,
      [input.programmeId],
    );
    if (!programme) return;
    const row = await this.participants.entry(input.programmeId, input.personId, input.role);
    if (!row) return;
    const curators = (await this.participants.curators(input.programmeId)).filter((c) => c !== input.personId);
    if (!curators.length) return;
    const queue = input.role === "mentor" ? await this.interviewQueue(input.programmeId) : [];
    const dueAt = outOfQuiet(this.now(), programme.timezone, lifecycleSettings(programme.settings).quietHours);
    const args = { programme: programme.name, number: row.number, name: row.name ?? "—" };
    const parts =
      input.role === "mentor"
        ? [{ key: "curator-questionnaire-mentor", args }, { key: "curator-questionnaire-queue", args: { count: queue.length, numbers: queue.map((r) => r.number).join(", ") } }]
        : [{ key: "curator-questionnaire-mentee", args }];
    const buttons =
      input.role === "mentor" && row.status === "joined"
        ? [[{ label: { key: "curator-interview-button" }, command: "interview", args: row.participationId }]]
        : [[{ label: { key: "curator-participant-button" }, command: "participant", args: row.participationId }]];
    await this.outreach.queue(
      curators.map((curatorId) => ({
        personId: curatorId,
        dedupKey: `questionnaire-${row.participationId}-${curatorId}`,
        kind: `curator.questionnaire.${input.role}`,
        parts,
        buttons,
        dueAt,
        merge: "alerts",
      })),
    );
  }
}
