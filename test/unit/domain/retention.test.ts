import { describe, expect, it } from "vitest";
import { dueDestruction, retentionEnds } from "../../../src/domain/retention.js";

/**
 * A programme's data are kept through 20 January of the year after it ended (the federal form,
 * 000 §9) plus the organisation's margin, in its zone; then its people are due unless another
 * programme of theirs still runs. A withdrawn consent with none of its kind in force makes them
 * due at once.
 */

const omsk = "Asia/Omsk"; // +6

describe("the retention term", () => {
  it("ends at midnight after 20 January of the next year, in the organisation's zone, plus the margin", () => {
    expect(retentionEnds(new Date("2026-05-31"), 0, omsk)).toEqual(new Date("2027-01-20T18:00:00Z"));
    expect(retentionEnds(new Date("2026-12-31"), 0, "Europe/Moscow")).toEqual(new Date("2027-01-20T21:00:00Z"));
    // The margin counts calendar days past the 21st: 30 days → 20 February.
    expect(retentionEnds(new Date("2026-05-31"), 30, omsk)).toEqual(new Date("2027-02-19T18:00:00Z"));
    // A programme that ends in January is reported a year later.
    expect(retentionEnds(new Date("2027-01-10"), 0, omsk)).toEqual(new Date("2028-01-20T18:00:00Z"));
  });
});

describe("whose data are due", () => {
  const ended = retentionEnds(new Date("2026-05-31"), 0, omsk);
  const running = retentionEnds(new Date("2027-05-31"), 0, omsk);
  const given = { kind: "personal_data", withdrawnAt: null };

  it("a person whose every programme is past its term, from that moment", () => {
    expect(dueDestruction({ programmeTerms: [ended], consents: [given], administrator: false }, new Date(ended.getTime() - 1))).toBeNull();
    expect(dueDestruction({ programmeTerms: [ended], consents: [given], administrator: false }, ended)).toEqual({ reason: "purpose_reached", reasonAt: ended });
  });

  it("not while another programme of theirs runs, nor an administrator, nor someone in no programme", () => {
    const now = new Date("2027-03-01T00:00:00Z");
    expect(dueDestruction({ programmeTerms: [ended, running], consents: [given], administrator: false }, now)).toBeNull();
    expect(dueDestruction({ programmeTerms: [ended], consents: [given], administrator: true }, now)).toBeNull();
    expect(dueDestruction({ programmeTerms: [], consents: [given], administrator: false }, now)).toBeNull();
  });

  it("a consent withdrawn with none of its kind in force, whatever the programmes; a newer consent keeps the data", () => {
    const now = new Date("2026-12-10T00:00:00Z");
    const withdrawn = { kind: "legal_representative", withdrawnAt: new Date("2026-12-01T09:00:00Z") };
    expect(dueDestruction({ programmeTerms: [running], consents: [given, withdrawn], administrator: false }, now)).toEqual({ reason: "consent_withdrawn", reasonAt: withdrawn.withdrawnAt });
    expect(dueDestruction({ programmeTerms: [running], consents: [given, withdrawn, { kind: "legal_representative", withdrawnAt: null }], administrator: false }, now)).toBeNull();
    // A withdrawal recorded for later is not due yet.
    expect(dueDestruction({ programmeTerms: [running], consents: [withdrawn], administrator: false }, new Date("2026-11-30T00:00:00Z"))).toBeNull();
  });
});
