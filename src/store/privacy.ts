import type { PrismaClient } from "../db/client.js";
import type { Clock } from "../domain/clock.js";

/**
 * A person's rights over their data (152-ФЗ): see everything stored about them, and withdraw
 * consent. Withdrawal erases what identifies them — name, messenger accounts, free-text
 * answers, choices of other people, messages — and keeps what the programme's aggregate
 * indicators are made of (that a participant of this role took part, completed the cycle,
 * gave these numeric scores), so reports stay correct without saying who.
 */
export class Privacy {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: Clock,
  ) {}

  /** Everything stored about the person, as one document. */
  async export(personId: string): Promise<Record<string, unknown>> {
    const person = await this.prisma.person.findUnique({
      where: { id: personId },
      include: {
        identities: { select: { platform: true, externalId: true, username: true, createdAt: true } },
        consents: { select: { kind: true, version: true, representativeName: true, givenAt: true, withdrawnAt: true } },
        participations: {
          select: {
            id: true,
            role: true,
            status: true,
            capacity: true,
            joinedAt: true,
            completedCycleAt: true,
            programme: { select: { name: true, organisation: { select: { name: true } } } },
            preferencesGiven: { select: { question: true, rank: true, to: { select: { role: true, person: { select: { displayName: true } } } } } },
            memberships: { select: { joinedAt: true, leftAt: true, pair: { select: { status: true, confirmedAt: true, endedAt: true, meetings: { select: { startsAt: true, place: true, status: true } } } } } },
            mentorOf: { select: { status: true, confirmedAt: true, endedAt: true, meetings: { select: { startsAt: true, place: true, status: true } } } },
          },
        },
        formResponses: { select: { formId: true, formVersion: true, subjectKey: true, answers: true, status: true, submittedAt: true, updatedAt: true } },
        notifications: { select: { kind: true, status: true, sentAt: true } },
      },
    });
    if (!person) return {};
    const conversations = await this.prisma.conversation.findMany({ where: { personId }, select: { flowId: true, state: true, updatedAt: true } });
    return {
      exportedAt: this.now().toISOString(),
      person: { language: person.language, name: person.displayName, minor: person.isMinor, since: person.createdAt },
      accounts: person.identities,
      consents: person.consents,
      programmes: person.participations.map((p) => ({
        programme: p.programme.name,
        organisation: p.programme.organisation.name,
        role: p.role,
        status: p.status,
        capacity: p.capacity,
        joinedAt: p.joinedAt,
        completedCycleAt: p.completedCycleAt,
        choices: p.preferencesGiven.map((c) => ({ question: c.question, rank: c.rank, chose: c.to.person.displayName, theirRole: c.to.role })),
        pairsAsMentee: p.memberships.map((m) => ({ ...m.pair, joinedAt: m.joinedAt, leftAt: m.leftAt })),
        pairsAsMentor: p.mentorOf,
      })),
      forms: person.formResponses,
      formsInProgress: conversations.map((c) => ({ flow: c.flowId, answers: (c.state as any)?.answers ?? {}, updatedAt: c.updatedAt })),
      messagesSent: person.notifications,
    };
  }

  /**
   * Withdraws consent and erases the person's identifying data. Returns the programmes they
   * took part in (for telling the curators), or null when there was nothing to erase.
   */
  async forget(personId: string, now: Date = this.now()): Promise<{ programmeIds: string[] } | null> {
    return this.prisma.$transaction(async (tx) => {
      const person = await tx.person.findUnique({ where: { id: personId }, select: { erasedAt: true } });
      if (!person || person.erasedAt) return null;
      const participations = await tx.participation.findMany({ where: { personId }, select: { id: true, programmeId: true } });
      await tx.consent.updateMany({ where: { personId, withdrawnAt: null }, data: { withdrawnAt: now } });
      // Numeric answers (scores, ages, years) feed the indicators; text and choices may identify.
      const responses = await tx.formResponse.findMany({ where: { personId }, select: { id: true, answers: true } });
      for (const r of responses) {
        const kept = Object.fromEntries(Object.entries((r.answers ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === "number" || typeof v === "boolean"));
        await tx.formResponse.update({ where: { id: r.id }, data: { answers: kept as Record<string, number | boolean> } });
      }
      await tx.preference.deleteMany({ where: { fromId: { in: participations.map((p) => p.id) } } });
      await tx.participation.updateMany({ where: { personId, status: { not: "completed" } }, data: { status: "left" } });
      await tx.conversation.deleteMany({ where: { personId } });
      await tx.notification.deleteMany({ where: { personId } });
      await tx.identityLinkCode.deleteMany({ where: { personId } });
      await tx.messengerIdentity.deleteMany({ where: { personId } });
      await tx.person.update({ where: { id: personId }, data: { displayName: null, erasedAt: now } });
      return { programmeIds: [...new Set(participations.map((p) => p.programmeId))] };
    });
  }
}
