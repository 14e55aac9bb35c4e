import type { Logger } from "pino";
import type { PrismaClient } from "../../db/client.js";
import { AFTER_MEETING_WINDOW_MS } from "../../domain/reminders.js";
import type { TextRef } from "../../flows/types.js";
import { PAIR_STAGES, type PairStatus } from "../../domain/lifecycle.js";
import { lifecycleSettings, type LifecycleSettings } from "../../domain/lifecycle-settings.js";
import type { Services } from "../../usecases/services.js";
import type { OutboxButton, OutboxMessage } from "../../store/notifications.js";
import { membersOf, type PairWithPeople } from "../../store/pairs.js";
import type { OutboundPort } from "../outbound.js";
import { utcDate } from "../../domain/time.js";
import { inBatches } from "../../store/batches.js";

export const DAY = 86_400_000;
/** The stages of a pair still working (002 §7.4). */
export const WORKING = [...PAIR_STAGES] as PairStatus[];

export interface LifecycleDeps {
  prisma: PrismaClient;
  services: Services;
  outbound: OutboundPort & { requeue(now: Date): Promise<number> };
  logger: Logger;
  /** Rows taken per round (default 1,000). */
  roundSize?: number;
}

/** A programme as the rules read it: its dates (local, YYYY-MM-DD), the organisation's zone and its settings. */
export interface ProgrammeContext {
  id: string;
  name: string;
  status: string;
  startsOn: string;
  endsOn: string;
  tz: string;
  settings: LifecycleSettings;
}

/** A pair as the scheduler reads it: the pair with its people (store/pairs.ts), and everyone working in it. */
export type TickPair = PairWithPeople & { members: string[] };

/** A meeting of a round's pair, with the pair and its programme. */
export interface RoundMeeting {
  meeting: { id: string; pairId: string; status: string; startsAt: Date; confirmedAt: Date | null; place: string | null; stage: string; outcomes: unknown };
  pair: TickPair;
  programme: ProgrammeContext;
}

const PROGRAMME_SELECT = { id: true, name: true, status: true, startsOn: true, endsOn: true, settings: true, organisation: { select: { timezone: true } } } as const;

const overdueButton: OutboxButton[][] = [[{ label: { key: "lc-btn-overdue" }, command: "overdue", args: "" }]];

/**
 * What one round of a tick knows, shared by its rules: `now`, the rows it took (programmes, or
 * pairs with their meetings: `programmeIds`, `pairIds`), the programmes and curators read so far,
 * the taken pairs with their people. Each rule decides what is due for the taken rows and says,
 * for each, when it must look again (`later`); the round then writes the earliest of those
 * moments. Nothing outlives the tick.
 */
export class Tick {
  private readonly programmes = new Map<string, ProgrammeContext>();
  private readonly curatorCache = new Map<string, string[]>();
  private readonly pairCache = new Map<string, TickPair>();
  private readonly nextLooks = new Map<string, Date>();
  private roundMeetings: RoundMeeting[] | null = null;
  /** The rows of this round: programmes in a programme round, pairs in a pair round. */
  programmeIds: readonly string[] = [];
  pairIds: readonly string[] = [];

  constructor(
    private readonly deps: LifecycleDeps,
    readonly now: Date,
  ) {}

  get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  get services(): Services {
    return this.deps.services;
  }

  /** A round over these programmes: they are read with their settings. */
  async programmeRound(ids: readonly string[]): Promise<void> {
    this.startRound();
    this.programmeIds = ids;
    await this.readProgrammes(ids);
  }

  /** A round over these pairs: they are read with their people, and their programmes. */
  async pairRound(ids: readonly string[]): Promise<void> {
    this.startRound();
    this.pairIds = ids;
    this.pairCache.clear();
    for (const p of await this.services.pairs.withIds(ids)) this.pairCache.set(p.id, people(p));
    await this.readProgrammes([...new Set([...this.pairCache.values()].map((p) => p.programmeId))]);
  }

  /** The earliest moment after now at which a rule must look at this row again, merged over the rules of the round. */
  later(id: string, at: Date | null | undefined): void {
    if (!at || at <= this.now) return;
    const known = this.nextLooks.get(id);
    if (!known || at < known) this.nextLooks.set(id, at);
  }

  /** What the rules said of the round's rows: the next moment of each (none: nothing can fall due). */
  looks(): ReadonlyMap<string, Date> {
    return this.nextLooks;
  }

  /** The programmes of this round. */
  roundProgrammes(): ProgrammeContext[] {
    return this.programmeIds.flatMap((id) => this.programmes.get(id) ?? []);
  }

  /** The programmes of this round still running. */
  active(): ProgrammeContext[] {
    return this.roundProgrammes().filter((p) => p.status === "active");
  }

  /** A programme by id, read now when the tick has not read it yet. */
  async programme(id: string): Promise<ProgrammeContext | undefined> {
    if (!this.programmes.has(id)) await this.readProgrammes([id]);
    return this.programmes.get(id);
  }

  async curators(programmeId: string): Promise<string[]> {
    let list = this.curatorCache.get(programmeId);
    if (!list) this.curatorCache.set(programmeId, (list = await this.services.participants.curators(programmeId)));
    return list;
  }

  /** One alert to each curator of the programme, merged with the curator's other alerts due at once. */
  async curatorAlerts(programmeId: string, occurrenceKey: string, kind: string, parts: TextRef[], dueAt: Date): Promise<OutboxMessage[]> {
    return (await this.curators(programmeId)).map((c) => ({ personId: c, dedupKey: `${occurrenceKey}-${c}`, kind, parts, buttons: overdueButton, dueAt, merge: "alerts" }));
  }

  /** Which of these subjects have the form submitted, as `subjectKey|personId`. */
  async submitted(formId: string, subjectKeys: string[]): Promise<Set<string>> {
    if (!subjectKeys.length) return new Set();
    const rows = await inBatches(subjectKeys, (slice) => this.prisma.formResponse.findMany({ where: { formId, subjectKey: { in: slice }, submittedAt: { not: null } }, select: { personId: true, subjectKey: true } }));
    return new Set(rows.map((r) => `${r.subjectKey}|${r.personId}`));
  }

  /** The pairs of this round (any status), with their people and programme. */
  roundPairs(): { pair: TickPair; programme: ProgrammeContext }[] {
    return this.pairIds.flatMap((id) => {
      const pair = this.pairCache.get(id);
      const programme = pair && this.programmes.get(pair.programmeId);
      return pair && programme ? [{ pair, programme }] : [];
    });
  }

  /** The pairs of this round still working, in a programme still running. */
  workingPairs(): { pair: TickPair; programme: ProgrammeContext }[] {
    return this.roundPairs().filter(({ pair, programme }) => WORKING.includes(pair.status as PairStatus) && programme.status === "active");
  }

  /**
   * The meetings of this round's pairs that the rules read — planned, confirmed, held or missed,
   * from the after-meeting window on — each with its pair and programme; read once per round.
   */
  async meetings(): Promise<RoundMeeting[]> {
    if (!this.roundMeetings) {
      const since = new Date(this.now.getTime() - AFTER_MEETING_WINDOW_MS);
      const rows = await inBatches(this.pairIds, (slice) =>
        this.prisma.meeting.findMany({
          where: { pairId: { in: slice }, status: { in: ["confirmed", "held", "missed"] }, startsAt: { gte: since } },
          select: { id: true, pairId: true, status: true, startsAt: true, confirmedAt: true, place: true, stage: true, outcomes: true },
        }),
      );
      this.roundMeetings = rows.flatMap((meeting) => {
        const pair = this.pairCache.get(meeting.pairId);
        const programme = pair && this.programmes.get(pair.programmeId);
        return pair && programme ? [{ meeting, pair, programme }] : [];
      });
    }
    return this.roundMeetings;
  }

  /** Records messages in the outbox (each key once, ever); returns how many are new. */
  async queue(messages: OutboxMessage[]): Promise<number> {
    if (!messages.length) return 0;
    return (await this.services.outbox.add(messages)).length;
  }

  private startRound(): void {
    this.nextLooks.clear();
    this.roundMeetings = null;
    this.programmeIds = [];
    this.pairIds = [];
  }

  private async readProgrammes(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.programmes.has(id));
    if (!missing.length) return;
    const rows = await inBatches(missing, (slice) => this.prisma.programme.findMany({ where: { id: { in: slice } }, select: PROGRAMME_SELECT }));
    for (const p of rows) this.programmes.set(p.id, programmeContext(p));
  }
}

type ProgrammeRow = { id: string; name: string; status: string; startsOn: Date; endsOn: Date; settings: unknown; organisation: { timezone: string } };

function programmeContext(p: ProgrammeRow): ProgrammeContext {
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    startsOn: utcDate(p.startsOn),
    endsOn: utcDate(p.endsOn),
    tz: p.organisation.timezone,
    settings: lifecycleSettings(p.settings),
  };
}

const people = (p: PairWithPeople): TickPair => ({ ...p, members: membersOf(p) });
