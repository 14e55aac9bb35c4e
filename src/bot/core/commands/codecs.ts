import { filterCode, parseParticipantFilter, type ParticipantFilter } from "../../../domain/participant-filter.js";
import { isEndReason, type EndReason } from "../../../domain/lifecycle.js";
import type { MatchMode } from "../../../domain/matching/index.js";
import { isLanguage, type Language } from "../../../i18n/index.js";
import { parseTicket, ticketText, type Ticket } from "../../../store/form-tickets.js";
import type { RoundKind } from "../../../store/surveys.js";
import { commandPayload } from "../payload.js";
import type { ArgsCodec } from "./registry.js";

/**
 * Every argument a command takes, typed or carried by a button, in one place. A button's
 * payload is `c|<command>|<argument>` (src/bot/core/payload.ts: ASCII, no spaces, within
 * Telegram's 64 bytes); the argument is one of these codecs' texts:
 *
 *   P.<programme>[.<rest>]          a programme the person curates, then a filter, page or mode
 *   A.<administrator>[.<rest>]      one of the person's administrator roles (organisation, district, region)
 *   O.<organisation>                an organisation of the administrator's scope
 *   C[.csv|.acts]                   a report for the curator's programmes rather than an administrator's scope
 *   S.<suggestion>[.<reason>]       a matching suggestion, with the reason of a rejection
 *   R.<run>.<page>                  a page of a matching run's suggestions
 *   <pair>[.<rest>]                 a pair (its ending reason, or what the member asks for)
 *   <action>.<meeting>[.<revision>] a meeting's button: new (with a pair), ok, no, move, cancel, held, missed
 *   <ticket>                        a form to answer (src/store/form-tickets.ts)
 *   m.<relay message> | f.<pair>    a flag raised on a relay message, or after a meeting's feedback
 *
 * Buttons made elsewhere (the outbox's, src/store and src/jobs) carry the same texts. A
 * decoded value is only a claim: the command's scope checks that it is the person's.
 */
export interface Codec<T> {
  encode(value: T): string;
  /** The value, or null when the text is not this codec's. */
  decode(raw: string): T | null;
  /** A button's payload: the command with this value as its argument. */
  payload(command: string, value: T): string;
}

function codec<T>(encode: (value: T) => string, decode: (raw: string) => T | null): Codec<T> {
  return { encode, decode, payload: (command, value) => commandPayload(command, encode(value)) };
}

/** A button of a command without arguments. */
export function plainPayload(command: string): string {
  return commandPayload(command);
}

/** A codec whose failure is answered with a usage hint (a command's `args`). */
export function withUsage<T>(c: Pick<Codec<T>, "decode">, usage: string): ArgsCodec<T> {
  return { decode: (raw) => c.decode(raw), usage };
}

/** Ids of stored records (cuid). */
const RECORD_ID = "c[a-z0-9]{15,40}";
/** Ids in the scope prefixes (programmes, administrators, organisations). */
const SCOPE_ID = "[a-z0-9]{6,40}";

// ——— ids and numbers ———

/** A stored record named by a button: a participation, a pair, a task. */
export const recordId = codec<string>(
  (id) => id,
  (raw) => (new RegExp(`^${RECORD_ID}$`).test(raw) ? raw : null),
);

/** A number as typed: a participant's or a pair's number in the programme, a suggestion's. */
export function numberArg(maxDigits: number): Codec<number> {
  const re = new RegExp(`^\\d{1,${maxDigits}}$`);
  return codec(String, (raw) => (re.test(raw) ? Number(raw) : null));
}

/** What «Сообщить куратору о проблеме» is about: a relay message (`m.<id>`) or the pair after a feedback (`f.<pair>`). */
export const flagArg = codec<{ on: "message" | "feedback"; id: string }>(
  ({ on, id }) => `${on === "message" ? "m" : "f"}.${id}`,
  (raw) => {
    const m = new RegExp(`^([mf])\\.(${RECORD_ID})$`).exec(raw.trim());
    return m ? { on: m[1] === "m" ? "message" : "feedback", id: m[2]! } : null;
  },
);

/** A page of a list of buttons: `2`. */
export const pageArg = numberArg(3);

/** A page of the administrator's organisations: `p2` (typed `2` too). */
export const orgsPage = codec<number>(
  (page) => `p${page}`,
  (raw) => {
    const m = /^p?(\d{1,3})$/.exec(raw);
    return m ? Number(m[1]) : null;
  },
);

// ——— scopes ———

export interface NamedProgramme {
  programmeId: string;
  /** What follows the programme: a filter code, a page, a mode, a number. */
  rest?: string;
}

const PROGRAMME_ARG = new RegExp(`^P\\.(${SCOPE_ID})(?:\\.([A-Za-z0-9_\\-]*))?$`);

/** `P.<programme>[.<rest>]`: a programme named by a button (the choice of programme, a page of its list). */
export const programmeArg = codec<NamedProgramme>(
  ({ programmeId, rest }) => (rest ? `P.${programmeId}.${rest}` : `P.${programmeId}`),
  (raw) => {
    const m = PROGRAMME_ARG.exec(raw);
    return m ? { programmeId: m[1]!, rest: m[2] ?? "" } : null;
  },
);

/** A word that begins like a programme's name (`P.`): the rest of the words follow it. */
export function startsWithProgramme(word: string): boolean {
  return /^P\./.test(word);
}

/** A report's selector naming a programme (`P.<programme>` or `P.<programme>.…`): the curator's side. */
export function isProgrammeSelector(word: string): boolean {
  return new RegExp(`^P\\.${SCOPE_ID}(\\.|$)`).test(word);
}

/** `/export P.<programme>` or `P.<programme>.csv`: one of the curator's programmes. */
export function exportedProgramme(rest: string): string | null {
  return new RegExp(`^P\\.(${SCOPE_ID})(?:[.\\s]+csv)?$`, "i").exec(rest)?.[1] ?? null;
}

export interface NamedAdministrator {
  administratorId: string;
  /** What follows: a page of organisations (`p2`), `csv`. */
  rest?: string;
}

const ADMIN_ARG = new RegExp(`^A\\.(${SCOPE_ID})$`);

/** `A.<administrator>[.<rest>]` from a button, or `A.<administrator> <rest>` typed: one of the person's administrator roles. */
export const administratorArg = codec<NamedAdministrator>(
  ({ administratorId, rest }) => (rest ? `A.${administratorId}.${rest}` : `A.${administratorId}`),
  (raw) => {
    const args = raw.replace(new RegExp(`^(A\\.${SCOPE_ID})\\.(\\S+)$`), "$1 $2");
    const [first = "", ...others] = args.split(/\s+/);
    const m = ADMIN_ARG.exec(first);
    return m ? { administratorId: m[1]!, rest: others.join(" ") } : null;
  },
);

/** The first word of a report's arguments naming an administrator role exactly (`A.<administrator>`). */
export function selectedAdministrator(word: string): string | null {
  return ADMIN_ARG.exec(word)?.[1] ?? null;
}

/** `C[.<rest>]`: a report for the curator's programmes, for a person who is also an administrator. */
export const curatorSide = codec<{ rest?: string }>(
  ({ rest }) => (rest ? `C.${rest}` : "C"),
  (raw) => (raw === "C" ? { rest: "" } : null),
);

/** Button arguments of /export carry ".csv" or ".acts" after the selector (payloads have no spaces): `C.csv` → `C csv`. */
export function exportArgs(raw: string): { args: string; csv: boolean; acts: boolean } {
  const args = raw.replace(/^(C|A\.[a-z0-9]+)\.(csv|acts)$/, "$1 $2");
  return { args, csv: /(^|[\s.])csv$/i.test(args), acts: /(^|\s)(acts|акты)$/i.test(args) };
}

/** `O.<organisation>`: one organisation of the administrator's scope. */
export const organisationArg = codec<string>(
  (id) => `O.${id}`,
  (raw) => new RegExp(`^O\\.(${SCOPE_ID})$`).exec(raw)?.[1] ?? null,
);

// ——— matching ———

export interface SuggestionButton {
  suggestionId: string;
  /** A rejection's reason chosen with one tap (see REJECT_REASONS). */
  reason?: string;
}

/** `S.<suggestion>[.<reason>]`: a matching suggestion's Confirm / Reject, and the reason of a rejection. */
export const suggestionArg = codec<SuggestionButton>(
  ({ suggestionId, reason }) => (reason ? `S.${suggestionId}.${reason}` : `S.${suggestionId}`),
  (raw) => {
    const m = new RegExp(`^S\\.(${RECORD_ID})(?:\\.([a-z]{1,10}))?$`).exec(raw);
    return m ? { suggestionId: m[1]!, reason: m[2] } : null;
  },
);

/** `R.<run>.<page>`: a page of a matching run's suggestions. */
export const runPageArg = codec<{ runId: string; page: number }>(
  ({ runId, page }) => `R.${runId}.${page}`,
  (raw) => {
    const m = new RegExp(`^R\\.(${RECORD_ID})\\.(\\d{1,4})$`).exec(raw);
    return m ? { runId: m[1]!, page: Number(m[2]) } : null;
  },
);

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

/** A matching mode, typed in either language or carried by a button (`P.<programme>.best_total`). */
export const matchModeArg = codec<MatchMode>(
  (mode) => mode,
  (raw) => MODE_WORDS[raw.trim().toLowerCase()] ?? null,
);

/**
 * Reasons a curator picks with one tap after "Reject" (`S.<suggestion>.<code>`): the common
 * ones are stored as their text in the curator's language, `own` asks for the next message,
 * `none` rejects without a reason.
 */
export const REJECT_REASONS = ["schedule", "interests", "conflict", "own", "none"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const rejectReasonArg = codec<RejectReason>(
  (code) => code,
  (raw) => ((REJECT_REASONS as readonly string[]).includes(raw) ? (raw as RejectReason) : null),
);

// ——— pairs and meetings ———

/** `<pair>[.<rest>]`: a pair named by a button, with what follows (an ending's reason). */
export const pairArg = codec<{ pairId: string; rest?: string }>(
  ({ pairId, rest }) => (rest ? `${pairId}.${rest}` : pairId),
  (raw) => {
    const m = new RegExp(`^(${RECORD_ID})(?:\\.([a-z_]+))?$`).exec(raw);
    return m ? { pairId: m[1]!, rest: m[2] ?? "" } : null;
  },
);

export type ChangeKind = "end" | "change";

/** `<pair>[.end|.change]`: a member's request about their pair (to end it, or a mentee's for another mentor). */
export const changeRequestArg = codec<{ pairId: string; kind?: ChangeKind }>(
  ({ pairId, kind }) => (kind ? `${pairId}.${kind}` : pairId),
  (raw) => {
    const m = new RegExp(`^(${RECORD_ID})(?:\\.(end|change))?$`).exec(raw);
    return m ? { pairId: m[1]!, kind: m[2] as ChangeKind | undefined } : null;
  },
);

export type MeetingAction = "new" | "ok" | "no" | "cancel" | "move" | "held" | "missed";

export interface MeetingButton {
  action: MeetingAction;
  /** The pair (new) or the meeting (the others). */
  id: string;
  /** The meeting's revision the button was made for: an outdated button is refused. */
  revision?: number;
}

/** The buttons of meetings: propose (`new.<pair>`), confirm / decline / move / cancel (`<action>.<meeting>.<revision>`), "did it happen?" (`held|missed.<meeting>`). */
export const meetingArg = codec<MeetingButton>(
  ({ action, id, revision }) => (revision === undefined ? `${action}.${id}` : `${action}.${id}.${revision}`),
  (raw) => {
    const m = new RegExp(`^(new|ok|no|cancel|move|held|missed)\\.(${RECORD_ID})(?:\\.(\\d{1,6}))?$`).exec(raw);
    return m ? { action: m[1] as MeetingAction, id: m[2]!, revision: m[3] === undefined ? undefined : Number(m[3]) } : null;
  },
);

const REASON_WORDS: Record<string, EndReason> = {
  planned: "planned",
  плановое: "planned",
  moved: "moved",
  переезд: "moved",
  illness: "illness",
  болезнь: "illness",
  no_time: "no_time",
  нет_времени: "no_time",
  conflict: "conflict",
  конфликт: "conflict",
  other: "other",
  другое: "other",
};

/** Why a pair ends, typed in either language or carried by a button (`<pair>.moved`). */
export const endReasonArg = codec<EndReason>(
  (reason) => reason,
  (raw) => REASON_WORDS[raw.toLowerCase()] ?? (isEndReason(raw) ? raw : null),
);

/** `/probation <pair> [on|off]`: on, off, or (nothing) the other way round. */
export const probationArg = codec<boolean | "toggle">(
  (on) => (on === "toggle" ? "" : on ? "on" : "off"),
  (raw) => {
    const word = raw.trim().toLowerCase();
    return word === "" ? "toggle" : word === "on" || word === "вкл" ? true : word === "off" || word === "выкл" ? false : null;
  },
);

// ——— programme, forms, surveys ———

/** The filter of the curator's list of participants: typed words, or the short code buttons carry. */
export const participantFilterArg = codec<ParticipantFilter>(filterCode, parseParticipantFilter);

/** A form to answer: `q.<programme>.<role>`, `fb.<meeting>`… */
export const ticketArg = codec<Ticket>(ticketText, parseTicket);

/** A ticket as the store lists it (its text), checked to be one. */
export const ticketTextArg = codec<string>(
  (text) => text,
  (raw) => (parseTicket(raw) ? raw.trim() : null),
);

/** Which survey: the mutual choice (the default) or the satisfaction questionnaires. */
export const surveyKindArg = codec<RoundKind>(
  (kind) => kind,
  (raw) => {
    const word = raw.trim().toLowerCase();
    if (word === "" || word === "choice" || word === "mutual_choice" || word === "выбор") return "mutual_choice";
    if (word === "satisfaction" || word === "удовлетворенность" || word === "удовлетворённость") return "satisfaction";
    return null;
  },
);

type InviteRoles = readonly ("mentor" | "mentee")[];

/** `/invite [mentor|mentee]`: the roles to invite (both by default). */
export const inviteRolesArg = codec<InviteRoles>(
  (roles) => (roles.length === 1 ? roles[0]! : ""),
  (raw) => {
    const word = raw.trim().toLowerCase();
    if (word === "") return ["mentor", "mentee"];
    if (word === "mentor" || word === "наставник") return ["mentor"];
    if (word === "mentee" || word === "наставляемый") return ["mentee"];
    return null;
  },
);

// ——— the person's own settings ———

export const languageArg = codec<Language>(
  (lang) => lang,
  (raw) => {
    const wanted = raw.trim().toLowerCase();
    return isLanguage(wanted) ? wanted : null;
  },
);

/** The answer to /forget's confirmation. */
export const forgetArg = codec<"confirm" | "cancel">(
  (answer) => answer,
  (raw) => (raw === "confirm" || raw === "cancel" ? raw : null),
);

/** The answer to /cancel's confirmation: stop this run of the form (a later run is not stopped by it), or go on. */
export const cancelArg = codec<{ stop: string } | "keep">(
  (answer) => (answer === "keep" ? "keep" : `stop:${answer.stop}`),
  (raw) => {
    if (raw === "keep") return "keep";
    const run = /^stop:([a-z0-9]{4,12})$/.exec(raw)?.[1];
    return run ? { stop: run } : null;
  },
);

const PAUSE_WORDS = ["pause", "stop", "пауза"];
const RESUME_WORDS = ["resume", "start", "возобновить"];

/** `/digest pause|resume` (either language): pausing or resuming the weekly digest. */
export const digestSwitchArg = codec<"pause" | "resume">(
  (word) => word,
  (raw) => {
    const word = raw.trim().toLowerCase();
    return PAUSE_WORDS.includes(word) ? "pause" : RESUME_WORDS.includes(word) ? "resume" : null;
  },
);

export type DigestSetting =
  | { kind: "show" }
  | { kind: "days" }
  | { kind: "hours" }
  | { kind: "weekday"; weekday: number }
  | { kind: "hour"; hour: number }
  | { kind: "timezone"; timezone: string }
  | { kind: "pause" }
  | { kind: "resume" };

/**
 * /digest_settings: buttons carry `days`, `hours`, `d<weekday>`, `h<hour>`, `pause`, `resume`;
 * typed: `day 3`, `hour 9`, `tz Asia/Omsk` (Russian words too). A time zone is checked by the command.
 */
export const digestSettingArg = codec<DigestSetting>(
  (s) => {
    switch (s.kind) {
      case "show":
        return "";
      case "weekday":
        return `d${s.weekday}`;
      case "hour":
        return `h${s.hour}`;
      case "timezone":
        return `tz ${s.timezone}`;
      default:
        return s.kind;
    }
  },
  (raw) => {
    const [head = "", value = ""] = raw.trim().split(/\s+/).filter(Boolean);
    const key = head.toLowerCase();
    if (key === "") return { kind: "show" };
    if (key === "days" || key === "hours" || key === "pause" || key === "resume") return { kind: key };
    const day = /^d([1-7])$/.exec(key) ?? (key === "day" || key === "день" ? /^([1-7])$/.exec(value) : null);
    if (day) return { kind: "weekday", weekday: Number(day[1]) };
    const hour = /^h(\d{1,2})$/.exec(key) ?? (key === "hour" || key === "час" ? /^(\d{1,2})$/.exec(value) : null);
    if (hour) return Number(hour[1]) > 23 ? null : { kind: "hour", hour: Number(hour[1]) };
    if (key === "tz" || key === "timezone" || key === "пояс") return { kind: "timezone", timezone: value };
    return null;
  },
);
