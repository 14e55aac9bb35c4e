/**
 * Scoring of a mentor–mentee pair (see DEFAULT_WEIGHTS for the rules in plain words).
 * Each component is rounded to whole points on its own, so a suggestion's score is exactly
 * the sum of its reasons' points (at least 1 for any allowed pair).
 */
import { commonBits, popcount32 } from "./bitset.js";
import { CATEGORIES, FORMATS, GOALS, INTERESTS, PROFILE, SLOTS, compareIds, menteeCodeCount, menteeCodes, mentorCodes, pairKey, type Instance } from "./instance.js";
import type { MatchReason } from "./types.js";

/** Reasons that are warnings: worth no points, shown to the curator all the same. */
const WARNINGS: ReadonlySet<MatchReason["code"]> = new Set(["no_common_time", "no_common_format", "grade_outside"]);

/** Set bits of a and b together (SWAR; each byte of the sum stays below 256). */
function popcount2(a: number, b: number): number {
  a = (a - ((a >>> 1) & 0x55555555)) | 0;
  a = ((a & 0x33333333) + ((a >>> 2) & 0x33333333)) | 0;
  b = (b - ((b >>> 1) & 0x55555555)) | 0;
  b = ((b & 0x33333333) + ((b >>> 2) & 0x33333333)) | 0;
  const x = (a & 0x0f0f0f0f) + ((a >>> 4) & 0x0f0f0f0f) + (b & 0x0f0f0f0f) + ((b >>> 4) & 0x0f0f0f0f);
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The narrow layout of PairScorer.fitRow, or null when the instance does not fit it. */
function narrowLayout(inst: Instance): { bits: Int32Array; gradeIn: Int32Array; gradeOk: Int32Array; menteeGrade: Int32Array } | null {
  if (!CATEGORIES.every((_, c) => inst.catWords[c]! <= 2)) return null;
  const grades = [...new Set(Array.from(inst.menteeGrade).filter((g) => !Number.isNaN(g)))].sort((a, b) => a - b);
  if (grades.length > 31) return null;
  const m = inst.mentors.length;
  const rw = inst.rowWords;
  const bits = new Int32Array(m * 10);
  const gradeIn = new Int32Array(m);
  const gradeOk = new Int32Array(m);
  for (let v = 0; v < m; v++) {
    for (let c = 0; c < CATEGORIES.length; c++) {
      for (let w = 0; w < inst.catWords[c]!; w++) bits[v * 10 + 2 * c + w] = inst.mentorBits[v * rw + inst.catOffset[c]! + w]!;
    }
    const low = inst.mentorGradeMin[v]!;
    const high = inst.mentorGradeMax[v]!;
    let within = 0;
    grades.forEach((g, i) => {
      if (g >= low && g <= high) within |= 1 << i;
    });
    gradeIn[v] = within;
    // No preference: every grade allowed; no grade (bit 31): always allowed.
    gradeOk[v] = (Number.isNaN(low) ? -1 : within) | (1 << 31);
  }
  const index = new Map(grades.map((g, i) => [g, i]));
  const menteeGrade = Int32Array.from(inst.menteeGrade, (g) => (Number.isNaN(g) ? 31 : index.get(g)!));
  return { bits, gradeIn, gradeOk, menteeGrade };
}

/** Whole points for 0..maxItemsCounted common items of one category. */
function pointsTable(weight: number, cap: number): Int32Array {
  return Int32Array.from({ length: cap + 1 }, (_, k) => Math.round(weight * k));
}

export class PairScorer {
  private readonly goalPts: Int32Array;
  private readonly profilePts: Int32Array;
  private readonly interestPts: Int32Array;
  private readonly slotPts: Int32Array;
  private readonly formatPts: number;
  private readonly gradePts: number;
  private readonly mutualPts: number;
  private readonly oneSidedPts: number;
  private readonly rankPts: Int32Array;
  private readonly cap: number;
  // Bit-set layout, copied out of the instance for the hot loops.
  private readonly eb: Int32Array;
  private readonly mb: Int32Array;
  private readonly rw: number;
  private readonly oG: number;
  private readonly wG: number;
  private readonly oP: number;
  private readonly wP: number;
  private readonly oI: number;
  private readonly wI: number;
  private readonly oS: number;
  private readonly wS: number;
  private readonly oF: number;
  private readonly wF: number;
  private readonly timeRule: boolean;
  private readonly mustTime: boolean;
  private readonly mustFormat: boolean;
  private readonly mustGrade: boolean;
  /** Points by common-item count up to every bit of the category (the cap applied), for fitRow. */
  private readonly goalRow: Int32Array;
  private readonly profileRow: Int32Array;
  private readonly interestRow: Int32Array;
  private readonly slotRow: Int32Array;
  private readonly rowScratch: Int32Array;

  constructor(readonly inst: Instance) {
    const w = inst.weights;
    this.cap = w.maxItemsCounted;
    this.goalPts = pointsTable(w.goalCovered, this.cap);
    this.profilePts = pointsTable(w.preferredProfile, this.cap);
    this.interestPts = pointsTable(w.sharedInterest, this.cap);
    this.slotPts = pointsTable(w.commonSlot, this.cap);
    this.formatPts = Math.round(w.commonFormat);
    this.gradePts = Math.round(w.gradeFit);
    this.mutualPts = Math.round(w.mutualChoice);
    this.oneSidedPts = Math.round(w.oneSidedChoice);
    this.rankPts = Int32Array.from(w.rankBonus, (b) => Math.round(b));
    this.eb = inst.menteeBits;
    this.mb = inst.mentorBits;
    this.rw = inst.rowWords;
    [this.oG, this.oP, this.oI, this.oS, this.oF] = [GOALS, PROFILE, INTERESTS, SLOTS, FORMATS].map((c) => inst.catOffset[c]!) as [number, number, number, number, number];
    [this.wG, this.wP, this.wI, this.wS, this.wF] = [GOALS, PROFILE, INTERESTS, SLOTS, FORMATS].map((c) => inst.catWords[c]!) as [number, number, number, number, number];
    this.timeRule = inst.policy.requireTimeOrChoice;
    this.mustTime = inst.policy.mustHave.time;
    this.mustFormat = inst.policy.mustHave.format;
    this.mustGrade = inst.policy.mustHave.grade;
    const row = (pts: Int32Array, words: number): Int32Array => Int32Array.from({ length: words * 32 + 1 }, (_, k) => pts[Math.min(k, this.cap)]!);
    this.goalRow = row(this.goalPts, this.wG);
    this.profileRow = row(this.profilePts, this.wP);
    this.interestRow = row(this.interestPts, this.wI);
    this.slotRow = row(this.slotPts, this.wS);
    this.rowScratch = new Int32Array(Math.max(10, this.rw));
    this.narrow = narrowLayout(inst);
  }

  commonSlots(u: number, v: number): number {
    return commonBits(this.eb, u * this.rw + this.oS, this.mb, v * this.rw + this.oS, this.wS);
  }

  /** Goal, profile and interest points of a pair. */
  private listPart(ub: number, vb: number): number {
    const cap = this.cap;
    const g = commonBits(this.eb, ub + this.oG, this.mb, vb + this.oG, this.wG);
    const p = commonBits(this.eb, ub + this.oP, this.mb, vb + this.oP, this.wP);
    const i = commonBits(this.eb, ub + this.oI, this.mb, vb + this.oI, this.wI);
    return this.goalPts[g < cap ? g : cap]! + this.profilePts[p < cap ? p : cap]! + this.interestPts[i < cap ? i : cap]!;
  }

  /** Time, format and grade points of a pair given its common slot count. */
  private restPart(u: number, v: number, ub: number, vb: number, slots: number): number {
    const inst = this.inst;
    let p = this.slotPts[slots < this.cap ? slots : this.cap]!;
    let f = 0;
    for (let i = 0; i < this.wF; i++) f |= this.eb[ub + this.oF + i]! & this.mb[vb + this.oF + i]!;
    if (f !== 0) p += this.formatPts;
    const g = inst.menteeGrade[u]!;
    if (g >= inst.mentorGradeMin[v]! && g <= inst.mentorGradeMax[v]!) p += this.gradePts; // false when any is NaN
    return p;
  }

  /** Whether the time rule excludes the pair when nobody chose (no common slot, both stated slots). */
  private timeExcluded(u: number, v: number, slots: number): boolean {
    return slots === 0 && (this.timeRule || this.mustTime) && this.inst.menteeHasSlots[u] === 1 && this.inst.mentorHasSlots[v] === 1;
  }

  /**
   * Which must-have of the programme the pair breaks, whoever chose whom: "time" (both stated
   * slots, none in common), "format" (both stated formats, none in common), "grade" (the mentee's
   * grade outside the range the mentor prefers); null when it breaks none. Unstated answers never
   * break a must-have.
   */
  brokenMustHave(u: number, v: number): "time" | "format" | "grade" | null {
    const inst = this.inst;
    if (this.mustTime && inst.menteeHasSlots[u] === 1 && inst.mentorHasSlots[v] === 1 && this.commonSlots(u, v) === 0) return "time";
    if (this.mustFormat && inst.menteeHasFormats[u] === 1 && inst.mentorHasFormats[v] === 1) {
      let f = 0;
      for (let i = 0; i < this.wF; i++) f |= this.eb[u * this.rw + this.oF + i]! & this.mb[v * this.rw + this.oF + i]!;
      if (f === 0) return "format";
    }
    if (this.mustGrade) {
      const g = inst.menteeGrade[u]!;
      if (!Number.isNaN(g) && !Number.isNaN(inst.mentorGradeMin[v]!) && (g < inst.mentorGradeMin[v]! || g > inst.mentorGradeMax[v]!)) return "grade";
    }
    return null;
  }

  /** Format and grade must-haves of a pair (time is checked with the common slots). */
  private breaksFormatOrGrade(u: number, v: number, ub: number, vb: number): boolean {
    const inst = this.inst;
    if (this.mustFormat && inst.menteeHasFormats[u] === 1 && inst.mentorHasFormats[v] === 1) {
      let f = 0;
      for (let i = 0; i < this.wF; i++) f |= this.eb[ub + this.oF + i]! & this.mb[vb + this.oF + i]!;
      if (f === 0) return true;
    }
    if (this.mustGrade) {
      const g = inst.menteeGrade[u]!;
      // false when any is NaN
      if (g < inst.mentorGradeMin[v]! || g > inst.mentorGradeMax[v]!) return true;
    }
    return false;
  }

  /** Fit points of a pair (everything but the choices). */
  fit(u: number, v: number): number {
    const ub = u * this.rw;
    const vb = v * this.rw;
    const slots = commonBits(this.eb, ub + this.oS, this.mb, vb + this.oS, this.wS);
    return this.listPart(ub, vb) + this.restPart(u, v, ub, vb, slots);
  }

  /**
   * Fit points of a pair nobody chose, or −1 when the time rule or a must-have excludes it. (The choice
   * requirement of the policy is checked by the callers.)
   */
  fitChoiceFree(u: number, v: number): number {
    const ub = u * this.rw;
    const vb = v * this.rw;
    const slots = commonBits(this.eb, ub + this.oS, this.mb, vb + this.oS, this.wS);
    if (this.timeExcluded(u, v, slots) || this.breaksFormatOrGrade(u, v, ub, vb)) return -1;
    return this.listPart(ub, vb) + this.restPart(u, v, ub, vb, slots);
  }

  /**
   * fitChoiceFree(u, v) for every mentor v into out[v] (−1 everywhere when the policy requires a
   * choice); with `mentors`, only for mentors[0 .. count) into out[0 .. count). The scans of
   * whole rows (candidates, the optimality check) run here: one loop over the mentors with the
   * mentee's words, flags and point tables in locals, no calls and no allocations. When every
   * category fits in two words (vocabularies of up to 64 codes, the usual case), the mentors'
   * bits are read from a copy with two words per category and the loop has no inner loops.
   */
  fitRow(u: number, out: Int32Array, mentors?: Int32Array, count?: number): void {
    const inst = this.inst;
    const total = mentors ? (count ?? mentors.length) : inst.mentors.length;
    if (inst.policy.requireChoice !== "none") {
      out.fill(-1, 0, total);
      return;
    }
    if (this.narrow) this.fitRowNarrow(u, out, mentors, total);
    else this.fitRowWide(u, out, mentors, total);
  }

  /**
   * The narrow layout of fitRow: mentor bits with two words per category in category order, and
   * the grades as bit masks over the mentees' distinct grades (bit 31: no grade) — a mentor's
   * grades in range and its grades a grade must-have allows. Null when a category needs more
   * than two words or the mentees have more than 31 distinct grades.
   */
  private readonly narrow: { bits: Int32Array; gradeIn: Int32Array; gradeOk: Int32Array; menteeGrade: Int32Array } | null;

  private fitRowNarrow(u: number, out: Int32Array, mentors: Int32Array | undefined, total: number): void {
    const inst = this.inst;
    const { goalRow, profileRow, interestRow, slotRow, formatPts, gradePts } = this;
    const { bits: nb, gradeIn, gradeOk } = this.narrow!;
    const mw = this.rowScratch;
    mw.fill(0);
    for (let c = 0; c < CATEGORIES.length; c++) {
      for (let w = 0; w < this.inst.catWords[c]!; w++) mw[2 * c + w] = this.eb[u * this.rw + this.inst.catOffset[c]! + w]!;
    }
    const g0 = mw[0]!;
    const g1 = mw[1]!;
    const p0 = mw[2]!;
    const p1 = mw[3]!;
    const i0 = mw[4]!;
    const i1 = mw[5]!;
    const s0 = mw[6]!;
    const s1 = mw[7]!;
    const f0 = mw[8]!;
    const f1 = mw[9]!;
    const excludeNoTime = (this.timeRule || this.mustTime) && inst.menteeHasSlots[u] === 1;
    const excludeNoFormat = this.mustFormat && inst.menteeHasFormats[u] === 1;
    const mustGrade = this.mustGrade;
    const grade = this.narrow!.menteeGrade[u]!;
    const { mentorHasSlots, mentorHasFormats } = inst;
    for (let i = 0; i < total; i++) {
      const v = mentors ? mentors[i]! : i;
      const b = v * 10;
      const slots = popcount2(s0 & nb[b + 6]!, s1 & nb[b + 7]!);
      if (slots === 0 && excludeNoTime && mentorHasSlots[v] === 1) {
        out[i] = -1;
        continue;
      }
      const format = (f0 & nb[b + 8]!) | (f1 & nb[b + 9]!);
      if (format === 0 && excludeNoFormat && mentorHasFormats[v] === 1) {
        out[i] = -1;
        continue;
      }
      if (mustGrade && ((gradeOk[v]! >> grade) & 1) === 0) {
        out[i] = -1;
        continue;
      }
      out[i] =
        goalRow[popcount2(g0 & nb[b]!, g1 & nb[b + 1]!)]! +
        profileRow[popcount2(p0 & nb[b + 2]!, p1 & nb[b + 3]!)]! +
        interestRow[popcount2(i0 & nb[b + 4]!, i1 & nb[b + 5]!)]! +
        slotRow[slots]! +
        (format !== 0 ? formatPts : 0) +
        ((gradeIn[v]! >> grade) & 1) * gradePts;
    }
  }

  private fitRowWide(u: number, out: Int32Array, mentors: Int32Array | undefined, total: number): void {
    const inst = this.inst;
    const { rw, mb, oG, wG, oP, wP, oI, wI, oS, wS, oF, wF, goalRow, profileRow, interestRow, slotRow, formatPts, gradePts, mustGrade } = this;
    const mw = this.rowScratch;
    for (let w = 0; w < rw; w++) mw[w] = this.eb[u * rw + w]!;
    const excludeNoTime = (this.timeRule || this.mustTime) && inst.menteeHasSlots[u] === 1;
    const excludeNoFormat = this.mustFormat && inst.menteeHasFormats[u] === 1;
    const grade = inst.menteeGrade[u]!;
    const { mentorGradeMin: gradeMin, mentorGradeMax: gradeMax, mentorHasSlots, mentorHasFormats } = inst;
    for (let i = 0; i < total; i++) {
      const v = mentors ? mentors[i]! : i;
      const vb = v * rw;
      let slots = 0;
      for (let w = 0; w < wS; w++) slots += popcount32(mw[oS + w]! & mb[vb + oS + w]!);
      if (slots === 0 && excludeNoTime && mentorHasSlots[v] === 1) {
        out[i] = -1;
        continue;
      }
      let format = 0;
      for (let w = 0; w < wF; w++) format |= mw[oF + w]! & mb[vb + oF + w]!;
      if (format === 0 && excludeNoFormat && mentorHasFormats[v] === 1) {
        out[i] = -1;
        continue;
      }
      const low = gradeMin[v]!;
      const high = gradeMax[v]!;
      if (mustGrade && (grade < low || grade > high)) {
        out[i] = -1;
        continue;
      }
      let g = 0;
      for (let w = 0; w < wG; w++) g += popcount32(mw[oG + w]! & mb[vb + oG + w]!);
      let p = 0;
      for (let w = 0; w < wP; w++) p += popcount32(mw[oP + w]! & mb[vb + oP + w]!);
      let n = 0;
      for (let w = 0; w < wI; w++) n += popcount32(mw[oI + w]! & mb[vb + oI + w]!);
      out[i] = goalRow[g]! + profileRow[p]! + interestRow[n]! + slotRow[slots]! + (format !== 0 ? formatPts : 0) + (grade >= low && grade <= high ? gradePts : 0);
    }
  }

  /** An upper bound of fit(u, v) over all mentors v, from the mentee's own answers. */
  fitUpper(u: number): number {
    const cap = this.cap;
    const inst = this.inst;
    let p =
      this.goalPts[Math.min(cap, menteeCodeCount(inst, u, GOALS))]! +
      this.profilePts[Math.min(cap, menteeCodeCount(inst, u, PROFILE))]! +
      this.interestPts[Math.min(cap, menteeCodeCount(inst, u, INTERESTS))]! +
      this.slotPts[Math.min(cap, menteeCodeCount(inst, u, SLOTS))]!;
    if (menteeCodeCount(inst, u, FORMATS) > 0) p += this.formatPts;
    if (!Number.isNaN(inst.menteeGrade[u]!)) p += this.gradePts;
    return p;
  }

  rankPoints(rank: number): number {
    return this.rankPts[rank - 1] ?? 0;
  }

  /** Points from the survey for ranks of each side (0 = that side did not choose). */
  choicePoints(menteeRank: number, mentorRank: number): number {
    if (menteeRank > 0 && mentorRank > 0) return this.mutualPts + this.rankPoints(menteeRank) + this.rankPoints(mentorRank);
    if (menteeRank > 0) return this.oneSidedPts + this.rankPoints(menteeRank);
    if (mentorRank > 0) return this.oneSidedPts + this.rankPoints(mentorRank);
    return 0;
  }

  /** Position of the pair in the choice arrays, or -1 when nobody chose. */
  choiceOf(u: number, v: number): number {
    return this.inst.choiceAt.get(pairKey(this.inst, u, v)) ?? -1;
  }

  /** Whether a pair WITHOUT any choice passes the policy (the pair must not be forbidden). */
  allowedWithoutChoice(u: number, v: number): boolean {
    return this.inst.policy.requireChoice === "none" && this.fitChoiceFree(u, v) >= 0;
  }

  /** Whether a pair WITH choice ranks (at least one > 0) passes the policy: the choice requirement and the must-haves. */
  allowedWithChoice(u: number, v: number, menteeRank: number, mentorRank: number): boolean {
    if (this.inst.policy.requireChoice === "mutual" && !(menteeRank > 0 && mentorRank > 0)) return false;
    return this.brokenMustHave(u, v) === null;
  }

  isForbidden(u: number, v: number): boolean {
    return this.inst.forbiddenKeys.has(pairKey(this.inst, u, v));
  }

  /** Whether the pair may be suggested at all (ignoring capacity). */
  allowed(u: number, v: number): boolean {
    if (this.isForbidden(u, v)) return false;
    const c = this.choiceOf(u, v);
    if (c < 0) return this.allowedWithoutChoice(u, v);
    return this.allowedWithChoice(u, v, this.inst.choiceMenteeRank[c]!, this.inst.choiceMentorRank[c]!);
  }

  /** The pair's score: choice points + fit points, at least 1. */
  score(u: number, v: number): number {
    const c = this.choiceOf(u, v);
    const choice = c < 0 ? 0 : this.choicePoints(this.inst.choiceMenteeRank[c]!, this.inst.choiceMentorRank[c]!);
    return Math.max(1, choice + this.fit(u, v));
  }

  /**
   * Machine-readable reasons of the pair's score; their points add up to the score (before the
   * floor of 1). A reason worth 0 points (its weight set to 0) is left out; the warnings (no common
   * time or format, a grade outside the mentor's preference) are worth 0 by nature and stay.
   */
  explain(u: number, v: number): MatchReason[] {
    const inst = this.inst;
    const mentee = inst.mentees[u]!;
    const mentor = inst.mentors[v]!;
    const reasons: MatchReason[] = [];
    const c = this.choiceOf(u, v);
    if (c >= 0) {
      const r1 = inst.choiceMenteeRank[c]!;
      const r2 = inst.choiceMentorRank[c]!;
      const points = this.choicePoints(r1, r2);
      if (r1 > 0 && r2 > 0) reasons.push({ code: "mutual_choice", ranks: [r1, r2], points });
      else if (r1 > 0) reasons.push({ code: "mentee_choice", rank: r1, points });
      else reasons.push({ code: "mentor_choice", rank: r2, points });
    }
    const items = (cat: number): string[] => {
      const category = CATEGORIES[cat]!;
      const theirs = new Set(mentorCodes(mentor, category));
      return [...new Set(menteeCodes(mentee, category))].filter((x) => theirs.has(x)).sort(compareIds);
    };
    const cap = this.cap;
    const goals = items(GOALS);
    if (goals.length > 0) reasons.push({ code: "competencies", items: goals, points: this.goalPts[Math.min(cap, goals.length)]! });
    const profile = items(PROFILE);
    if (profile.length > 0) reasons.push({ code: "profile_fit", items: profile, points: this.profilePts[Math.min(cap, profile.length)]! });
    const interests = items(INTERESTS);
    if (interests.length > 0) {
      reasons.push({ code: "shared_interests", items: interests, points: this.interestPts[Math.min(cap, interests.length)]! });
    }
    const g = mentee.grade;
    const range = mentor.menteeGrades;
    if (g !== null && range) {
      if (g >= range.min && g <= range.max) reasons.push({ code: "grade_fit", grade: g, points: this.gradePts });
      else reasons.push({ code: "grade_outside", grade: g, min: range.min, max: range.max, points: 0 });
    }
    const slots = items(SLOTS);
    if (slots.length > 0) reasons.push({ code: "time_fit", items: slots, points: this.slotPts[Math.min(cap, slots.length)]! });
    else if (mentee.slots.length > 0 && mentor.slots.length > 0) reasons.push({ code: "no_common_time", points: 0 });
    const formats = items(FORMATS);
    if (formats.length > 0) reasons.push({ code: "format_fit", items: formats, points: this.formatPts });
    else if (mentee.formats.length > 0 && mentor.formats.length > 0) reasons.push({ code: "no_common_format", points: 0 });
    return reasons.filter((r) => r.points > 0 || WARNINGS.has(r.code));
  }
}
