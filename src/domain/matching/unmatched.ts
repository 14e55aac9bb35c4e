/** Why a mentee was left without a mentor (see UnmatchedCause). O(mentors) per unmatched mentee. */
import type { Instance } from "./instance.js";
import type { PairScorer } from "./score.js";
import type { UnmatchedMentee } from "./types.js";

/** @param mark scratch array of mentor length, reused across calls (values are mentee stamps). */
export function unmatchedMentee(inst: Instance, scorer: PairScorer, u: number, mark: Int32Array): UnmatchedMentee {
  const menteeId = inst.mentees[u]!.id;
  const m = inst.mentors.length;
  // Forbidden mentors get stamp u, chosen ones u + stamp offset n, so one array serves both.
  const chosenStamp = u + inst.mentees.length;
  let forbidden = 0;
  for (let i = inst.forbiddenStart[u]!; i < inst.forbiddenStart[u + 1]!; i++) {
    mark[inst.forbiddenMentor[i]!] = u;
    forbidden++;
  }
  let allowed = 0;
  // Mentors (not forbidden) a must-have excludes, and of them those it excludes for time.
  let broken = 0;
  let brokenTime = 0;
  const count = (v: number): void => {
    const why = scorer.brokenMustHave(u, v);
    if (why === null) return;
    broken++;
    if (why === "time") brokenTime++;
  };
  for (let i = inst.choiceStart[u]!; i < inst.choiceStart[u + 1]!; i++) {
    const v = inst.choiceMentor[i]!;
    if (mark[v] === u) continue;
    mark[v] = chosenStamp;
    if (scorer.allowedWithChoice(u, v, inst.choiceMenteeRank[i]!, inst.choiceMentorRank[i]!)) allowed++;
    else count(v);
  }
  for (let v = 0; v < m; v++) {
    if (mark[v] === u || mark[v] === chosenStamp) continue;
    if (inst.policy.requireChoice === "none" && scorer.fitChoiceFree(u, v) >= 0) allowed++;
    else count(v);
  }
  // Every allowed pair scores ≥ 1, so an optimal or stable result leaves a mentee with an
  // allowed mentor alone only when all those mentors' places are taken.
  if (allowed > 0) return { menteeId, cause: "no_capacity", candidates: allowed };
  if (forbidden === m) return { menteeId, cause: "no_candidates", candidates: 0 };
  // Every mentor left fails a must-have: for time alone, or for time, format or grade.
  const others = m - forbidden;
  if (brokenTime === others) return { menteeId, cause: "no_compatible_time", candidates: 0 };
  if (broken === others) return { menteeId, cause: "no_must_have", candidates: 0 };
  // Pairs that are not forbidden fail the policy: either the choice requirement or, with no
  // choice requirement, the time rule (no common slot and nobody chose anybody).
  return { menteeId, cause: inst.policy.requireChoice !== "none" ? "no_mutual_choice" : "no_compatible_time", candidates: 0 };
}
