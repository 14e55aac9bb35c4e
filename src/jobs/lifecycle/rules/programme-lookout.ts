import type { Rule } from "../rule.js";
import { DAY } from "../tick.js";

/**
 * A running programme is looked at again at least once a day, whatever its rules said: what a
 * change did not bring forward (a mentee's status set outside the bot) is seen within a day.
 */
export const programmeLookout: Rule = {
  name: "programme-lookout",
  async run(tick) {
    for (const programme of tick.active()) tick.later(programme.id, new Date(tick.now.getTime() + DAY));
    return 0;
  },
};
