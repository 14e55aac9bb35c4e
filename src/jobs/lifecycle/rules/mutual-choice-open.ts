import { isDue, mutualChoiceOpenAlert } from "../../../domain/deadlines.js";
import type { OutboxMessage } from "../../../store/notifications.js";

import type { Rule } from "../rule.js";
import { formatDate } from "../../../domain/time.js";

/** A mutual-choice survey left open for days: the curators are told to close it. */
export const mutualChoiceOpen: Rule = {
  name: "mutual-choice-open",
  counts: "programmes",
  async run(tick) {
    const messages: OutboxMessage[] = [];
    for (const programme of tick.active()) {
      const rounds = await tick.prisma.surveyRound.findMany({ where: { programmeId: programme.id, kind: "mutual_choice", closedAt: null }, select: { id: true, openedAt: true } });
      for (const round of rounds) {
        const occ = mutualChoiceOpenAlert(round.id, round.openedAt, programme.tz, programme.settings);
        if (!isDue(occ, tick.now)) continue;
        const parts = [{ key: "lc-alert-mutual-choice", args: { programme: programme.name, date: formatDate(round.openedAt, programme.tz) } }];
        messages.push(...(await tick.curatorAlerts(programme.id, occ.key, "mutual-choice-open", parts, occ.dueAt)));
      }
    }
    return tick.queue(messages);
  },
};
