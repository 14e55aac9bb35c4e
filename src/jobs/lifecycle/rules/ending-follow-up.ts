import type { Rule } from "../rule.js";
import { DAY } from "../tick.js";

/** What an ending brings (the ending told to both sides and the curators, with its survey and the final report's date), once more for a pair ended in the last two days whose curator's talk task is missing: a crash cut the ending short. */
export const endingFollowUp: Rule = {
  name: "ending-follow-up",
  async run(tick) {
    let followed = 0;
    for (const { pair } of tick.roundPairs()) {
      if (!pair.endedAt || tick.now.getTime() - pair.endedAt.getTime() >= 2 * DAY) continue;
      const task = `talk-after-ending-${pair.id}`;
      if ((await tick.services.tasks.isOpen(task)) || (await tick.services.tasks.isDone(task))) continue;
      const view = await tick.services.pairs.get(pair.id);
      if (!view) continue;
      await tick.services.pairs.afterEnding(view, tick.now);
      followed++;
    }
    return followed;
  },
};
