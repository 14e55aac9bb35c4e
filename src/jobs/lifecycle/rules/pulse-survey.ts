import { isDue, pulseSurveyInvitation, type Occurrence } from "../../../domain/deadlines.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import type { Rule } from "../rule.js";
import type { TickPair } from "../tick.js";

/** The short pulse survey to both sides a month after the pair started (001 stage 6), unless already answered. */
export const pulseSurvey: Rule = {
  name: "pulse-survey",
  counts: "pulse",
  async run(tick) {
    const { now } = tick;
    const due: { pair: TickPair; occ: Occurrence }[] = [];
    for (const { pair, programme } of tick.workingPairs()) {
      if (pair.confirmedAt > now) continue;
      const occ = pulseSurveyInvitation(pair.id, pair.confirmedAt, programme.tz, programme.settings);
      tick.later(pair.id, occ.dueAt);
      if (isDue(occ, now)) due.push({ pair, occ });
    }
    const answered = await tick.submitted("pulse-survey", due.map((d) => d.pair.id));
    const messages: OutboxMessage[] = [];
    for (const { pair, occ } of due) {
      const sides = [{ personId: pair.mentor.personId, partner: pair.mentees.map((m) => m.name).join(", ") || "—" }, ...pair.mentees.map((m) => ({ personId: m.personId, partner: pair.mentor.name }))];
      for (const side of sides) {
        if (answered.has(`${pair.id}|${side.personId}`)) continue;
        messages.push({
          personId: side.personId,
          dedupKey: `${occ.key}-${side.personId}`,
          kind: "pulse-survey",
          parts: [{ key: "lc-pulse-survey", args: { partner: side.partner } }],
          buttons: [[{ label: { key: "lc-btn-pulse-survey" }, command: "form", args: `pu.${pair.id}` }]],
          dueAt: occ.dueAt,
          merge: "reminders",
        });
      }
    }
    return tick.queue(messages);
  },
};
