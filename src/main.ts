import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { systemClock } from "./domain/clock.js";
import { loadEnvFile } from "./env-file.js";

/** Entry point: `all` (transports and worker), `bot` or `worker`. The only place that starts things. */
async function main(): Promise<void> {
  const mode = process.argv[2] ?? "all";
  if (!["all", "bot", "worker"].includes(mode)) {
    console.error(`Usage: node dist/main.js [all|bot|worker]`);
    process.exit(2);
  }
  loadEnvFile();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const app = createApp({ config, logger, now: systemClock, run: { bot: mode !== "worker", worker: mode !== "bot" } });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await app.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  await app.start();
}

main().catch((error) => {
  console.error("Start-up failed:", error instanceof Error ? error.message.split("\n")[0] : error);
  process.exit(1);
});
