import { basicCommands } from "./basics.js";
import { curatorCommands } from "./curator.js";
import { formCommands } from "./forms.js";
import { lifecycleCommands } from "./lifecycle.js";
import { matchingCommands } from "./matching.js";
import { privacyCommands } from "./privacy.js";
import { CommandRegistry } from "./registry.js";
import { reportCommands } from "./reports.js";
import { adminCommands } from "./admin.js";
import { actsCommands } from "./acts.js";
import { dashboardCommands } from "./dashboard.js";
import { relayCommands } from "./relay.js";

export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry().register(...basicCommands, ...formCommands, ...curatorCommands, ...lifecycleCommands, ...matchingCommands, ...reportCommands, ...adminCommands, ...dashboardCommands, ...actsCommands, ...privacyCommands, ...relayCommands);
}
