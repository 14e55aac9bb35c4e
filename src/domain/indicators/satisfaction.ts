/**
 * Satisfaction of mentees and mentors (003 items 13–14), from the satisfaction questionnaires
 * of 001 stage 6.
 *
 * How a score maps to %: each answer is normalised to its own scale,
 *   (score − min) / (max − min) × 100,
 * so the lowest score is 0 % and the highest 100 % (on a 1–5 scale: 1 → 0 %, 4 → 75 %, 5 → 100 %).
 * A person who answered several times in the scope counts once, with the mean of their own
 * answers; the indicator is the mean over persons. Answers are not filtered by the full-cycle
 * mark: the seeds restrict that mark to involvement counts (000 §9), and dropping those who left
 * early would bias satisfaction upwards. No answers → null ("no data").
 */
import { mean } from "./arithmetic.js";
import type { ParticipantRole, SatisfactionScoreInput } from "./input-types.js";
import type { SatisfactionIndicator } from "./result-types.js";

export function normalisedScore(s: SatisfactionScoreInput): number {
  const valid =
    Number.isFinite(s.score) && Number.isFinite(s.min) && Number.isFinite(s.max) && s.max > s.min &&
    s.score >= s.min && s.score <= s.max;
  if (!valid) {
    throw new RangeError(`Satisfaction score ${s.score} of person ${s.personId} is not on the scale [${s.min}, ${s.max}]`);
  }
  return (s.score - s.min) / (s.max - s.min);
}

export function satisfactionIndicator(
  scores: readonly SatisfactionScoreInput[],
  role: ParticipantRole,
): SatisfactionIndicator {
  const byPerson = new Map<string, number[]>();
  for (const s of scores) {
    if (s.role !== role) continue;
    const list = byPerson.get(s.personId) ?? [];
    list.push(normalisedScore(s));
    byPerson.set(s.personId, list);
  }
  const perPerson = [...byPerson.values()].map((list) => mean(list) ?? 0);
  const m = mean(perPerson);
  return { respondents: byPerson.size, percent: m === null ? null : m * 100 };
}
