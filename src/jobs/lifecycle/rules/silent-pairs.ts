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
    const working = tick.workingPairs();
    if (!working.length) return 0;
    const rows = await tick.prisma.$queryRaw<{ pairId: string; lastMeetingAt: Date | null; nextUpcoming: Date | null }[]>`
      SELECT m."pairId",
        max(m."startsAt") FILTER (WHERE m.status = 'held' OR (m.status = 'confirmed' AND m."startsAt" <= ${now})) AS "lastMeetingAt",
        min(m."startsAt") FILTER (WHERE m.status IN ('proposed', 'confirmed') AND m."startsAt" > ${now}) AS "nextUpcoming"
      FROM "Meeting" m WHERE m."pairId" = ANY(${working.map((w) => w.pair.id)}::text[])
      GROUP BY m."pairId"`;
    const meetings = new Map(rows.map((r) => [r.pairId, r]));
    const messages: OutboxMessage[] = [];
    for (const { pair, programme } of working) {
      const r = meetings.get(pair.id);
      // A meeting planned: the pair is not silent; looked at again once its moment has passed.
      if (r?.nextUpcoming) {
        tick.later(pair.id, new Date(r.nextUpcoming.getTime() + 60_000));
        continue;
      }
      const last = lastActivity({ confirmedAt: pair.confirmedAt, lastMeetingAt: r?.lastMeetingAt ?? null, hasUpcoming: false });
      const occ = silentPairAlert(pair.id, last, programme.tz, programme.settings);
      tick.later(pair.id, occ.dueAt);
      if (!isDue(occ, now)) continue;
      const view = await tick.services.pairs.get(pair.id);
      if (!view) continue;
      const parts = [{ key: "lc-alert-silent", args: { number: view.number, mentor: pair.mentor.name, mentees: menteeNames(pair), days: programme.settings.silentPairDays, last: formatDate(last, programme.tz) } }];
      messages.push(...(await tick.curatorAlerts(programme.id, occ.key, "silent-pair", parts, occ.dueAt)));
    }
    return tick.queue(messages);
  },
};
