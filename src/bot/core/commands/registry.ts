import type { I18n } from "../../../i18n/index.js";
import type { Platform } from "../../../domain/platforms.js";
import type { FlowRegistry } from "../../../flows/registry.js";
import type { AuditEntry } from "../../../store/audit.js";
import type { Services } from "../../../usecases/services.js";
import type { FlowRunner } from "../flow-runner.js";
import type { Session } from "../session.js";

export interface CoreDeps {
  services: Services;
  runner: FlowRunner;
  flows: FlowRegistry;
  commands: CommandRegistry;
  i18n: I18n;
  now: () => Date;
  /** Where invitation deep links point, for each messenger the service runs on: the bot's username, the community's id (null while unknown). */
  inviteLinks?: () => Partial<Record<Platform, string | null>>;
  /** The web app's public address (…/app), when the service offers it (WEBAPP_URL): /dashboard's button and login link. */
  webAppUrl?: string;
}

/**
 * Who may use a command, enforced before its handler runs (src/bot/core/commands/execute.ts):
 *
 *   everyone       anybody, also before joining; the handler gets the person's id or null
 *   participant    a person who joined (gave consent); anyone else is told to join first
 *   curator        a curator of the programme the command is about (its scope decides which)
 *   administrator  an administrator of the organisation, district or region it is about
 *
 * A command for curators and administrators alike (`/stats`, `/export`) names both.
 */
export type Audience = "everyone" | "participant" | "curator" | "administrator";

/** The sections of /help, in the order shown. */
export const HELP_SECTIONS = ["everyone", "participant", "mentee", "mentor", "curator", "administrator"] as const;
export type HelpSection = (typeof HELP_SECTIONS)[number];

/** What the router hands to a command: the update's session, the arguments as typed or carried by a button. */
export interface CommandContext {
  session: Session;
  args: string;
  deps: CoreDeps;
  /** The command came from a button rather than typed text. */
  viaButton: boolean;
}

/** What an audit record is about. */
export interface AuditTarget {
  type: string;
  id: string;
  programmeId?: string;
}

export type AuditDetails = NonNullable<AuditEntry["details"]>;

/** The result of resolving a command's scope: the object, what is left of the arguments and what the audit record names. */
export type Resolution<T> =
  | { ok: true; object: T; rest: string; target?: AuditTarget }
  /** Refused (said and audited by the router) — or, without a denial, answered already (a question, a usage hint). */
  | { ok: false; denial?: Denial };

export interface Denial {
  /** Locale key of the refusal. */
  key: string;
  target?: AuditTarget;
}

export interface ScopeContext extends CommandContext {
  /** The command's name, for buttons that ask which programme or scope. */
  command: string;
  /** The person asking, when known. */
  actorId: string | null;
}

/**
 * What a command is about and how it is found from its arguments: a programme the person
 * curates, a pair, a participant, an administrator's organisation, district or region… Only a
 * person entitled to it gets it; anyone else is refused (src/bot/core/commands/scopes.ts).
 */
export interface Scope<T> {
  /** What the scope names (the access test and the documentation read it). */
  readonly kind: string;
  /** Whether these arguments are this scope's, when a command has several (see `oneOf`). */
  claims?(args: string): boolean;
  resolve(ctx: ScopeContext): Promise<Resolution<T>>;
}

/** Typed arguments after the scope has taken its part; `usage` is said when they do not parse. */
export interface ArgsCodec<A> {
  decode(rest: string): A | null;
  usage: string;
}

/** An allowed use the router writes to the audit log once the handler is done. */
export interface AllowedNote<K extends string> {
  /** One of the declaration's actions; the first by default. */
  action?: K;
  /** What was used; by default the object the scope resolved; null for none. */
  target?: AuditTarget | null;
  /** Identifiers and counts only, never personal data. */
  details?: AuditDetails;
  /** Written without the actor (the person's data is being erased). */
  anonymous?: true;
}

/** A refusal found by the handler itself (a service answered "not yours"): said and audited by the router. */
export interface DeniedNote<K extends string> {
  action?: K;
  key: string;
  target?: AuditTarget;
}

export type Outcome<K extends string> =
  | { readonly outcome: "allowed"; readonly notes: readonly AllowedNote<K>[] }
  | { readonly outcome: "denied"; readonly denial: DeniedNote<K> };

/** Everything a command's handler gets: the resolved actor and object, the decoded arguments. */
export interface RunContext<Actor, O, A, K extends string> extends CommandContext {
  /** The command's name. */
  command: string;
  /** The person using the command: always known for everyone but the "everyone" audience. */
  actor: Actor;
  /** What the command is about, resolved and checked by its scope. */
  object: O;
  /** The arguments, decoded by the declaration's codec (the rest after the scope's part, trimmed). */
  input: A;
  /** The use to audit as allowed (several notes, several records). */
  allowed(...notes: AllowedNote<K>[]): Outcome<K>;
  /** A refusal: said and audited as denied. */
  denied(denial: DeniedNote<K>): Outcome<K>;
  /** Runs another command (or this one) with these arguments, through its own checks. */
  invoke(command: Command, args: string): Promise<void>;
}

type ActorOf<Au extends Audience> = "everyone" extends Au ? string | null : string;

/** A command declared once: the router enforces its audience and scope and writes its audit records. */
export interface CommandSpec<Au extends Audience, O, A, K extends string> {
  name: string;
  /** Locale key of the line in /help and in the messenger's command menu. */
  description: string;
  audience: Au | readonly [Au, ...Au[]];
  /** The section of /help (default: the first audience); "hidden" keeps it out of /help and the menu (buttons, flow navigation). */
  help?: HelpSection | "hidden";
  /** What the command is about; required for curators' and administrators' commands. */
  scope?: Scope<O>;
  /** The arguments after the scope's part; without a codec the handler gets them as a string. */
  args?: ArgsCodec<A>;
  /** The audit actions: the first is written for refusals and, by default, for allowed uses. */
  audit?: K | readonly [K, ...K[]];
  run(ctx: RunContext<ActorOf<Au>, O, A, K>): Promise<Outcome<K> | void>;
}

/** A declared command as the router, /help and the menus see it. */
export interface Command {
  readonly name: string;
  readonly description: string;
  readonly audience: readonly Audience[];
  /** The /help section, or null when hidden. */
  readonly help: HelpSection | null;
  /** What the scope names, when the command has one. */
  readonly scope: string | null;
  /** The audit actions, the default first. */
  readonly actions: readonly string[];
  /** @internal the declaration, run by execute.ts */
  readonly spec: CommandSpec<Audience, unknown, unknown, string>;
}

const NAME = /^[a-z0-9_]{1,32}$/;

export function defineCommand<Au extends Audience, O = undefined, A = string, K extends string = never>(spec: CommandSpec<Au, O, A, K>): Command {
  const audience: readonly Audience[] = typeof spec.audience === "string" ? [spec.audience] : spec.audience;
  const actions: readonly string[] = spec.audit === undefined ? [] : typeof spec.audit === "string" ? [spec.audit] : spec.audit;
  if (!NAME.test(spec.name)) throw new Error(`command /${spec.name}: a name is 1–32 of [a-z0-9_]`);
  const restricted = audience.includes("curator") || audience.includes("administrator");
  if (restricted && (!spec.scope || actions.length === 0)) throw new Error(`command /${spec.name}: a curator's or administrator's command needs a scope and an audit action`);
  if (audience.includes("everyone") && audience.length > 1) throw new Error(`command /${spec.name}: "everyone" stands alone`);
  return {
    name: spec.name,
    description: spec.description,
    audience,
    help: spec.help === "hidden" ? null : (spec.help ?? (audience[0] as HelpSection)),
    scope: spec.scope?.kind ?? null,
    actions,
    spec: spec as unknown as CommandSpec<Audience, unknown, unknown, string>,
  };
}

/** Commands by name; features add theirs, and every messenger serves the same set. */
export class CommandRegistry {
  private readonly commands = new Map<string, Command>();

  register(...commands: Command[]): this {
    for (const c of commands) {
      if (this.commands.has(c.name)) throw new Error(`command /${c.name} registered twice`);
      this.commands.set(c.name, c);
    }
    return this;
  }

  get(name: string): Command | undefined {
    return this.commands.get(name);
  }

  all(): Command[] {
    return [...this.commands.values()];
  }
}
