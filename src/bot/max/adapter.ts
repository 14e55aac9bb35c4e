import type { MessengerAdapter } from "../core/transport.js";
import type { MaxConfig } from "./profile.js";
import { MaxTransport } from "./transport.js";

export const maxAdapter: MessengerAdapter<MaxConfig, MaxTransport, { fetch?: typeof fetch }> = {
  platform: "max",
  create: (config, { logger, state, menu, options }) => new MaxTransport({ config, logger, state, menu, fetch: options?.fetch }),
};
