import type { Rule } from "../rule.js";
import { DAY } from "../tick.js";

/** What an ending brings (the ending told to both sides and the curators, with its survey and the final report's date), once more for a pair ended in the last two days whose curator's talk task is missing: a crash cut the ending short. */
export const endingFollowUp: Rule = {
  name: "ending-follow-up",
  async run(tick) {
    let followed = 0;
    for (const pair of await tick.endedPairs()) {
      if (!pair.endedAt || !(await tick.programme(pair.programmeId))) continue;
      if (tick.now.getTime() - pair.endedAt.getTime() >= 2 * DAY) continue;
      const task = `talk-after-ending-${pair.id}`;
      if ((await tick.services.tasks.isOpen(task)) || (await tick.services.tasks.isDone(task))) continue;
      await tick.services.pairs.afterEnding(pair, tick.now);
      followed++;
    }
    return followed;
  },
};
