import { afterMeeting } from "../../../domain/reminders.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import { menteeNames, partnersOf } from "../../../store/pairs.js";
import type { Rule } from "../rule.js";
import { formatDate } from "../../../domain/time.js";

/** After a meeting not missed: each side without its feedback is reminded of the form, later the curators are told. */
export const feedbackReminders: Rule = {
  name: "feedback-reminders",
  counts: "afterMeetings",
  async run(tick) {
    const { now } = tick;
    const meetings = (await tick.meetings()).filter(({ meeting: m }) => m.status === "confirmed" || m.status === "held");
    const feedback = await tick.submitted("meeting-feedback", meetings.map((m) => m.meeting.id));
    const messages: OutboxMessage[] = [];
    for (const { meeting: m, pair, programme } of meetings) {
      const missing = pair.members.filter((id) => !feedback.has(`${m.id}|${id}`));
      if (!missing.length) continue;
      const s = programme.settings;
      const times = afterMeeting(m.startsAt, s, programme.tz, s.quietHours);
      tick.later(pair.id, times.feedbackReminderAt);
      tick.later(pair.id, times.feedbackAlertAt);
      const date = formatDate(m.startsAt, programme.tz);
      if (now >= times.feedbackReminderAt) {
        for (const id of missing) {
          messages.push({
            personId: id,
            dedupKey: `feedback-reminder-${m.id}-${id}`,
            kind: "feedback-reminder",
            parts: [{ key: "lc-feedback-reminder", args: { with: partnersOf(pair, id), date } }],
            buttons: [[{ label: { key: "lc-btn-feedback" }, command: "form", args: `fb.${m.id}` }]],
            dueAt: times.feedbackReminderAt,
            merge: "reminders",
          });
        }
      }
      if (now >= times.feedbackAlertAt) {
        for (const id of missing) {
          const name = id === pair.mentor.personId ? pair.mentor.name : (pair.mentees.find((x) => x.personId === id)?.name ?? "—");
          const parts = [{ key: "lc-alert-feedback", args: { name, mentor: pair.mentor.name, mentees: menteeNames(pair), date, days: s.feedbackAlertDays } }];
          messages.push(...(await tick.curatorAlerts(programme.id, `feedback-overdue-${m.id}-${id}`, "feedback-overdue", parts, times.feedbackAlertAt)));
        }
      }
    }
    return tick.queue(messages);
  },
};
