import { finalReportOverdue, finalReportReminder, isDue } from "../../../domain/deadlines.js";
import type { OutboxMessage } from "../../../store/notifications.js";

import type { Rule } from "../rule.js";
import { formatDate } from "../../../domain/time.js";

/** The final report after an ending (002 §6.2): each mentee without it reminded before its deadline, the curators told when it is overdue. */
export const finalReport: Rule = {
  name: "final-report",
  counts: "afterEndings",
  async run(tick) {
    const pairs = await tick.endedPairs();
    const reports = await tick.submitted("final-report", pairs.map((p) => p.id));
    const messages: OutboxMessage[] = [];
    for (const pair of pairs) {
      const programme = await tick.programme(pair.programmeId);
      if (!programme || !pair.endedAt) continue;
      const s = programme.settings;
      const missing = pair.mentees.filter((m) => !reports.has(`${pair.id}|${m.personId}`));
      if (!missing.length) continue;
      const reminder = finalReportReminder(pair.id, pair.endedAt, programme.tz, s);
      if (isDue(reminder, tick.now)) {
        const dueDate = reminder.expiresAt;
        for (const m of missing) {
          messages.push({
            personId: m.personId,
            dedupKey: `${reminder.key}-${m.personId}`,
            kind: "final-report-reminder",
            parts: [{ key: "lc-final-report-reminder", args: { date: formatDate(new Date(dueDate.getTime() - 60_000), programme.tz) } }],
            buttons: [[{ label: { key: "lc-btn-final-report" }, command: "form", args: `fr.${pair.id}` }]],
            dueAt: reminder.dueAt,
            merge: "reminders",
          });
        }
      }
      const overdue = finalReportOverdue(pair.id, pair.endedAt, programme.tz, s);
      if (isDue(overdue, tick.now)) {
        for (const m of missing) {
          const parts = [{ key: "lc-alert-final-report", args: { name: m.name, mentor: pair.mentor.name, date: formatDate(pair.endedAt, programme.tz), days: s.finalReportDays } }];
          messages.push(...(await tick.curatorAlerts(programme.id, `${overdue.key}-${m.personId}`, "final-report-overdue", parts, overdue.dueAt)));
        }
      }
    }
    return tick.queue(messages);
  },
};
