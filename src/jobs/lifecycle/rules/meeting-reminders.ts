import { dueMeetingReminder, reminderMoment } from "../../../domain/reminders.js";
import { isQuiet, outOfQuiet } from "../../../domain/quiet-hours.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import { menteeNames, partnersOf } from "../../../store/pairs.js";
import type { Rule } from "../rule.js";
import { WORKING } from "../tick.js";
import { formatDate, formatTime } from "../../../domain/time.js";
import type { PairStatus } from "../../../domain/lifecycle.js";

/** Reminders before confirmed meetings: the latest one due for each, to both sides (and the curators of a pair on probation). */
export const meetingReminders: Rule = {
  name: "meeting-reminders",
  counts: "reminders",
  async run(tick) {
    const { now } = tick;
    const meetings = (await tick.meetings()).filter(({ meeting: m }) => m.status === "confirmed" && m.startsAt > now);
    const messages: OutboxMessage[] = [];
    for (const { meeting: m, pair, programme } of meetings) {
      if (!WORKING.includes(pair.status as PairStatus)) continue;
      const s = programme.settings;
      for (const offset of s.reminderOffsetsMinutes) tick.later(pair.id, reminderMoment(m, offset, programme.tz, s.quietHours));
      // A reminder late in quiet hours waits for their end.
      if (isQuiet(now, programme.tz, s.quietHours)) tick.later(pair.id, outOfQuiet(now, programme.tz, s.quietHours));
      const due = dueMeetingReminder({ startsAt: m.startsAt, confirmedAt: m.confirmedAt }, now, s.reminderOffsetsMinutes, programme.tz, s.quietHours);
      if (!due) continue;
      const recipients = [
        ...pair.members.map((id) => ({ id, with: partnersOf(pair, id) })),
        ...(pair.probation ? (await tick.curators(programme.id)).map((id) => ({ id, with: `${pair.mentor.name} — ${menteeNames(pair)}` })) : []),
      ];
      const at = `${Math.round(m.startsAt.getTime() / 60_000)}`;
      for (const r of recipients) {
        messages.push({
          personId: r.id,
          dedupKey: `meeting-reminder-${m.id}-${at}-${due.offsetMinutes}-${r.id}`,
          kind: "meeting-reminder",
          parts: [{ key: "lc-reminder", args: { stage: m.stage, with: r.with, date: formatDate(m.startsAt, programme.tz), time: formatTime(m.startsAt, programme.tz), place: m.place ?? "—" } }],
          buttons: [[{ label: { key: "lc-btn-meetings" }, command: "meeting", args: "" }]],
          dueAt: due.dueAt,
          merge: "reminders",
        });
      }
    }
    return tick.queue(messages);
  },
};
