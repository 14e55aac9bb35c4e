import { isDue, monthlyReportReminder, type Occurrence } from "../../../domain/deadlines.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import type { Rule } from "../rule.js";
import type { TickPair } from "../tick.js";
import { formatIsoMonth } from "../../../domain/time.js";

/** The mentee's monthly report to the mentor (002 §6.2), asked once a month of each working pair confirmed before it falls due, unless already sent. */
export const monthlyReport: Rule = {
  name: "monthly-report",
  counts: "monthly",
  async run(tick) {
    const due: { pair: TickPair; occ: Occurrence & { month: string } }[] = [];
    for (const { pair, programme } of tick.workingPairs()) {
      const occ = monthlyReportReminder(pair.id, tick.now, programme.tz, programme.settings);
      // This month's, while it is ahead; then next month's.
      tick.later(pair.id, occ.dueAt > tick.now ? occ.dueAt : monthlyReportReminder(pair.id, occ.expiresAt, programme.tz, programme.settings).dueAt);
      if (isDue(occ, tick.now) && pair.confirmedAt < occ.dueAt) due.push({ pair, occ });
    }
    const reported = await tick.submitted("monthly-report", due.map((d) => `${d.pair.id}:${d.occ.month}`));
    const messages: OutboxMessage[] = [];
    for (const { pair, occ } of due) {
      for (const m of pair.mentees) {
        if (reported.has(`${pair.id}:${occ.month}|${m.personId}`)) continue;
        messages.push({
          personId: m.personId,
          dedupKey: `${occ.key}-${m.personId}`,
          kind: "monthly-report",
          parts: [{ key: "lc-monthly-report", args: { mentor: pair.mentor.name, month: formatIsoMonth(occ.month) } }],
          buttons: [[{ label: { key: "lc-btn-monthly-report" }, command: "form", args: `mr.${pair.id}` }]],
          dueAt: occ.dueAt,
          merge: "reminders",
        });
      }
    }
    return tick.queue(messages);
  },
};
