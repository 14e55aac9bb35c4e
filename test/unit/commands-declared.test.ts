import { describe, expect, it } from "vitest";
import { createCommandRegistry } from "../../src/bot/core/commands/index.js";
import {
  administratorArg,
  changeRequestArg,
  digestSettingArg,
  meetingArg,
  pairArg,
  programmeArg,
  runPageArg,
  suggestionArg,
  ticketArg,
  type Codec,
} from "../../src/bot/core/commands/codecs.js";
import { FLOW_IDS } from "../../src/bot/core/commands/flow-ids.js";
import { defineCommand } from "../../src/bot/core/commands/registry.js";
import { programme } from "../../src/bot/core/commands/scopes.js";
import { parsePayload } from "../../src/bot/core/payload.js";
import { createFlowRegistry } from "../../src/flows/index.js";

const ID = `c${"a1".repeat(12)}`;

describe("commands declared once", () => {
  const commands = createCommandRegistry().all();

  it("every curator's and administrator's command has a scope and the audit action of its refusals", () => {
    for (const c of commands.filter((x) => x.audience.includes("curator") || x.audience.includes("administrator"))) {
      expect(c.scope, c.name).not.toBeNull();
      expect(c.actions.length, c.name).toBeGreaterThan(0);
    }
    expect(() => defineCommand({ name: "x", description: "cmd-help", audience: "curator", async run() {} })).toThrow(/scope/);
    expect(() => defineCommand({ name: "Bad-Name", description: "cmd-help", audience: "everyone", async run() {} })).toThrow(/name/);
    expect(() => defineCommand({ name: "x", description: "cmd-help", audience: "curator", scope: programme(), audit: "x.y", async run() {} })).not.toThrow();
  });

  it("the flows commands start are registered", () => {
    const flows = createFlowRegistry();
    for (const id of Object.values(FLOW_IDS)) expect(flows.get(id), id).toBeDefined();
  });
});

describe("argument codecs", () => {
  const roundTrip = <T>(codec: Codec<T>, value: T, wire: string) => {
    expect(codec.encode(value)).toBe(wire);
    expect(codec.decode(wire)).toEqual(value);
    const payload = codec.payload("cmd", value);
    expect(parsePayload(payload)).toEqual({ kind: "command", command: "cmd", args: wire });
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(64);
  };

  it("encode what they decode, in the wire format of the buttons", () => {
    roundTrip(programmeArg, { programmeId: ID, rest: "me-nf" }, `P.${ID}.me-nf`);
    roundTrip(programmeArg, { programmeId: ID, rest: "" }, `P.${ID}`);
    roundTrip(administratorArg, { administratorId: ID, rest: "p2" }, `A.${ID}.p2`);
    roundTrip(suggestionArg, { suggestionId: ID, reason: "own" }, `S.${ID}.own`);
    roundTrip(suggestionArg, { suggestionId: ID, reason: undefined }, `S.${ID}`);
    roundTrip(runPageArg, { runId: ID, page: 3 }, `R.${ID}.3`);
    roundTrip(pairArg, { pairId: ID, rest: "moved" }, `${ID}.moved`);
    roundTrip(changeRequestArg, { pairId: ID, kind: "change" }, `${ID}.change`);
    roundTrip(meetingArg, { action: "ok", id: ID, revision: 2 }, `ok.${ID}.2`);
    roundTrip(meetingArg, { action: "held", id: ID, revision: undefined }, `held.${ID}`);
    roundTrip(ticketArg, { kind: "q", id: ID, role: "mentee" }, `q.${ID}.mentee`);
    roundTrip(digestSettingArg, { kind: "weekday", weekday: 3 }, "d3");
  });

  it("refuse what is not theirs", () => {
    expect(programmeArg.decode(`P.${ID}.a b`)).toBeNull();
    expect(suggestionArg.decode("S.short")).toBeNull();
    expect(runPageArg.decode(`R.${ID}`)).toBeNull();
    expect(meetingArg.decode(`drop.${ID}`)).toBeNull();
    expect(digestSettingArg.decode("h24")).toBeNull();
    expect(digestSettingArg.decode("day 9")).toBeNull();
    // Typed forms: `A.<id> rest`, Russian words.
    expect(administratorArg.decode(`A.${ID} p1`)).toEqual({ administratorId: ID, rest: "p1" });
    expect(digestSettingArg.decode("день 5")).toEqual({ kind: "weekday", weekday: 5 });
  });
});
