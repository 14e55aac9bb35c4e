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
      if (tick.now < plannedEndingAt(programme.endsOn, programme.tz)) continue;
      const pairs = await tick.prisma.pair.findMany({ where: { programmeId: programme.id, status: { in: WORKING } }, select: { id: true } });
      for (const p of pairs) {
        const r = await tick.services.pairs.end({ pairId: p.id, reason: "planned", endedById: null, now: tick.now });
        if (r.ok) ended++;
      }
    }
    if (ended) tick.pairsChanged();
    return ended;
  },
};
