import type { PrismaClient } from "../db/client.js";
import type { Clock } from "../domain/clock.js";
import { lifecycleSettings, relays } from "../domain/lifecycle-settings.js";

/**
 * The relay of a pair as stored: the messages its sides wrote to each other through the bot
 * (kept for the pair's lifetime; erased for a person who withdrew consent, src/store/privacy.ts),
 * whether the programme relays the pair rather than giving it contacts, the curator's leave to
 * share contacts, and the organisation's word lists of the flags.
 */

export interface RelayMessageRow {
  id: string;
  pairId: string;
  senderId: string;
  senderRole: "mentor" | "mentee" | "curator";
  text: string;
  removed: string[];
  createdAt: Date;
}

export interface RelayState {
  /** The programme relays this pair (its setting, and a mentee under 18 for "minors"). */
  relayed: boolean;
  /** A curator let the pair have each other's contacts. */
  contactsAllowedAt: Date | null;
  /** The organisation's own word lists (Organisation.flagWords). */
  flagWords: unknown;
}

export class RelayStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: Clock,
  ) {}

  async state(pairId: string): Promise<RelayState | null> {
    const pair = await this.prisma.pair.findUnique({
      where: { id: pairId },
      select: {
        contactsAllowedAt: true,
        programme: { select: { settings: true, organisation: { select: { flagWords: true } } } },
        members: { where: { leftAt: null }, select: { mentee: { select: { person: { select: { isMinor: true } } } } } },
      },
    });
    if (!pair) return null;
    const anyMinor = pair.members.some((m) => m.mentee.person.isMinor !== false);
    return { relayed: relays(lifecycleSettings(pair.programme.settings).relay, anyMinor), contactsAllowedAt: pair.contactsAllowedAt, flagWords: pair.programme.organisation.flagWords };
  }

  async add(input: { pairId: string; senderId: string; senderRole: "mentor" | "mentee"; text: string; removed: string[] }): Promise<RelayMessageRow> {
    return (await this.prisma.relayMessage.create({ data: { ...input, createdAt: this.now() } })) as RelayMessageRow;
  }

  async message(id: string): Promise<RelayMessageRow | null> {
    return (await this.prisma.relayMessage.findUnique({ where: { id } })) as RelayMessageRow | null;
  }

  /** The pair's last messages, oldest first. */
  async history(pairId: string, limit = 50): Promise<RelayMessageRow[]> {
    const rows = await this.prisma.relayMessage.findMany({ where: { pairId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
    return (rows as RelayMessageRow[]).reverse();
  }

  async count(pairId: string): Promise<number> {
    return this.prisma.relayMessage.count({ where: { pairId } });
  }

  /** Records the curator's leave to share contacts; false when it was given before. */
  async allowContacts(pairId: string, curatorId: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.pair.updateMany({ where: { id: pairId, contactsAllowedAt: null }, data: { contactsAllowedAt: now, contactsAllowedById: curatorId } });
    return count === 1;
  }

  /** Whether a flag on the pair is open (raised by a side or by words, not yet marked done by the curator). */
  async flagOpen(pairId: string): Promise<boolean> {
    return (await this.prisma.curatorTask.count({ where: { pairId, kind: "relay_flag", doneAt: null } })) > 0;
  }

  async organisationOf(programmeId: string): Promise<{ flagWords: unknown } | null> {
    const p = await this.prisma.programme.findUnique({ where: { id: programmeId }, select: { organisation: { select: { flagWords: true } } } });
    return p ? { flagWords: p.organisation.flagWords } : null;
  }
}
