import type { MessengerAdapter } from "../core/transport.js";
import type { MaxConfig } from "./profile.js";
import { MaxTransport } from "./transport.js";

export const maxAdapter: MessengerAdapter<MaxConfig, MaxTransport> = {
  platform: "max",
  create: (config, { logger, state, menu }) => new MaxTransport({ config, logger, state, menu }),
};
