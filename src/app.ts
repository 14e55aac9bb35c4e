import type { Server } from "node:http";
import type { Redis } from "ioredis";
import type { Config } from "./config.js";
import type { Clock } from "./domain/clock.js";
import { createDatabase, type Database } from "./db/client.js";
import { I18n } from "./i18n/index.js";
import type { Logger } from "./logger.js";
import { createFlowRegistry } from "./flows/index.js";
import { createServices, type Services } from "./usecases/services.js";
import { UpdateFrames } from "./store/update-frame.js";
import { FlowRunner } from "./bot/core/flow-runner.js";
import { createCommandRegistry } from "./bot/core/commands/index.js";
import { commandMenus } from "./bot/core/commands/menu.js";
import type { CoreDeps } from "./bot/core/commands/registry.js";
import { UpdateProcessor } from "./bot/core/processor.js";
import { DEFAULT_RATE_LIMIT, type RateLimitSettings } from "./bot/core/rate-limit.js";
import type { Messenger } from "./bot/core/types.js";
import type { Transport } from "./bot/core/transport.js";
import { createTransport, type AdapterOptions, type Transports } from "./adapters.js";
import { PLATFORMS, type Platform } from "./domain/platforms.js";
import { webhookPath } from "./platforms.js";
import { createRedis, pingRedis } from "./jobs/connection.js";
import { createWorker, type JobKind, type JobWorker } from "./jobs/worker.js";
import { JobQueue } from "./jobs/job-queue.js";
import { Outbound, type OutboundOptions } from "./jobs/outbound.js";
import { LifecycleScheduler } from "./jobs/lifecycle.js";
import { createHttpServer, type RequestHandler } from "./http/server.js";
import { createWebApp } from "./webapp/index.js";

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** What this process runs: the messengers' transports, the job worker, or both. */
  run: { bot: boolean; worker: boolean };
  /** The one clock of the service (main passes the system clock; tests their own). */
  now: Clock;
  /** Settings of the messengers' adapters (Telegram's known bot, VK's request rate): tests and benchmarks. */
  messengers?: AdapterOptions;
  queuePrefix?: string;
  /** Listen for HTTP (health, webhooks); tests that call handlers directly turn it off. */
  http?: boolean;
  /** Outbound delivery: pacing, retries; `consume` (default: when the process runs the bot or the worker). */
  outbound?: OutboundOptions;
  /** Per-person flood protection; benchmarks of robots that answer in milliseconds raise it. */
  rateLimit?: RateLimitSettings;
  /** The jobs the worker runs (default: all of JOB_KINDS). */
  jobKinds?: readonly JobKind[];
}

export interface App extends Transports {
  db: Database;
  redis: Redis;
  services: Services;
  processor: UpdateProcessor;
  core: CoreDeps;
  /** The transport of every messenger the configuration has a section for (also `app.telegram`, `app.max`…). */
  transports: Map<Platform, Transport>;
  worker?: JobWorker;
  /** The outbound queues every message the bot sends on its own goes through. */
  outbound: Outbound;
  /** The programme cycle's scheduler (the worker runs its tick every minute; tests call it with their own `now`). */
  lifecycle: LifecycleScheduler;
  server?: Server;
  /** The web app's requests (under /app), served by `server`; tests serve it on a server of their own. */
  webApp: RequestHandler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the whole service from its configuration; nothing starts until start(). */
export function createApp(options: AppOptions): App {
  const { config, logger } = options;
  const now = options.now;
  const db = createDatabase(config.databaseUrl);
  const redis = createRedis(config.redisUrl);
  const i18n = new I18n();
  const services = createServices(db.prisma, db.sql, now, i18n);
  const flows = createFlowRegistry();
  const commands = createCommandRegistry();
  const runner = new FlowRunner({ registry: flows, services, now });
  const core: CoreDeps = { services, runner, flows, commands, i18n, now, webAppUrl: config.webAppUrl };

  const transports = new Map<Platform, Transport>();
  const byPlatform: Transports = {};
  const prefix = options.queuePrefix ?? "nastavnik";
  const state = { get: (key: string) => redis.get(`${prefix}:${key}`), set: (key: string, value: string) => redis.set(`${prefix}:${key}`, value) };
  for (const platform of PLATFORMS) {
    const section = config[platform];
    if (!section) continue;
    const transport = createTransport(platform, section as never, { logger, state, menu: () => commandMenus(commands, i18n), options: options.messengers?.[platform] as never });
    transports.set(platform, transport);
    (byPlatform as Record<string, Transport>)[platform] = transport;
  }
  core.inviteLinks = () => Object.fromEntries([...transports].map(([platform, t]) => [platform, t.inviteTarget() ?? null]));
  const messengers = new Map<Platform, Messenger>([...transports].map(([platform, t]) => [platform, t.messenger]));

  // Messages the bot sends on its own (interview outcome, survey opened, forms begun by the scheduler).
  // ...through one outbound queue per messenger; every process that has the messengers may consume them.
  const outbound = new Outbound({
    redis,
    prefix,
    prisma: db.prisma,
    outbox: services.outbox,
    messengers,
    i18n,
    logger,
    options: { ...options.outbound, consume: options.outbound?.consume ?? (options.run.bot || options.run.worker) },
    now,
  });
  const jobs = new JobQueue(redis, prefix);
  services.jobs.attach(jobs);
  const processor = new UpdateProcessor({ core, frames: new UpdateFrames(db.framePool, now), i18n, messengers, logger, rateLimit: options.rateLimit ?? { ...DEFAULT_RATE_LIMIT, ...config.rateLimit }, outbound, jobs });
  for (const t of transports.values()) t.attach(processor);
  services.outreach.attach({ messengers, i18n, processor, outbound });
  const lifecycle = new LifecycleScheduler({ prisma: db.prisma, services, outbound, logger });

  const worker = options.run.worker ? createWorker({ redis, prisma: db.prisma, services, i18n, outbound, lifecycle, logger, prefix, concurrency: config.workerConcurrency, now, kinds: options.jobKinds }) : undefined;

  const webApp = createWebApp({
    services,
    i18n,
    now,
    logger,
    secrets: { telegram: config.telegram?.token, max: config.max?.token, vk: config.vk?.app },
  });

  let server: Server | undefined;
  if (options.http !== false) {
    server = createHttpServer({
      health: async () => {
        const [postgres, redisOk] = await Promise.all([db.ping(), pingRedis(redis)]);
        return { postgres, redis: redisOk };
      },
      webhooks: new Map<string, RequestHandler>(
        options.run.bot ? [...transports].flatMap(([platform, t]) => { const handler = t.webhook(); return handler ? [[webhookPath(platform), handler] as const] : []; }) : [],
      ),
      webApp,
    });
  }

  return {
    db,
    redis,
    services,
    processor,
    core,
    ...byPlatform,
    transports,
    worker,
    outbound,
    lifecycle,
    server,
    webApp,
    async start() {
      if (server) await new Promise<void>((resolve) => server!.listen(config.port, config.host, resolve));
      outbound.ensureStarted();
      if (worker) await worker.start();
      if (options.run.bot) for (const t of transports.values()) await t.start();
      logger.info({ messengers: options.run.bot ? [...transports.keys()] : [], worker: !!worker, port: config.port }, "started");
    },
    async stop() {
      // Stop taking work, finish what is in hand, then close connections.
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      await Promise.all([...transports.values()].map((t) => t.stop()));
      await processor.drain();
      await worker?.stop();
      await outbound.stop();
      await jobs.close();
      await db.close();
      redis.disconnect();
      logger.info("stopped");
    },
  };
}
