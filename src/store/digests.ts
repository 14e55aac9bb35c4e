import { mapYielding } from "./yielding.js";
import type { Prisma, PrismaClient } from "../db/client.js";
import { digestRecordKey, scopeKeyOf } from "../domain/admin-scope.js";
import { organisationsChart, trendChart, type ChartSpec, type TrendPoint } from "../domain/digest/chart.js";
import { composeDigest, type Digest, type DigestActivity, type DigestOverdue, type OrganisationIndicators } from "../domain/digest/compose.js";
import type { DigestSchedule } from "../domain/digest/schedule.js";
import { indicatorsOfOrganisations, organisationIndicators } from "../domain/indicators/by-scope.js";
import type { IndicatorSet } from "../domain/indicators/result-types.js";
import { DEFAULT_TIMEZONE, isTimezone, localDate } from "../domain/time.js";
import type { IndicatorData } from "./indicator-data.js";
import type { AdministratorRow, Scopes, ScopedOrganisation } from "./scope.js";
import { countInBatches, inBatches } from "./batches.js";

/**
 * The administrators' digests: the scope's indicators now and at the digest before, the week's
 * activity, what is overdue, the chart. Snapshots (IndicatorSnapshot) keep two things:
 *
 * - `digest:<administratorId>`: what one administrator was shown, per weekly occurrence
 *   (values: indicators, overdue, occurrence, outcome) — the baseline of their next digest and
 *   the record that an occurrence was handled (sent or skipped);
 * - the scope's key (`organisation:<id>`, `district:<name>`, `region:<name>`): the scope's
 *   indicators once a day at most, for the trend chart of a one-organisation scope.
 */

/** Meetings whose time passed more than this without being marked held or missed are overdue. */
export const UNRESOLVED_MEETING_HOURS = 24;
const WEEK_MS = 7 * 86_400_000;
/** A scope snapshot is written at most once in this many hours. */
const SCOPE_SNAPSHOT_EVERY_HOURS = 20;

export interface SnapshotValues {
  v: 1;
  indicators: IndicatorSet;
  overdue?: DigestOverdue;
  occurrence?: string;
  outcome?: DigestOutcome;
}

/** `queued`: recorded in the outbox for the outbound queue (earlier records may say `sent` or `unreachable`). */
export type DigestOutcome = "queued" | "skipped" | "no-channel" | "sent" | "unreachable";

export interface BuiltDigest {
  administrator: AdministratorRow;
  timezone: string;
  scopeKey: string;
  organisations: ScopedOrganisation[];
  perOrganisation: OrganisationIndicators[];
  current: IndicatorSet;
  digest: Digest;
  chart: ChartSpec | null;
  /** Start of the period the activity counts (the digest before, or a week ago). */
  since: Date;
  /** When the baseline of the changes was taken; null on the first digest. */
  previousAt: Date | null;
}

function readValues(raw: unknown): SnapshotValues | null {
  if (!raw || typeof raw !== "object") return null;
  const v = raw as Partial<SnapshotValues>;
  const s = v.indicators as Partial<IndicatorSet> | undefined;
  if (v.v !== 1 || !s || typeof s !== "object" || !s.pairsAndGroups || !s.pupilsTarget || !s.teachersTarget) return null;
  return v as SnapshotValues;
}

export class Digests {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly data: IndicatorData,
    private readonly scopes: Scopes,
  ) {}

  schedulesOf(admins: readonly AdministratorRow[]): DigestSchedule[] {
    return admins.map((a) => ({ administratorId: a.id, timezone: a.timezone, weekday: a.digestWeekday, hour: a.digestHour, paused: a.digestPaused }));
  }

  /** Occurrences already handled per administrator, among records taken since `since`. */
  async handledOccurrences(administratorIds: readonly string[], since: Date): Promise<Map<string, Set<string>>> {
    const keys = administratorIds.map(digestRecordKey);
    const rows = await inBatches(keys, (slice) => this.prisma.indicatorSnapshot.findMany({ where: { scopeKey: { in: slice }, takenAt: { gte: since } }, select: { scopeKey: true, values: true } }));
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const occurrence = (r.values as { occurrence?: unknown } | null)?.occurrence;
      if (typeof occurrence !== "string") continue;
      const id = r.scopeKey.slice("digest:".length);
      let set = out.get(id);
      if (!set) out.set(id, (set = new Set()));
      set.add(occurrence);
    }
    return out;
  }

  private async lastRecord(administratorId: string, before: Date): Promise<{ takenAt: Date; values: SnapshotValues } | null> {
    const rows = await this.prisma.indicatorSnapshot.findMany({
      where: { scopeKey: digestRecordKey(administratorId), takenAt: { lt: before } },
      orderBy: { takenAt: "desc" },
      take: 5,
      select: { takenAt: true, values: true },
    });
    for (const r of rows) {
      const values = readValues(r.values);
      if (values) return { takenAt: r.takenAt, values };
    }
    return null;
  }

  private async activity(programmeIds: string[], since: Date, now: Date): Promise<DigestActivity> {
    if (!programmeIds.length) return { newPairs: 0, meetingsHeld: 0, meetingsMissed: 0, feedbackForms: 0, satisfactionAnswers: 0 };
    const window = { gte: since, lt: now };
    const count = (query: (ids: string[]) => Promise<number>) => countInBatches(programmeIds, query);
    const [newPairs, meetingsHeld, meetingsMissed, feedbackForms, satisfactionAnswers] = await Promise.all([
      count((ids) => this.prisma.pair.count({ where: { programmeId: { in: ids }, confirmedAt: window } })),
      count((ids) => this.prisma.meeting.count({ where: { pair: { programmeId: { in: ids } }, status: "held", startsAt: window } })),
      count((ids) => this.prisma.meeting.count({ where: { pair: { programmeId: { in: ids } }, status: "missed", startsAt: window } })),
      count((ids) => this.prisma.formResponse.count({ where: { programmeId: { in: ids }, formId: "meeting-feedback", status: "submitted", submittedAt: window } })),
      count((ids) => this.prisma.formResponse.count({ where: { programmeId: { in: ids }, formId: { in: ["satisfaction-mentor", "satisfaction-mentee"] }, status: "submitted", submittedAt: window } })),
    ]);
    return { newPairs, meetingsHeld, meetingsMissed, feedbackForms, satisfactionAnswers };
  }

  async overdue(programmeIds: string[], now: Date): Promise<DigestOverdue> {
    if (!programmeIds.length) return { unresolvedMeetings: 0, curatorTasks: 0 };
    const [unresolvedMeetings, curatorTasks] = await Promise.all([
      countInBatches(programmeIds, (ids) =>
        this.prisma.meeting.count({ where: { pair: { programmeId: { in: ids } }, status: { in: ["proposed", "confirmed"] }, startsAt: { lt: new Date(now.getTime() - UNRESOLVED_MEETING_HOURS * 3_600_000) } } }),
      ),
      countInBatches(programmeIds, (ids) => this.prisma.curatorTask.count({ where: { programmeId: { in: ids }, doneAt: null, dueAt: { lt: now } } })),
    ]);
    return { unresolvedMeetings, curatorTasks };
  }

  /** The scope's snapshots, for the trend chart (oldest first). */
  private async trend(scopeKey: string, timezone: string, current: IndicatorSet, now: Date): Promise<TrendPoint[]> {
    const rows = await this.prisma.indicatorSnapshot.findMany({ where: { scopeKey, takenAt: { lt: now } }, orderBy: { takenAt: "desc" }, take: 60, select: { takenAt: true, values: true } });
    const points: TrendPoint[] = [];
    for (const r of rows.reverse()) {
      const values = readValues(r.values);
      if (values) points.push({ date: localDate(r.takenAt, timezone), indicators: values.indicators });
    }
    // One point a week: the latest of each week counted back from today.
    const today = localDate(now, timezone);
    const weekly = new Map<number, TrendPoint>();
    for (const p of points) weekly.set(Math.floor((Date.parse(today) - Date.parse(p.date)) / WEEK_MS), p);
    const out = [...weekly.entries()].filter(([w]) => w > 0).sort((a, b) => b[0] - a[0]).map(([, p]) => p);
    out.push({ date: today, indicators: current });
    return out;
  }

  /** Everything one administrator's digest says at `now`. */
  async build(admin: AdministratorRow, now: Date): Promise<BuiltDigest> {
    const timezone = isTimezone(admin.timezone) ? admin.timezone : DEFAULT_TIMEZONE;
    const organisations = await this.scopes.organisationsOf(admin);
    const organisationIds = organisations.map((o) => o.id);
    const loaded = await this.data.load({ organisationIds });
    const programmeIds = loaded.programmes.map((p) => p.id);
    const current = indicatorsOfOrganisations(loaded.data, organisationIds);
    const perOrganisation = await mapYielding(organisations, (o) => ({ id: o.id, name: o.name, indicators: organisationIndicators(loaded.data, o.id) }));
    const previous = await this.lastRecord(admin.id, now);
    const since = previous && now.getTime() - previous.takenAt.getTime() < 5 * WEEK_MS ? previous.takenAt : new Date(now.getTime() - WEEK_MS);
    const [activity, overdue] = await Promise.all([this.activity(programmeIds, since, now), this.overdue(programmeIds, now)]);
    const digest = composeDigest({
      current,
      previous: previous?.values.indicators ?? null,
      activity,
      overdue,
      previousOverdue: previous?.values.overdue ?? null,
      organisations: perOrganisation,
    });
    const scopeKey = scopeKeyOf(admin);
    let chart: ChartSpec | null = null;
    if (perOrganisation.length > 1) chart = organisationsChart(perOrganisation);
    else if (perOrganisation.length === 1) chart = trendChart(await this.trend(scopeKey, timezone, current, now));
    return { administrator: admin, timezone, scopeKey, organisations, perOrganisation, current, digest, chart, since, previousAt: previous?.takenAt ?? null };
  }

  /** Records a handled occurrence (what was shown) and the scope's snapshot (at most once in SCOPE_SNAPSHOT_EVERY_HOURS). */
  async record(built: BuiltDigest, occurrence: string, outcome: DigestOutcome, now: Date): Promise<void> {
    const values: SnapshotValues = { v: 1, indicators: built.current, overdue: built.digest.overdue, occurrence, outcome };
    await this.prisma.indicatorSnapshot.create({ data: { scopeKey: digestRecordKey(built.administrator.id), takenAt: now, values: values as unknown as Prisma.InputJsonValue } });
    await this.snapshotScope(built.scopeKey, built.current, now);
  }

  async snapshotScope(scopeKey: string, indicators: IndicatorSet, now: Date): Promise<boolean> {
    const recent = await this.prisma.indicatorSnapshot.findFirst({
      where: { scopeKey, takenAt: { gt: new Date(now.getTime() - SCOPE_SNAPSHOT_EVERY_HOURS * 3_600_000), lte: now } },
      select: { id: true },
    });
    if (recent) return false;
    const values: SnapshotValues = { v: 1, indicators };
    await this.prisma.indicatorSnapshot.create({ data: { scopeKey, takenAt: now, values: values as unknown as Prisma.InputJsonValue } });
    return true;
  }
}
