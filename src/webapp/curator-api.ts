import { questionnaireCodeLabel } from "../bot/core/commands/matching.js";
import { QUESTIONNAIRE_FORM } from "../store/indicator-data.js";
import { MATCH_MODES, modeKey, reasonMessage, unmatchedMessage, type MatchMode } from "../domain/matching/index.js";
import type { I18n, Language } from "../i18n/index.js";
import { MATCHING_JOB } from "../store/job-requests.js";
import type { SuggestionView } from "../store/matching.js";
import { newId } from "../db/sql.js";
import { formatDate, formatDateTime } from "../domain/time.js";
import { definitionFor, QUESTIONNAIRE_OF } from "../flows/definitions/catalog.js";
import { renderAnswers } from "../flows/definitions/render-answers.js";
import type { Services } from "../usecases/services.js";
import type { Access } from "./access.js";
import type { Viewer } from "./auth.js";
import { HttpError } from "./http.js";

/**
 * The curator's pages, as JSON: the programme at a glance, its participants, the matching's
 * suggestions with their reasons in the curator's words, confirming and rejecting them, and
 * the pairs by stage. Reads go through the same repositories as the commands; decisions through
 * the same use case (`MatchingService.confirm` / `reject`), so a confirmed pair is told exactly
 * what the bot's /confirm tells it.
 */

export interface CuratorApiDeps {
  services: Services;
  i18n: I18n;
  access: Access;
}


/** The meetings a curator sees (/meetings): the next two weeks, and the last month's not marked held. */
const UPCOMING_DAYS = 14;
const MISSED_DAYS = 30;
const MEETING_GRACE_HOURS = 24;
const MEETINGS_LIMIT = 50;
const DAY = 86_400_000;

export class CuratorApi {
  constructor(private readonly deps: CuratorApiDeps) {}

  /** The programmes the person curates (the same list the commands' scopes read). */
  async programmes(viewer: Viewer): Promise<{ id: string; name: string }[]> {
    return this.deps.services.participants.curatedProgrammes(viewer.personId);
  }

  async overview(viewer: Viewer, programmeId: string) {
    const { services, access } = this.deps;
    await access.curator(viewer, programmeId, "curator.participants");
    const programme = (await services.participants.programme(programmeId))!;
    const rows = await services.participants.list(programmeId);
    const filled = { mentor: await services.forms.respondents(programmeId, QUESTIONNAIRE_FORM.mentor), mentee: await services.forms.respondents(programmeId, QUESTIONNAIRE_FORM.mentee) };
    const byStatus = (role: "mentor" | "mentee") => {
      const counts: Record<string, number> = {};
      for (const r of rows) if (r.role === role) counts[r.status] = (counts[r.status] ?? 0) + 1;
      return counts;
    };
    const inProgramme = rows.filter((r) => r.status !== "left" && r.status !== "declined");
    const surveys = [];
    for (const kind of ["mutual_choice", "satisfaction"] as const) {
      const round = await services.surveys.current(programmeId, kind);
      surveys.push({ kind, open: !!round, openedAt: round?.openedAt ?? null });
    }
    const pairs = await services.pairs.list(programmeId);
    const run = await services.matching.latestRun(programmeId);
    const open = run ? (await services.matching.open(programmeId)).length : 0;
    await access.allowed(viewer, { action: "curator.participants", targetType: "programme", targetId: programmeId, programmeId, details: { page: "overview" } });
    return {
      programme: { id: programme.id, name: programme.name, organisation: programme.organisationName, status: programme.status, startsOn: programme.startsOn, endsOn: programme.endsOn },
      participants: { mentor: byStatus("mentor"), mentee: byStatus("mentee") },
      questionnaires: {
        mentor: { submitted: inProgramme.filter((r) => r.role === "mentor" && filled.mentor.has(r.personId)).length, total: inProgramme.filter((r) => r.role === "mentor").length },
        mentee: { submitted: inProgramme.filter((r) => r.role === "mentee" && filled.mentee.has(r.personId)).length, total: inProgramme.filter((r) => r.role === "mentee").length },
      },
      interviewsWaiting: (await services.questionnaires.interviewQueue(programmeId, rows)).length,
      surveys,
      pairs: { total: pairs.length, working: pairs.filter((p) => !p.endedAt).length },
      matching: run ? { runId: run.id, createdAt: run.createdAt, open } : null,
    };
  }

  async participants(viewer: Viewer, programmeId: string) {
    const { services, access } = this.deps;
    await access.curator(viewer, programmeId, "curator.participants");
    const rows = await services.participants.list(programmeId);
    const filled = { mentor: await services.forms.respondents(programmeId, QUESTIONNAIRE_FORM.mentor), mentee: await services.forms.respondents(programmeId, QUESTIONNAIRE_FORM.mentee) };
    await access.allowed(viewer, { action: "curator.participants", targetType: "programme", targetId: programmeId, programmeId, details: { count: rows.length } });
    return {
      participants: rows.map((r) => ({ id: r.participationId, number: r.number, name: r.name, role: r.role, status: r.status, capacity: r.capacity, joinedAt: r.joinedAt, formFilled: filled[r.role].has(r.personId) })),
    };
  }

  async suggestions(viewer: Viewer, programmeId: string) {
    const { services, access, i18n } = this.deps;
    await access.curator(viewer, programmeId, "curator.match_view");
    const run = await services.matching.latestRun(programmeId);
    if (!run) {
      await access.allowed(viewer, { action: "curator.match_view", targetType: "programme", targetId: programmeId, programmeId, details: { shown: 0 } });
      return { run: null, suggestions: [], unmatched: [], modes: MATCH_MODES.map((m) => ({ mode: m, label: i18n.t(viewer.language, modeKey(m)) })) };
    }
    const all = await services.matching.suggestionsOf(run.id);
    // Those waiting for a decision are shown with their suggestion on the same page.
    const unmatched = ((await services.matching.unmatched(programmeId))?.mentees ?? []).filter((m) => m.cause !== "awaiting_confirmation");
    const names = await services.participants.names([...new Set([...all.flatMap((s) => [s.mentorId, s.menteeId]), ...unmatched.map((m) => m.menteeId)])]);
    const t = i18n.translator(viewer.language);
    const label = questionnaireCodeLabel(i18n, viewer.language);
    await access.allowed(viewer, { action: "curator.match_view", targetType: "match_run", targetId: run.id, programmeId, details: { shown: all.length } });
    return {
      run: { id: run.id, mode: run.mode, modeLabel: t(modeKey(run.mode)), createdAt: run.createdAt, matched: run.stats.matched, mentees: run.stats.mentees, kept: run.stats.kept },
      suggestions: all.map((s) => ({
        id: s.id,
        number: s.number,
        mentor: names[s.mentorId] ?? "—",
        mentee: names[s.menteeId] ?? "—",
        score: s.score,
        status: s.status,
        rejectReason: s.rejectReason,
        reasons: s.reasons.filter((r) => r.points !== 0).map((r) => {
          const m = reasonMessage(r, label);
          return t(m.key, m.args);
        }),
      })),
      unmatched: unmatched.map((m) => {
        const reason = unmatchedMessage(m.cause, m.candidates);
        return { name: names[m.menteeId] ?? "—", reason: t(reason.key, reason.args) };
      }),
      modes: MATCH_MODES.map((m) => ({ mode: m, label: t(modeKey(m)) })),
    };
  }

  /** Runs matching over the whole cohort as the `matching-run` job, as /match <mode> does. */
  async runMatching(viewer: Viewer, programmeId: string, mode: unknown) {
    const { services, access } = this.deps;
    await access.curator(viewer, programmeId, "curator.match");
    if (typeof mode !== "string" || !(MATCH_MODES as readonly string[]).includes(mode)) throw new HttpError(400, "bad-request");
    const jobId = `match-${programmeId}-${newId()}`;
    await services.jobs.request(MATCHING_JOB, { programmeId, mode: mode as MatchMode, startedById: viewer.personId }, jobId);
    await access.allowed(viewer, { action: "curator.match", targetType: "programme", targetId: programmeId, programmeId, details: { mode } });
    return { started: true };
  }

  private async suggestion(viewer: Viewer, suggestionId: string, action: string): Promise<SuggestionView> {
    const { services, access } = this.deps;
    const found = /^[A-Za-z0-9_-]{1,40}$/.test(suggestionId) ? await services.matching.suggestion(suggestionId) : null;
    // A suggestion of a programme the person does not curate is refused as the programme would be.
    await access.curator(viewer, found?.programmeId ?? "-", action);
    if (!found) throw new HttpError(404, "not-found");
    return found;
  }

  /** Confirms a suggested pair through the bot's use case: both sides and the curators are told, with contacts. */
  async confirm(viewer: Viewer, suggestionId: string) {
    const { services, access } = this.deps;
    const s = await this.suggestion(viewer, suggestionId, "curator.match_confirm");
    if (s.status !== "suggested") throw new HttpError(409, `already-${s.status}`);
    const result = await services.matching.confirm([s], viewer.personId, services.now());
    if (!result.ok) throw new HttpError(409, result.problem === "not-suggested" ? `already-${result.status ?? "confirmed"}` : result.problem);
    await access.allowed(viewer, { action: "curator.match_confirm", targetType: "match_suggestion", targetId: s.id, programmeId: s.programmeId, details: { number: s.number } });
    return { status: "confirmed", pairId: result.pairId };
  }

  async reject(viewer: Viewer, suggestionId: string, reason: unknown) {
    const { services, access } = this.deps;
    const s = await this.suggestion(viewer, suggestionId, "curator.match_reject");
    if (reason !== undefined && reason !== null && typeof reason !== "string") throw new HttpError(400, "bad-request");
    const text = (reason ?? "").trim().slice(0, 500) || null;
    if (s.status !== "suggested") throw new HttpError(409, `already-${s.status}`);
    const result = await services.matching.reject(s, viewer.personId, text, services.now());
    if (!result.ok) throw new HttpError(409, `already-${result.status ?? "rejected"}`);
    await access.allowed(viewer, { action: "curator.match_reject", targetType: "match_suggestion", targetId: s.id, programmeId: s.programmeId, details: { number: s.number, withReason: !!text, reasonKind: text ? "typed" : "none" } });
    return { status: "rejected" };
  }

  async pairs(viewer: Viewer, programmeId: string) {
    const { services, access } = this.deps;
    await access.curator(viewer, programmeId, "curator.pairs");
    const pairs = await services.pairs.list(programmeId);
    const tz = (await services.participants.programme(programmeId))!.timezone;
    await access.allowed(viewer, { action: "curator.pairs", targetType: "programme", targetId: programmeId, programmeId, details: { count: pairs.length } });
    return {
      pairs: pairs.map((p) => ({
        id: p.id,
        number: p.number,
        status: p.status,
        probation: p.probation,
        mentor: p.mentor.name,
        mentees: p.mentees.map((m) => m.name),
        confirmedAt: p.confirmedAt,
        lastActivityAt: p.lastActivityAt,
        lastActivity: formatDate(p.lastActivityAt, tz),
        endedAt: p.endedAt,
      })),
    };
  }

  /** The meetings (upcoming and missed, as /meetings) and everything overdue (as /overdue). */
  async meetings(viewer: Viewer, programmeId: string) {
    const { services, access, i18n } = this.deps;
    await access.curator(viewer, programmeId, "curator.meetings");
    const programme = (await services.participants.programme(programmeId))!;
    const now = services.now();
    const { upcoming, missed } = await services.views.meetings([programmeId], now, {
      until: new Date(now.getTime() + UPCOMING_DAYS * DAY),
      since: new Date(now.getTime() - MISSED_DAYS * DAY),
      graceHours: MEETING_GRACE_HOURS,
      limit: MEETINGS_LIMIT,
    });
    const t = i18n.translator(viewer.language);
    const items = await services.overdue.ofProgramme(programmeId, now);
    const meeting = (m: (typeof upcoming)[number]) => ({ id: m.id, when: formatDateTime(m.startsAt, programme.timezone), mentor: m.mentorName, mentees: m.menteeNames, stage: m.stage, status: m.status });
    await access.allowed(viewer, { action: "curator.meetings", targetType: "programme", targetId: programmeId, programmeId, details: { upcoming: upcoming.length, missed: missed.length } });
    await access.allowed(viewer, { action: "curator.overdue", targetType: "programme", targetId: programmeId, programmeId, details: { count: items.length } });
    return {
      upcomingDays: UPCOMING_DAYS,
      missedDays: MISSED_DAYS,
      upcoming: upcoming.map(meeting),
      missed: missed.map(meeting),
      overdue: items.map((item) => ({ kind: item.kind, text: "text" in item.text ? item.text.text : t(item.text.key, item.text.args) })),
    };
  }

  /** A participant's card (/participant): who, their status, their questionnaire in their words, their pairs. */
  async participant(viewer: Viewer, participationId: string) {
    const { services, access, i18n } = this.deps;
    const row = /^[A-Za-z0-9_-]{1,40}$/.test(participationId) ? await services.participants.byId(participationId) : null;
    await access.curator(viewer, row?.programmeId ?? "-", "curator.participant");
    if (!row) throw new HttpError(404, "not-found");
    const programme = (await services.participants.programme(row.programmeId))!;
    const t = i18n.translator(viewer.language);
    const responses = await services.forms.ofPerson(row.personId, row.programmeId);
    const formId = QUESTIONNAIRE_OF[row.role];
    const r = responses.find((x) => x.formId === formId && x.subjectKey === "");
    const found = r && definitionFor(formId, r.formVersion);
    const pairs = await services.views.pairsOf(row.participationId);
    await access.allowed(viewer, { action: "curator.participant", targetType: "participation", targetId: row.participationId, programmeId: row.programmeId });
    return {
      participant: { id: row.participationId, number: row.number, name: row.name, role: row.role, status: row.status, capacity: row.capacity, joined: formatDate(row.joinedAt, programme.timezone) },
      questionnaire: r && found ? { title: t(found.def.title), updated: formatDate(r.updatedAt, programme.timezone), answers: renderAnswers(found.def, r.answers, t, { params: { form: programme.form } }) } : null,
      pairs: pairs.map((p) => ({ id: p.id, status: p.status, mentor: p.mentor.name, mentees: p.mentees.filter((m) => !m.left).map((m) => m.name), confirmed: formatDate(p.confirmedAt, programme.timezone) })),
    };
  }
}
