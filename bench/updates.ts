import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import setupTemplate from "../test/support/global-setup.js";
import { startHarness, type Harness } from "../test/support/harness.js";
import type { TestUser } from "../test/support/users.js";
import { median, percentile, round } from "./stats.js";
import { PLATFORMS } from "../src/domain/platforms.js";

/**
 * Update handling through the full stack: grammY, vk-io and the MAX transport parsing real
 * update payloads, the per-chat frame in PostgreSQL, the flow engine, replies sent to fake
 * messenger APIs (in process: grammY's transformer, vk-io's call hook, the MAX client's fetch). Simulated people join
 * a programme (5 updates) and fill in the mentee's request (about 20 more), in turn on every
 * registered messenger (BENCH_PLATFORM=max: one only).
 */

/** A person's journey, one update per step; each step yields its kind, for the latency per kind. */
type Journey = (u: TestUser) => AsyncGenerator<StepKind>;
type StepKind = "open" | "choose language" | "consent" | "age" | "name" | "/questionnaire" | "answer" | "submit";

function joinJourney(code: string): Journey {
  return async function* (u) {
    await u.open(code);
    yield "open";
    await u.press("English");
    yield "choose language";
    await u.press("I agree");
    yield "consent";
    await u.press("Yes");
    yield "age";
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
    await u.press("Даю согласие");
    yield "consent";
    await u.press("Да");
    yield "age";
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

export async function runUpdateBench(options: { runs?: number } = {}): Promise<Record<string, number | string>> {
  const runs = options.runs ?? 3;
  const viaSocket = !process.env.TEST_ADMIN_DATABASE_URL && existsSync(SOCKET_DIR);
  if (viaSocket) process.env.TEST_ADMIN_DATABASE_URL = `postgresql://postgres@${encodeURIComponent(SOCKET_DIR)}/postgres`;
  const dropTemplate = await setupTemplate();
  // Simulated people answer within milliseconds of each reply, far faster than the flood
  // protection lets a real person go; it is lifted here and tested on its own.
  const h = await startHarness({ env: { LOG_LEVEL: "warn" }, inProcessApis: true, app: { rateLimit: { burst: 1e9, perSecond: 1e9, maxQueued: 1e9 } } });
  try {
    const { programmeId } = await h.seedProgramme();
    const code = await h.invite(programmeId, "mentee");
    const journey = process.env.BENCH_JOURNEY === "join" ? joinJourney(code) : joinAndRequestJourney(code);
    await throughput(h, journey, 100, 20); // warm-up: JIT, pools, caches
    const peak: number[] = [];
    const steady: Awaited<ReturnType<typeof fixedRate>>[] = [];
    for (let r = 0; r < runs; r++) {
      peak.push((await throughput(h, journey, 600, 64)).updatesPerSecond);
      if (process.env.BENCH_ONLY !== "peak") steady.push(await fixedRate(h, journey, 200, 10));
    }
    // Every simulated person must have reached the end of the journey: the figures count only work done.
    const people = await h.app.db.prisma.person.count();
    const submitted = await h.app.db.prisma.formResponse.count({ where: { status: "submitted" } });
    if (process.env.BENCH_JOURNEY !== "join" && submitted < people) throw new Error(`only ${submitted} of ${people} questionnaires were submitted`);
    // Each kind of step on its own: its p50 and p99 at 200/s (medians over the runs).
    const kinds = [...new Set(steady.flatMap((r) => [...r.byKind.keys()]))];
    const perKind = Object.fromEntries(
      kinds.flatMap((kind) => {
        const lists = steady.map((r) => r.byKind.get(kind) ?? []).filter((l) => l.length);
        return [
          [`${kind}: p50 / p99 ms at 200/s`, `${round(median(lists.map((l) => percentile(l, 50))), 2)} / ${round(median(lists.map((l) => percentile(l, 99))), 2)} (${lists.reduce((n, l) => n + l.length, 0)} updates)`],
        ];
      }),
    );
    return {
      "updates/s (peak, median)": round(median(peak)),
      "p50 ms at 200 updates/s (median)": round(median(steady.map((s) => s.p50)), 2),
      "p99 ms at 200 updates/s (median)": round(median(steady.map((s) => s.p99)), 2),
      "achieved rate at 200/s (median)": round(median(steady.map((s) => s.achieved))),
      runs,
      "people (all journeys completed)": people,
      database: viaSocket ? "unix socket" : "tcp",
      ...perKind,
    };
  } finally {
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
