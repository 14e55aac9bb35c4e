/**
 * The prepared instance: the input validated and put into canonical order (people sorted by id,
 * so the result does not depend on the order of the input lists), questionnaire codes packed
 * into bit sets, choices and forbidden pairs indexed per mentee, fixed pairs applied to capacity.
 */
import { bitCount } from "./bitset.js";
import { MatchingInputError, type MatchingInput, type MenteeInput, type MentorInput } from "./types.js";
import { resolvePolicy, resolveWeights, type MatchPolicy, type MatchWeights, type PolicyOverrides } from "./weights.js";

/** Feature categories compared between a mentee (left list) and a mentor (right list). */
export const CATEGORIES = ["goals", "profile", "interests", "slots", "formats"] as const;
export type Category = (typeof CATEGORIES)[number];
export const GOALS = 0;
export const PROFILE = 1;
export const INTERESTS = 2;
export const SLOTS = 3;
export const FORMATS = 4;

export function menteeCodes(m: MenteeInput, c: Category): readonly string[] {
  switch (c) {
    case "goals": return m.goals;
    case "profile": return m.preferredMentorProfile ?? [];
    case "interests": return m.interests;
    case "slots": return m.slots;
    case "formats": return m.formats;
  }
}

export function mentorCodes(m: MentorInput, c: Category): readonly string[] {
  switch (c) {
    case "goals": return m.competencies;
    case "profile": return [...m.competencies, ...m.interests];
    case "interests": return m.interests;
    case "slots": return m.slots;
    case "formats": return m.formats;
  }
}

export const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Instance {
  weights: MatchWeights;
  policy: MatchPolicy;
  /** Canonical order (by id). Index v of a mentor, u of a mentee, is the position here. */
  mentors: MentorInput[];
  mentees: MenteeInput[];
  mentorIndex: Map<string, number>;
  menteeIndex: Map<string, number>;
  /** 1 when the mentee takes part in this run (not in a fixed pair). */
  active: Uint8Array;
  /** Capacity left after fixed pairs (≥ 0). */
  capacityLeft: Int32Array;
  /** Bit sets: word offset and word count of each category inside a person's row. */
  catOffset: Int32Array;
  catWords: Int32Array;
  rowWords: number;
  menteeBits: Int32Array;
  mentorBits: Int32Array;
  /** Whether the person stated any slot / format at all (empty lists never exclude a pair). */
  menteeHasSlots: Uint8Array;
  mentorHasSlots: Uint8Array;
  menteeHasFormats: Uint8Array;
  mentorHasFormats: Uint8Array;
  /** NaN = unknown / no preference. */
  menteeGrade: Float64Array;
  mentorGradeMin: Float64Array;
  mentorGradeMax: Float64Array;
  /** Choices per mentee (CSR): mentor index and best rank of each side (0 = that side did not choose). */
  choiceStart: Int32Array;
  choiceMentor: Int32Array;
  choiceMenteeRank: Int32Array;
  choiceMentorRank: Int32Array;
  /** pairKey(u, v) → position in the choice arrays. */
  choiceAt: Map<number, number>;
  /** Forbidden mentors per mentee (CSR, sorted) and as a set of pair keys. */
  forbiddenStart: Int32Array;
  forbiddenMentor: Int32Array;
  forbiddenKeys: Set<number>;
}

export function pairKey(inst: Instance, u: number, v: number): number {
  return u * inst.mentors.length + v;
}

function checkPeople(mentors: readonly MentorInput[], mentees: readonly MenteeInput[]): void {
  const seen = new Set<string>();
  for (const m of mentors) {
    if (typeof m.id !== "string" || seen.has(m.id)) throw new MatchingInputError(`Duplicate or invalid mentor id ${String(m.id)}`);
    seen.add(m.id);
    if (!Number.isInteger(m.capacity) || m.capacity < 1) {
      throw new MatchingInputError(`Mentor ${m.id}: capacity must be an integer ≥ 1, got ${m.capacity}`);
    }
    const g = m.menteeGrades;
    if (g && !(Number.isFinite(g.min) && Number.isFinite(g.max) && g.min <= g.max)) {
      throw new MatchingInputError(`Mentor ${m.id}: invalid grade range ${g.min}..${g.max}`);
    }
  }
  seen.clear();
  for (const m of mentees) {
    if (typeof m.id !== "string" || seen.has(m.id)) throw new MatchingInputError(`Duplicate or invalid mentee id ${String(m.id)}`);
    seen.add(m.id);
    if (m.grade !== null && !Number.isFinite(m.grade)) throw new MatchingInputError(`Mentee ${m.id}: invalid grade ${m.grade}`);
  }
}

/** Packs the codes of one category into bit sets; only codes present on both sides get a bit. */
function packCategory(
  inst: Pick<Instance, "mentors" | "mentees">,
  c: Category,
): { words: number; mentee: (u: number, out: Int32Array, off: number) => void; mentor: (v: number, out: Int32Array, off: number) => void } {
  const left = new Set<string>();
  const right = new Set<string>();
  for (const m of inst.mentees) for (const code of menteeCodes(m, c)) left.add(code);
  for (const m of inst.mentors) for (const code of mentorCodes(m, c)) right.add(code);
  const vocabulary = [...left].filter((code) => right.has(code)).sort(compareIds);
  const bit = new Map(vocabulary.map((code, i) => [code, i]));
  const words = Math.max(1, Math.ceil(vocabulary.length / 32));
  const fill = (codes: readonly string[], out: Int32Array, off: number): void => {
    for (const code of codes) {
      const b = bit.get(code);
      if (b !== undefined) out[off + (b >>> 5)]! |= 1 << (b & 31);
    }
  };
  return {
    words,
    mentee: (u, out, off) => fill(menteeCodes(inst.mentees[u]!, c), out, off),
    mentor: (v, out, off) => fill(mentorCodes(inst.mentors[v]!, c), out, off),
  };
}

export interface InstanceOptions {
  weights?: Partial<MatchWeights>;
  policy?: PolicyOverrides;
}

export function prepareInstance(input: MatchingInput, options: InstanceOptions = {}): Instance {
  const weights = resolveWeights(options.weights);
  const policy = resolvePolicy(options.policy);
  checkPeople(input.mentors, input.mentees);
  const mentors = [...input.mentors].sort(byId);
  const mentees = [...input.mentees].sort(byId);
  const n = mentees.length;
  const m = mentors.length;
  if (n * m > Number.MAX_SAFE_INTEGER / 4) throw new MatchingInputError("Cohort too large");
  const mentorIndex = new Map(mentors.map((p, i) => [p.id, i]));
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));

  // Fixed pairs: the mentee leaves the run, the mentor loses a place.
  const active = new Uint8Array(n).fill(1);
  const capacityLeft = Int32Array.from(mentors, (p) => p.capacity);
  const fixedMentees = new Set<string>();
  for (const f of input.fixed ?? []) {
    if (fixedMentees.has(f.menteeId)) throw new MatchingInputError(`Mentee ${f.menteeId} is in two fixed pairs`);
    fixedMentees.add(f.menteeId);
    const u = menteeIndex.get(f.menteeId);
    if (u !== undefined) active[u] = 0;
    const v = mentorIndex.get(f.mentorId);
    if (v !== undefined) capacityLeft[v] = Math.max(0, capacityLeft[v]! - 1);
  }

  // Bit sets.
  const packs = CATEGORIES.map((c) => packCategory({ mentors, mentees }, c));
  const catOffset = new Int32Array(CATEGORIES.length);
  const catWords = new Int32Array(CATEGORIES.length);
  let rowWords = 0;
  packs.forEach((p, i) => {
    catOffset[i] = rowWords;
    catWords[i] = p.words;
    rowWords += p.words;
  });
  const menteeBits = new Int32Array(n * rowWords);
  const mentorBits = new Int32Array(m * rowWords);
  packs.forEach((p, i) => {
    for (let u = 0; u < n; u++) p.mentee(u, menteeBits, u * rowWords + catOffset[i]!);
    for (let v = 0; v < m; v++) p.mentor(v, mentorBits, v * rowWords + catOffset[i]!);
  });

  const inst: Instance = {
    weights,
    policy,
    mentors,
    mentees,
    mentorIndex,
    menteeIndex,
    active,
    capacityLeft,
    catOffset,
    catWords,
    rowWords,
    menteeBits,
    mentorBits,
    menteeHasSlots: Uint8Array.from(mentees, (p) => (p.slots.length > 0 ? 1 : 0)),
    mentorHasSlots: Uint8Array.from(mentors, (p) => (p.slots.length > 0 ? 1 : 0)),
    menteeHasFormats: Uint8Array.from(mentees, (p) => (p.formats.length > 0 ? 1 : 0)),
    mentorHasFormats: Uint8Array.from(mentors, (p) => (p.formats.length > 0 ? 1 : 0)),
    menteeGrade: Float64Array.from(mentees, (p) => p.grade ?? NaN),
    mentorGradeMin: Float64Array.from(mentors, (p) => p.menteeGrades?.min ?? NaN),
    mentorGradeMax: Float64Array.from(mentors, (p) => p.menteeGrades?.max ?? NaN),
    choiceStart: new Int32Array(n + 1),
    choiceMentor: new Int32Array(0),
    choiceMenteeRank: new Int32Array(0),
    choiceMentorRank: new Int32Array(0),
    choiceAt: new Map(),
    forbiddenStart: new Int32Array(n + 1),
    forbiddenMentor: new Int32Array(0),
    forbiddenKeys: new Set(),
  };
  indexChoices(inst, input);
  indexForbidden(inst, input);
  return inst;
}

function indexChoices(inst: Instance, input: MatchingInput): void {
  const ranks = new Map<number, [number, number]>();
  for (const c of input.choices ?? []) {
    if (!Number.isInteger(c.rank) || c.rank < 1) {
      throw new MatchingInputError(`Choice of ${c.menteeId}/${c.mentorId}: rank must be an integer ≥ 1, got ${c.rank}`);
    }
    const u = inst.menteeIndex.get(c.menteeId);
    const v = inst.mentorIndex.get(c.mentorId);
    if (u === undefined || v === undefined) continue;
    const key = pairKey(inst, u, v);
    const r = ranks.get(key) ?? [0, 0];
    const side = c.by === "mentee" ? 0 : 1;
    if (r[side] === 0 || c.rank < r[side]) r[side] = c.rank;
    ranks.set(key, r);
  }
  const keys = [...ranks.keys()].sort((a, b) => a - b);
  const m = inst.mentors.length;
  const n = inst.mentees.length;
  inst.choiceMentor = new Int32Array(keys.length);
  inst.choiceMenteeRank = new Int32Array(keys.length);
  inst.choiceMentorRank = new Int32Array(keys.length);
  keys.forEach((key, i) => {
    const u = Math.floor(key / m);
    inst.choiceStart[u + 1]!++;
    inst.choiceMentor[i] = key % m;
    const r = ranks.get(key)!;
    inst.choiceMenteeRank[i] = r[0];
    inst.choiceMentorRank[i] = r[1];
    inst.choiceAt.set(key, i);
  });
  for (let u = 0; u < n; u++) inst.choiceStart[u + 1]! += inst.choiceStart[u]!;
}

function indexForbidden(inst: Instance, input: MatchingInput): void {
  for (const f of input.forbidden ?? []) {
    const u = inst.menteeIndex.get(f.menteeId);
    const v = inst.mentorIndex.get(f.mentorId);
    if (u !== undefined && v !== undefined) inst.forbiddenKeys.add(pairKey(inst, u, v));
  }
  const keys = [...inst.forbiddenKeys].sort((a, b) => a - b);
  const m = inst.mentors.length;
  inst.forbiddenMentor = new Int32Array(keys.length);
  keys.forEach((key, i) => {
    inst.forbiddenStart[Math.floor(key / m) + 1]!++;
    inst.forbiddenMentor[i] = key % m;
  });
  for (let u = 0; u < inst.mentees.length; u++) inst.forbiddenStart[u + 1]! += inst.forbiddenStart[u]!;
}

/** Number of known codes of a mentee in a category (an upper bound of any common count). */
export function menteeCodeCount(inst: Instance, u: number, cat: number): number {
  return bitCount(inst.menteeBits, u * inst.rowWords + inst.catOffset[cat]!, inst.catWords[cat]!);
}
