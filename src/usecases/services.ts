import type { PrismaClient } from "../db/client.js";
import type { SqlExecutor } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";
import { Audit } from "../store/audit.js";
import { Consents } from "../store/consents.js";
import { ConsentDocumentStore } from "../store/consent-documents.js";
import { ConsentDocuments } from "./consent-documents.js";
import { I18n, type Language, type Translate } from "../i18n/index.js";
import { FormTickets } from "../store/form-tickets.js";
import { FormResponses } from "../store/forms.js";
import { IdentityLinks } from "../store/identity-links.js";
import { Invitations } from "../store/invitations.js";
import { Outbox } from "../store/notifications.js";
import { Outreach } from "./outreach.js";
import { PairService } from "./pairs.js";
import { MeetingService } from "./meetings.js";
import { MatchingService } from "./matching.js";
import { Overdue } from "../store/overdue.js";
import { Participants } from "../store/participants.js";
import { People } from "../store/people.js";
import { Privacy } from "../store/privacy.js";
import { Surveys } from "../store/surveys.js";
import { CuratorTasks } from "../store/tasks.js";
import { Digests } from "../store/digests.js";
import { IndicatorData } from "../store/indicator-data.js";
import { Scopes } from "../store/scope.js";
import { ProgrammeViews } from "../store/programme-views.js";
import { JobRequests } from "../store/job-requests.js";
import { QuestionnaireNotices } from "./questionnaires.js";
import { DestructionActs } from "../store/destruction-acts.js";
import { Retention } from "../store/retention.js";
import { RelayService } from "./relay.js";
import { RelayStore } from "../store/relay.js";
import { WebLogins } from "../store/web-logins.js";

/**
 * What commands, flow hooks and jobs are given: the repositories of src/store, one per
 * aggregate (what every message touches runs as prepared SQL, `sql`; the rest through Prisma),
 * and where an aggregate has workflows — pairs, meetings, matching, telling people — the use
 * case of this folder over its repository. Built once; inside an update everything it does runs
 * in the update's transaction (src/db/frame-context.ts).
 */
export interface Services {
  /** The one clock every store records and decides by. */
  now: Clock;
  /** The product's texts in a language (the consent documents' default template among them). */
  translator: (lang: Language) => Translate;
  prisma: PrismaClient;
  sql: SqlExecutor;
  people: People;
  consents: Consents;
  /** The consent documents shown and agreed to: locales' template or the organisation's own text, with the operator filled in. */
  consentDocuments: ConsentDocuments;
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
  pairs: PairService;
  meetings: MeetingService;
  tasks: CuratorTasks;
  overdue: Overdue;
  /** Reports and digests: the database mapped onto the indicators and RNC forms, administrators' scopes, digests. */
  indicatorData: IndicatorData;
  scopes: Scopes;
  digests: Digests;
  views: ProgrammeViews;
  /** Whole-cohort matching: runs, numbered suggestions, the curator's decisions. */
  matching: MatchingService;
  /** Heavy work asked for by people, enqueued with their update. */
  jobs: JobRequests;
  /** The curators told of questionnaires that came in; the interview queue. */
  questionnaires: QuestionnaireNotices;
  /** Whose data are due for destruction, and the acts of those destroyed. */
  retention: Retention;
  acts: DestructionActs;
  /** The pairs' safe channel: messages through the bot without contacts, flags to the curator, the curator's audited reading. */
  relay: RelayService;
  /** One-time login links to the web app (/dashboard). */
  webLogins: WebLogins;
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
    consentDocuments: new ConsentDocuments(new ConsentDocumentStore(sql, services.now), services.translator),
    invitations: new Invitations(sql, services.now),
    links: new IdentityLinks(sql, services.now),
    audit: new Audit(sql, services.now),
    webLogins: new WebLogins(sql, services.now),
  };
}

export function createServices(prisma: PrismaClient, sql: SqlExecutor, now: Clock, i18n: I18n = new I18n()): Services {
  const translator = (lang: Language): Translate => i18n.translator(lang);
  const forms = new FormResponses(prisma, sql, now);
  const participants = new Participants(prisma, sql, now);
  const outbox = new Outbox(sql, now);
  const outreach = new Outreach(outbox, now);
  const surveys = new Surveys(prisma, now);
  const tasks = new CuratorTasks(prisma, now);
  const relayStore = new RelayStore(prisma, now);
  const pairs = new PairService(prisma, outreach, participants, tasks, surveys, new Audit(sql, now), relayStore);
  const indicatorData = new IndicatorData(prisma, sql);
  const scopes = new Scopes(prisma);
  return {
    now,
    prisma,
    sql,
    people: new People(sql, now),
    consents: new Consents(sql, now),
    consentDocuments: new ConsentDocuments(new ConsentDocumentStore(sql, now), translator),
    translator,
    invitations: new Invitations(sql, now),
    links: new IdentityLinks(sql, now),
    audit: new Audit(sql, now),
    privacy: new Privacy(prisma, now),
    forms,
    participants,
    surveys,
    tickets: new FormTickets(prisma, participants, forms, pairs),
    outreach,
    outbox,
    pairs,
    meetings: new MeetingService(prisma, pairs, outreach, participants),
    tasks,
    overdue: new Overdue(prisma, pairs, tasks),
    indicatorData,
    scopes,
    digests: new Digests(prisma, indicatorData, scopes),
    views: new ProgrammeViews(prisma),
    matching: new MatchingService(prisma, pairs),
    jobs: new JobRequests(),
    questionnaires: new QuestionnaireNotices(sql, participants, forms, outreach, now),
    retention: new Retention(prisma),
    acts: new DestructionActs(prisma),
    relay: new RelayService(relayStore, outreach, participants, tasks),
    webLogins: new WebLogins(sql, now),
  };
}
