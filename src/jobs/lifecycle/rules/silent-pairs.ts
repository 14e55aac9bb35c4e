import { isDue, silentPairAlert } from "../../../domain/deadlines.js";
import { lastActivity } from "../../../domain/lifecycle.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import { menteeNames } from "../../../store/pairs.js";
import type { Rule } from "../rule.js";
import { formatDate } from "../../../domain/time.js";

/** Working pairs with no meeting for weeks and none planned: the curators are told once per silence, with the last activity. */
export const silentPairs: Rule = {
  name: "silent-pairs",
  counts: "silent",
  async run(tick) {
    const { now } = tick;
    const rows = await tick.prisma.$queryRaw<{ id: string; programmeId: string; confirmedAt: Date; lastMeetingAt: Date | null; upcoming: boolean | null }[]>`
      SELECT p.id, p."programmeId", p."confirmedAt",
        max(m."startsAt") FILTER (WHERE m.status = 'held' OR (m.status = 'confirmed' AND m."startsAt" <= ${now})) AS "lastMeetingAt",
        bool_or(m.status IN ('proposed', 'confirmed') AND m."startsAt" > ${now}) AS upcoming
      FROM "Pair" p JOIN "Programme" g ON g.id = p."programmeId" LEFT JOIN "Meeting" m ON m."pairId" = p.id
      WHERE p.status IN ('acquaintance', 'trial', 'planning', 'regular', 'final') AND g.status = 'active'
      GROUP BY p.id`;
    const messages: OutboxMessage[] = [];
    for (const r of rows) {
      if (r.upcoming) continue;
      const programme = await tick.programme(r.programmeId);
      if (!programme) continue;
      const last = lastActivity({ confirmedAt: r.confirmedAt, lastMeetingAt: r.lastMeetingAt, hasUpcoming: false });
      const occ = silentPairAlert(r.id, last, programme.tz, programme.settings);
      if (!isDue(occ, now)) continue;
      const pair = await tick.services.pairs.get(r.id);
      if (!pair) continue;
      const parts = [{ key: "lc-alert-silent", args: { number: pair.number, mentor: pair.mentor.name, mentees: menteeNames(pair), days: programme.settings.silentPairDays, last: formatDate(last, programme.tz) } }];
      messages.push(...(await tick.curatorAlerts(programme.id, occ.key, "silent-pair", parts, occ.dueAt)));
    }
    return tick.queue(messages);
  },
};
