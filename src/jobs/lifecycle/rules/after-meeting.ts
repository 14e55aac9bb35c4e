import { AFTER_MEETING_WINDOW_MS, afterMeeting } from "../../../domain/reminders.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import { partnersOf } from "../../../store/pairs.js";
import type { Rule } from "../rule.js";
import { DAY } from "../tick.js";
import { formatDate, formatTime } from "../../../domain/time.js";

/** After a meeting: "did it happen?" to each side that has not answered, for three days from its moment. */
export const afterMeetingQuestion: Rule = {
  name: "after-meeting",
  counts: "afterMeetings",
  async run(tick) {
    const { now } = tick;
    const meetings = await tick.prisma.meeting.findMany({
      where: { status: { in: ["confirmed", "held", "missed"] }, startsAt: { lte: now, gte: new Date(now.getTime() - AFTER_MEETING_WINDOW_MS) } },
      select: { id: true, startsAt: true, outcomes: true, pairId: true },
    });
    const messages: OutboxMessage[] = [];
    for (const { meeting: m, pair, programme } of await tick.withPairs(meetings)) {
      const s = programme.settings;
      const { outcomeQuestionAt } = afterMeeting(m.startsAt, s, programme.tz, s.quietHours);
      if (now < outcomeQuestionAt || now.getTime() >= outcomeQuestionAt.getTime() + 3 * DAY) continue;
      const answered = (m.outcomes && typeof m.outcomes === "object" ? m.outcomes : {}) as Record<string, unknown>;
      const date = formatDate(m.startsAt, programme.tz);
      const time = formatTime(m.startsAt, programme.tz);
      for (const id of pair.members) {
        if (answered[id]) continue;
        messages.push({
          personId: id,
          dedupKey: `meeting-outcome-${m.id}-${id}`,
          kind: "meeting-outcome",
          parts: [{ key: "lc-outcome-question", args: { with: partnersOf(pair, id), date, time } }],
          buttons: [[{ label: { key: "lc-btn-held" }, command: "meet", args: `held.${m.id}` }, { label: { key: "lc-btn-missed" }, command: "meet", args: `missed.${m.id}` }]],
          dueAt: outcomeQuestionAt,
        });
      }
    }
    return tick.queue(messages);
  },
};
