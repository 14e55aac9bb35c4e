import { Writable } from "node:stream";
import { APIError } from "vk-io";
import { createApp, type App, type AppOptions } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { Role } from "../../src/domain/roles.js";
import { createTestDatabase, type TestDatabase } from "./db.js";
import { BOT_INFO, FakeTelegram } from "./fake-telegram.js";
import { FakeVk, VK_GROUP_ID } from "./fake-vk.js";
import { MaxTestUser, TelegramTestUser, VkTestUser, type TestUser } from "./users.js";
import { FakeMax, MAX_BOT, MAX_TOKEN } from "./fake-max.js";
import type { Platform } from "../../src/domain/platforms.js";
import { TcpProxy } from "./tcp-proxy.js";
import { deletePrefixKeys, testQueuePrefix } from "./redis-keys.js";
import { systemClock } from "../../src/domain/clock.js";
import { matchingJobKind } from "../../src/jobs/matching.js";

export const TEST_TELEGRAM_TOKEN = "123456:TEST-token-for-the-fake-bot-api";
export const TEST_WEBHOOK_SECRET = "webhook-secret-0123456789";
export const TEST_VK_SECRET = "vk-callback-secret";
export const TEST_VK_CONFIRMATION = "a1b2c3d4";

export interface Harness {
  app: App;
  dbProxy?: TcpProxy;
  /** Stops the app and builds a new one on the same database, as a restart of the process would. */
  restart(): Promise<void>;
  /** Another process of the same service: its own pools and connections, the same database and fakes. */
  another(): App;
  tg: FakeTelegram;
  vk: FakeVk;
  max: FakeMax;
  database: TestDatabase;
  logs: string[];
  user(platform: Platform, id?: string): TestUser;
  /**
   * An organisation and its programme. The programme runs from `startsOn` to `endsOn` (dates as
   * "YYYY-MM-DD"); by default it began four months before the app's clock says now and ends in
   * six months, so a test on the system clock finds it running whatever the date.
   */
  seedProgramme(input?: { timezone?: string; name?: string; form?: string; startsOn?: string; endsOn?: string }): Promise<{ organisationId: string; programmeId: string }>;
  invite(programmeId: string, role: Role, options?: { expiresAt?: Date; maxUses?: number }): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  app?: Partial<AppOptions>;
  start?: boolean;
  /** Answer the messengers' API calls in process (grammY transformer, vk-io call hook, the MAX client's fetch) instead of over HTTP. */
  inProcessApis?: boolean;
  /** Reach PostgreSQL through a proxy the test can cut (`h.dbProxy`). */
  proxyDatabase?: boolean;
}

/** Routes the app's API calls straight to the fakes, skipping HTTP; the rest of grammY and vk-io runs as usual (MAX: its client's fetch, set at build). */
function connectInProcess(app: App, tg: FakeTelegram, vk: FakeVk): void {
  app.telegram?.bot.api.config.use(async (_prev, method, payload) => (await tg.call(method, payload ?? {})).body);
  if (app.vk) {
    (app.vk.vk.api as any).callWithRequest = async (request: { method: string; params: Record<string, unknown> }) => {
      const params = Object.fromEntries(Object.entries(request.params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
      const r = vk.call(request.method, params);
      if (r.error) throw new APIError(r.error as any);
      return r.response;
    };
  }
}

const DAY = 86_400_000;

let nextUser = 100_000 + Math.floor(Math.random() * 1000) * 1000;

/** The whole bot against a fresh database, the local Redis and fake messenger APIs. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const [database, tg, vk, max] = await Promise.all([createTestDatabase(), FakeTelegram.start(), FakeVk.start(), FakeMax.start()]);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  let dbProxy: TcpProxy | undefined;
  let databaseUrl = database.url;
  if (options.proxyDatabase) {
    dbProxy = await new TcpProxy("127.0.0.1", 5432).start();
    const u = new URL(database.url);
    u.host = `127.0.0.1:${dbProxy.port}`;
    databaseUrl = u.toString();
  }
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: "redis://127.0.0.1:6379",
    TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN,
    TELEGRAM_API_ROOT: tg.url,
    VK_GROUP_TOKEN: "vk1.a.test-group-token",
    VK_GROUP_ID: String(VK_GROUP_ID),
    VK_API_BASE_URL: vk.apiBaseUrl,
    MAX_BOT_TOKEN: MAX_TOKEN,
    MAX_BOT_USERNAME: MAX_BOT.username,
    MAX_API_BASE_URL: max.url,
    LOG_LEVEL: "debug",
    PORT: "0",
    ...options.env,
  });
  const build = () => {
    const built = createApp({
      config,
      logger: createLogger("debug", sink),
      now: systemClock,
      // The worker runs the jobs people ask for (a matching run); the scheduled ones have their own tests.
      run: { bot: true, worker: true },
      jobKinds: [matchingJobKind],
      messengers: { telegram: { botInfo: BOT_INFO }, vk: { apiLimit: 1000 }, ...(options.inProcessApis ? { max: { fetch: max.fetch } } : {}) },
      queuePrefix,
      http: false,
      // Test users press buttons within milliseconds; the flood protection has its own tests.
      rateLimit: { burst: 500, perSecond: 500, maxQueued: 500 },
      ...options.app,
    });
    if (options.inProcessApis) connectInProcess(built, tg, vk);
    return built;
  };
  const queuePrefix = testQueuePrefix();
  let app = build();
  const extra: App[] = [];
  await database.db.close(); // the app has its own pools
  if (options.start) await app.start();
  else await app.worker?.start();
  const users = new Map<string, TestUser>();
  const harness: Harness = {
    dbProxy,
    get app() {
      return app;
    },
    another() {
      const other = build();
      extra.push(other);
      return other;
    },
    async restart() {
      await app.stop();
      app = build();
      if (options.start) await app.start();
      else await app.worker?.start();
    },
    tg,
    vk,
    max,
    database,
    logs,
    user(platform, id) {
      const userId = id ?? String(nextUser++);
      const key = `${platform}:${userId}`;
      let u = users.get(key);
      if (!u) {
        const makers: Record<Platform, () => TestUser> = {
          telegram: () => new TelegramTestUser(() => app, tg, userId),
          vk: () => new VkTestUser(() => app, vk, userId),
          max: () => new MaxTestUser(() => app, max, userId),
        };
        u = makers[platform]();
        users.set(key, u);
      }
      return u;
    },
    async seedProgramme(input = {}) {
      const today = Math.floor(app.services.now().getTime() / DAY) * DAY;
      const org = await app.db.prisma.organisation.create({ data: { name: "МАОУ «СОШ № 46»", timezone: input.timezone ?? "Asia/Omsk", district: "Омский район", createdAt: app.services.now() } });
      const programme = await app.db.prisma.programme.create({
        data: {
          organisationId: org.id,
          name: input.name ?? "Шаг в профессию",
          form: (input.form as any) ?? "pupil_pupil",
          startsOn: input.startsOn ? new Date(input.startsOn) : new Date(today - 120 * DAY),
          endsOn: input.endsOn ? new Date(input.endsOn) : new Date(today + 180 * DAY),
          createdAt: app.services.now(),
        },
      });
      return { organisationId: org.id, programmeId: programme.id };
    },
    async invite(programmeId, role, opts = {}) {
      const { code } = await app.services.invitations.create({ programmeId, role, expiresAt: opts.expiresAt, maxUses: opts.maxUses });
      return code;
    },
    async close() {
      try {
        await Promise.all(extra.map((a) => a.stop()));
        await app.stop();
      } finally {
        // The queues, schedules and pacing keys of this harness's prefix (the same for every app it built).
        await deletePrefixKeys(config.redisUrl, options.app?.queuePrefix ?? queuePrefix).catch(() => undefined);
      }
      await Promise.all([tg.close(), vk.close(), max.close()]);
      await dbProxy?.close();
      await database.drop();
    },
  };
  return harness;
}
