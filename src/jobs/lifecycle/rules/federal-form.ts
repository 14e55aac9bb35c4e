import { federalFormReminders, isDue, ranDuring } from "../../../domain/deadlines.js";
import { localParts } from "../../../domain/time.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import type { Rule } from "../rule.js";
import { formatIsoDate } from "../../../domain/time.js";

/** The federal statistics form on participants, due 20 January (000 §9): reminders from 1 January, until the curator marks it sent. */
export const federalForm: Rule = {
  name: "federal-form",
  counts: "programmes",
  async run(tick) {
    const messages: OutboxMessage[] = [];
    for (const programme of tick.roundProgrammes()) {
      const local = localParts(tick.now, programme.tz);
      // This January's reminders, and next January's, for a programme that ran in the year before.
      for (const year of [local.year, local.year + 1]) {
        if (ranDuring(programme.startsOn, programme.endsOn, year - 1)) for (const o of federalFormReminders(year, programme.tz, programme.settings)) tick.later(programme.id, o.dueAt);
      }
      if (local.month !== 1) continue;
      const year = local.year;
      if (!ranDuring(programme.startsOn, programme.endsOn, year - 1)) continue;
      const reminders = federalFormReminders(year, programme.tz, programme.settings);
      const due = reminders.filter((o) => isDue(o, tick.now));
      if (!due.length) continue;
      const taskKey = `federal-form-${year - 1}-${programme.id}`;
      const { task } = await tick.services.tasks.ensure({ dedupKey: taskKey, programmeId: programme.id, kind: "federal_form", note: String(year - 1), dueAt: reminders.at(-1)!.dueAt });
      if (task.doneAt) continue;
      for (const occ of due) {
        // One reminder per occurrence and curator, whatever the number of programmes they curate.
        const parts = [{ key: "lc-alert-federal-form", args: { year: String(occ.reportYear), date: formatIsoDate(occ.dueDate) } }];
        messages.push(...(await tick.curatorAlerts(programme.id, occ.key, "federal-form", parts, occ.dueAt)));
      }
    }
    return tick.queue(messages);
  },
};
