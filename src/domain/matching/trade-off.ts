/**
 * What each mode would give, side by side, before the curator picks one: mentees matched, mutual
 * choices honoured, pairs without a common time slot (allowed only when common time is not a
 * must-have). The three solvers run on the same cohort and settings; nothing is stored.
 */
import { suggestPairs, type MatchingOptions } from "./suggest.js";
import { MATCH_MODES, type MatchingInput, type MatchMode } from "./types.js";

export interface ModeOutcome {
  mode: MatchMode;
  matched: number;
  /** Suggested pairs whose mentee and mentor chose each other. */
  mutualHonoured: number;
  /** Suggested pairs without a common time slot (both stated slots). */
  noCommonTime: number;
  totalScore: number;
}

export interface TradeOff {
  /** Mentees of the run (those in working pairs excluded). */
  mentees: number;
  /** Mentees of the run who chose a mentor who chose them too. */
  withMutualChoice: number;
  modes: ModeOutcome[];
}

export function compareModes(input: MatchingInput, options: Omit<MatchingOptions, "mode"> = {}): TradeOff {
  const byMentee = new Set<string>();
  const byMentor = new Set<string>();
  for (const c of input.choices ?? []) (c.by === "mentee" ? byMentee : byMentor).add(`${c.mentorId}\u0000${c.menteeId}`);
  const mutual = new Set([...byMentee].filter((key) => byMentor.has(key)));
  const fixed = new Set((input.fixed ?? []).map((f) => f.menteeId));
  const menteeIds = new Set(input.mentees.map((m) => m.id));
  const mentorIds = new Set(input.mentors.map((m) => m.id));
  const withMutual = new Set<string>();
  for (const key of mutual) {
    const [mentorId, menteeId] = key.split("\u0000") as [string, string];
    if (menteeIds.has(menteeId) && mentorIds.has(mentorId) && !fixed.has(menteeId)) withMutual.add(menteeId);
  }
  let mentees = 0;
  const modes = MATCH_MODES.map((mode): ModeOutcome => {
    const r = suggestPairs(input, { ...options, mode });
    mentees = r.stats.mentees;
    return {
      mode,
      matched: r.stats.matched,
      mutualHonoured: r.suggestions.filter((s) => mutual.has(`${s.mentorId}\u0000${s.menteeId}`)).length,
      noCommonTime: r.suggestions.filter((s) => s.reasons.some((x) => x.code === "no_common_time")).length,
      totalScore: r.stats.totalScore,
    };
  });
  return { mentees, withMutualChoice: withMutual.size, modes };
}
