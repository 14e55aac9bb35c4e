import { CYCLE_FORMS, definitionFor, QUESTIONNAIRE_OF } from "../../../flows/definitions/catalog.js";
import { renderAnswers } from "../../../flows/definitions/render-answers.js";
import type { ViewButton } from "../../../flows/types.js";
import { filterCode, isFiltered, matchesFilter, type ParticipantFilter } from "../../../domain/participant-filter.js";
import type { ParticipantRow } from "../../../store/participants.js";
import type { PairView } from "../../../store/programme-views.js";
import type { RoundKind } from "../../../store/surveys.js";
import { layoutKeyboard } from "../render.js";
import type { Button } from "../types.js";
import { participantFilterArg, programmeArg, recordId, surveyKindArg, ticketArg, withUsage } from "./codecs.js";
import { FLOW_IDS } from "./flow-ids.js";
import { defineCommand, type CommandContext } from "./registry.js";
import { participant, programme } from "./scopes.js";
import { formatDate, formatDateTime } from "../../../domain/time.js";

/**
 * The curator's side of the forms: the participants of a programme and who has not filled
 * their form yet, each participant's answers, the interview record, opening and closing the
 * surveys. Only curators of that programme may use them; anyone else is refused, and the
 * refusal is written to the audit log (the scopes, src/bot/core/commands/scopes.ts).
 *
 * Arguments are typed (`/participant 3`, `/survey_open satisfaction`) or carried by buttons,
 * which name the programme: `P.<programmeId>.<rest>` (src/bot/core/commands/codecs.ts).
 */


function nameOf(ctx: CommandContext, row: ParticipantRow): string {
  return row.name ?? ctx.session.t("curator-no-name");
}

function listButtons(ctx: CommandContext, rows: ParticipantRow[], programmeId: string, filter: ParticipantFilter): Button[][] {
  const t = ctx.session.t;
  const items: ViewButton[] = rows.map((r) => ({ label: { text: `${r.number}. ${nameOf(ctx, r)}` }, action: r.participationId }));
  const withFilter = (f: Partial<ParticipantFilter>) => filterCode({ ...filter, page: 0, ...f });
  const nav: ViewButton[] = [
    { label: { key: "curator-filter-mentors" }, action: `f:${withFilter({ role: filter.role === "mentor" ? null : "mentor" })}` },
    { label: { key: "curator-filter-mentees" }, action: `f:${withFilter({ role: filter.role === "mentee" ? null : "mentee" })}` },
    { label: { key: "curator-filter-no-form" }, action: `f:${withFilter({ formMissing: !filter.formMissing })}` },
  ];
  if (isFiltered(filter)) nav.push({ label: { key: "curator-filter-all" }, action: "f:" });
  return layoutKeyboard(items, [nav], 2, {
    limits: ctx.session.limits,
    t,
    page: filter.page,
    maxRows: 6,
    encode: (action) => {
      if (action.startsWith("pg:")) return programmeArg.payload("participants", { programmeId, rest: filterCode({ ...filter, page: Number(action.slice(3)) }) });
      if (action.startsWith("f:")) return programmeArg.payload("participants", { programmeId, rest: action.slice(2) });
      return recordId.payload("participant", action);
    },
  }).rows;
}

function filterLabel(t: CommandContext["session"]["t"], f: ParticipantFilter): string {
  const parts: string[] = [];
  if (f.role) parts.push(t(`curator-filter-role-${f.role}`));
  if (f.status) parts.push(t(`participant-status-${f.status}`));
  if (f.formMissing) parts.push(t("curator-filter-form-missing"));
  return parts.join(", ");
}

/** /participants [mentors|mentees] [status] [noform]: mentors and mentees of the programme, their forms, and who has not answered yet. */
export const participantsCommand = defineCommand({
  name: "participants",
  description: "cmd-participants",
  audience: "curator",
  // Typed filter words become the short code buttons carry, so a curator of several programmes can choose one.
  scope: programme({
    typed: {
      toButton: (text) => {
        const typed = participantFilterArg.decode(text);
        return typed ? participantFilterArg.encode(typed) : null;
      },
      usage: "curator-participants-usage",
    },
  }),
  args: withUsage(participantFilterArg, "curator-participants-usage"),
  audit: "curator.participants",
  async run(ctx) {
    const { session, deps, input: filter } = ctx;
    const { programmeId } = ctx.object;
    const programme = (await deps.services.participants.programme(programmeId))!;
    const rows = await deps.services.participants.list(programmeId);
    const filled = {
      mentor: await deps.services.forms.respondents(programmeId, QUESTIONNAIRE_OF.mentor),
      mentee: await deps.services.forms.respondents(programmeId, QUESTIONNAIRE_OF.mentee),
    };
    const isFilled = (r: ParticipantRow) => filled[r.role].has(r.personId);
    const shown = rows.filter((r) => matchesFilter({ role: r.role, status: r.status, formFilled: isFilled(r) }, filter));
    const t = session.t;
    const line = (r: ParticipantRow) =>
      `${r.number}. ${nameOf(ctx, r)} — ${t(`participant-status-${r.status}`)}; ${t(isFilled(r) ? "curator-form-filled" : "curator-form-missing")}`;
    const inProgramme = rows.filter((r) => r.status !== "left");
    const sections = [t("curator-participants-title", { programme: programme.name, mentors: inProgramme.filter((r) => r.role === "mentor").length, mentees: inProgramme.filter((r) => r.role === "mentee").length })];
    if (isFiltered(filter)) sections.push(t("curator-filter-shown", { filter: filterLabel(t, filter), count: shown.length }));
    for (const role of ["mentor", "mentee"] as const) {
      if (filter.role && filter.role !== role) continue;
      const mine = shown.filter((r) => r.role === role);
      sections.push(`${t(`curator-section-${role}`)}\n${mine.length ? mine.map(line).join("\n") : t("curator-nobody")}`);
    }
    const missing = inProgramme.filter((r) => r.status !== "declined" && !isFilled(r));
    if (!isFiltered(filter)) {
      sections.push(missing.length ? t("curator-missing-forms", { count: missing.length, numbers: missing.map((r) => t("curator-number", { number: r.number })).join(", ") }) : t("curator-all-filled"));
      const queue = await deps.services.questionnaires.interviewQueue(programmeId, rows);
      if (queue.length) sections.push(t("curator-interview-queue", { count: queue.length, numbers: queue.map((r) => t("curator-number", { number: r.number })).join(", ") }));
      for (const kind of ["mutual_choice", "satisfaction"] as const) {
        const round = await deps.services.surveys.current(programmeId, kind);
        if (!round) continue;
        const audience = await deps.services.surveys.audience(programmeId, kind);
        const answered = new Set<string>();
        for (const formId of kind === "mutual_choice" ? ["mutual-choice"] : ["satisfaction-mentor", "satisfaction-mentee"]) {
          for (const id of await deps.services.forms.respondents(programmeId, formId, round.id)) answered.add(id);
        }
        const waiting = rows.filter((r) => audience.some((a) => a.participationId === r.participationId) && !answered.has(r.personId));
        sections.push(
          t(`curator-round-${kind}`, {
            date: formatDate(round.openedAt, programme.timezone),
            answered: audience.length - waiting.length,
            total: audience.length,
            waiting: waiting.length ? waiting.map((r) => t("curator-number", { number: r.number })).join(", ") : "—",
          }),
        );
      }
    }
    sections.push(t("curator-participants-hint"));
    session.sayText(sections.join("\n\n"), listButtons(ctx, shown, programmeId, filter));
    return ctx.allowed({ details: { count: shown.length, filtered: isFiltered(filter) } });
  },
});


/** A pair or group of the participant: who with, its stage, its last meetings and who gave feedback after each. */
function pairSection(ctx: CommandContext, pair: PairView, tz: string): string {
  const t = ctx.session.t;
  const noName = t("curator-no-name");
  const mentees = pair.mentees.filter((m) => !m.left).map((m) => m.name ?? noName);
  const lines = [
    t(pair.mentees.length > 1 ? "curator-pair-group" : "curator-pair-pair", {
      mentor: pair.mentor.name ?? noName,
      mentees: mentees.join(", ") || "—",
      stage: t(`report-pair-status-${pair.status}`),
      date: formatDate(pair.confirmedAt, tz),
    }),
  ];
  if (pair.probation) lines.push(t("curator-pair-probation"));
  if (pair.endedAt) lines.push(t("curator-pair-ended", { date: formatDate(pair.endedAt, tz) }));
  if (!pair.meetings.length) lines.push(t("curator-pair-no-meetings"));
  for (const m of pair.meetings) {
    const mentorFeedback = m.feedbackFrom.includes(pair.mentor.personId);
    const menteeFeedback = pair.mentees.filter((x) => m.feedbackFrom.includes(x.personId)).length;
    lines.push(
      t("curator-pair-meeting", {
        date: formatDateTime(m.startsAt, tz),
        stage: t(`report-pair-status-${m.stage}`),
        status: t(`report-meeting-status-${m.status}`),
        mentor: mentorFeedback ? "✓" : "—",
        mentees: `${menteeFeedback}/${pair.mentees.length}`,
      }),
    );
  }
  return lines.join("\n");
}

/** /participant <number>: one participant's answers to every form, with the interview and the mutual choice. */
export const participantCommand = defineCommand({
  name: "participant",
  description: "cmd-participant",
  audience: "curator",
  scope: participant("curator-participant-usage"),
  audit: "curator.participant",
  async run(ctx) {
    const { session, deps, object: row } = ctx;
    const t = session.t;
    const programme = (await deps.services.participants.programme(row.programmeId))!;
    const params = { form: programme.form };
    const parts: string[] = [
      t("curator-participant-title", { number: row.number, name: nameOf(ctx, row), role: t(`role-${row.role}`), status: t(`participant-status-${row.status}`), date: formatDate(row.joinedAt, programme.timezone) }),
    ];
    if (row.role === "mentor" && row.capacity !== null) parts.push(t("curator-capacity", { capacity: row.capacity }));
    const responses = await deps.services.forms.ofPerson(row.personId, row.programmeId);
    const section = (formId: string, emptyKey: string) => {
      const r = responses.find((x) => x.formId === formId && x.subjectKey === "");
      const found = r && definitionFor(formId, r.formVersion);
      if (!r || !found) return `${t(definitionFor(formId, 0)!.def.title)}\n${t(emptyKey)}`;
      return `${t(found.def.title)} (${formatDate(r.updatedAt, programme.timezone)})\n${renderAnswers(found.def, r.answers, t, { params })}`;
    };
    parts.push(section(QUESTIONNAIRE_OF[row.role], "curator-form-not-filled"));
    if (row.role === "mentor") parts.push(section("mentor-interview", "curator-no-interview"));

    const preferences = await deps.services.surveys.preferencesOf(row.participationId);
    if (preferences.length) {
      const names = await deps.services.participants.names(preferences.map((p) => p.toId));
      const lines = (["work_with", "can_help"] as const).map((q) => {
        const chosen = preferences.filter((p) => p.question === q).map((p) => `${p.rank}) ${names[p.toId] ?? "—"}`);
        return `${t(`curator-choice-${row.role}-${q}`)}: ${chosen.join("; ") || "—"}`;
      });
      parts.push(`${t("mc-title")}\n${lines.join("\n")}`);
    }

    const others = responses.filter((r) => r.subjectKey !== "" && r.formId !== "mutual-choice" && CYCLE_FORMS.some((f) => f.id === r.formId)).slice(0, 10);
    for (const r of others) {
      const found = definitionFor(r.formId, r.formVersion)!;
      parts.push(`${t(found.def.title)} (${formatDate(r.updatedAt, programme.timezone)})\n${renderAnswers(found.def, r.answers, t, { params, maxAnswer: 500 })}`);
    }
    for (const pair of await deps.services.views.pairsOf(row.participationId)) parts.push(pairSection(ctx, pair, programme.timezone));
    const buttons: Button[][] = [];
    if (row.role === "mentor" && ["joined", "approved", "declined"].includes(row.status)) {
      buttons.push([{ label: t("curator-interview-button"), payload: recordId.payload("interview", row.participationId) }]);
    }
    buttons.push([{ label: t("curator-back-to-list"), payload: programmeArg.payload("participants", { programmeId: row.programmeId }) }]);
    session.sayText(parts.join("\n\n"), buttons);
    return ctx.allowed();
  },
});

/** /interview <number>: records the interview with a candidate mentor (002 §7.2). */
export const interviewCommand = defineCommand({
  name: "interview",
  description: "cmd-interview",
  audience: "curator",
  scope: participant("curator-participant-usage"),
  audit: "curator.interview",
  async run(ctx) {
    const { session, deps, object: row } = ctx;
    if (row.role !== "mentor") {
      session.say("curator-interview-not-mentor");
      return;
    }
    if (!["joined", "approved", "declined"].includes(row.status)) {
      session.say("iv-problem-status");
      return;
    }
    await deps.runner.start(session, FLOW_IDS.mentorInterview, { programmeId: row.programmeId, participationId: row.participationId, mentorName: nameOf(ctx, row), subjectKey: "" });
  },
});

const TICKET_OF = { mutual_choice: "mc", satisfaction: "sat" } as const satisfies Record<RoundKind, string>;

/** /survey_open [choice|satisfaction]: opens the mutual-choice survey (default) or the satisfaction questionnaires and tells everyone asked. */
export const surveyOpenCommand = defineCommand({
  name: "survey_open",
  description: "cmd-survey-open",
  audience: "curator",
  scope: programme(),
  args: withUsage(surveyKindArg, "curator-survey-usage"),
  audit: "curator.survey_open",
  async run(ctx) {
    const { session, deps, input: kind } = ctx;
    const { programmeId } = ctx.object;
    const programme = (await deps.services.participants.programme(programmeId))!;
    const { round, created } = await deps.services.surveys.open(programmeId, kind, deps.now());
    if (!created) {
      session.say(`curator-survey-already-open`, { date: formatDate(round.openedAt, programme.timezone) });
      return;
    }
    const audience = await deps.services.surveys.audience(programmeId, kind);
    // Recorded with the round; delivered after this update within the messengers' limits. A person the
    // bot cannot reach is reported to the curators by the delivery.
    const outcomes = await deps.services.outreach.tellMany(
      audience.map((a) => ({
        personId: a.personId,
        input: {
          kind: `survey-open-${kind}`,
          dedupKey: `survey-${round.id}-${a.personId}`,
          text: [{ key: `survey-opened-${kind}-${a.role}`, args: { programme: programme.name } }],
          buttons: [[{ label: { key: "form-answer" }, command: "form", args: ticketArg.encode({ kind: TICKET_OF[kind], id: round.id }) }]],
        },
      })),
    );
    const told = outcomes.filter((o) => o !== "no-channel").length;
    session.say(`curator-survey-opened-${kind}`, { total: audience.length, told, failed: audience.length - told });
    return ctx.allowed({ target: { type: "survey", id: round.id, programmeId }, details: { kind, asked: audience.length, told } });
  },
});

/** /survey_close [choice|satisfaction]: closes the open survey; answers given so far are kept. */
export const surveyCloseCommand = defineCommand({
  name: "survey_close",
  description: "cmd-survey-close",
  audience: "curator",
  scope: programme(),
  args: withUsage(surveyKindArg, "curator-survey-usage"),
  audit: "curator.survey_close",
  async run(ctx) {
    const { session, deps, input: kind } = ctx;
    const { programmeId } = ctx.object;
    const round = await deps.services.surveys.close(programmeId, kind, deps.now());
    if (!round) {
      session.say("curator-survey-none-open");
      return;
    }
    const formIds = kind === "mutual_choice" ? ["mutual-choice"] : ["satisfaction-mentor", "satisfaction-mentee"];
    let answered = 0;
    for (const formId of formIds) answered += (await deps.services.forms.respondents(programmeId, formId, round.id)).size;
    session.say(`curator-survey-closed`, { answered });
    return ctx.allowed({ target: { type: "survey", id: round.id, programmeId }, details: { kind, answered } });
  },
});

export const curatorCommands = [participantsCommand, participantCommand, interviewCommand, surveyOpenCommand, surveyCloseCommand];
