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

function scopeOf(
  data: MentorshipData,
  organisations: readonly OrganisationInput[],
  programmes: readonly ProgrammeInput[],
): Scope {
  const programmeIds = new Set(programmes.map((p) => p.id));
  const inScope = (r: { programmeId: string }): boolean => programmeIds.has(r.programmeId);
  return {
    organisations,
    programmes,
    participants: data.participants.filter(inScope),
    pairs: data.pairs.filter(inScope),
    satisfaction: data.satisfaction.filter(inScope),
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
