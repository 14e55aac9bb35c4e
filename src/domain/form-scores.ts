/**
 * Numeric scores in the answers of the surveys, for the satisfaction indicators (003 items
 * 13–14: mentees' and mentors' satisfaction, %). Each item names the form, the answer and
 * its scale; the indicator normalises a score to its own scale ((score − min) / (max − min)).
 * Pure, with the same shape as the indicators' SatisfactionScoreInput.
 */
export interface ScoreItem {
  formId: string;
  stepId: string;
  role: "mentor" | "mentee" | "any";
  min: number;
  max: number;
  /** Counts toward the satisfaction indicator (the overall question of the end-of-programme questionnaires). */
  satisfaction: boolean;
}

const item = (formId: string, stepId: string, role: ScoreItem["role"], satisfaction = false): ScoreItem => ({ formId, stepId, role, min: 1, max: 5, satisfaction });

export const SCORE_ITEMS: readonly ScoreItem[] = [
  item("satisfaction-mentee", "overall", "mentee", true),
  item("satisfaction-mentee", "mentor", "mentee"),
  item("satisfaction-mentee", "meetings", "mentee"),
  item("satisfaction-mentee", "goals", "mentee"),
  item("satisfaction-mentee", "skills", "mentee"),
  item("satisfaction-mentor", "overall", "mentor", true),
  item("satisfaction-mentor", "mentee", "mentor"),
  item("satisfaction-mentor", "curator", "mentor"),
  item("satisfaction-mentor", "organisation", "mentor"),
  item("satisfaction-mentor", "growth", "mentor"),
  item("pulse-survey", "satisfaction", "any"),
  item("exit-survey", "satisfaction", "any"),
  item("meeting-feedback", "usefulness", "any"),
  item("monthly-report", "planProgress", "mentee"),
  item("final-report", "goalsReached", "mentee"),
];

export interface StoredScoreSource {
  personId: string;
  programmeId: string;
  formId: string;
  answers: Record<string, unknown>;
}

export interface SatisfactionScore {
  personId: string;
  programmeId: string;
  role: "mentor" | "mentee";
  score: number;
  min: number;
  max: number;
}

/** Satisfaction scores of submitted end-of-programme questionnaires; skipped or malformed answers give none. */
export function satisfactionScores(responses: readonly StoredScoreSource[]): SatisfactionScore[] {
  const out: SatisfactionScore[] = [];
  for (const r of responses) {
    for (const i of SCORE_ITEMS) {
      if (!i.satisfaction || i.formId !== r.formId || i.role === "any") continue;
      const score = r.answers[i.stepId];
      if (typeof score !== "number" || !Number.isInteger(score) || score < i.min || score > i.max) continue;
      out.push({ personId: r.personId, programmeId: r.programmeId, role: i.role, score, min: i.min, max: i.max });
    }
  }
  return out;
}
