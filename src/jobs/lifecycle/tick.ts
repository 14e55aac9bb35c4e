import type { Logger } from "pino";
import type { PrismaClient } from "../../db/client.js";
import type { TextRef } from "../../flows/types.js";
import { PAIR_STAGES, type PairStatus } from "../../domain/lifecycle.js";
import { lifecycleSettings, type LifecycleSettings } from "../../domain/lifecycle-settings.js";
import type { Services } from "../../usecases/services.js";
import type { OutboxButton, OutboxMessage } from "../../store/notifications.js";
import { membersOf, type PairView, type PairWithPeople } from "../../store/pairs.js";
import type { OutboundPort } from "../outbound.js";
import { utcDate } from "../../domain/time.js";
import { inBatches } from "../../store/batches.js";

export const DAY = 86_400_000;
/** The stages of a pair still working (002 §7.4). */
export const WORKING = [...PAIR_STAGES] as PairStatus[];

/** Programmes ended longer ago than this are not read (the federal form of the year before is the oldest thing due). */
const PROGRAMME_LOOKBACK_DAYS = 400;
/** Ended pairs older than this have nothing due any more (the final report and its alert come within weeks). */
const ENDED_LOOKBACK_DAYS = 120;

export interface LifecycleDeps {
  prisma: PrismaClient;
  services: Services;
  outbound: OutboundPort & { requeue(now: Date): Promise<number> };
  logger: Logger;
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

/** A pair as the rules read it: who is in it (an erased person is "—"), `members` the mentor first. */
/** A pair as the scheduler reads it: the pair with its people (store/pairs.ts), and everyone working in it. */
export type TickPair = PairWithPeople & { members: string[] };

const PROGRAMME_SELECT = { id: true, name: true, status: true, startsOn: true, endsOn: true, settings: true, organisation: { select: { timezone: true } } } as const;

const overdueButton: OutboxButton[][] = [[{ label: { key: "lc-btn-overdue" }, command: "overdue", args: "" }]];

/**
 * What one tick knows, shared by its rules: `now`, the programmes (with their settings) and
 * their curators, the pairs with their people, the ended pairs; each read once per tick, when
 * first asked for. A rule that changes pairs says so (`pairsChanged`), and the pairs are read
 * again when next asked for. Nothing outlives the tick.
 */
export class Tick {
  private readonly programmes = new Map<string, ProgrammeContext>();
  private readonly curatorCache = new Map<string, string[]>();
  /** Pairs read this tick, by id: the working pairs of the active programmes, and any other asked for. */
  private readonly pairCache = new Map<string, TickPair>();
  private working: TickPair[] | null = null;
  private ended: PairView[] | null = null;

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

  /** Reads the active programmes and those ended in the last months. */
  async load(): Promise<void> {
    const rows = await this.prisma.programme.findMany({
      where: { OR: [{ status: "active" }, { endsOn: { gte: new Date(this.now.getTime() - PROGRAMME_LOOKBACK_DAYS * DAY) } }] },
      select: PROGRAMME_SELECT,
    });
    for (const p of rows) this.programmes.set(p.id, programmeContext(p));
  }

  /** The active programmes. */
  active(): ProgrammeContext[] {
    return [...this.programmes.values()].filter((p) => p.status === "active");
  }

  /** Every programme this tick has read so far. */
  known(): ProgrammeContext[] {
    return [...this.programmes.values()];
  }

  /** A programme by id, read now when the tick has not read it yet. */
  async programme(id: string): Promise<ProgrammeContext | undefined> {
    if (!this.programmes.has(id)) {
      const p = await this.prisma.programme.findUnique({ where: { id }, select: PROGRAMME_SELECT });
      if (!p) return undefined;
      this.programmes.set(id, programmeContext(p));
    }
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

  /** The working pairs of the active programmes, with their people. */
  async workingPairs(): Promise<TickPair[]> {
    if (!this.working) {
      const rows = await this.services.pairs.find({ status: { in: WORKING }, programme: { status: "active" } });
      this.working = rows.map(people);
      for (const p of this.working) this.pairCache.set(p.id, p);
    }
    return this.working;
  }

  /** Each meeting with its pair and programme (meetings whose pair or programme is gone are left out). */
  async withPairs<M extends { pairId: string }>(meetings: readonly M[]): Promise<{ meeting: M; pair: TickPair; programme: ProgrammeContext }[]> {
    const pairs = await this.pairs(meetings.map((m) => m.pairId));
    const out: { meeting: M; pair: TickPair; programme: ProgrammeContext }[] = [];
    for (const meeting of meetings) {
      const pair = pairs.get(meeting.pairId);
      const programme = pair && (await this.programme(pair.programmeId));
      if (pair && programme) out.push({ meeting, pair, programme });
    }
    return out;
  }

  /** These pairs with their people (any status): the working pairs as read this tick, the others read now. */
  async pairs(ids: readonly string[]): Promise<Map<string, TickPair>> {
    if (!ids.length) return new Map();
    await this.workingPairs();
    const missing = [...new Set(ids)].filter((id) => !this.pairCache.has(id));
    if (missing.length) {
      for (const p of await this.services.pairs.withIds(missing)) this.pairCache.set(p.id, people(p));
    }
    const out = new Map<string, TickPair>();
    for (const id of ids) {
      const p = this.pairCache.get(id);
      if (p) out.set(id, p);
    }
    return out;
  }

  /** A rule changed pairs (ended them): what was read of pairs is read again when next asked for. */
  pairsChanged(): void {
    this.working = null;
    this.ended = null;
    this.pairCache.clear();
  }

  /** Pairs ended (completed or early) in the last months, as the store shows them. */
  async endedPairs(): Promise<PairView[]> {
    if (!this.ended) {
      const rows = await this.prisma.pair.findMany({
        where: { status: { in: ["completed", "ended_early"] }, endedAt: { gte: new Date(this.now.getTime() - ENDED_LOOKBACK_DAYS * DAY), lte: this.now } },
        select: { id: true },
      });
      const views: PairView[] = [];
      for (const p of rows) {
        const view = await this.services.pairs.get(p.id);
        if (view) views.push(view);
      }
      this.ended = views;
    }
    return this.ended;
  }

  /** Records messages in the outbox (each key once, ever); returns how many are new. */
  async queue(messages: OutboxMessage[]): Promise<number> {
    if (!messages.length) return 0;
    return (await this.services.outbox.add(messages)).length;
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
