import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { OutboundOptions } from "../../src/jobs/outbound.js";
import { systemClock } from "../../src/domain/clock.js";

/**
 * The worker process as `npm run start:worker` builds it (createApp, run: worker only),
 * with two settings tests and benchmarks need: its own queue prefix (QUEUE_PREFIX) and the
 * outbound options (OUTBOUND_OPTIONS, JSON: shorter job locks, so a killed worker's jobs are
 * taken over in seconds; the pace of a scaled-limit fake messenger) and, for such a fake,
 * vk-io's own request spacing (VK_API_LIMIT). Spawned with
 * `node --import tsx test/support/worker-process.ts`, so a signal reaches this very process.
 */
const config = loadConfig(process.env);
const logger = createLogger(config.logLevel);
const outbound = JSON.parse(process.env.OUTBOUND_OPTIONS ?? "{}") as OutboundOptions;
const vkApiLimit = process.env.VK_API_LIMIT ? Number(process.env.VK_API_LIMIT) : undefined;
const app = createApp({ config, logger, now: systemClock, run: { bot: false, worker: true }, queuePrefix: process.env.QUEUE_PREFIX, outbound, messengers: { vk: { apiLimit: vkApiLimit } }, http: false });
process.on("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
await app.start();
