import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MentorshipData } from "../../../src/domain/indicators/input-types.js";
import { organisationsScope, programmeScope } from "../../../src/domain/indicators/scope.js";

/** Random data: organisations with programmes, participants, pairs and scores spread over them in any order. */
const data: fc.Arbitrary<MentorshipData> = fc
  .record({ orgs: fc.integer({ min: 1, max: 5 }), programmes: fc.array(fc.nat(4), { minLength: 1, maxLength: 8 }), rows: fc.array(fc.tuple(fc.nat(7), fc.nat(20)), { maxLength: 60 }) })
  .map(({ orgs, programmes, rows }) => {
    const organisations = Array.from({ length: orgs }, (_, i) => ({ id: `o${i}`, name: `О${i}`, district: null, region: "R", childrenAged10to19: null, teachersCount: null, youngSpecialistsCount: null }));
    const progs = programmes.map((o, i) => ({ id: `p${i}`, organisationId: `o${o % orgs}`, form: "pupil_pupil" as const, name: `П${i}`, statedResult: null }));
    const programmeOf = (n: number) => progs[n % progs.length]!.id;
    return {
      organisations,
      programmes: progs,
      participants: rows.map(([p, person], i) => ({ personId: `u${person}`, programmeId: programmeOf(p), role: i % 2 ? "mentor" : "mentee", completedCycle: i % 3 === 0 }) as MentorshipData["participants"][number]),
      pairs: rows.map(([p], i) => ({ id: `pair${i}`, programmeId: programmeOf(p + i), mentorId: `u${i}`, menteeIds: [], status: "regular" }) as MentorshipData["pairs"][number]),
      satisfaction: rows.map(([p, person]) => ({ personId: `u${person}`, programmeId: programmeOf(p * 3), role: "mentee" }) as unknown as MentorshipData["satisfaction"][number]),
    } as unknown as MentorshipData;
  });

describe("a scope's rows", () => {
  it("are those of its programmes, in the data's order, for any organisations and any programme", () => {
    fc.assert(
      fc.property(data, fc.array(fc.nat(5), { maxLength: 4 }), (d, picked) => {
        const ids = new Set(picked.map((n) => `o${n}`));
        const programmes = new Set(d.programmes.filter((p) => ids.has(p.organisationId)).map((p) => p.id));
        const scope = organisationsScope(d, ids);
        expect(scope.participants).toEqual(d.participants.filter((r) => programmes.has(r.programmeId)));
        expect(scope.pairs).toEqual(d.pairs.filter((r) => programmes.has(r.programmeId)));
        expect(scope.satisfaction).toEqual(d.satisfaction.filter((r) => programmes.has(r.programmeId)));
        const one = d.programmes[0]!;
        expect(programmeScope(d, one.id).participants).toEqual(d.participants.filter((r) => r.programmeId === one.id));
      }),
      { numRuns: 300 },
    );
  });
});
