import { randomBytes } from "node:crypto";
import setupTemplate from "../test/support/global-setup.js";
import { startHarness, type Harness } from "../test/support/harness.js";
import { spawnWorker, until, type WorkerProcess } from "../test/integration/delivery-processes.js";
import { newId } from "../src/db/sql.js";
import type { OutboxMessage } from "../src/store/notifications.js";
import { round } from "./stats.js";
import { PLATFORMS, type Platform } from "../src/domain/platforms.js";
import { profileOf } from "../src/platforms.js";

/**
 * Delivery: N reminders due at once (to Telegram chats, VK peers and MAX users in the ratio of
 * their limits, one each), dispatched by one process and sent by the real worker process, against
 * fake messenger APIs over HTTP that enforce the limits and answer 429 (Telegram, retry_after 1;
 * MAX) or error 6 (VK) when they are passed.
 *
 * Runs:
 * - "scaled": the overall limits of Telegram and MAX ×SCALE (30×SCALE/s, Telegram still 1/s per
 *   chat; the worker's pace set to them), VK at its real 20/s, so 20,000 messages take two minutes;
 * - "real limits": Telegram 30/s, VK 20/s and MAX 30/s as they are, fewer messages (30 s of each);
 * - "scaled, killed": as "scaled", the worker killed with SIGKILL when 40 % has gone out and
 *   started again at once.
 * Achieved rate: accepted sends per second between the first and the last accepted send of a
 * platform (the dead time of a kill included), as a share of the limit the fake enforced.
 * Duplicates: sends a chat received beyond its one message (VK's random_id repeats, which VK
 * drops, are counted apart). Losses: recipients who got nothing.
 */

/** Each messenger's limit, from its profile: Telegram 30/s, VK 20/s, MAX 30/s. */
const LIMIT = Object.fromEntries(PLATFORMS.map((p) => [p, profileOf(p).pace.perSecond])) as Record<Platform, number>;

/** What each fake received: the sends (chat, arrival), the sends it refused for the rate. */
const FAKE: Record<Platform, { sent(h: Harness): { chat: string; at: number }[]; rejected(h: Harness): number; enforce(h: Harness, perSecond: number): void; scales: boolean }> = {
  telegram: {
    sent: (h) => h.tg.sent.filter((m) => m.method === "sendMessage").map((m) => ({ chat: m.chatId, at: m.at })),
    rejected: (h) => h.tg.rateLimited,
    enforce: (h, perSecond) => h.tg.enforceLimits({ perChatPerSecond: 1, globalPerSecond: perSecond }),
    scales: true,
  },
  // vk-io spaces VK requests in whole milliseconds with timers, which does not scale.
  vk: { sent: (h) => h.vk.sent.filter((m) => m.method === "messages.send").map((m) => ({ chat: m.peerId, at: m.at })), rejected: (h) => h.vk.rateLimited, enforce: (h, perSecond) => h.vk.enforceLimit(perSecond), scales: false },
  max: { sent: (h) => h.max.sent.filter((m) => m.method === "send").map((m) => ({ chat: m.chatId, at: m.at })), rejected: (h) => h.max.rateLimited, enforce: (h, perSecond) => h.max.enforceLimit(perSecond), scales: true },
};

interface RunResult {
  perPlatform: Record<Platform, { sent: number; duplicates: number; lost: number; rate: number; share: number; maxInAnySecond: number; rejected: number; longestGapMs: number; limit: number }>;
  wallSeconds: number;
  dispatchSeconds: number;
  vkRepeatsDropped: number;
  outboxSent: number;
}

async function seed(h: Harness, counts: Record<Platform, number>): Promise<Record<Platform, string[]>> {
  const chats = Object.fromEntries(PLATFORMS.map((p) => [p, [] as string[]])) as Record<Platform, string[]>;
  const messages: OutboxMessage[] = [];
  const now = new Date();
  let n = 500_000_000;
  for (const platform of PLATFORMS) {
    for (let i = 0; i < counts[platform]; i += 2000) {
      const people = Array.from({ length: Math.min(2000, counts[platform] - i) }, () => ({ id: newId(), chat: String(n++) }));
      await h.app.db.prisma.person.createMany({ data: people.map((p) => ({ id: p.id, displayName: "Участник", isMinor: false, createdAt: now })) });
      await h.app.db.prisma.messengerIdentity.createMany({ data: people.map((p) => ({ personId: p.id, platform, externalId: p.chat, chatId: p.chat, createdAt: now })) });
      for (const p of people) {
        chats[platform].push(p.chat);
        messages.push({ personId: p.id, dedupKey: `bench-${p.id}`, kind: "bench-reminder", parts: [{ text: "Напоминание: встреча с наставником завтра в 15:00." }], dueAt: now, merge: "reminders" });
      }
    }
  }
  await h.app.services.outbox.add(messages);
  return chats;
}

function measure(times: number[], limit: number) {
  const sorted = [...times].sort((a, b) => a - b);
  let maxInAnySecond = 0;
  let longestGapMs = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    maxInAnySecond = Math.max(maxInAnySecond, i - j + 1);
    if (i > 0) longestGapMs = Math.max(longestGapMs, sorted[i]! - sorted[i - 1]!);
  }
  const span = sorted.length > 1 ? sorted[sorted.length - 1]! - sorted[0]! : 0;
  const rate = span > 0 ? ((sorted.length - 1) * 1000) / span : 0;
  return { rate, share: rate / limit, maxInAnySecond, longestGapMs };
}

async function runOnce(input: { total: number; scale: number; kill: boolean }): Promise<RunResult> {
  const prefix = `bench-${randomBytes(4).toString("hex")}`;
  const h = await startHarness({ env: { LOG_LEVEL: "warn" }, app: { queuePrefix: prefix, outbound: { consume: false } } });
  const workers: WorkerProcess[] = [];
  try {
    // The limits of Telegram and MAX are scaled; VK's is not (see FAKE).
    const limits = Object.fromEntries(PLATFORMS.map((p) => [p, FAKE[p].scales ? LIMIT[p] * input.scale : LIMIT[p]])) as Record<Platform, number>;
    for (const p of PLATFORMS) FAKE[p].enforce(h, limits[p]);
    // Split by the limits, so every messenger takes the same time.
    const sum = PLATFORMS.reduce((n, p) => n + limits[p], 0);
    const counts = Object.fromEntries(PLATFORMS.map((p) => [p, Math.floor((input.total * limits[p]) / sum)])) as Record<Platform, number>;
    counts[PLATFORMS[0]] += input.total - PLATFORMS.reduce((n, p) => n + counts[p], 0);
    const chats = await seed(h, counts);
    const total = input.total;
    const options = {
      // More jobs at once for the scaled Telegram limit; everything else as the service runs.
      outbound: { pace: Object.fromEntries(PLATFORMS.map((p) => [p, { ...profileOf(p).pace, perSecond: limits[p] }])), concurrency: Math.max(8, 4 * input.scale) },
    };
    const start = () => {
      const w = spawnWorker(h, { prefix, ...options });
      workers.push(w);
      return w;
    };
    const first = start();
    await first.started();
    const t0 = Date.now();
    await h.app.outbound.dispatch(new Date());
    const dispatchSeconds = (Date.now() - t0) / 1000;
    const delivered = () => PLATFORMS.reduce((n, p) => n + FAKE[p].sent(h).length, 0);
    if (input.kill) {
      await until(() => delivered() >= total * 0.4, 600_000, "40 % of the messages");
      await first.kill("SIGKILL");
      await start().started();
    }
    const expectedSeconds = Math.max(...PLATFORMS.map((p) => counts[p] / limits[p]));
    await until(async () => (await h.app.services.outbox.pendingDue(new Date())) === 0, (expectedSeconds * 3 + 120) * 1000, "every reminder to be settled");
    await new Promise((r) => setTimeout(r, 2000)); // late repeats, if any, would arrive now
    const wallSeconds = (Date.now() - t0) / 1000;

    const perPlatform = {} as RunResult["perPlatform"];
    for (const platform of PLATFORMS) {
      const sent = FAKE[platform].sent(h);
      const byChat = new Map<string, number>();
      for (const m of sent) byChat.set(m.chat, (byChat.get(m.chat) ?? 0) + 1);
      const duplicates = [...byChat.values()].reduce((n, c) => n + c - 1, 0);
      const lost = chats[platform].filter((c) => !byChat.has(c)).length;
      const m = measure(sent.map((s) => s.at), limits[platform]);
      perPlatform[platform] = { sent: sent.length, duplicates, lost, ...m, rejected: FAKE[platform].rejected(h), limit: limits[platform] };
    }
    const tally = await h.app.services.outbox.tally("bench-");
    return { perPlatform, wallSeconds, dispatchSeconds, vkRepeatsDropped: h.vk.duplicatesDropped, outboxSent: tally.sent };
  } finally {
    await Promise.all(workers.map((w) => w.kill("SIGTERM")));
    await h.close();
  }
}

function report(name: string, r: RunResult, out: Record<string, number | string>): void {
  for (const p of PLATFORMS) {
    const x = r.perPlatform[p];
    out[`${name} · ${p}: limit enforced (msg/s)`] = x.limit;
    out[`${name} · ${p}: achieved msg/s`] = round(x.rate, 1);
    out[`${name} · ${p}: share of limit %`] = round(x.share * 100, 1);
    out[`${name} · ${p}: max in any 1 s`] = x.maxInAnySecond;
    out[`${name} · ${p}: 429 / error 6 answered`] = x.rejected;
    out[`${name} · ${p}: duplicates`] = x.duplicates;
    out[`${name} · ${p}: lost`] = x.lost;
    out[`${name} · ${p}: longest pause ms`] = x.longestGapMs;
  }
  out[`${name}: messages`] = PLATFORMS.reduce((n, p) => n + r.perPlatform[p].sent - r.perPlatform[p].duplicates, 0);
  out[`${name}: outbox rows sent`] = r.outboxSent;
  out[`${name}: VK repeats dropped by random_id`] = r.vkRepeatsDropped;
  out[`${name}: dispatch s`] = round(r.dispatchSeconds, 1);
  out[`${name}: wall s`] = round(r.wallSeconds, 1);
}

export async function runDeliveryBench(): Promise<Record<string, number | string>> {
  const total = Number(process.env.BENCH_DELIVERY_COUNT ?? 20_000);
  const scale = Number(process.env.BENCH_DELIVERY_SCALE ?? 5);
  const realSeconds = Number(process.env.BENCH_DELIVERY_REAL_SECONDS ?? 30);
  const dropTemplate = await setupTemplate();
  const out: Record<string, number | string> = {};
  try {
    out["reminders per run"] = total;
    out["scaled runs: Telegram and MAX limits ×"] = scale;
    const runs = (process.env.BENCH_DELIVERY_RUNS ?? "scaled,real,killed").split(",");
    if (runs.includes("scaled")) report("scaled", await runOnce({ total, scale, kill: false }), out);
    if (runs.includes("real")) report("real limits", await runOnce({ total: realSeconds * PLATFORMS.reduce((n, p) => n + LIMIT[p], 0), scale: 1, kill: false }), out);
    if (runs.includes("killed")) report("scaled, killed", await runOnce({ total, scale, kill: true }), out);
  } finally {
    await dropTemplate();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runDeliveryBench().then((r) => {
    console.table(r);
    process.exit(0);
  });
}
