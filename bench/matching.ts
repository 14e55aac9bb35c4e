/**
 * Whole-cohort matching benchmark (src/domain/matching), pure CPU, no database.
 *
 * - Region-sized cohort: 10,000 mentees, 3,000 mentors (capacity 1–5), each person with three
 *   ranked choices and questionnaire answers from realistic vocabularies; a few forbidden and
 *   fixed pairs. Runs best_total, most_matched and stable. Targets: ≤ 3 s, ≤ 500 MB.
 * - 1,000 × 1,000 with capacity 1 (an assignment problem), target ≤ 0.3 s, compared with the
 *   npm package hungarian-on3 solving the same instance as a dense square cost matrix
 *   (cost = maxScore + 1 − score, 0-score cells for pairs that are not allowed); both totals must match.
 *
 * Reproducible: a seeded PRNG. Run: npx tsx bench/matching.ts
 */
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
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

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

function repeat<T>(runs: number, fn: () => T): { value: T; medianMs: number } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const r = timed(fn);
    value = r.value;
    times.push(r.ms);
  }
  return { value, medianMs: median(times) };
}

/** The same instance as a dense square cost matrix for hungarian-on3; returns its total score. */
function hungarianTotal(input: MatchingInput): { ms: number; total: number; buildMs: number } {
  const evaluator = pairEvaluator(input);
  const size = Math.max(input.mentors.length, input.mentees.length);
  const build = timed(() => {
    const scores = input.mentees.map((e) => input.mentors.map((r) => (evaluator.allowed(r.id, e.id) ? evaluator.score(r.id, e.id) : 0)));
    let max = 0;
    for (const row of scores) for (const s of row) max = Math.max(max, s);
    return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => max + 1 - (scores[i]?.[j] ?? 0)));
  });
  const matrix = build.value;
  const solved = timed(() => hungarian(matrix));
  let total = 0;
  for (const [i, j] of solved.value) {
    const e = input.mentees[i];
    const r = input.mentors[j];
    if (e && r && evaluator.allowed(r.id, e.id)) total += evaluator.score(r.id, e.id);
  }
  return { ms: solved.ms, total, buildMs: build.ms };
}

const MB = 1024 * 1024;

export async function runMatchingBench(): Promise<Record<string, number | string>> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const out: Record<string, number | string> = {};
  const table: { case: string; median_ms: number; matched: number; total_score: number; edges: number; rounds: number; proven: boolean }[] = [];
  const record = (name: string, r: { value: MatchingResult; medianMs: number }): void => {
    const s = r.value.stats;
    table.push({ case: name, median_ms: round(r.medianMs), matched: s.matched, total_score: s.totalScore, edges: s.candidateEdges, rounds: s.rounds, proven: s.proven });
  };

  // Region-sized cohort.
  const region = generateCohort({ mentees: 10_000, mentors: 3_000, capacity: [1, 5], seed: 20240901 });
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  for (const mode of ["best_total", "most_matched", "stable"] as MatchMode[]) {
    const r = repeat(runs, () => {
      const value = suggestPairs(region, { mode });
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      return value;
    });
    record(`10k×3k ${mode}`, r);
    out[`region_${mode}_ms`] = round(r.medianMs);
    out[`region_${mode}_matched`] = r.value.stats.matched;
    out[`region_${mode}_total`] = r.value.stats.totalScore;
  }
  out.region_peak_rss_mb = round(process.resourceUsage().maxRSS / 1024);
  out.region_rss_delta_mb = round((process.memoryUsage().rss - rssBefore) / MB);
  out.region_heap_peak_delta_mb = round((heapPeak - heapBefore) / MB);

  // 1,000 × 1,000 assignment problem, against hungarian-on3.
  const square = generateCohort({ mentees: 1_000, mentors: 1_000, capacity: [1, 1], seed: 7 });
  square.fixed = [];
  const ours = repeat(runs, () => suggestPairs(square, { mode: "best_total" }));
  record("1k×1k best_total", ours);
  const withCapacity = repeat(runs, () => suggestPairs(generateCohort({ mentees: 1_000, mentors: 1_000, capacity: [1, 5], seed: 7 })));
  record("1k×1k cap 1–5 (incl. generation)", withCapacity);
  const hRuns = Math.max(1, Math.min(runs, Number(process.env.BENCH_HUNGARIAN_RUNS ?? 3)));
  const h: number[] = [];
  let hResult = { ms: 0, total: 0, buildMs: 0 };
  for (let i = 0; i < hRuns; i++) {
    hResult = hungarianTotal(square);
    h.push(hResult.ms);
  }
  const hMs = median(h);
  out.square_ms = round(ours.medianMs);
  out.square_total = ours.value.stats.totalScore;
  out.hungarian_on3_ms = round(hMs);
  out.hungarian_on3_matrix_build_ms = round(hResult.buildMs);
  out.hungarian_on3_total = hResult.total;
  out.totals_equal = ours.value.stats.totalScore === hResult.total ? "yes" : "NO";
  out.speedup_vs_hungarian_on3 = round(hMs / ours.medianMs, 1);
  table.push({ case: "1k×1k hungarian-on3 (solve only)", median_ms: round(hMs), matched: NaN, total_score: hResult.total, edges: 1_000_000, rounds: 1, proven: true });

  console.table(table);
  console.table([
    {
      "peak RSS (process), MB": out.region_peak_rss_mb,
      "RSS delta, MB": out.region_rss_delta_mb,
      "heap peak delta, MB": out.region_heap_peak_delta_mb,
      "hungarian-on3 / ours": out.speedup_vs_hungarian_on3,
      "same optimum": out.totals_equal,
    },
  ]);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runMatchingBench();
  console.log(JSON.stringify(result, null, 2));
}
