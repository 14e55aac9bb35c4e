/**
 * Whole-cohort matching benchmark (src/domain/matching), pure CPU, no database.
 *
 * Cohort generators (seeded, reproducible):
 * - `even`: codes picked with a mild preference for the first ones, everybody answers the
 *   mutual-choice survey (three ranked choices each);
 * - `skewed-0`, `skewed-50`, `skewed-100`: as real cohorts are — a few goal codes very popular
 *   (a Zipf-like spread: «exam_math», «self_confidence» first), interests and slots skewed too,
 *   one mentor in seven listing 10–20 competencies, popular mentors chosen far more often; 0 %,
 *   50 % or 100 % of the people answer the mutual-choice survey.
 *
 * Sizes: 10,000 mentees × 3,000 mentors (capacity 1–5) — goals ≤ 3 s and ≤ 500 MB in every
 * generator; 1,000 × 1,000 with capacity 1 (an assignment problem); 50,000 × 15,000 (a region) —
 * goals ≤ 60 s and ≤ 2 GB, measured once, best total only. Every case runs in a process of its own, so its peak memory (RSS,
 * the generated cohort included) is its own.
 *
 * References on the same instances, in the same run: scipy's dense linear_sum_assignment
 * (bench/matching-scipy.py, mentor places as columns) when python3 with scipy is present —
 * skipped otherwise, and above 10k × 3k, where the dense matrix alone would take many GB —
 * and on the even 1k × 1k, the npm package hungarian-on3 (O(n³)). Totals must be equal.
 *
 * Run: npx tsx bench/matching.ts (or npm run bench); BENCH_RUNS (default 5; 1 at 50k × 15k),
 * BENCH_SIZES (e.g. "10k×3k,1k×1k") and BENCH_GENERATORS pick a subset.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { allowedKeys } from "../src/domain/matching/candidates.js";
import { prepareInstance } from "../src/domain/matching/instance.js";
import { PairScorer } from "../src/domain/matching/score.js";
import {
  MATCH_MODES,
  pairEvaluator,
  suggestPairs,
  type ChoiceInput,
  type FixedPair,
  type ForbiddenPair,
  type MatchingInput,
  type MatchingResult,
  type MatchMode,
  type MeetingFormat,
  type MenteeInput,
  type MentorInput,
} from "../src/domain/matching/index.js";
import { median, round } from "./stats.js";

type Hungarian = (matrix: number[][], isProfit?: boolean) => [number, number][];
const hungarian = createRequire(import.meta.url)("hungarian-on3") as Hungarian;

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTS = [
  "robotics", "programming", "chess", "football", "music", "drawing", "theatre", "reading", "biology", "chemistry",
  "physics", "math", "history", "volunteering", "ecology", "tourism", "photography", "video", "design", "journalism",
  "debate", "english", "german", "dance", "basketball", "volleyball", "swimming", "cooking", "astronomy", "3d_modeling",
  "gamedev", "entrepreneurship", "finance", "law", "medicine", "psychology", "crafts", "singing", "hiking", "cinema",
];
const COMPETENCIES = [
  "exam_math", "exam_russian", "exam_physics", "olympiad_math", "olympiad_it", "project_work", "research",
  "career_guidance", "public_speaking", "time_management", "motivation", "adaptation", "communication", "leadership",
  "teamwork", "conflict_resolution", "study_skills", "programming_basics", "english_speaking", "self_confidence",
  "digital_literacy", "financial_literacy", "profession_choice", "university_admission", "portfolio",
  "creative_skills", "sports_discipline", "volunteer_projects", "startup", "healthy_lifestyle",
];
const PROFILES = ["programming", "career_guidance", "leadership", "research", "entrepreneurship", "sports_discipline", "english", "design"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const SLOTS = DAYS.flatMap((d) => ["morning", "afternoon", "evening"].map((p) => `${d}-${p}`));

/** Picks k distinct items, popular ones (early in the list) more often. */
function pickSkewed<T>(rnd: () => number, items: readonly T[], k: number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(k, items.length)) out.add(items[Math.floor(items.length * rnd() ** 1.6)]!);
  return [...out];
}
const between = (rnd: () => number, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

function formats(rnd: () => number): MeetingFormat[] {
  const r = rnd();
  return r < 0.5 ? ["offline", "online"] : r < 0.8 ? ["offline"] : ["online"];
}

export interface CohortSize {
  mentees: number;
  mentors: number;
  capacity: [number, number];
  seed: number;
}

/** A reproducible programme cohort. */
export function generateCohort({ mentees: n, mentors: m, capacity, seed }: CohortSize): MatchingInput {
  const rnd = prng(seed);
  const mentors: MentorInput[] = Array.from({ length: m }, (_, i) => {
    const lo = between(rnd, 5, 10);
    return {
      id: `mentor-${String(i).padStart(5, "0")}`,
      capacity: between(rnd, capacity[0], capacity[1]),
      competencies: pickSkewed(rnd, COMPETENCIES, between(rnd, 3, 6)),
      interests: pickSkewed(rnd, INTERESTS, between(rnd, 2, 5)),
      menteeGrades: rnd() < 0.6 ? { min: lo, max: Math.min(11, lo + between(rnd, 1, 3)) } : null,
      slots: pickSkewed(rnd, SLOTS, between(rnd, 3, 10)),
      formats: formats(rnd),
    };
  });
  const mentees: MenteeInput[] = Array.from({ length: n }, (_, i) => ({
    id: `mentee-${String(i).padStart(5, "0")}`,
    goals: pickSkewed(rnd, COMPETENCIES, between(rnd, 2, 4)),
    interests: pickSkewed(rnd, INTERESTS, between(rnd, 2, 5)),
    grade: rnd() < 0.9 ? between(rnd, 5, 11) : null,
    slots: pickSkewed(rnd, SLOTS, between(rnd, 3, 8)),
    formats: formats(rnd),
    preferredMentorProfile: rnd() < 0.5 ? pickSkewed(rnd, PROFILES, between(rnd, 1, 2)) : [],
  }));
  // Mentees choose three mentors (popular mentors more often); mentors mostly answer those who chose them.
  const choices: ChoiceInput[] = [];
  const chosenBy = new Map<number, number[]>();
  for (let u = 0; u < n; u++) {
    const picked = pickSkewed(rnd, Array.from({ length: m }, (_, v) => v), 3);
    picked.forEach((v, i) => {
      choices.push({ by: "mentee", menteeId: mentees[u]!.id, mentorId: mentors[v]!.id, rank: i + 1, question: "work_with" });
      chosenBy.set(v, [...(chosenBy.get(v) ?? []), u]);
    });
  }
  for (let v = 0; v < m; v++) {
    const fans = chosenBy.get(v) ?? [];
    const picked = new Set<number>();
    while (picked.size < 3) picked.add(fans.length > 0 && rnd() < 0.6 ? fans[Math.floor(rnd() * fans.length)]! : Math.floor(rnd() * n));
    [...picked].forEach((u, i) => {
      choices.push({ by: "mentor", menteeId: mentees[u]!.id, mentorId: mentors[v]!.id, rank: i + 1, question: rnd() < 0.5 ? "work_with" : "can_help" });
    });
  }
  const forbidden: ForbiddenPair[] = [];
  const fixed: FixedPair[] = [];
  for (let u = 0; u < n; u++) {
    const r = rnd();
    const v = Math.floor(rnd() * m);
    if (r < 0.01) forbidden.push({ menteeId: mentees[u]!.id, mentorId: mentors[v]!.id, cause: rnd() < 0.5 ? "conflict" : "curator_rejected" });
    else if (r < 0.03) fixed.push({ menteeId: mentees[u]!.id, mentorId: mentors[v]!.id });
  }
  return { mentors, mentees, choices, forbidden, fixed };
}


/** Cumulative Zipf-like weights 1/(i+1)^s over k items, for pickZipf. */
function zipf(k: number, s: number): Float64Array {
  const cum = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < k; i++) cum[i] = sum += 1 / (i + 1) ** s;
  for (let i = 0; i < k; i++) cum[i] = cum[i]! / sum;
  return cum;
}

function drawZipf(rnd: () => number, cum: Float64Array): number {
  const x = rnd();
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** k distinct items, item i drawn with weight 1/(i+1)^s. */
function pickZipf<T>(rnd: () => number, items: readonly T[], cum: Float64Array, k: number): T[] {
  const out = new Set<T>();
  const want = Math.min(k, items.length);
  for (let tries = 0; out.size < want && tries < 50 * want; tries++) out.add(items[drawZipf(rnd, cum)]!);
  return [...out];
}

/** Goal codes as popular as they are in real requests: exam preparation and self-confidence first. */
const GOALS_BY_POPULARITY = ["exam_math", "self_confidence", ...COMPETENCIES.filter((c) => c !== "exam_math" && c !== "self_confidence")];
/** Evenings and weekends first. */
const SLOTS_BY_POPULARITY = [...SLOTS].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
function rank(slot: string): number {
  return (slot.endsWith("evening") ? 0 : slot.endsWith("afternoon") ? 1 : 2) + (slot.startsWith("sat") || slot.startsWith("sun") ? 0 : 3);
}

/**
 * A cohort shaped like real ones (see the file's comment); `survey` is the share of people who
 * answer the mutual-choice survey.
 */
export function generateSkewedCohort({ mentees: n, mentors: m, capacity, seed }: CohortSize, survey: number): MatchingInput {
  const rnd = prng(seed);
  const goals = zipf(GOALS_BY_POPULARITY.length, 1.1);
  const interests = zipf(INTERESTS.length, 1.0);
  const slots = zipf(SLOTS_BY_POPULARITY.length, 0.8);
  const profiles = zipf(PROFILES.length, 1.0);
  const mentors: MentorInput[] = Array.from({ length: m }, (_, i) => {
    const lo = between(rnd, 5, 10);
    const broad = rnd() < 1 / 7;
    return {
      id: `mentor-${String(i).padStart(5, "0")}`,
      capacity: between(rnd, capacity[0], capacity[1]),
      competencies: broad ? pickSkewed(rnd, COMPETENCIES, between(rnd, 10, 20)) : pickZipf(rnd, GOALS_BY_POPULARITY, goals, between(rnd, 2, 4)),
      interests: pickZipf(rnd, INTERESTS, interests, between(rnd, 1, 5)),
      menteeGrades: rnd() < 0.6 ? { min: lo, max: Math.min(11, lo + between(rnd, 1, 3)) } : null,
      slots: rnd() < 0.05 ? [] : pickZipf(rnd, SLOTS_BY_POPULARITY, slots, between(rnd, 2, 8)),
      formats: rnd() < 0.05 ? [] : formats(rnd),
    };
  });
  const mentees: MenteeInput[] = Array.from({ length: n }, (_, i) => ({
    id: `mentee-${String(i).padStart(5, "0")}`,
    goals: pickZipf(rnd, GOALS_BY_POPULARITY, goals, between(rnd, 1, 4)),
    interests: pickZipf(rnd, INTERESTS, interests, between(rnd, 1, 5)),
    grade: rnd() < 0.9 ? between(rnd, 5, 11) : null,
    slots: rnd() < 0.1 ? [] : pickZipf(rnd, SLOTS_BY_POPULARITY, slots, between(rnd, 2, 6)),
    formats: rnd() < 0.1 ? [] : formats(rnd),
    preferredMentorProfile: rnd() < 0.3 ? pickZipf(rnd, PROFILES, profiles, between(rnd, 1, 2)) : [],
  }));
  // Popular mentors (a random order, Zipf-like) are chosen far more often.
  const order = Array.from({ length: m }, (_, v) => v);
  for (let i = m - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const popularity = zipf(m, 0.9);
  const choices: ChoiceInput[] = [];
  const chosenBy = new Map<number, number[]>();
  for (let u = 0; u < n; u++) {
    if (rnd() >= survey) continue;
    pickZipf(rnd, order, popularity, 3).forEach((v, i) => {
      choices.push({ by: "mentee", menteeId: mentees[u]!.id, mentorId: mentors[v]!.id, rank: i + 1, question: "work_with" });
      chosenBy.set(v, [...(chosenBy.get(v) ?? []), u]);
    });
  }
  for (let v = 0; v < m; v++) {
    if (rnd() >= survey) continue;
    const fans = chosenBy.get(v) ?? [];
    const picked = new Set<number>();
    while (picked.size < 3) picked.add(fans.length > 0 && rnd() < 0.6 ? fans[Math.floor(rnd() * fans.length)]! : Math.floor(rnd() * n));
    [...picked].forEach((u, i) => {
      choices.push({ by: "mentor", menteeId: mentees[u]!.id, mentorId: mentors[v]!.id, rank: i + 1, question: rnd() < 0.5 ? "work_with" : "can_help" });
    });
  }
  const forbidden: ForbiddenPair[] = [];
  const fixed: FixedPair[] = [];
  for (let u = 0; u < n; u++) {
    const r = rnd();
    const v = Math.floor(rnd() * m);
    if (r < 0.01) forbidden.push({ menteeId: mentees[u]!.id, mentorId: mentors[v]!.id, cause: rnd() < 0.5 ? "conflict" : "curator_rejected" });
    else if (r < 0.03) fixed.push({ menteeId: mentees[u]!.id, mentorId: mentors[v]!.id });
  }
  return { mentors, mentees, choices, forbidden, fixed };
}

export const GENERATORS: Record<string, (size: CohortSize) => MatchingInput> = {
  even: (size) => generateCohort(size),
  "skewed-0": (size) => generateSkewedCohort(size, 0),
  "skewed-50": (size) => generateSkewedCohort(size, 0.5),
  "skewed-100": (size) => generateSkewedCohort(size, 1),
};

export const SIZES: Record<string, CohortSize> = {
  "10k×3k": { mentees: 10_000, mentors: 3_000, capacity: [1, 5], seed: 20240901 },
  "1k×1k": { mentees: 1_000, mentors: 1_000, capacity: [1, 1], seed: 7 },
  "50k×15k": { mentees: 50_000, mentors: 15_000, capacity: [1, 5], seed: 20250301 },
};

/** Cases where the dense matrix of scipy stays within a few GB. */
const SCIPY_MAX_CELLS = 10_000 * 3_000;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** The same instance as a dense square cost matrix for hungarian-on3; returns its total score. */
function hungarianTotal(input: MatchingInput): { ms: number; total: number } {
  const evaluator = pairEvaluator(input);
  const size = Math.max(input.mentors.length, input.mentees.length);
  const scores = input.mentees.map((e) => input.mentors.map((r) => (evaluator.allowed(r.id, e.id) ? evaluator.score(r.id, e.id) : 0)));
  let max = 0;
  for (const row of scores) for (const s of row) max = Math.max(max, s);
  const matrix = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => max + 1 - (scores[i]?.[j] ?? 0)));
  const solved = timed(() => hungarian(matrix));
  let total = 0;
  for (const [i, j] of solved.value) {
    const e = input.mentees[i];
    const r = input.mentors[j];
    if (e && r && evaluator.allowed(r.id, e.id)) total += evaluator.score(r.id, e.id);
  }
  return { ms: solved.ms, total };
}

const hasScipy = (): boolean => spawnSync("python3", ["-c", "import scipy.optimize, numpy"], { stdio: "ignore" }).status === 0;

/**
 * The instance's score matrix (mentees of the run × mentors with places left, 0 = not allowed)
 * in a file for bench/matching-scipy.py, which solves it with scipy; returns what it printed.
 */
function scipyOptimum(input: MatchingInput): { ms: number; buildMs: number; total: number; matched: number; peakMb: number } {
  const inst = prepareInstance(input);
  const scorer = new PairScorer(inst);
  const m = inst.mentors.length;
  const rows: number[] = [];
  for (let u = 0; u < inst.mentees.length; u++) if (inst.active[u]) rows.push(u);
  const data = new Int32Array(2 + m + rows.length * m);
  data[0] = rows.length;
  data[1] = m;
  data.set(inst.capacityLeft, 2);
  rows.forEach((u, i) => {
    const base = 2 + m + i * m;
    for (const key of allowedKeys(inst, scorer, u)) {
      const v = m - 1 - (key % m);
      data[base + v] = (key - (m - 1 - v)) / m;
    }
  });
  const dir = mkdtempSync(join(tmpdir(), "match-bench-"));
  try {
    const file = join(dir, "scores.i32");
    writeFileSync(file, data);
    const script = fileURLToPath(new URL("./matching-scipy.py", import.meta.url));
    const run = spawnSync("python3", [script, file], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`scipy reference failed: ${run.stderr}`);
    const r = JSON.parse(run.stdout) as { build_ms: number; solve_ms: number; total: number; matched: number; peak_mb: number };
    return { ms: r.build_ms + r.solve_ms, buildMs: r.build_ms, total: r.total, matched: r.matched, peakMb: r.peak_mb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = 1024 * 1024;

export interface CaseResult {
  generator: string;
  size: string;
  modes: Partial<Record<MatchMode, { medianMs: number; matched: number; total: number; edges: number; rounds: number; proven: boolean }>>;
  /** Peak RSS of the case's process (cohort included), and RSS once the cohort was generated. */
  peakMb: number;
  inputMb: number;
  scipy?: { ms: number; buildMs: number; total: number; matched: number; peakMb: number };
  hungarian?: { ms: number; total: number };
}

/** One generator × size in this process: every mode, then the references. */
export function runCase(generator: string, size: string, runs: number, references: { scipy: boolean }): CaseResult {
  const input = GENERATORS[generator]!(SIZES[size]!);
  if (size === "1k×1k") input.fixed = [];
  globalThis.gc?.();
  const inputMb = process.memoryUsage().rss / MB;
  // The region-sized cohort: best total only (the default mode, the one its goal is about).
  const modes = {} as CaseResult["modes"];
  for (const mode of size === "50k×15k" ? (["best_total"] as const) : MATCH_MODES) {
    const times: number[] = [];
    // A warm-up run first, not counted — except when a case is measured once (a region-sized cohort).
    if (runs > 1) suggestPairs(input, { mode });
    let result: MatchingResult | undefined;
    for (let i = 0; i < runs; i++) {
      const r = timed(() => suggestPairs(input, { mode }));
      times.push(r.ms);
      result = r.value;
    }
    const s = result!.stats;
    modes[mode] = { medianMs: median(times), matched: s.matched, total: s.totalScore, edges: s.candidateEdges, rounds: s.rounds, proven: s.proven };
  }
  const out: CaseResult = { generator, size, modes, peakMb: process.resourceUsage().maxRSS / 1024, inputMb };
  const cells = SIZES[size]!.mentees * SIZES[size]!.mentors;
  if (references.scipy && cells <= SCIPY_MAX_CELLS) out.scipy = scipyOptimum(input);
  if (generator === "even" && size === "1k×1k") out.hungarian = hungarianTotal(input);
  return out;
}

const list = (env: string | undefined, all: string[]): string[] => (env ? env.split(",").map((s) => s.trim()).filter((s) => all.includes(s)) : all);

export async function runMatchingBench(): Promise<Record<string, number | string>> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const scipy = hasScipy();
  const out: Record<string, number | string> = { scipy: scipy ? "yes" : "absent" };
  const cases: CaseResult[] = [];
  for (const size of list(process.env.BENCH_SIZES, Object.keys(SIZES))) {
    for (const generator of list(process.env.BENCH_GENERATORS, Object.keys(GENERATORS))) {
      // A region-sized cohort is measured once, without a warm-up.
      const n = size === "50k×15k" ? 1 : runs;
      const child = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", fileURLToPath(import.meta.url), "--case", generator, size, String(n), scipy ? "scipy" : "-"], {
        encoding: "utf8",
        maxBuffer: 16 << 20,
        stdio: ["ignore", "pipe", "inherit"],
      });
      if (child.status !== 0) throw new Error(`matching bench case ${generator} ${size} failed (status ${child.status})`);
      cases.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!) as CaseResult);
      process.stderr.write(`  ${generator} ${size} done\n`);
    }
  }
  const measured = (c: CaseResult): MatchMode[] => MATCH_MODES.filter((mode) => c.modes[mode]);
  const table = cases.flatMap((c) =>
    measured(c).map((mode) => {
      const r = c.modes[mode]!;
      const ref = mode === "best_total" ? c.scipy : undefined;
      return {
        generator: c.generator,
        size: c.size,
        mode,
        "ours ms": round(r.medianMs),
        "scipy ms": ref ? round(ref.ms) : "",
        "scipy / ours": ref ? round(ref.ms / r.medianMs, 1) : "",
        "peak MB": mode === "best_total" ? round(c.peakMb) : "",
        "scipy MB": ref ? round(ref.peakMb) : "",
        matched: r.matched,
        total: r.total,
        "same optimum": ref ? (ref.total === r.total ? "yes" : "NO") : "",
        edges: r.edges,
        rounds: r.rounds,
        proven: r.proven,
      };
    }),
  );
  console.table(table);
  for (const c of cases) {
    const key = `${c.generator}_${c.size}`;
    for (const mode of measured(c)) {
      out[`${key}_${mode}_ms`] = round(c.modes[mode]!.medianMs);
      out[`${key}_${mode}_proven`] = c.modes[mode]!.proven ? "yes" : "NO";
    }
    out[`${key}_peak_mb`] = round(c.peakMb);
    if (c.scipy) {
      out[`${key}_scipy_ms`] = round(c.scipy.ms);
      out[`${key}_scipy_same_total`] = c.scipy.total === c.modes.best_total?.total ? "yes" : "NO";
    }
    if (c.hungarian) {
      out[`${key}_hungarian_on3_ms`] = round(c.hungarian.ms);
      out[`${key}_hungarian_on3_same_total`] = c.hungarian.total === c.modes.best_total?.total ? "yes" : "NO";
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf("--case");
  if (at >= 0) {
    const [generator, size, runs, refs] = process.argv.slice(at + 1);
    console.log(JSON.stringify(runCase(generator!, size!, Number(runs), { scipy: refs === "scipy" })));
  } else {
    const result = await runMatchingBench();
    console.log(JSON.stringify(result, null, 2));
  }
}
