import type { ParticipantRow } from "../../../store/participants.js";
import type { PairView } from "../../../store/pairs.js";
import type { RunView, SuggestionView } from "../../../store/matching.js";
import type { AdministratorRow } from "../../../store/scope.js";
import type { CuratorTaskRow } from "../../../store/tasks.js";
import type { Button } from "../types.js";
import {
  administratorArg,
  curatorSide,
  digestSwitchArg,
  exportArgs,
  isProgrammeSelector,
  numberArg,
  organisationArg,
  pairArg,
  programmeArg,
  recordId,
  runPageArg,
  selectedAdministrator,
  startsWithProgramme,
  suggestionArg,
  type Codec,
} from "./codecs.js";
import type { AuditTarget, Denial, Resolution, Scope, ScopeContext } from "./registry.js";

/**
 * The scopes of curators' and administrators' commands: what a command is about, found from
 * its arguments (typed, or a button's) and checked against the person — a programme they
 * curate, a participant, a pair, a matching suggestion or run, a task of that programme; one
 * of their administrator roles (an organisation, a district or a region, src/store/scope.ts)
 * or an organisation inside it. Anything else is a denial, which the router says and audits
 * under the command's action; its target names what was asked for, never who.
 */

export const CURATOR_ONLY = "curator-only";
export const ADMIN_ONLY = "admin-only";
export const REPORTS_ONLY = "admin-reports-only";

const denied = (key: string, target?: AuditTarget): { ok: false; denial: Denial } => ({ ok: false, denial: { key, target } });
/** Answered already (a question with buttons, a usage hint): nothing to audit. */
const answered = { ok: false } as const;

async function curates(ctx: ScopeContext, programmeId: string): Promise<boolean> {
  return !!ctx.actorId && (await ctx.deps.services.participants.isCurator(ctx.actorId, programmeId));
}

const programmeTarget = (programmeId: string): AuditTarget => ({ type: "programme", id: programmeId, programmeId });

export interface ProgrammeObject {
  kind: "programme";
  programmeId: string;
}

export interface ProgrammeScopeOptions {
  /** Typed arguments turned into the text a button carries (`/participants mentees` → `me`); null: `usage` is said. */
  typed?: { toButton: (text: string) => string | null; usage: string };
}

/**
 * The programme a curator command is about: named by the button (`P.<programme>`), the only
 * one this person curates, or — when they curate several — asked with buttons.
 */
async function resolveProgramme(ctx: ScopeContext, args: string, options: ProgrammeScopeOptions = {}): Promise<Resolution<ProgrammeObject>> {
  const { session, deps } = ctx;
  const curated = ctx.actorId ? await deps.services.participants.curatedProgrammes(ctx.actorId) : [];
  const raw = args.trim();
  const named = programmeArg.decode(raw);
  if (named) {
    if (!curated.some((p) => p.id === named.programmeId)) return denied(CURATOR_ONLY, programmeTarget(named.programmeId));
    return { ok: true, object: { kind: "programme", programmeId: named.programmeId }, rest: named.rest ?? "", target: programmeTarget(named.programmeId) };
  }
  if (!curated.length) return denied(CURATOR_ONLY);
  let rest = raw;
  if (options.typed) {
    const wire = options.typed.toButton(raw);
    if (wire === null) {
      session.say(options.typed.usage);
      return answered;
    }
    rest = wire;
  }
  if (curated.length === 1) return { ok: true, object: { kind: "programme", programmeId: curated[0]!.id }, rest, target: programmeTarget(curated[0]!.id) };
  if (rest && !/^[A-Za-z0-9_-]{1,24}$/.test(rest)) {
    session.say("curator-bad-argument");
    return answered;
  }
  session.say(
    "curator-choose-programme",
    undefined,
    curated.map((p) => [{ label: p.name.slice(0, 40), payload: programmeArg.payload(ctx.command, { programmeId: p.id, rest }) }]).slice(0, 6),
  );
  return answered;
}

/** A programme the person curates; the rest of the arguments is the command's. */
export function programme(options: ProgrammeScopeOptions = {}): Scope<ProgrammeObject> {
  return { kind: "programme", resolve: (ctx) => resolveProgramme(ctx, ctx.args, options) };
}

/**
 * A participant named by number in the programme's list (`/participant 3`) or by the
 * button's participation id, checked against the person's curatorship; `usage` is said when
 * the number is missing.
 */
export function participant(usage: string): Scope<ParticipantRow> {
  return {
    kind: "participant",
    async resolve(ctx) {
      const { session, deps } = ctx;
      const raw = ctx.args.trim();
      const target = (row: ParticipantRow): AuditTarget => ({ type: "participation", id: row.participationId, programmeId: row.programmeId });
      if (recordId.decode(raw)) {
        const row = await deps.services.participants.byId(raw);
        if (!row || !(await curates(ctx, row.programmeId))) return denied(CURATOR_ONLY, { type: "participation", id: raw, programmeId: row?.programmeId });
        return { ok: true, object: row, rest: "", target: target(row) };
      }
      const scope = await resolveProgramme(ctx, raw);
      if (!scope.ok) return scope;
      const number = numberArg(6).decode(scope.rest);
      if (number === null) {
        session.say(usage, { command: ctx.command });
        return answered;
      }
      const row = await deps.services.participants.byNumber(scope.object.programmeId, number);
      if (!row) {
        session.say("curator-participant-not-found", { number: scope.rest });
        return answered;
      }
      return { ok: true, object: row, rest: "", target: target(row) };
    },
  };
}

/** A pair named by its id (a button, `<pair>.<rest>`) or its number (typed, `/end 3 moved`), after checking the person curates its programme. */
export function pair(): Scope<PairView> {
  return {
    kind: "pair",
    async resolve(ctx) {
      const { deps, session } = ctx;
      const raw = ctx.args.trim();
      const target = (p: PairView): AuditTarget => ({ type: "pair", id: p.id, programmeId: p.programmeId });
      const byId = pairArg.decode(raw);
      if (byId) {
        const found = await deps.services.pairs.get(byId.pairId);
        if (!found || !(await curates(ctx, found.programmeId))) return denied(CURATOR_ONLY, { type: "pair", id: byId.pairId, programmeId: found?.programmeId });
        return { ok: true, object: found, rest: byId.rest ?? "", target: target(found) };
      }
      const [first = "", ...others] = raw.split(/\s+/);
      const named = startsWithProgramme(first);
      const scope = await resolveProgramme(ctx, named ? first : raw);
      if (!scope.ok) return scope;
      const tokens = named ? [scope.rest, ...others] : scope.rest.split(/\s+/);
      const number = tokens[0] ?? "";
      if (numberArg(5).decode(number) === null) {
        session.say(`lc-${ctx.command}-usage`);
        return answered;
      }
      const found = await deps.services.pairs.byNumber(scope.object.programmeId, Number(number));
      if (!found) {
        session.say("lc-pair-not-found", { number });
        return answered;
      }
      return { ok: true, object: found, rest: tokens.slice(1).join(" "), target: target(found) };
    },
  };
}

export interface SuggestionObject {
  suggestion: SuggestionView;
  /** Named by a button (Confirm / Reject and the reason's buttons) rather than by a typed number. */
  byButton: boolean;
  /** The reason's code a Reject button carried. */
  reason?: string;
}

/** A matching suggestion: a button's id (checked against the person's curatorship) or a typed number in the programme; the rest is what was typed after the number. */
export function suggestion(): Scope<SuggestionObject> {
  return {
    kind: "suggestion",
    async resolve(ctx) {
      const { session, deps } = ctx;
      const raw = ctx.args.trim();
      const target = (s: SuggestionView): AuditTarget => ({ type: "match_suggestion", id: s.id, programmeId: s.programmeId });
      const byId = suggestionArg.decode(raw);
      if (byId) {
        const found = await deps.services.matching.suggestion(byId.suggestionId);
        if (!found || !(await curates(ctx, found.programmeId))) return denied(CURATOR_ONLY, { type: "match_suggestion", id: byId.suggestionId, programmeId: found?.programmeId });
        return { ok: true, object: { suggestion: found, byButton: true, reason: byId.reason }, rest: "", target: target(found) };
      }
      const [first = "", ...others] = raw.split(/\s+/);
      const scope = await resolveProgramme(ctx, first);
      if (!scope.ok) return scope;
      const number = numberArg(6).decode(scope.rest);
      if (number === null) {
        session.say(`match-${ctx.command.replace("_", "-")}-usage`);
        return answered;
      }
      const found = await deps.services.matching.byNumber(scope.object.programmeId, number);
      if (!found) {
        session.say("match-not-found", { number: scope.rest });
        return answered;
      }
      return { ok: true, object: { suggestion: found, byButton: false }, rest: others.join(" "), target: target(found) };
    },
  };
}

export interface RunPageObject {
  kind: "match_run";
  run: RunView;
  page: number;
}

/** A page of a matching run (`R.<run>.<page>`, the pages' buttons), of a programme the person curates. */
export function matchRunPage(): Scope<RunPageObject> {
  return {
    kind: "match_run",
    claims: (args) => runPageArg.decode(args.trim()) !== null,
    async resolve(ctx) {
      const named = runPageArg.decode(ctx.args.trim())!;
      const run = await ctx.deps.services.matching.run(named.runId);
      if (!run || !(await curates(ctx, run.programmeId))) return denied(CURATOR_ONLY, { type: "match_run", id: named.runId, programmeId: run?.programmeId });
      return { ok: true, object: { kind: "match_run", run, page: named.page }, rest: "", target: { type: "match_run", id: run.id, programmeId: run.programmeId } };
    },
  };
}

/** A curator's task (from /overdue), of a programme the person curates. */
export function task(): Scope<CuratorTaskRow> {
  return {
    kind: "task",
    async resolve(ctx) {
      const id = ctx.args.trim();
      const found = recordId.decode(id) ? await ctx.deps.services.tasks.get(id) : null;
      if (!found || !(await curates(ctx, found.programmeId))) return denied(CURATOR_ONLY, { type: "task", id: id.slice(0, 40), programmeId: found?.programmeId });
      return { ok: true, object: found, rest: "", target: { type: "task", id: found.id, programmeId: found.programmeId } };
    },
  };
}

// ——— administrators ———

async function administratorsOf(ctx: ScopeContext): Promise<AdministratorRow[]> {
  return ctx.actorId ? ctx.deps.services.scopes.administratorsOf(ctx.actorId) : [];
}

const administratorTarget = (admin: AdministratorRow): AuditTarget => ({ type: "administrator", id: admin.id });

export interface AdministratorsObject {
  kind: "administrators";
  /** Every administrator role of the person (a setting of theirs applies to all). */
  administrators: AdministratorRow[];
}

/** All the person's administrator roles; refused when there are none. `claims` limits it to some arguments (with `oneOf`). */
export function administrators(claims?: Codec<unknown>): Scope<AdministratorsObject> {
  return {
    kind: "administrators",
    claims: claims ? (args) => claims.decode(args.trim()) !== null : undefined,
    async resolve(ctx) {
      const admins = await administratorsOf(ctx);
      if (!admins.length) return denied(ADMIN_ONLY);
      return { ok: true, object: { kind: "administrators", administrators: admins }, rest: ctx.args.trim(), target: undefined };
    },
  };
}

/** `/digest pause|resume`: all the person's administrator roles (the weekly digest is paused for each). */
export const digestSwitch = (): Scope<AdministratorsObject> => administrators(digestSwitchArg);

export interface AdministratorObject {
  kind: "administrator";
  admin: AdministratorRow;
}

/** One administrator role — an organisation, a district or a region: named by `A.<id>` (checked to be the person's), the only one, or chosen with buttons. */
export function administrator(): Scope<AdministratorObject> {
  return {
    kind: "administrator",
    async resolve(ctx) {
      const { session } = ctx;
      const admins = await administratorsOf(ctx);
      if (!admins.length) return denied(ADMIN_ONLY);
      const raw = ctx.args.trim();
      const named = administratorArg.decode(raw);
      if (named) {
        const admin = admins.find((a) => a.id === named.administratorId);
        if (!admin) return denied(ADMIN_ONLY, { type: "administrator", id: named.administratorId });
        return { ok: true, object: { kind: "administrator", admin }, rest: named.rest ?? "", target: administratorTarget(admin) };
      }
      if (admins.length === 1) return { ok: true, object: { kind: "administrator", admin: admins[0]! }, rest: raw, target: administratorTarget(admins[0]!) };
      const buttons: Button[][] = [];
      for (const a of admins.slice(0, 6)) {
        const name = await ctx.deps.services.scopes.scopeName(a);
        buttons.push([{ label: session.t("admin-choose-scope", { scope: name }).slice(0, session.limits.maxLabelLength), payload: administratorArg.payload(ctx.command, { administratorId: a.id }) }]);
      }
      session.say("admin-choose-audience", undefined, buttons);
      return answered;
    },
  };
}

export interface OrganisationObject {
  kind: "organisation";
  organisationId: string;
}

/** An organisation (`O.<id>`, a button of /orgs) inside one of the person's administrator roles. */
export function organisation(): Scope<OrganisationObject> {
  return {
    kind: "organisation",
    claims: (args) => organisationArg.decode(args.trim()) !== null,
    async resolve(ctx) {
      const organisationId = organisationArg.decode(ctx.args.trim())!;
      const admins = await administratorsOf(ctx);
      if (!admins.length) return denied(ADMIN_ONLY);
      let allowed = false;
      for (const a of admins) if (await ctx.deps.services.scopes.inScope(a, organisationId)) allowed = true;
      if (!allowed) return denied(ADMIN_ONLY, { type: "organisation", id: organisationId });
      return { ok: true, object: { kind: "organisation", organisationId }, rest: "", target: { type: "organisation", id: organisationId } };
    },
  };
}

// ——— reports: curators and administrators ———

export interface CuratorSideObject {
  kind: "curator";
}

export interface ReportScopeOptions<C> {
  /** The curator's side, resolved further (a programme) on what follows the selector; without it the handler gets `{ kind: "curator" }`. */
  curator?: Scope<C>;
  /** Button arguments may carry ".csv" or ".acts" (/export), kept on the buttons that ask which side. */
  csv?: boolean;
}

/**
 * Whether a report command is asked as a curator (of their programmes) or as an administrator
 * (of one of their roles): `A.<administrator>` names the role, `C` the curator's side, `P.<programme>`
 * (from the curator's choice of programme) is the curator's too; with both roles and nothing
 * named, the person chooses with buttons.
 */
export function report<C = CuratorSideObject>(options: ReportScopeOptions<C> = {}): Scope<AdministratorObject | C> {
  return {
    kind: options.curator ? `administrator|${options.curator.kind}` : "administrator|curator",
    async resolve(ctx): Promise<Resolution<AdministratorObject | C>> {
      const { session, deps } = ctx;
      const { args, csv, acts } = options.csv ? exportArgs(ctx.args.trim()) : { args: ctx.args.trim(), csv: false, acts: false };
      const [selector = "", ...restWords] = args.split(/\s+/);
      const [curated, admins] = ctx.actorId ? await Promise.all([deps.services.participants.curatedProgrammes(ctx.actorId), administratorsOf(ctx)]) : [[], []];
      const namedAdmin = selectedAdministrator(selector);
      if (namedAdmin) {
        const admin = admins.find((a) => a.id === namedAdmin);
        if (!admin) return denied(REPORTS_ONLY, { type: "administrator", id: namedAdmin });
        return { ok: true, object: { kind: "administrator", admin }, rest: restWords.join(" "), target: administratorTarget(admin) };
      }
      const isCuratorSide = curatorSide.decode(selector) !== null;
      const rest = isCuratorSide ? restWords.join(" ") : args;
      if (isCuratorSide || isProgrammeSelector(selector) || !admins.length) {
        if (!curated.length) return denied(REPORTS_ONLY);
        if (options.curator) return options.curator.resolve({ ...ctx, args: rest });
        return { ok: true, object: { kind: "curator" } as C, rest, target: undefined };
      }
      if (!curated.length && admins.length === 1) return { ok: true, object: { kind: "administrator", admin: admins[0]! }, rest, target: administratorTarget(admins[0]!) };
      const suffix = csv ? "csv" : acts ? "acts" : undefined;
      const buttons: Button[][] = [];
      if (curated.length) buttons.push([{ label: session.t("admin-choose-programmes"), payload: curatorSide.payload(ctx.command, { rest: suffix }) }]);
      for (const a of admins.slice(0, 5)) {
        const name = await deps.services.scopes.scopeName(a);
        buttons.push([{ label: session.t("admin-choose-scope", { scope: name }).slice(0, session.limits.maxLabelLength), payload: administratorArg.payload(ctx.command, { administratorId: a.id, rest: suffix }) }]);
      }
      session.say("admin-choose-audience", undefined, buttons);
      return answered;
    },
  };
}

// ——— alternatives ———

type ObjectOf<S> = S extends Scope<infer T> ? T : never;

/** Several scopes of one command: the first that claims the arguments resolves them (one without `claims` takes the rest). */
export function oneOf<S extends Scope<any>[]>(...scopes: S): Scope<ObjectOf<S[number]>> {
  return {
    kind: scopes.map((s) => s.kind).join("|"),
    claims: (args) => scopes.some((s) => !s.claims || s.claims(args)),
    resolve(ctx) {
      const chosen = scopes.find((s) => !s.claims || s.claims(ctx.args));
      if (!chosen) throw new Error(`no scope claims the arguments of /${ctx.command}`);
      return chosen.resolve(ctx);
    },
  };
}
