/** Indicators that are plain counts: pairs/groups, personalised programmes, enterprises. */
import { headCount, sum } from "./arithmetic.js";
import { TEACHERS_MODEL_FORMS, type PairInput, type ParticipantInput, type ProgrammeInput } from "./input-types.js";
import type { PairsIndicator } from "./result-types.js";

/**
 * 003 item 7 «Количество наставнических пар/групп».
 * A pair has one mentee, a group two or more (002 §7.3). Pairs that ended early (unplanned
 * ending, 002 §7.5) are not counted: the mentee is usually given a new mentor, whose pair is
 * counted instead. Records with no mentee yet are not pairs.
 */
export function countPairsAndGroups(pairs: readonly PairInput[]): PairsIndicator {
  let single = 0;
  let groups = 0;
  for (const pair of pairs) {
    if (pair.status === "ended_early") continue;
    const mentees = new Set(pair.menteeIds).size;
    if (mentees === 1) single += 1;
    else if (mentees > 1) groups += 1;
  }
  return { pairs: single, groups, total: single + groups };
}

/**
 * 003 item 9 «Количество утвержденных персонализированных программ наставничества
 * педагогических работников»: summed over programmes of the teachers' model (001 stage 4).
 * A flag counts as one programme.
 */
export function countApprovedPersonalisedProgrammes(programmes: readonly ProgrammeInput[]): number {
  return sum(
    programmes
      .filter((p) => TEACHERS_MODEL_FORMS.has(p.form))
      .map((p) => {
        const v = p.approvedPersonalisedProgrammes;
        if (typeof v === "boolean") return v ? 1 : 0;
        return headCount(v, `approvedPersonalisedProgrammes of programme ${p.id}`) ?? 0;
      }),
  );
}

/** Enterprise names compared without case, quotes and extra spaces: «ООО "Ромашка"» = ооо ромашка. */
export function enterpriseKey(name: string): string {
  return name
    .replace(/[«»"“”„'`]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("ru");
}

/**
 * 003 item 12 «Количество предприятий (организаций), вошедших в программы наставничества»:
 * distinct enterprises named by participants (any role) who completed the full cycle
 * (000 §9: only completed participation counts).
 */
export function countEnterprises(participants: readonly ParticipantInput[]): number {
  const keys = new Set<string>();
  for (const p of participants) {
    if (!p.completedCycle || p.enterprise === null) continue;
    const key = enterpriseKey(p.enterprise);
    if (key !== "") keys.add(key);
  }
  return keys.size;
}
