import { dueMeetingReminder, reminderHorizonMs } from "../../../domain/reminders.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import { menteeNames, partnersOf } from "../../../store/pairs.js";
import type { Rule } from "../rule.js";
import { WORKING } from "../tick.js";
import { formatDate, formatTime } from "../../../domain/time.js";

/** Reminders before confirmed meetings: the latest one due for each, to both sides (and the curators of a pair on probation). */
export const meetingReminders: Rule = {
  name: "meeting-reminders",
  counts: "reminders",
  async run(tick) {
    const { now } = tick;
    const horizon = Math.max(reminderHorizonMs([24 * 60]), ...tick.active().map((p) => reminderHorizonMs(p.settings.reminderOffsetsMinutes)));
    const meetings = await tick.prisma.meeting.findMany({
      where: { status: "confirmed", startsAt: { gt: now, lte: new Date(now.getTime() + horizon) }, pair: { status: { in: WORKING } } },
      select: { id: true, startsAt: true, confirmedAt: true, place: true, stage: true, pairId: true },
    });
    const messages: OutboxMessage[] = [];
    for (const { meeting: m, pair, programme } of await tick.withPairs(meetings)) {
      const s = programme.settings;
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
