/**
 * Fluent message ids and arguments for reasons, unmatched causes and modes
 * (locales/{ru,en}/matching.ftl). Item codes are passed through `label` (e.g. the questionnaire's
 * own texts) and joined with ", ".
 */
import type { MatchMode, MatchReason, MatchReasonCode, UnmatchedCause } from "./types.js";

export interface FluentMessage {
  key: string;
  args: Record<string, string | number>;
}

const kebab = (code: string): string => code.replace(/_/g, "-");

export function reasonKey(code: MatchReasonCode): string {
  return `match-reason-${kebab(code)}`;
}

export function unmatchedKey(cause: UnmatchedCause): string {
  return `match-unmatched-${kebab(cause)}`;
}

export function modeKey(mode: MatchMode): string {
  return `match-mode-${kebab(mode)}`;
}

export function reasonMessage(reason: MatchReason, label: (code: string) => string = (code) => code): FluentMessage {
  const key = reasonKey(reason.code);
  const args: Record<string, string | number> = { points: reason.points };
  switch (reason.code) {
    case "mutual_choice":
      args.menteeRank = reason.ranks[0];
      args.mentorRank = reason.ranks[1];
      break;
    case "mentee_choice":
    case "mentor_choice":
      args.rank = reason.rank;
      break;
    case "competencies":
    case "profile_fit":
    case "shared_interests":
    case "time_fit":
    case "format_fit":
      args.items = reason.items.map(label).join(", ");
      args.count = reason.items.length;
      break;
    case "grade_fit":
      args.grade = reason.grade;
      break;
    case "grade_outside":
      args.grade = reason.grade;
      args.min = reason.min;
      args.max = reason.max;
      break;
    case "no_common_time":
    case "no_common_format":
      break;
  }
  return { key, args };
}

export function unmatchedMessage(cause: UnmatchedCause, candidates = 0): FluentMessage {
  return { key: unmatchedKey(cause), args: { candidates } };
}

/** "Score: N points" line of a suggestion. */
export function scoreMessage(score: number): FluentMessage {
  return { key: "match-score", args: { score } };
}
