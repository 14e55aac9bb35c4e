/**
 * Scoring of a mentor–mentee pair (see DEFAULT_WEIGHTS for the rules in plain words).
 * Each component is rounded to whole points on its own, so a suggestion's score is exactly
 * the sum of its reasons' points (at least 1 for any allowed pair).
 */
import { bitCount, commonBits } from "./bitset.js";
import { CATEGORIES, FORMATS, GOALS, INTERESTS, PROFILE, SLOTS, compareIds, menteeCodeCount, menteeCodes, mentorCodes, pairKey, type Instance } from "./instance.js";
import type { MatchReason } from "./types.js";

/** Reasons that are warnings: worth no points, shown to the curator all the same. */
const WARNINGS: ReadonlySet<MatchReason["code"]> = new Set(["no_common_time", "no_common_format", "grade_outside"]);

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
  /** Per person and category (goals, profile, interests, slots, formats): known codes, capped at maxItemsCounted. */
  private readonly menteeCounts: Uint8Array;
  private readonly mentorCounts: Uint8Array;
  private readonly mentorHasGrades: Uint8Array;
  private readonly menteeHasGrade: Uint8Array;

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
    const counts = (bits: Int32Array, people: number): Uint8Array => {
      const out = new Uint8Array(people * 5);
      for (let x = 0; x < people; x++) {
        for (let c = 0; c < 5; c++) out[x * 5 + c] = Math.min(this.cap, bitCount(bits, x * this.rw + inst.catOffset[c]!, inst.catWords[c]!));
      }
      return out;
    };
    this.menteeCounts = counts(inst.menteeBits, inst.mentees.length);
    this.mentorCounts = counts(inst.mentorBits, inst.mentors.length);
    this.mentorHasGrades = Uint8Array.from(inst.mentors, (p) => (p.menteeGrades ? 1 : 0));
    this.menteeHasGrade = Uint8Array.from(inst.mentees, (p) => (p.grade === null ? 0 : 1));
  }

  /**
   * An upper bound of fit(u, v) from the two people's numbers of answers alone (no common codes
   * counted): each list gives at most the points of the shorter side's list. O(1).
   */
  pairUpper(u: number, v: number): number {
    const a = u * 5;
    const b = v * 5;
    const e = this.menteeCounts;
    const r = this.mentorCounts;
    const g = e[a]! < r[b]! ? e[a]! : r[b]!;
    const q = e[a + 1]! < r[b + 1]! ? e[a + 1]! : r[b + 1]!;
    const i = e[a + 2]! < r[b + 2]! ? e[a + 2]! : r[b + 2]!;
    const t = e[a + 3]! < r[b + 3]! ? e[a + 3]! : r[b + 3]!;
    let p = this.goalPts[g]! + this.profilePts[q]! + this.interestPts[i]! + this.slotPts[t]!;
    if (e[a + 4]! > 0 && r[b + 4]! > 0) p += this.formatPts;
    if (this.mentorHasGrades[v] === 1 && this.menteeHasGrade[u] === 1) p += this.gradePts;
    return p;
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

  /** fitChoiceFree(u, v) for every mentor v (−1 everywhere when the policy requires a choice). */
  fitRow(u: number, out: Int32Array): void {
    const m = this.inst.mentors.length;
    if (this.inst.policy.requireChoice !== "none") {
      out.fill(-1, 0, m);
      return;
    }
    for (let v = 0; v < m; v++) out[v] = this.fitChoiceFree(u, v);
  }

  /** Points of the goal, profile and interest parts for the given common-item counts. */
  listPoints(goals: number, profile: number, interests: number): number {
    const cap = this.cap;
    return this.goalPts[goals < cap ? goals : cap]! + this.profilePts[profile < cap ? profile : cap]! + this.interestPts[interests < cap ? interests : cap]!;
  }

  get maxListPoints(): number {
    return this.listPoints(this.cap, this.cap, this.cap);
  }

  /** Time, format and grade points of a pair, or −1 when the time rule or a must-have excludes a choice-free pair. */
  restPoints(u: number, v: number): number {
    const ub = u * this.rw;
    const vb = v * this.rw;
    const slots = commonBits(this.eb, ub + this.oS, this.mb, vb + this.oS, this.wS);
    if (this.timeExcluded(u, v, slots) || this.breaksFormatOrGrade(u, v, ub, vb)) return -1;
    return this.restPart(u, v, ub, vb, slots);
  }

  /** An upper bound of restPoints(u, v) over all mentors v. */
  restUpper(u: number): number {
    const inst = this.inst;
    let p = this.slotPts[Math.min(this.cap, menteeCodeCount(inst, u, SLOTS))]!;
    if (menteeCodeCount(inst, u, FORMATS) > 0) p += this.formatPts;
    if (!Number.isNaN(inst.menteeGrade[u]!)) p += this.gradePts;
    return p;
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
