import type { MessengerAdapter } from "../core/transport.js";
import type { VkConfig } from "./profile.js";
import { VkTransport } from "./transport.js";

/**
 * Requests per second vk-io lets one process make (its own spacing). vk-io spaces requests
 * ceil(1133 ms / apiLimit) apart in each process: with 20 that is 57 ms (17.5/s), well under VK's
 * 20/s; with 24, 48 ms, so a backlog (after an error 6 it holds everything) goes out above 20/s
 * and draws more errors 6. 51 ms lets the outbound pace (97 % of 20/s, shared in Redis) lead.
 */
const VK_PROCESS_API_LIMIT = 22.5;

export const vkAdapter: MessengerAdapter<VkConfig, VkTransport, { apiLimit?: number }> = {
  platform: "vk",
  create: (config, { logger, options }) => new VkTransport({ config, logger, apiLimit: options?.apiLimit ?? config.apiLimit ?? VK_PROCESS_API_LIMIT }),
};
