import { modeKey, reasonMessage, unmatchedMessage, type MatchMode } from "../../../domain/matching/index.js";
import { MATCHING_JOB } from "../../../jobs/matching.js";
import { newId } from "../../../db/sql.js";
import type { RunView, SuggestionView } from "../../../store/matching.js";
import { MATCH_REJECT_REASON } from "../../../flows/definitions/match-reject-reason.js";
import { commandPayload } from "../payload.js";
import type { Button } from "../types.js";
import { programmeScope, refuse } from "./curator.js";
import type { Command, CommandContext } from "./registry.js";

/**
 * The curator's side of matching (002 §7.3): /match runs a whole-cohort matching of the
 * programme (best total fit, most mentees matched, or stable pairs) and shows the suggestions
 * page by page with their score and reasons; /confirm and /reject decide one (typed number or
 * button; the Reject button first asks why, `S.<suggestion>.<reason>`), /confirm_all confirms
 * every open one, /unmatched lists the mentees left without a mentor and why. Buttons name what they are about (`S.<suggestion>`, `R.<run>.<page>`) and are
 * checked again: another programme's suggestion is refused, an older run's is answered as such.
 */

const SUGGESTION_ARG = /^S\.(c[a-z0-9]{15,40})(?:\.([a-z]{1,10}))?$/;

/**
 * Reasons a curator picks with one tap after "Reject" (`S.<suggestion>.<code>`): the common
 * ones are stored as their text in the curator's language, `own` asks for the next message,
 * `none` rejects without a reason.
 */
const REJECT_REASONS = ["schedule", "interests", "conflict", "own", "none"] as const;
type RejectReason = (typeof REJECT_REASONS)[number];
const isRejectReason = (code: string): code is RejectReason => (REJECT_REASONS as readonly string[]).includes(code);
const PAGE_ARG = /^R\.(c[a-z0-9]{15,40})\.(\d{1,4})$/;
const PAGE_SIZE = 3;

const MODE_WORDS: Record<string, MatchMode> = {
  best: "best_total",
  best_total: "best_total",
  лучшее: "best_total",
  most: "most_matched",
  most_matched: "most_matched",
  больше: "most_matched",
  stable: "stable",
  устойчивые: "stable",
  устойчивый: "stable",
};
const MODES: MatchMode[] = ["best_total", "most_matched", "stable"];

async function isCuratorOf(ctx: CommandContext, programmeId: string): Promise<boolean> {
  const personId = ctx.session.person?.id;
  return !!personId && (await ctx.deps.services.participants.isCurator(personId, programmeId));
}

/** Questionnaire codes as the people answered them: interests, deficits, slots, formats. */
function codeLabel(ctx: CommandContext): (code: string) => string {
  const { i18n } = ctx.deps;
  const { t, lang } = ctx.session;
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
  return MODES.map((m) => [{ label: ctx.session.t(modeKey(m)), payload: commandPayload("match", `P.${programmeId}.${m}`) }]);
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
async function showPage(ctx: CommandContext, run: RunView, page: number): Promise<void> {
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
      { label: t("match-btn-confirm", { number: s.number }), payload: commandPayload("confirm", `S.${s.id}`) },
      { label: t("match-btn-reject", { number: s.number }), payload: commandPayload("reject", `S.${s.id}`) },
    ]);
  }
  const nav: Button[] = [];
  if (p > 0) nav.push({ label: t("match-btn-prev"), payload: commandPayload("match", `R.${run.id}.${p - 1}`) });
  if (p < pages - 1) nav.push({ label: t("match-btn-next"), payload: commandPayload("match", `R.${run.id}.${p + 1}`) });
  if (nav.length) buttons.push(nav);
  const tail: Button[] = [];
  if (open) tail.push({ label: t("match-btn-confirm-all", { count: open }), payload: commandPayload("confirm_all", `P.${run.programmeId}`) });
  if (run.stats.unmatched.length) tail.push({ label: t("match-btn-unmatched"), payload: commandPayload("unmatched", `P.${run.programmeId}`) });
  if (tail.length) buttons.push(tail);
  session.sayText(sections.join("\n\n"), buttons);
  await deps.services.audit.record({ actorId: session.person!.id, action: "curator.match_view", outcome: "allowed", targetType: "match_run", targetId: run.id, programmeId: run.programmeId, details: { page: p, shown: shown.length } });
}

/** /match [best|most|stable]: runs matching for the whole cohort and shows the suggestions. */
export const matchCommand: Command = {
  name: "match",
  description: "match-cmd-match",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const paged = PAGE_ARG.exec(ctx.args.trim());
    if (paged) {
      const run = await deps.services.matching.run(paged[1]!);
      if (!run || !(await isCuratorOf(ctx, run.programmeId))) return refuse(ctx, "curator.match", { type: "match_run", id: paged[1]!, programmeId: run?.programmeId });
      const latest = await deps.services.matching.latestRun(run.programmeId);
      if (latest && latest.id !== run.id) {
        session.say("match-stale-run", undefined, [[{ label: session.t("match-btn-latest"), payload: commandPayload("match", `R.${latest.id}.0`) }]]);
        return;
      }
      return showPage(ctx, run, Number(paged[2]));
    }
    const scope = await programmeScope(ctx, "match", "curator.match");
    if (!scope) return;
    const word = scope.rest.trim().toLowerCase();
    if (!word) {
      session.say("match-choose-mode", undefined, modeButtons(ctx, scope.programmeId));
      return;
    }
    const mode = MODE_WORDS[word];
    if (!mode) {
      session.say("match-usage", undefined, modeButtons(ctx, scope.programmeId));
      return;
    }
    // A whole cohort may take a while: the run is a job, and its first page comes to this chat when it is stored.
    const personId = session.person!.id;
    const jobId = `match-${scope.programmeId}-${newId()}`;
    await session.services.jobs.request(MATCHING_JOB, { programmeId: scope.programmeId, mode, startedById: personId, notify: { personId, platform: session.chat.platform } }, jobId);
    await session.services.audit.record({ actorId: personId, action: "curator.match", outcome: "allowed", targetType: "programme", targetId: scope.programmeId, programmeId: scope.programmeId, details: { mode } });
    session.say("match-started", { mode: session.t(modeKey(mode)) });
  },
};

/**
 * The suggestion a decision is about: a button's id (checked against the person's curatorship)
 * or a typed number in the programme. `rest` is what was typed after the number.
 */
async function suggestionScope(ctx: CommandContext, command: string, action: string): Promise<{ suggestion: SuggestionView; rest: string; byButton: boolean; code?: string } | null> {
  const { session, deps } = ctx;
  const raw = ctx.args.trim();
  const byId = SUGGESTION_ARG.exec(raw);
  if (byId) {
    const suggestion = await deps.services.matching.suggestion(byId[1]!);
    if (!suggestion || !(await isCuratorOf(ctx, suggestion.programmeId))) {
      await refuse(ctx, action, { type: "match_suggestion", id: byId[1]!, programmeId: suggestion?.programmeId });
      return null;
    }
    return { suggestion, rest: "", byButton: true, code: byId[2] };
  }
  const [first = "", ...others] = raw.split(/\s+/);
  const scope = await programmeScope({ ...ctx, args: first }, command, action);
  if (!scope) return null;
  if (!/^\d{1,6}$/.test(scope.rest)) {
    session.say(`match-${command.replace("_", "-")}-usage`);
    return null;
  }
  const suggestion = await deps.services.matching.byNumber(scope.programmeId, Number(scope.rest));
  if (!suggestion) {
    session.say("match-not-found", { number: scope.rest });
    return null;
  }
  return { suggestion, rest: others.join(" "), byButton: false };
}

function sayStatus(ctx: CommandContext, s: SuggestionView): void {
  if (s.status === "superseded") ctx.session.say("match-superseded", { number: s.number });
  else ctx.session.say(`match-already-${s.status}`, { number: s.number });
}

/** /confirm <number>: confirms a suggested pair; both sides and the curators are told, with contacts. */
export const confirmCommand: Command = {
  name: "confirm",
  description: "match-cmd-confirm",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scoped = await suggestionScope(ctx, "confirm", "curator.match_confirm");
    if (!scoped) return;
    const s = scoped.suggestion;
    if (s.status !== "suggested") return sayStatus(ctx, s);
    const result = await deps.services.matching.confirm([s], session.person!.id, deps.now());
    if (!result.ok) {
      if (result.problem === "not-curator") return refuse(ctx, "curator.match_confirm", { type: "match_suggestion", id: s.id, programmeId: s.programmeId });
      if (result.problem === "not-suggested") return sayStatus(ctx, { ...s, status: result.status ?? s.status });
      session.say(`match-problem-${result.problem}`, { number: s.number });
      return;
    }
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.match_confirm", outcome: "allowed", targetType: "match_suggestion", targetId: s.id, programmeId: s.programmeId, details: { number: s.number } });
    const names = await deps.services.participants.names([s.mentorId, s.menteeId]);
    session.say("match-confirmed", { number: s.number, mentor: names[s.mentorId] ?? "—", mentee: names[s.menteeId] ?? "—" }, [[{ label: session.t("match-btn-pairs"), payload: commandPayload("pairs", `P.${s.programmeId}`) }]]);
  },
};

/** The reasons to choose from after the Reject button, one a row (within VK's 6 rows and 10 buttons). */
async function askRejectReason(ctx: CommandContext, s: SuggestionView): Promise<void> {
  const { session, deps } = ctx;
  const names = await deps.services.participants.names([s.mentorId, s.menteeId]);
  session.say(
    "match-reject-why",
    { number: s.number, mentor: names[s.mentorId] ?? "—", mentee: names[s.menteeId] ?? "—" },
    REJECT_REASONS.map((code) => [{ label: session.t(`match-reject-reason-${code}`), payload: commandPayload("reject", `S.${s.id}.${code}`) }]),
  );
}

async function reject(ctx: CommandContext, s: SuggestionView, reason: string | null, reasonKind: string): Promise<void> {
  const { session, deps } = ctx;
  const result = await deps.services.matching.reject(s, session.person!.id, reason, deps.now());
  if (!result.ok) return sayStatus(ctx, { ...s, status: result.status ?? s.status });
  await deps.services.audit.record({ actorId: session.person!.id, action: "curator.match_reject", outcome: "allowed", targetType: "match_suggestion", targetId: s.id, programmeId: s.programmeId, details: { number: s.number, withReason: !!reason, reasonKind } });
  session.say(reason ? "match-rejected-with-reason" : "match-rejected", { number: s.number });
}

/**
 * /reject <number> [reason]: the pair is not suggested again. The Reject button asks why, with
 * buttons of common reasons; "another reason" takes the curator's next message as the reason.
 * Buttons are answered only while the suggestion is open: a pair decided meanwhile, or one of an
 * older matching, is answered as such.
 */
export const rejectCommand: Command = {
  name: "reject",
  description: "match-cmd-reject",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scoped = await suggestionScope(ctx, "reject", "curator.match_reject");
    if (!scoped) return;
    const s = scoped.suggestion;
    if (scoped.byButton) {
      if (s.status !== "suggested") return sayStatus(ctx, s);
      const code = scoped.code;
      if (code === undefined) return askRejectReason(ctx, s);
      if (!isRejectReason(code)) {
        session.say("stale-button");
        return;
      }
      if (code === "own") {
        await deps.runner.start(session, MATCH_REJECT_REASON, { suggestionId: s.id, number: s.number });
        return;
      }
      return reject(ctx, s, code === "none" ? null : session.t(`match-reject-reason-${code}`), code);
    }
    if (s.status === "confirmed" || s.status === "rejected") return sayStatus(ctx, s);
    const reason = scoped.rest.trim().slice(0, 500) || null;
    return reject(ctx, s, reason, reason ? "typed" : "none");
  },
};

/** /confirm_all: confirms every open suggestion of the latest run (a mentor's several mentees as one group). */
export const confirmAllCommand: Command = {
  name: "confirm_all",
  description: "match-cmd-confirm-all",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scope = await programmeScope(ctx, "confirm_all", "curator.match_confirm_all");
    if (!scope) return;
    const open = await deps.services.matching.open(scope.programmeId);
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
      const result = await deps.services.matching.confirm(group, session.person!.id, now);
      if (result.ok) {
        pairs++;
        mentees += group.length;
      } else failed.push(...group.map((s) => s.number));
    }
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.match_confirm_all", outcome: "allowed", targetType: "programme", targetId: scope.programmeId, programmeId: scope.programmeId, details: { pairs, mentees, failed: failed.length } });
    session.say("match-confirmed-all", { pairs, mentees }, [[{ label: session.t("match-btn-pairs"), payload: commandPayload("pairs", `P.${scope.programmeId}`) }]]);
    if (failed.length) session.say("match-confirm-all-failed", { numbers: failed.join(", ") });
  },
};

/** /unmatched: mentees of the latest run left without a mentor, each with the reason. */
export const unmatchedCommand: Command = {
  name: "unmatched",
  description: "match-cmd-unmatched",
  audience: "curator",
  async run(ctx) {
    const { session, deps } = ctx;
    const scope = await programmeScope(ctx, "unmatched", "curator.unmatched");
    if (!scope) return;
    const found = await deps.services.matching.unmatched(scope.programmeId);
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
    await deps.services.audit.record({ actorId: session.person!.id, action: "curator.unmatched", outcome: "allowed", targetType: "match_run", targetId: found.run.id, programmeId: scope.programmeId, details: { count: found.mentees.length } });
  },
};

export const matchingCommands: Command[] = [matchCommand, confirmCommand, rejectCommand, confirmAllCommand, unmatchedCommand];
