import { afterMeeting } from "../../../domain/reminders.js";
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
    const meetings = await tick.meetings();
    const messages: OutboxMessage[] = [];
    for (const { meeting: m, pair, programme } of meetings) {
      const s = programme.settings;
      const answered = (m.outcomes && typeof m.outcomes === "object" ? m.outcomes : {}) as Record<string, unknown>;
      const waiting = pair.members.filter((id) => !answered[id]);
      if (!waiting.length) continue;
      const { outcomeQuestionAt } = afterMeeting(m.startsAt, s, programme.tz, s.quietHours);
      tick.later(pair.id, outcomeQuestionAt);
      if (now < outcomeQuestionAt || now.getTime() >= outcomeQuestionAt.getTime() + 3 * DAY) continue;
      const date = formatDate(m.startsAt, programme.tz);
      const time = formatTime(m.startsAt, programme.tz);
      for (const id of waiting) {
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
