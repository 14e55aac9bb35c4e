import { isDue, mutualChoiceOpenAlert } from "../../../domain/deadlines.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import type { Rule } from "../rule.js";
import { formatDate } from "../../../domain/time.js";

/** A mutual-choice survey left open for days: the curators are told to close it. */
export const mutualChoiceOpen: Rule = {
  name: "mutual-choice-open",
  counts: "programmes",
  async run(tick) {
    const active = tick.active();
    if (!active.length) return 0;
    const rounds = await tick.prisma.surveyRound.findMany({ where: { programmeId: { in: active.map((p) => p.id) }, kind: "mutual_choice", closedAt: null }, select: { id: true, programmeId: true, openedAt: true } });
    const messages: OutboxMessage[] = [];
    for (const round of rounds) {
      const programme = active.find((p) => p.id === round.programmeId)!;
      const occ = mutualChoiceOpenAlert(round.id, round.openedAt, programme.tz, programme.settings);
      tick.later(programme.id, occ.dueAt);
      if (!isDue(occ, tick.now)) continue;
      const parts = [{ key: "lc-alert-mutual-choice", args: { programme: programme.name, date: formatDate(round.openedAt, programme.tz) } }];
      messages.push(...(await tick.curatorAlerts(programme.id, occ.key, "mutual-choice-open", parts, occ.dueAt)));
    }
    return tick.queue(messages);
  },
};
