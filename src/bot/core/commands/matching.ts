import type { I18n, Language } from "../../../i18n/index.js";
import {
  CURATOR_WEIGHTS,
  DEFAULT_MUST_HAVES,
  DEFAULT_WEIGHTS,
  MATCH_MODES,
  MUST_HAVES,
  applySettingChange,
  decodeSettingChange,
  effectiveSettings,
  encodeSettingChange,
  modeKey,
  reasonMessage,
  typedSettingChange,
  unmatchedMessage,
  type StoredMatching,
} from "../../../domain/matching/index.js";
import { MATCHING_JOB } from "../../../store/job-requests.js";
import { newId } from "../../../db/sql.js";
import type { RunView, SuggestionView } from "../../../store/matching.js";
import type { Button } from "../types.js";
import { matchModeArg, programmeArg, REJECT_REASONS, rejectReasonArg, runPageArg, suggestionArg } from "./codecs.js";
import { FLOW_IDS } from "./flow-ids.js";
import { defineCommand, type CommandContext, type Outcome, type RunContext } from "./registry.js";
import { CURATOR_ONLY, matchRunPage, oneOf, programme, suggestion, type SuggestionObject } from "./scopes.js";

/**
 * The curator's side of matching (002 §7.3): /match runs a whole-cohort matching of the
 * programme (best total fit, most mentees matched, or stable pairs) and shows the suggestions
 * page by page with their score and reasons; /confirm and /reject decide one (typed number or
 * button; the Reject button first asks why, `S.<suggestion>.<reason>`), /confirm_all confirms
 * every open one, /unmatched lists the mentees left without a mentor and why. Buttons name what they are about (`S.<suggestion>`, `R.<run>.<page>`) and are
 * checked again: another programme's suggestion is refused, an older run's is answered as such.
 */

const PAGE_SIZE = 3;

/** Questionnaire codes as the people answered them: interests, deficits, slots, formats. */
function codeLabel(ctx: CommandContext): (code: string) => string {
  return questionnaireCodeLabel(ctx.deps.i18n, ctx.session.lang);
}

/** Questionnaire codes as the people answered them (interests, deficits, slots, formats), in a language: for the commands and the web app. */
export function questionnaireCodeLabel(i18n: I18n, lang: Language): (code: string) => string {
  const t = i18n.translator(lang);
  return (code) => {
    const slot = /^(mon|tue|wed|thu|fri|sat|sun)-(morning|afternoon|evening)$/.exec(code);
    if (slot) {
      const part = t(`vocab-part-${slot[2]}`);
      return `${t(`vocab-day-${slot[1]}`)} ${part.charAt(0).toLowerCase()}${part.slice(1)}`;
    }
    for (const list of ["interest", "edu", "social", "pro", "format"]) {
      const key = `vocab-${list}-${code}`;
      if (i18n.has(key, lang)) return t(key);
    }
    return code;
  };
}

function modeButtons(ctx: CommandContext, programmeId: string): Button[][] {
  return MATCH_MODES.map((m) => [{ label: ctx.session.t(modeKey(m)), payload: programmeArg.payload("match", { programmeId, rest: matchModeArg.encode(m) }) }]);
}

function suggestionText(ctx: CommandContext, s: SuggestionView, names: Record<string, string>): string {
  const t = ctx.session.t;
  const label = codeLabel(ctx);
  const lines = [t("match-suggestion", { number: s.number, mentor: names[s.mentorId] ?? "—", mentee: names[s.menteeId] ?? "—", score: t("match-score", { score: s.score }) })];
  if (s.status !== "suggested") lines.push(t(`match-status-${s.status}`));
  for (const r of s.reasons) {
    const m = reasonMessage(r, label);
    lines.push(`• ${t(m.key, m.args)}`);
  }
  return lines.join("\n");
}

/** One page of a run's suggestions with Confirm / Reject buttons for the open ones. */
async function showPage(ctx: RunContext<string, unknown, string, MatchAction>, run: RunView, page: number): Promise<Outcome<MatchAction>> {
  const { session, deps } = ctx;
  const t = session.t;
  const all = await deps.services.matching.suggestionsOf(run.id);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const names = await deps.services.participants.names([...new Set(shown.flatMap((s) => [s.mentorId, s.menteeId]))]);
  const programme = (await deps.services.participants.programme(run.programmeId))!;
  const open = all.filter((s) => s.status === "suggested").length;
  const sections = [
    t("match-run-title", {
      programme: programme.name,
      mode: t(modeKey(run.mode)),
      matched: run.stats.matched,
      mentees: run.stats.mentees,
      unmatched: run.stats.unmatched.length,
      kept: run.stats.kept,
      total: run.stats.totalScore,
    }),
  ];
  if (!all.length) sections.push(t("match-no-suggestions"));
  else sections.push(t("match-page", { page: p + 1, pages }));
  for (const s of shown) sections.push(suggestionText(ctx, s, names));
  if (open) sections.push(t("match-hint"));
  const buttons: Button[][] = [];
  for (const s of shown) {
    if (s.status !== "suggested") continue;
    buttons.push([
      { label: t("match-btn-confirm", { number: s.number }), payload: suggestionArg.payload("confirm", { suggestionId: s.id }) },
      { label: t("match-btn-reject", { number: s.number }), payload: suggestionArg.payload("reject", { suggestionId: s.id }) },
    ]);
  }
  const nav: Button[] = [];
  if (p > 0) nav.push({ label: t("match-btn-prev"), payload: runPageArg.payload("match", { runId: run.id, page: p - 1 }) });
  if (p < pages - 1) nav.push({ label: t("match-btn-next"), payload: runPageArg.payload("match", { runId: run.id, page: p + 1 }) });
  if (nav.length) buttons.push(nav);
  const tail: Button[] = [];
  if (open) tail.push({ label: t("match-btn-confirm-all", { count: open }), payload: programmeArg.payload("confirm_all", { programmeId: run.programmeId }) });
  if (run.stats.unmatched.length) tail.push({ label: t("match-btn-unmatched"), payload: programmeArg.payload("unmatched", { programmeId: run.programmeId }) });
  if (tail.length) buttons.push(tail);
  session.sayText(sections.join("\n\n"), buttons);
  return ctx.allowed({ action: "curator.match_view", target: { type: "match_run", id: run.id, programmeId: run.programmeId }, details: { page: p, shown: shown.length } });
}

type MatchAction = "curator.match" | "curator.match_view";

/** /match [best|most|stable]: runs matching for the whole cohort; its pages (`R.<run>.<page>`) show the suggestions. */
export const matchCommand = defineCommand({
  name: "match",
  description: "match-cmd-match",
  audience: "curator",
  scope: oneOf(matchRunPage(), programme()),
  audit: ["curator.match", "curator.match_view"] satisfies [MatchAction, MatchAction],
  async run(ctx) {
    const { session, deps, object } = ctx;
    if (object.kind === "match_run") {
      const { run, page } = object;
      const latest = await deps.services.matching.latestRun(run.programmeId);
      if (latest && latest.id !== run.id) {
        session.say("match-stale-run", undefined, [[{ label: session.t("match-btn-latest"), payload: runPageArg.payload("match", { runId: latest.id, page: 0 }) }]]);
        return;
      }
      return showPage(ctx, run, page);
    }
    const { programmeId } = object;
    const word = ctx.input.trim().toLowerCase();
    const personId = ctx.actor;
    if (!word) {
      // First what each mode would give (a job: the whole cohort is solved three times), then one tap picks.
      await session.services.jobs.request(MATCHING_JOB, { programmeId, compare: true, notify: { personId, platform: session.chat.platform } }, `match-compare-${programmeId}-${newId()}`);
      session.say("match-comparing");
      return ctx.allowed({ details: { mode: "compare" } });
    }
    const mode = matchModeArg.decode(word);
    if (!mode) {
      session.say("match-usage", undefined, modeButtons(ctx, programmeId));
      return;
    }
    // A whole cohort may take a while: the run is a job, and its first page comes to this chat when it is stored.
    const jobId = `match-${programmeId}-${newId()}`;
    await session.services.jobs.request(MATCHING_JOB, { programmeId, mode, startedById: personId, notify: { personId, platform: session.chat.platform } }, jobId);
    session.say("match-started", { mode: session.t(modeKey(mode)) });
    return ctx.allowed({ details: { mode } });
  },
});

function sayStatus(ctx: CommandContext, s: SuggestionView): void {
  if (s.status === "superseded") ctx.session.say("match-superseded", { number: s.number });
  else ctx.session.say(`match-already-${s.status}`, { number: s.number });
}

/** /confirm <number>: confirms a suggested pair; both sides and the curators are told, with contacts. */
export const confirmCommand = defineCommand({
  name: "confirm",
  description: "match-cmd-confirm",
  audience: "curator",
  scope: suggestion(),
  audit: "curator.match_confirm",
  async run(ctx) {
    const { session, deps } = ctx;
    const s = ctx.object.suggestion;
    if (s.status !== "suggested") return sayStatus(ctx, s);
    const result = await deps.services.matching.confirm([s], ctx.actor, deps.now());
    if (!result.ok) {
      if (result.problem === "not-curator") return ctx.denied({ key: CURATOR_ONLY, target: { type: "match_suggestion", id: s.id, programmeId: s.programmeId } });
      if (result.problem === "not-suggested") return sayStatus(ctx, { ...s, status: result.status ?? s.status });
      session.say(`match-problem-${result.problem}`, { number: s.number });
      return;
    }
    const names = await deps.services.participants.names([s.mentorId, s.menteeId]);
    session.say("match-confirmed", { number: s.number, mentor: names[s.mentorId] ?? "—", mentee: names[s.menteeId] ?? "—" }, [[{ label: session.t("match-btn-pairs"), payload: programmeArg.payload("pairs", { programmeId: s.programmeId }) }]]);
    return ctx.allowed({ details: { number: s.number } });
  },
});

/** The reasons to choose from after the Reject button, one a row (within VK's 6 rows and 10 buttons). */
async function askRejectReason(ctx: CommandContext, s: SuggestionView): Promise<void> {
  const { session, deps } = ctx;
  const names = await deps.services.participants.names([s.mentorId, s.menteeId]);
  session.say(
    "match-reject-why",
    { number: s.number, mentor: names[s.mentorId] ?? "—", mentee: names[s.menteeId] ?? "—" },
    REJECT_REASONS.map((code) => [{ label: session.t(`match-reject-reason-${code}`), payload: suggestionArg.payload("reject", { suggestionId: s.id, reason: rejectReasonArg.encode(code) }) }]),
  );
}

async function reject(ctx: RunContext<string, SuggestionObject, string, "curator.match_reject">, s: SuggestionView, reason: string | null, reasonKind: string): Promise<Outcome<"curator.match_reject"> | void> {
  const { session, deps } = ctx;
  const result = await deps.services.matching.reject(s, ctx.actor, reason, deps.now());
  if (!result.ok) return sayStatus(ctx, { ...s, status: result.status ?? s.status });
  session.say(reason ? "match-rejected-with-reason" : "match-rejected", { number: s.number });
  return ctx.allowed({ details: { number: s.number, withReason: !!reason, reasonKind } });
}

/**
 * /reject <number> [reason]: the pair is not suggested again. The Reject button asks why, with
 * buttons of common reasons; "another reason" takes the curator's next message as the reason.
 * Buttons are answered only while the suggestion is open: a pair decided meanwhile, or one of an
 * older matching, is answered as such.
 */
export const rejectCommand = defineCommand({
  name: "reject",
  description: "match-cmd-reject",
  audience: "curator",
  scope: suggestion(),
  audit: "curator.match_reject",
  async run(ctx) {
    const { session, deps, object } = ctx;
    const s = object.suggestion;
    if (object.byButton) {
      if (s.status !== "suggested") return sayStatus(ctx, s);
      if (object.reason === undefined) return askRejectReason(ctx, s);
      const code = rejectReasonArg.decode(object.reason);
      if (!code) {
        session.say("stale-button");
        return;
      }
      if (code === "own") {
        await deps.runner.start(session, FLOW_IDS.matchRejectReason, { suggestionId: s.id, number: s.number });
        return;
      }
      return reject(ctx, s, code === "none" ? null : session.t(`match-reject-reason-${code}`), code);
    }
    const reason = ctx.input.trim().slice(0, 500) || null;
    // Rejected with a button first: the typed reason is added (or replaces the one given).
    if (s.status === "rejected" && reason && (await deps.services.matching.setRejectReason(s.id, reason))) {
      session.say("match-reject-reason-updated", { number: s.number });
      return ctx.allowed({ details: { number: s.number, withReason: true, reasonKind: "updated" } });
    }
    if (s.status === "confirmed" || s.status === "rejected") return sayStatus(ctx, s);
    return reject(ctx, s, reason, reason ? "typed" : "none");
  },
});

/** /confirm_all: confirms every open suggestion of the latest run (a mentor's several mentees as one group). */
export const confirmAllCommand = defineCommand({
  name: "confirm_all",
  description: "match-cmd-confirm-all",
  audience: "curator",
  scope: programme(),
  audit: "curator.match_confirm_all",
  async run(ctx) {
    const { session, deps } = ctx;
    const { programmeId } = ctx.object;
    const open = await deps.services.matching.open(programmeId);
    if (!open.length) {
      session.say("match-nothing-open");
      return;
    }
    const byMentor = new Map<string, SuggestionView[]>();
    for (const s of open) byMentor.set(s.mentorId, [...(byMentor.get(s.mentorId) ?? []), s]);
    let pairs = 0;
    let mentees = 0;
    const failed: number[] = [];
    const now = deps.now();
    for (const group of byMentor.values()) {
      const result = await deps.services.matching.confirm(group, ctx.actor, now);
      if (result.ok) {
        pairs++;
        mentees += group.length;
      } else failed.push(...group.map((s) => s.number));
    }
    session.say("match-confirmed-all", { pairs, mentees }, [[{ label: session.t("match-btn-pairs"), payload: programmeArg.payload("pairs", { programmeId }) }]]);
    if (failed.length) session.say("match-confirm-all-failed", { numbers: failed.join(", ") });
    return ctx.allowed({ details: { pairs, mentees, failed: failed.length } });
  },
});

/** /unmatched: mentees of the latest run left without a mentor, each with the reason. */
export const unmatchedCommand = defineCommand({
  name: "unmatched",
  description: "match-cmd-unmatched",
  audience: "curator",
  scope: programme(),
  audit: "curator.unmatched",
  async run(ctx) {
    const { session, deps } = ctx;
    const { programmeId } = ctx.object;
    const found = await deps.services.matching.unmatched(programmeId);
    if (!found) {
      session.say("match-no-run");
      return;
    }
    const t = session.t;
    const names = await deps.services.participants.names(found.mentees.map((m) => m.menteeId));
    const lines = found.mentees.map((m) => {
      const reason = unmatchedMessage(m.cause, m.candidates);
      return t("match-unmatched-line", { name: names[m.menteeId] ?? "—", reason: t(reason.key, reason.args) });
    });
    session.sayText([t("match-unmatched-title", { count: found.mentees.length }), lines.length ? lines.join("\n") : t("match-unmatched-none"), ...(lines.length ? [t("match-unmatched-hint")] : [])].join("\n\n"));
    return ctx.allowed({ target: { type: "match_run", id: found.run.id, programmeId }, details: { count: found.mentees.length } });
  },
});

/** The rules in force, in the curator's words, with a button per must-have and one to go back to the defaults. */
function settingsView(ctx: CommandContext, programmeId: string, programmeName: string, stored: StoredMatching): { text: string; buttons: Button[][] } {
  const t = ctx.session.t;
  const { mustHave, weights } = effectiveSettings(stored);
  const yesNo = (on: boolean): string => t(on ? "match-settings-on" : "match-settings-off");
  const lines = [
    t("match-settings-title", { programme: programmeName }),
    [t("match-settings-must"), ...MUST_HAVES.map((m) => t(`match-settings-must-${m}`, { state: yesNo(mustHave[m]), default: yesNo(DEFAULT_MUST_HAVES[m]) }))].join("\n"),
    [t("match-settings-weights"), ...CURATOR_WEIGHTS.map(([name, key]) => t(`match-settings-weight-${name}`, { name, points: weights[key] as number, default: DEFAULT_WEIGHTS[key] as number }))].join("\n"),
    t("match-settings-hint"),
  ];
  const button = (wire: string): string => programmeArg.payload("match_settings", { programmeId, rest: wire });
  const buttons: Button[][] = MUST_HAVES.map((m) => [{ label: t(`match-settings-btn-${m}`, { state: yesNo(mustHave[m]) }), payload: button(encodeSettingChange({ kind: "toggle", mustHave: m })) }]);
  buttons.push([{ label: t("match-settings-btn-reset"), payload: button("reset") }]);
  return { text: lines.join("\n\n"), buttons };
}

/**
 * /match_settings: the programme's rules of matching — the must-haves (a button each turns it
 * on or off) and the points of the weights (typed: `/match_settings goals 50`; `reset` goes back
 * to the defaults). They apply from the next /match.
 */
export const matchSettingsCommand = defineCommand({
  name: "match_settings",
  description: "match-cmd-match-settings",
  audience: "curator",
  scope: programme({ typed: { toButton: typedSettingChange, usage: "match-settings-usage" } }),
  audit: "curator.match_settings",
  async run(ctx) {
    const { session, deps } = ctx;
    const { programmeId } = ctx.object;
    const change = decodeSettingChange(ctx.input.trim());
    if (!change) {
      session.say("match-settings-usage");
      return;
    }
    const stored = change.kind === "show" ? await deps.services.matching.settings(programmeId) : await deps.services.matching.updateSettings(programmeId, (current) => applySettingChange(current, change));
    const programmeName = (await deps.services.participants.programme(programmeId))?.name ?? "—";
    if (change.kind !== "show") session.say(change.kind === "reset" ? "match-settings-reset-done" : "match-settings-saved");
    const view = settingsView(ctx, programmeId, programmeName, stored);
    session.sayText(view.text, view.buttons);
    if (change.kind === "show") return;
    return ctx.allowed({ details: { change: encodeSettingChange(change) } });
  },
});

export const matchingCommands = [matchCommand, confirmCommand, rejectCommand, confirmAllCommand, unmatchedCommand, matchSettingsCommand];
