import { isDue, unmatchedMenteeAlert } from "../../../domain/deadlines.js";
import type { OutboxMessage } from "../../../store/notifications.js";
import type { Rule } from "../rule.js";
import { WORKING } from "../tick.js";

/** Mentees left without a pair once matching has begun (002 §7.3): a task and an alert for the curators to meet them. */
export const unmatchedMentees: Rule = {
  name: "unmatched-mentees",
  counts: "programmes",
  async run(tick) {
    const messages: OutboxMessage[] = [];
    for (const programme of tick.active()) {
      // Before the first pair nothing is due; confirming it brings the programme forward.
      const first = await tick.prisma.pair.findFirst({ where: { programmeId: programme.id }, orderBy: { confirmedAt: "asc" }, select: { confirmedAt: true } });
      if (!first) continue;
      const mentees = await tick.prisma.participation.findMany({
        where: { programmeId: programme.id, role: "mentee", status: { in: ["joined", "approved", "active"] }, person: { erasedAt: null }, memberships: { none: { leftAt: null, pair: { status: { in: WORKING } } } } },
        select: { id: true, personId: true, joinedAt: true, person: { select: { displayName: true } } },
      });
      for (const m of mentees) {
        const occ = unmatchedMenteeAlert(m.id, first.confirmedAt, m.joinedAt, programme.tz, programme.settings);
        tick.later(programme.id, occ.dueAt);
        if (!isDue(occ, tick.now)) continue;
        await tick.services.tasks.ensure({ dedupKey: occ.key, programmeId: programme.id, kind: "unmatched_mentee", personId: m.personId, dueAt: occ.dueAt });
        const parts = [{ key: "lc-alert-unmatched", args: { name: m.person.displayName ?? "—", programme: programme.name } }];
        messages.push(...(await tick.curatorAlerts(programme.id, occ.key, "unmatched-mentee", parts, occ.dueAt)));
      }
    }
    return tick.queue(messages);
  },
};
