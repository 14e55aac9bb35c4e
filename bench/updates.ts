import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import setupTemplate from "../test/support/global-setup.js";
import { startHarness, TEST_VK_SECRET, TEST_WEBHOOK_SECRET, type Harness } from "../test/support/harness.js";
import { webhookPath } from "../src/platforms.js";
import { MAX_WEBHOOK_SECRET, ServiceProcess } from "./service-process.js";
import type { TestUser } from "../test/support/users.js";
import { median, percentile, round } from "./stats.js";
import { PLATFORMS, type Platform } from "../src/domain/platforms.js";

/**
 * Update handling through the full stack: grammY, vk-io and the MAX transport parsing real
 * update payloads, the per-chat frame in PostgreSQL, the flow engine, replies sent to fake
 * messenger APIs — in process (grammY's transformer, vk-io's call hook, the MAX client's fetch),
 * or with every messenger in webhook mode over HTTP (`runUpdateBench({ transport: "webhook" })`).
 * Simulated people join a programme (5 updates) and fill in the mentee's request (about 20 more),
 * in turn on every registered messenger (BENCH_PLATFORM=max: one only).
 */

/** A person's journey, one update per step; each step yields its kind, for the latency per kind. */
type Journey = (u: TestUser) => AsyncGenerator<StepKind>;
type StepKind = "open" | "choose language" | "age" | "consent" | "name" | "/questionnaire" | "answer" | "submit";

function joinJourney(code: string): Journey {
  return async function* (u) {
    await u.open(code);
    yield "open";
    await u.press("English");
    yield "choose language";
    await u.press("18 or older");
    yield "age";
    await u.press("I agree");
    yield "consent";
    await u.send("Alex Doe");
    yield "name";
  };
}

const NAV = new Set(["◀ Назад", "Пропустить", "Ещё ▶", "◀ Назад к списку", "Готово", "Выбрать заново", "✏️ Изменить ответ"]);

/**
 * A person who answers whatever the questionnaire asks, as a quick respondent would: the
 * first option, one tick and Done, the lower bound of a number, a sentence of text.
 */
async function* answerQuestionnaire(u: TestUser): AsyncGenerator<StepKind> {
  for (let step = 0; step < 60; step++) {
    const last = u.last();
    const labels = last.buttons.flat().map((b) => b.label);
    if (labels.includes("✅ Отправить")) {
      await u.press("✅ Отправить");
      yield "submit";
      return;
    }
    if (labels.includes("Продолжить")) await u.press("Продолжить");
    else if (last.text.includes("Отметьте все подходящие")) {
      const option = labels.find((l) => !NAV.has(l) && !l.startsWith("✓"));
      if (option && !labels.some((l) => l.startsWith("✓"))) await u.press(option);
      else await u.press("Готово");
    } else if (labels.some((l) => !NAV.has(l))) await u.press(labels.find((l) => !NAV.has(l))!);
    else {
      const range = /число от (\d+) до (\d+)/.exec(last.text);
      await u.send(range ? range[1]! : "Хочу научиться выступать и работать в команде");
    }
    yield "answer";
  }
  throw new Error(`questionnaire did not end: ${u.last().text.slice(0, 200)}`);
}

/** Joining in Russian, then the mentee's request from /questionnaire to Submit. */
export function joinAndRequestJourney(code: string): Journey {
  return async function* (u) {
    await u.open(code);
    yield "open";
    await u.press("Русский");
    yield "choose language";
    await u.press("18 лет и старше");
    yield "age";
    await u.press("Даю согласие");
    yield "consent";
    await u.send("Алекс Петров");
    yield "name";
    await u.send("/questionnaire");
    yield "/questionnaire";
    yield* answerQuestionnaire(u);
  };
}

let nextId = 50_000_000;
function newUser(h: Harness, i: number): TestUser {
  const only = PLATFORMS.find((p) => p === process.env.BENCH_PLATFORM);
  const u = h.user(only ?? PLATFORMS[i % PLATFORMS.length]!, String(nextId++));
  // An update's latency is the person's: until the answer is at the messenger. What it hands
  // over for others (the curator's notice) goes through the outbound queues meanwhile, in this
  // process, and is measured by the delivery benchmark.
  u.waitsForOthers = false;
  return u;
}

/** As fast as possible: `concurrency` people at once, each going through the journey. */
export async function throughput(h: Harness, journey: Journey, people: number, concurrency: number): Promise<{ updatesPerSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let index = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (index < people) {
        const u = newUser(h, index++);
        const steps = journey(u);
        for (;;) {
          const s = performance.now();
          const r = await steps.next();
          if (r.done) break;
          latencies.push(performance.now() - s);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { updatesPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** A steady offered load: one update every 1000/rate ms, each to a person who is not waiting for an answer. */
async function fixedRate(h: Harness, journey: Journey, rate: number, seconds: number): Promise<{ achieved: number; p50: number; p99: number; max: number; byKind: Map<StepKind, number[]> }> {
  const latencies: number[] = [];
  const byKind = new Map<StepKind, number[]>();
  const idle: AsyncGenerator<StepKind>[] = [];
  let created = 0;
  const inFlight = new Set<Promise<void>>();
  const total = rate * seconds;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const steps = idle.pop() ?? journey(newUser(h, created++));
    const started = performance.now();
    const p = steps.next().then((r) => {
      const ms = performance.now() - started;
      latencies.push(ms);
      if (r.done) return;
      idle.push(steps);
      const kind = byKind.get(r.value) ?? [];
      kind.push(ms);
      byKind.set(r.value, kind);
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - t0) / 1000;
  // People still midway finish their journeys untimed, so every journey is checked at the end.
  for (const steps of idle) while (!(await steps.next()).done);
  latencies.sort((a, b) => a - b);
  for (const list of byKind.values()) list.sort((a, b) => a - b);
  return { achieved: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1]!, byKind };
}

/** PostgreSQL on the same host is reached through its Unix socket, as a single-host deployment would. */
const SOCKET_DIR = "/var/run/postgresql";

/** Posts each person's updates to the service's webhook of their messenger, as the messenger would; a refusal fails the journey. */
function viaWebhook(service: ServiceProcess, u: TestUser): void {
  const url = `${service.url}${webhookPath(u.platform)}`;
  const headers: Record<Platform, Record<string, string>> = {
    telegram: { "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
    vk: {},
    max: { "x-max-bot-api-secret": MAX_WEBHOOK_SECRET },
  };
  u.post = async (update) => {
    const body = u.platform === "vk" ? { ...(update as object), secret: TEST_VK_SECRET } : update;
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers[u.platform] }, body: JSON.stringify(body) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${u.platform} webhook answered ${res.status}`);
  };
}

export type UpdateTransport = "in-process" | "webhook";

/**
 * `in-process`: updates handed to each transport as its long polling does, the messengers' APIs
 * answered in process. `webhook`: black-box — the compiled service started in a process of its
 * own as production runs it, every messenger in webhook mode, updates posted to its HTTP server,
 * the fake APIs called over HTTP; with its start-up time and peak RSS.
 */
export async function runUpdateBench(options: { runs?: number; transport?: UpdateTransport } = {}): Promise<Record<string, number | string>> {
  const runs = options.runs ?? 3;
  const transport = options.transport ?? "in-process";
  const viaSocket = !process.env.TEST_ADMIN_DATABASE_URL && existsSync(SOCKET_DIR);
  if (viaSocket) process.env.TEST_ADMIN_DATABASE_URL = `postgresql://postgres@${encodeURIComponent(SOCKET_DIR)}/postgres`;
  const dropTemplate = await setupTemplate();
  // Simulated people answer within milliseconds of each reply, far faster than the flood
  // protection lets a real person go; it is lifted here and tested on its own.
  const rateLimit = { burst: 1e9, perSecond: 1e9, maxQueued: 1e9 };
  const h = await startHarness({ env: { LOG_LEVEL: "warn" }, ...(transport === "webhook" ? { app: { run: { bot: false, worker: false } } } : { inProcessApis: true, app: { rateLimit } }) });
  let service: ServiceProcess | undefined;
  let peakRss = 0;
  try {
    // The same flood protection lifted, through the service's environment; VK's API limit (20 requests
    // a second for a community, which the fake does not impose) lifted too, as the in-process run does.
    if (transport === "webhook") service = await new ServiceProcess().start(h, { FLOOD_BURST: "1000000000", FLOOD_PER_SECOND: "1000000000", FLOOD_MAX_QUEUED: "1000000000", VK_API_LIMIT: "1000" });
    const { programmeId } = await h.seedProgramme();
    const code = await h.invite(programmeId, "mentee");
    const inner = process.env.BENCH_JOURNEY === "join" ? joinJourney(code) : joinAndRequestJourney(code);
    const running = service;
    const journey: Journey = running
      ? (u) => {
          viaWebhook(running, u);
          return inner(u);
        }
      : inner;
    await throughput(h, journey, 100, 20); // warm-up: JIT, pools, caches
    const peak: number[] = [];
    const rates = transport === "webhook" ? [100, 200] : [200];
    const steady = new Map<number, Awaited<ReturnType<typeof fixedRate>>[]>(rates.map((r) => [r, []]));
    for (let r = 0; r < runs; r++) {
      peak.push((await throughput(h, journey, transport === "webhook" ? 200 : 600, 64)).updatesPerSecond);
      if (process.env.BENCH_ONLY !== "peak") for (const rate of rates) steady.get(rate)!.push(await fixedRate(h, journey, rate, 10));
    }
    // Every simulated person must have reached the end of the journey: the figures count only work done.
    const people = await h.app.db.prisma.person.count();
    const submitted = await h.app.db.prisma.formResponse.count({ where: { status: "submitted" } });
    if (process.env.BENCH_JOURNEY !== "join" && submitted < people) throw new Error(`only ${submitted} of ${people} questionnaires were submitted`);
    const atRates = Object.fromEntries(
      rates.flatMap((rate) => {
        const list = steady.get(rate)!;
        return [
          [`p50 ms at ${rate} updates/s (median)`, round(median(list.map((s) => s.p50)), 2)],
          [`p99 ms at ${rate} updates/s (median)`, round(median(list.map((s) => s.p99)), 2)],
          [`achieved rate at ${rate}/s (median)`, round(median(list.map((s) => s.achieved)))],
        ];
      }),
    );
    // Each kind of step on its own: its p50 and p99 at 200/s (medians over the runs).
    const at200 = steady.get(200)!;
    const kinds = [...new Set(at200.flatMap((r) => [...r.byKind.keys()]))];
    const perKind = Object.fromEntries(
      kinds.map((kind) => {
        const lists = at200.map((r) => r.byKind.get(kind) ?? []).filter((l) => l.length);
        return [`${kind}: p50 / p99 ms at 200/s`, `${round(median(lists.map((l) => percentile(l, 50))), 2)} / ${round(median(lists.map((l) => percentile(l, 99))), 2)} (${lists.reduce((n, l) => n + l.length, 0)} updates)`];
      }),
    );
    if (service) peakRss = await service.stop();
    return {
      transport,
      "updates/s (peak, median)": round(median(peak)),
      ...atRates,
      runs,
      "people (all journeys completed)": people,
      database: viaSocket ? "unix socket" : "tcp",
      ...(service ? { "service start-up ms (spawn to /healthz)": round(service.startupMs), "service peak RSS MB": round(peakRss / 1048576) } : {}),
      ...perKind,
    };
  } finally {
    await service?.stop();
    await h.close();
    await dropTemplate();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runUpdateBench().then((r) => {
    console.table(r);
    process.exit(0);
  });
}
