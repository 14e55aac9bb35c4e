import { describe, expect, it } from "vitest";
import {
  DEFAULT_MUST_HAVES,
  DEFAULT_WEIGHTS,
  applySettingChange,
  compareModes,
  decodeSettingChange,
  effectiveSettings,
  encodeSettingChange,
  suggestPairs,
  typedSettingChange,
  type MatchingInput,
} from "../../../src/domain/matching/index.js";
import { generateSkewedCohort } from "../../../bench/matching.js";
import { mentee, mentor, mutual } from "./helpers.js";

describe("the curator's matching settings", () => {
  it("read typed words and buttons' texts both ways", () => {
    expect(typedSettingChange("goals 50")).toBe("w-goals-50");
    expect(typedSettingChange("Цели 7")).toBe("w-goals-7");
    expect(typedSettingChange("time")).toBe("time");
    expect(typedSettingChange("формат")).toBe("format");
    expect(typedSettingChange("reset")).toBe("reset");
    expect(typedSettingChange("")).toBe("");
    for (const bad of ["goals", "goals 1001", "goals -1", "goals 2.5", "speed 3", "time 5 6"]) expect(typedSettingChange(bad)).toBeNull();
    for (const wire of ["", "reset", "time", "format", "grade", "w-mutual-0", "w-format-1000"]) expect(encodeSettingChange(decodeSettingChange(wire)!)).toBe(wire);
    expect(decodeSettingChange("w-goals-1001")).toBeNull();
    expect(decodeSettingChange("w-rankBonus-3")).toBeNull();
  });

  it("change only what was asked, over the defaults, and reset to none", () => {
    let stored = applySettingChange({}, { kind: "toggle", mustHave: "grade" });
    expect(stored).toEqual({ policy: { mustHave: { ...DEFAULT_MUST_HAVES, grade: true } } });
    stored = applySettingChange(stored, { kind: "weight", name: "onesided", points: 0 });
    stored = applySettingChange(stored, { kind: "toggle", mustHave: "time" });
    expect(effectiveSettings(stored)).toEqual({ mustHave: { time: false, format: true, grade: true }, weights: { ...DEFAULT_WEIGHTS, oneSidedChoice: 0 } });
    expect(applySettingChange(stored, { kind: "reset" })).toEqual({});
    // Stored settings that do not validate count as the defaults.
    expect(effectiveSettings({ weights: { goalCovered: -5 }, policy: { mustHave: { time: "yes" } } })).toEqual({ mustHave: DEFAULT_MUST_HAVES, weights: DEFAULT_WEIGHTS });
  });
});

describe("the trade-off between the modes", () => {
  it("counts for each mode the mentees matched, the mutual choices honoured and the pairs without a common time", () => {
    // x and A chose each other; y can meet A only. The best total keeps the mutual choice and leaves
    // y alone; the most pairs gives it up for x–B and y–A.
    const input: MatchingInput = {
      mentors: [mentor("A", { slots: ["mon"] }), mentor("B", { slots: ["tue"] })],
      mentees: [mentee("x", { slots: ["mon", "tue"] }), mentee("y", { slots: ["mon"] })],
      choices: mutual("x", "A"),
    };
    const trade = compareModes(input);
    expect(trade.mentees).toBe(2);
    expect(trade.withMutualChoice).toBe(1);
    expect(trade.modes.map(({ mode, matched, mutualHonoured, noCommonTime }) => ({ mode, matched, mutualHonoured, noCommonTime }))).toEqual([
      { mode: "best_total", matched: 1, mutualHonoured: 1, noCommonTime: 0 },
      { mode: "most_matched", matched: 2, mutualHonoured: 0, noCommonTime: 0 },
      { mode: "stable", matched: 1, mutualHonoured: 1, noCommonTime: 0 },
    ]);
    // Without the time must-have and the time rule, y–B is allowed: a pair without a common time.
    const loose = compareModes(input, { policy: { mustHave: { time: false }, requireTimeOrChoice: false } });
    expect(loose.modes[0]).toMatchObject({ mode: "best_total", matched: 2, mutualHonoured: 1, noCommonTime: 1 });
  });

  it("on a skewed cohort, no suggested pair of any mode breaks a must-have and the counts agree with the runs", () => {
    const input = generateSkewedCohort({ mentees: 300, mentors: 80, capacity: [1, 4], seed: 5 }, 0.5);
    const trade = compareModes(input);
    for (const m of trade.modes) {
      const r = suggestPairs(input, { mode: m.mode });
      expect(m.matched).toBe(r.stats.matched);
      expect(m.noCommonTime).toBe(0);
      expect(r.suggestions.every((s) => !s.reasons.some((x) => x.code === "no_common_time" || x.code === "no_common_format"))).toBe(true);
    }
  });
});
