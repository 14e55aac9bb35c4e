/**
 * Forms 2–5 of the regional mentoring centre (004), plus the extra form for the other forms of
 * mentorship (see rnc-forms.ts): one row per programme, with a total row.
 *
 * Counting (004 «обучающийся учитывается ОДИН раз», 000 §9):
 * - only participants who completed the full cycle are counted;
 * - a person is counted once per row (programme) and role, and once in the total of a form even
 *   when they took part in several of its programmes — so the total can be lower than the sum
 *   of the rows;
 * - every programme of the form is listed, also with zero counted participants.
 */
import type { MentorshipForm } from "../roles.js";
import type { MentorshipData, ParticipantInput, ParticipantRole } from "../indicators/input-types.js";
import { mentorDetails, type MentorDetail } from "./mentor-details.js";
import { MENTOR_DETAIL_MODE, RNC_FORM_OF, RNC_PROGRAMME_FORMS, type RncProgrammeForm } from "./rnc-forms.js";
import { compareBy } from "./sorting.js";

export interface ProgrammeFormRow {
  programmeId: string;
  form: MentorshipForm;
  /** «Муниципальный район» */
  district: string | null;
  /** «Общеобразовательные организации» */
  organisation: string;
  /** «Наименование программы наставничества» */
  programme: string;
  /** «Количество вовлеченных в программу: наставников» */
  mentors: number;
  /** Form 4 «наимен. ПОО, специальность, курс», Form 5 «место работы, должность». */
  mentorDetails: MentorDetail[];
  /** «Количество вовлеченных в программу: наставляемых» */
  mentees: number;
  /** «Результат программы» */
  result: string | null;
}

export interface ProgrammeFormTotal {
  /** Distinct persons over all rows. */
  mentors: number;
  mentees: number;
}

export interface ProgrammeForm {
  form: RncProgrammeForm;
  rows: ProgrammeFormRow[];
  total: ProgrammeFormTotal;
}

/** Full-cycle participants of a role, one record per person. */
function counted(participants: readonly ParticipantInput[], role: ParticipantRole): ParticipantInput[] {
  const byPerson = new Map<string, ParticipantInput>();
  for (const p of participants) {
    if (p.role === role && p.completedCycle && !byPerson.has(p.personId)) byPerson.set(p.personId, p);
  }
  return [...byPerson.values()];
}

export function programmeForm(data: MentorshipData, form: RncProgrammeForm): ProgrammeForm {
  const organisations = new Map(data.organisations.map((o) => [o.id, o]));
  const programmes = data.programmes.filter((p) => RNC_FORM_OF[p.form] === form);
  const ids = new Set(programmes.map((p) => p.id));
  const participants = data.participants.filter((p) => ids.has(p.programmeId));
  const rows = programmes
    .map((programme): ProgrammeFormRow => {
      const own = participants.filter((p) => p.programmeId === programme.id);
      const mentors = counted(own, "mentor");
      const organisation = organisations.get(programme.organisationId);
      return {
        programmeId: programme.id,
        form: programme.form,
        district: organisation?.district ?? null,
        organisation: organisation?.name ?? "",
        programme: programme.name,
        mentors: mentors.length,
        mentorDetails: mentorDetails(mentors, MENTOR_DETAIL_MODE[form]),
        mentees: counted(own, "mentee").length,
        result: programme.statedResult,
      };
    })
    .sort(compareBy((r) => r.district, (r) => r.organisation, (r) => r.programme));
  return {
    form,
    rows,
    total: { mentors: counted(participants, "mentor").length, mentees: counted(participants, "mentee").length },
  };
}

export function programmeForms(data: MentorshipData): Record<RncProgrammeForm, ProgrammeForm> {
  const entries = RNC_PROGRAMME_FORMS.map((f) => [f, programmeForm(data, f)] as const);
  return Object.fromEntries(entries) as Record<RncProgrammeForm, ProgrammeForm>;
}
