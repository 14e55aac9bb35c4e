import type { PrismaClient } from "../db/client.js";
import type { OutboxButton, OutboxMessage } from "../store/notifications.js";
import { Meetings, proposalButtons, type MeetingEvent, type MeetingResult } from "../store/meetings.js";
import { membersOf, menteeNames, sideOf, type Pairs } from "../store/pairs.js";
import type { Participants } from "../store/participants.js";
import type { Outreach } from "./outreach.js";

/** Meetings of the pairs, over their storage: what the others are told when one side acts on a meeting. */
export class MeetingService extends Meetings {
  constructor(
    prisma: PrismaClient,
    pairs: Pairs,
    private readonly outreach: Outreach,
    private readonly participants: Participants,
  ) {
    super(prisma, pairs);
  }

  /**
   * Tells the others in the pair what `byPersonId` did with the meeting: a proposal (or a new
   * time) goes to the other side with buttons to confirm, ask another time or decline; a
   * confirmation, a refusal or a cancellation to everyone else. A pair on probation has its
   * curators invited to its meetings (002 §7.5).
   */
  async announce(result: Extract<MeetingResult, { ok: true }>, event: MeetingEvent, byPersonId: string, now: Date): Promise<void> {
    const { meeting, pair } = result;
    const tz = pair.timezone;
    const by = byPersonId === pair.mentor.personId ? pair.mentor.name : (pair.mentees.find((m) => m.personId === byPersonId)?.name ?? "—");
    const bySide = sideOf(pair, byPersonId);
    const d = this.describe(meeting, tz);
    const messages: OutboxMessage[] = [];
    const key = (personId: string) => `meeting-${event}-${meeting.id}-${meeting.revision}-${personId}`;
    const propose: OutboxButton[][] = [[{ label: { key: "lc-btn-propose" }, command: "meet", args: `new.${pair.id}` }]];
    for (const personId of membersOf(pair)) {
      if (personId === byPersonId) continue;
      const otherSide = sideOf(pair, personId) !== bySide;
      if (event === "proposed" || event === "moved") {
        messages.push({
          personId,
          dedupKey: key(personId),
          kind: `meeting-${event}`,
          parts: [{ key: otherSide ? "lc-meeting-proposed" : "lc-meeting-proposed-info", args: { ...d, by, moved: event === "moved" ? "yes" : "no" } }],
          buttons: otherSide ? proposalButtons(meeting) : undefined,
          dueAt: now,
        });
      } else {
        messages.push({
          personId,
          dedupKey: key(personId),
          kind: `meeting-${event}`,
          parts: [{ key: `lc-meeting-${event}`, args: { ...d, by } }],
          buttons: event === "confirmed" ? [[{ label: { key: "lc-btn-meetings" }, command: "meeting", args: "" }]] : propose,
          dueAt: now,
        });
      }
    }
    if (pair.probation && (event === "confirmed" || event === "cancelled")) {
      for (const c of await this.participants.curators(pair.programmeId)) {
        messages.push({
          personId: c,
          dedupKey: key(c),
          kind: `meeting-${event}-probation`,
          parts: [{ key: event === "confirmed" ? "lc-probation-invite" : "lc-probation-cancelled", args: { ...d, mentor: pair.mentor.name, mentees: menteeNames(pair) } }],
          dueAt: now,
        });
      }
    }
    await this.outreach.queue(messages, { now });
  }
}
