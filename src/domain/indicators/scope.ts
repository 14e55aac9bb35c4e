/** A scope of counting: a set of programmes and the organisations whose Form 1 figures apply. */
import type {
  MentorshipData,
  OrganisationInput,
  PairInput,
  ParticipantInput,
  ProgrammeInput,
  SatisfactionScoreInput,
} from "./input-types.js";

export interface Scope {
  organisations: readonly OrganisationInput[];
  programmes: readonly ProgrammeInput[];
  participants: readonly ParticipantInput[];
  pairs: readonly PairInput[];
  satisfaction: readonly SatisfactionScoreInput[];
  /** programmeId → organisationId, for attributing a participant to an organisation. */
  organisationOf: ReadonlyMap<string, string>;
}

/** Row numbers of each programme's participants, pairs and scores, found once per data set (a region's scopes are many). */
interface ProgrammeRows {
  participants: number[];
  pairs: number[];
  satisfaction: number[];
}

const rowsByProgramme = new WeakMap<MentorshipData, Map<string, ProgrammeRows>>();

function programmeRows(data: MentorshipData): Map<string, ProgrammeRows> {
  let index = rowsByProgramme.get(data);
  if (index) return index;
  index = new Map();
  const rowsOf = (programmeId: string): ProgrammeRows => {
    let r = index!.get(programmeId);
    if (!r) index!.set(programmeId, (r = { participants: [], pairs: [], satisfaction: [] }));
    return r;
  };
  data.participants.forEach((p, i) => {
    rowsOf(p.programmeId).participants.push(i);
  });
  data.pairs.forEach((p, i) => {
    rowsOf(p.programmeId).pairs.push(i);
  });
  data.satisfaction.forEach((p, i) => {
    rowsOf(p.programmeId).satisfaction.push(i);
  });
  rowsByProgramme.set(data, index);
  return index;
}

/** The rows of these programmes, in the data's own order. */
function rowsOf<T>(rows: readonly T[], lists: readonly number[][]): T[] {
  if (lists.length === 1) return lists[0]!.map((i) => rows[i]!);
  return lists
    .flat()
    .sort((a, b) => a - b)
    .map((i) => rows[i]!);
}

function scopeOf(
  data: MentorshipData,
  organisations: readonly OrganisationInput[],
  programmes: readonly ProgrammeInput[],
): Scope {
  const index = programmeRows(data);
  const of = programmes.flatMap((p) => index.get(p.id) ?? []);
  return {
    organisations,
    programmes,
    participants: rowsOf(data.participants, of.map((r) => r.participants)),
    pairs: rowsOf(data.pairs, of.map((r) => r.pairs)),
    satisfaction: rowsOf(data.satisfaction, of.map((r) => r.satisfaction)),
    organisationOf: new Map(programmes.map((p) => [p.id, p.organisationId])),
  };
}

export function programmeScope(data: MentorshipData, programmeId: string): Scope {
  const programme = data.programmes.find((p) => p.id === programmeId);
  if (!programme) throw new Error(`Unknown programme ${programmeId}`);
  const organisation = data.organisations.find((o) => o.id === programme.organisationId);
  return scopeOf(data, organisation ? [organisation] : [], [programme]);
}

/** All programmes of the given organisations (unknown ids are ignored). */
export function organisationsScope(data: MentorshipData, organisationIds: Iterable<string>): Scope {
  const ids = new Set(organisationIds);
  const organisations = data.organisations.filter((o) => ids.has(o.id));
  const known = new Set(organisations.map((o) => o.id));
  return scopeOf(
    data,
    organisations,
    data.programmes.filter((p) => known.has(p.organisationId)),
  );
}
