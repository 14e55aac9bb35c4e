import type { PrismaClient } from "../db/client.js";
import { Matching, type DecideResult, type SuggestionView } from "../store/matching.js";
import type { PairService } from "./pairs.js";

/** Matching runs and suggestions, over their storage: confirming suggestions makes pairs. */
export class MatchingService extends Matching {
  constructor(
    prisma: PrismaClient,
    private readonly pairs: PairService,
  ) {
    super(prisma);
  }

  /**
   * Confirms suggestions of one mentor as one pair (one mentee) or group (several): the pair is
   * confirmed by PairService.confirmPair, which tells both sides and the curators with the contacts.
   */
  async confirm(suggestions: readonly SuggestionView[], curatorId: string, now: Date): Promise<DecideResult> {
    const first = suggestions[0]!;
    for (const s of suggestions) if (s.status !== "suggested") return { ok: false, problem: "not-suggested", status: s.status };
    if ((await this.placesLeft(first.mentorId)) < suggestions.length) return { ok: false, problem: "mentor-full" };
    const result = await this.pairs.confirmPair({ programmeId: first.programmeId, mentorParticipationId: first.mentorId, menteeParticipationIds: suggestions.map((s) => s.menteeId), confirmedById: curatorId, now });
    if (!result.ok) return { ok: false, problem: result.problem === "no-mentees" ? "mentee-not-in-programme" : result.problem };
    await this.markConfirmed(suggestions.map((s) => s.id), curatorId, now);
    return { ok: true, pairId: result.pairId };
  }
}
