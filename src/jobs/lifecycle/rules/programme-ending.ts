import { isDue, programmeEndAlerts } from "../../../domain/deadlines.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import type { Rule } from "../rule.js";
import { WORKING } from "../tick.js";
import { formatIsoDate } from "../../../domain/time.js";

/** The programme's end approaching (14 and 3 days before, by default): the curators are told, with the pairs still working. */
export const programmeEnding: Rule = {
  name: "programme-ending",
  counts: "programmes",
  async run(tick) {
    const messages: OutboxMessage[] = [];
    for (const programme of tick.active()) {
      for (const occ of programmeEndAlerts(programme.id, programme.endsOn, programme.tz, programme.settings)) {
        tick.later(programme.id, occ.dueAt);
        if (!isDue(occ, tick.now)) continue;
        const pairs = await tick.prisma.pair.count({ where: { programmeId: programme.id, status: { in: WORKING } } });
        const parts = [{ key: "lc-alert-ending", args: { programme: programme.name, days: occ.days, date: formatIsoDate(programme.endsOn), pairs } }];
        messages.push(...(await tick.curatorAlerts(programme.id, occ.key, "programme-ending", parts, occ.dueAt)));
      }
    }
    return tick.queue(messages);
  },
};
