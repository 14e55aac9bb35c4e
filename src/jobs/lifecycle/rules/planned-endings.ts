import { plannedEndingAt } from "../../../domain/deadlines.js";
import type { Rule } from "../rule.js";
import { WORKING } from "../tick.js";

/** Pairs still working when the programme's last day is over end as planned (002 §7.5). */
export const plannedEndings: Rule = {
  name: "planned-endings",
  counts: "endings",
  async run(tick) {
    let ended = 0;
    for (const programme of tick.active()) {
      const at = plannedEndingAt(programme.endsOn, programme.tz);
      tick.later(programme.id, at);
      if (tick.now < at) continue;
      // Each ending brings its pair forward, to be followed up in this tick's pair rounds.
      const pairs = await tick.prisma.pair.findMany({ where: { programmeId: programme.id, status: { in: WORKING } }, select: { id: true } });
      for (const p of pairs) {
        const r = await tick.services.pairs.end({ pairId: p.id, reason: "planned", endedById: null, now: tick.now });
        if (r.ok) ended++;
      }
    }
    return ended;
  },
};
