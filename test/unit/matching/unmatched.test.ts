import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MATCH_MODES, pairEvaluator, suggestPairs, type MatchingInput } from "../../../src/domain/matching/index.js";
import { choice, cohortArb, mentee, mentor, mutual, policyArb } from "./helpers.js";

describe("unmatched mentees", () => {
  // A has one place and a clear favourite; B conflicts with z; C shares no time with anybody.
  const input: MatchingInput = {
    mentors: [
      mentor("A", { slots: ["mon-evening"] }),
      mentor("B", { slots: ["mon-evening"] }),
      mentor("C", { slots: ["sun-morning"] }),
    ],
    mentees: [
      mentee("w", { slots: ["mon-evening"] }), // takes A (mutual choice)
      mentee("x", { slots: ["mon-evening"] }), // takes B
      mentee("y", { slots: ["mon-evening"] }), // wanted A or B too: both full
      mentee("z", { slots: ["tue-morning"] }), // no common slot with anybody, nobody chose
      mentee("q", { slots: ["mon-evening"] }), // every mentor is forbidden
    ],
    choices: [...mutual("w", "A"), ...mutual("x", "B")],
    forbidden: [
      { mentorId: "A", menteeId: "q", cause: "conflict" },
      { mentorId: "B", menteeId: "q", cause: "conflict" },
      { mentorId: "C", menteeId: "q", cause: "curator_rejected" },
    ],
  };

  it("gives each a cause, in id order, in every mode", () => {
    for (const mode of MATCH_MODES) {
      const r = suggestPairs(input, { mode });
      expect(r.suggestions.map((s) => `${s.mentorId}-${s.menteeId}`)).toEqual(["A-w", "B-x"]);
      expect(r.unmatched).toEqual([
        { menteeId: "q", cause: "no_candidates", candidates: 0 },
        { menteeId: "y", cause: "no_capacity", candidates: 2 },
        { menteeId: "z", cause: "no_compatible_time", candidates: 0 },
      ]);
      expect(r.freeCapacity).toEqual([{ mentorId: "C", free: 1 }]);
    }
  });

  it("says no_mutual_choice when the policy requires one", () => {
    const r = suggestPairs({ ...input, choices: [...mutual("w", "A"), choice("mentee", "x", "B", 1)] }, { policy: { requireChoice: "mutual" } });
    expect(r.suggestions.map((s) => `${s.mentorId}-${s.menteeId}`)).toEqual(["A-w"]);
    expect(r.unmatched.map((u) => [u.menteeId, u.cause])).toEqual([
      ["q", "no_candidates"],
      ["x", "no_mutual_choice"],
      ["y", "no_mutual_choice"],
      // Even a mutual choice could not pair z: common time is a must-have and z shares none.
      ["z", "no_compatible_time"],
    ]);
  });

  it("says no_capacity when fixed pairs took the places", () => {
    const r = suggestPairs({ mentors: [mentor("A")], mentees: [mentee("x"), mentee("y")], fixed: [{ mentorId: "A", menteeId: "x" }] });
    expect(r.unmatched).toEqual([{ menteeId: "y", cause: "no_capacity", candidates: 1 }]);
  });

  it("says no_candidates when the programme has no mentors", () => {
    expect(suggestPairs({ mentors: [], mentees: [mentee("x")] }).unmatched).toEqual([{ menteeId: "x", cause: "no_candidates", candidates: 0 }]);
  });

  it("is consistent with the allowed pairs on random cohorts", () => {
    fc.assert(
      fc.property(cohortArb(8, 5), policyArb, fc.constantFrom(...MATCH_MODES), (input, policy, mode) => {
        const r = suggestPairs(input, { mode, policy });
        const e = pairEvaluator(input, { policy });
        const forbidden = new Set((input.forbidden ?? []).map((f) => `${f.mentorId}-${f.menteeId}`));
        const withRoom = new Set(r.freeCapacity.map((f) => f.mentorId));
        for (const u of r.unmatched) {
          const allowed = input.mentors.filter((m) => e.allowed(m.id, u.menteeId));
          expect(u.candidates).toBe(allowed.length);
          // Optimal and stable results leave a mentee alone only if its allowed mentors are full.
          for (const m of allowed) expect(withRoom.has(m.id)).toBe(false);
          const open = input.mentors.filter((m) => !forbidden.has(`${m.id}-${u.menteeId}`));
          const broken = open.map((m) => e.brokenMustHave(m.id, u.menteeId));
          const expected =
            allowed.length > 0
              ? "no_capacity"
              : open.length === 0
                ? "no_candidates"
                : broken.every((b) => b === "time")
                  ? "no_compatible_time"
                  : broken.every((b) => b !== null)
                    ? "no_must_have"
                    : policy.requireChoice !== "none"
                      ? "no_mutual_choice"
                      : "no_compatible_time";
          expect(u.cause).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
