import { finalReportOverdue, finalReportReminder, isDue } from "../../../domain/deadlines.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import type { Rule } from "../rule.js";
import { formatDate } from "../../../domain/time.js";

/** The final report after an ending (002 §6.2): each mentee without it reminded before its deadline, the curators told when it is overdue. */
export const finalReport: Rule = {
  name: "final-report",
  counts: "afterEndings",
  async run(tick) {
    const ended = tick.roundPairs().filter(({ pair }) => pair.endedAt && pair.endedAt <= tick.now);
    const reports = await tick.submitted("final-report", ended.map(({ pair }) => pair.id));
    const messages: OutboxMessage[] = [];
    for (const { pair, programme } of ended) {
      const endedAt = pair.endedAt!;
      const s = programme.settings;
      const missing = pair.mentees.filter((m) => !reports.has(`${pair.id}|${m.personId}`));
      if (!missing.length) continue;
      const reminder = finalReportReminder(pair.id, endedAt, programme.tz, s);
      const overdue = finalReportOverdue(pair.id, endedAt, programme.tz, s);
      tick.later(pair.id, reminder.dueAt);
      tick.later(pair.id, overdue.dueAt);
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
      if (isDue(overdue, tick.now)) {
        for (const m of missing) {
          const parts = [{ key: "lc-alert-final-report", args: { name: m.name, mentor: pair.mentor.name, date: formatDate(endedAt, programme.tz), days: s.finalReportDays } }];
          messages.push(...(await tick.curatorAlerts(programme.id, `${overdue.key}-${m.personId}`, "final-report-overdue", parts, overdue.dueAt)));
        }
      }
    }
    return tick.queue(messages);
  },
};
