import type { PrismaClient } from "../db/client.js";
import type { SqlExecutor } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";
import { Audit } from "./audit.js";
import { Consents } from "./consents.js";
import { FormTickets } from "./form-tickets.js";
import { FormResponses } from "./forms.js";
import { IdentityLinks } from "./identity-links.js";
import { Invitations } from "./invitations.js";
import { Meetings } from "./meetings.js";
import { Outbox } from "./notifications.js";
import { Outreach } from "./outreach.js";
import { Overdue } from "./overdue.js";
import { Pairs } from "./pairs.js";
import { Matching } from "./matching.js";
import { Participants } from "./participants.js";
import { People } from "./people.js";
import { Privacy } from "./privacy.js";
import { Surveys } from "./surveys.js";
import { CuratorTasks } from "./tasks.js";
import { Digests } from "./digests.js";
import { IndicatorData } from "./indicator-data.js";
import { Scopes } from "./scope.js";
import { ProgrammeViews } from "./programme-views.js";
import { JobRequests } from "./job-requests.js";

/**
 * The domain's data access, one object per aggregate. What every message touches runs as
 * prepared SQL (`sql`); the rest goes through Prisma.
 */
export interface Services {
  /** The one clock every store records and decides by. */
  now: Clock;
  prisma: PrismaClient;
  sql: SqlExecutor;
  people: People;
  consents: Consents;
  invitations: Invitations;
  links: IdentityLinks;
  audit: Audit;
  privacy: Privacy;
  forms: FormResponses;
  participants: Participants;
  surveys: Surveys;
  tickets: FormTickets;
  outreach: Outreach;
  /** Lifecycle: messages the bot sends on its own (before and while delivered), pairs, meetings, curators' tasks. */
  outbox: Outbox;
  pairs: Pairs;
  meetings: Meetings;
  tasks: CuratorTasks;
  overdue: Overdue;
  /** Reports and digests: the database mapped onto the indicators and RNC forms, administrators' scopes, digests. */
  indicatorData: IndicatorData;
  scopes: Scopes;
  digests: Digests;
  views: ProgrammeViews;
  /** Whole-cohort matching: runs, numbered suggestions, the curator's decisions. */
  matching: Matching;
  /** Heavy work asked for by people, enqueued with their update. */
  jobs: JobRequests;
}

/**
 * The same services, with the SQL-backed stores working inside one update's transaction:
 * what a flow's hook writes commits with the update. Prisma-backed stores are unchanged.
 */
export function withSql(services: Services, sql: SqlExecutor): Services {
  return {
    ...services,
    sql,
    people: new People(sql, services.now),
    consents: new Consents(sql, services.now),
    invitations: new Invitations(sql, services.now),
    links: new IdentityLinks(sql, services.now),
    audit: new Audit(sql, services.now),
  };
}

export function createServices(prisma: PrismaClient, sql: SqlExecutor, now: Clock): Services {
  const forms = new FormResponses(prisma, now);
  const participants = new Participants(prisma, now);
  const outbox = new Outbox(sql, now);
  const outreach = new Outreach(prisma, outbox, now);
  const surveys = new Surveys(prisma, now);
  const tasks = new CuratorTasks(prisma, now);
  const pairs = new Pairs(prisma, outreach, participants, tasks, surveys, new Audit(sql, now));
  const indicatorData = new IndicatorData(prisma);
  const scopes = new Scopes(prisma);
  return {
    now,
    prisma,
    sql,
    people: new People(sql, now),
    consents: new Consents(sql, now),
    invitations: new Invitations(sql, now),
    links: new IdentityLinks(sql, now),
    audit: new Audit(sql, now),
    privacy: new Privacy(prisma, now),
    forms,
    participants,
    surveys,
    tickets: new FormTickets(prisma, participants, forms),
    outreach,
    outbox,
    pairs,
    meetings: new Meetings(prisma, pairs, outreach, participants),
    tasks,
    overdue: new Overdue(prisma, pairs, tasks),
    indicatorData,
    scopes,
    digests: new Digests(prisma, indicatorData, scopes),
    views: new ProgrammeViews(prisma),
    matching: new Matching(prisma, pairs),
    jobs: new JobRequests(),
  };
}
