import type { PrismaClient } from "../db/client.js";
import type { Answers, FlowContext, TextRef } from "../flows/types.js";
import { formatDateTime, localDate, utcDate } from "../domain/time.js";
import { CURRENT_MENTEE, MATCHABLE_MENTOR, type ParticipationStatus, type Participants, type ProgrammeInfo } from "./participants.js";
import type { FormResponses } from "./forms.js";
import { partnersOf, sideOf, type Pairs, type PairWithPeople } from "./pairs.js";

/**
 * A ticket names one form to answer about one subject: the text a `/form` command and its
 * buttons carry, e.g. `fb.<meetingId>`. Resolving it checks that this person may answer it
 * and gathers what the form needs (programme, role, the partner's name…).
 *
 *   q.<programmeId>.<mentor|mentee>  the questionnaire of the role (answering again updates it)
 *   mc.<roundId>                     the mutual-choice survey of an open round
 *   sat.<roundId>                    the satisfaction questionnaire of an open round
 *   fb.<meetingId>                   feedback after a meeting
 *   mr.<pairId>                      the mentee's monthly report to the mentor (this month)
 *   fr.<pairId>                      the mentee's final report to the curator
 *   pu.<pairId>                      the pulse survey 30 days after the pair started
 *   ex.<pairId>                      the exit survey after a pair ended early
 */
export type TicketKind = "q" | "mc" | "sat" | "fb" | "mr" | "fr" | "pu" | "ex";

export interface Ticket {
  kind: TicketKind;
  id: string;
  role?: "mentor" | "mentee";
}

const TICKET = /^(q|mc|sat|fb|mr|fr|pu|ex)\.([a-z0-9]{6,40})(?:\.(mentor|mentee))?$/;

export function parseTicket(raw: string): Ticket | null {
  const m = TICKET.exec(raw.trim());
  if (!m) return null;
  const kind = m[1] as TicketKind;
  if ((kind === "q") !== (m[3] !== undefined)) return null;
  return { kind, id: m[2]!, role: m[3] as Ticket["role"] };
}

export function ticketText(t: Ticket): string {
  return t.role ? `${t.kind}.${t.id}.${t.role}` : `${t.kind}.${t.id}`;
}

export type TicketProblem = "unknown" | "not-participant" | "round-closed" | "not-approved" | "already" | "meeting-not-yet" | "meeting-cancelled";

export type Resolved =
  | {
      ok: true;
      flowId: string;
      params: FlowContext["params"];
      /** Answers given before, to start from (the questionnaire). */
      answers?: Answers;
      /** Answered before: answering again replaces the answers. */
      answered: boolean;
    }
  | { ok: false; problem: TicketProblem };

export interface PendingForm {
  ticket: string;
  label: TextRef;
}

const ENDED_PAIR = ["completed", "ended_early"] as const;
const FEEDBACK_WINDOW_DAYS = 30;

export class FormTickets {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly participants: Participants,
    private readonly forms: FormResponses,
    private readonly pairs: Pairs,
  ) {}

  private base(programme: ProgrammeInfo, role: string, subjectKey: string): FlowContext["params"] {
    return { programmeId: programme.id, programmeName: programme.name, form: programme.form, timezone: programme.timezone, role, subjectKey };
  }

  private async pair(pairId: string): Promise<PairWithPeople | null> {
    return (await this.pairs.find({ id: pairId }))[0] ?? null;
  }

  async resolve(personId: string, ticket: Ticket, now: Date): Promise<Resolved> {
    switch (ticket.kind) {
      case "q": {
        const role = ticket.role!;
        const own = await this.participants.find(personId, ticket.id, role);
        const programme = own && (await this.participants.programme(ticket.id));
        if (!own || !programme) return { ok: false, problem: "not-participant" };
        const flowId = role === "mentor" ? "mentor-questionnaire" : "mentee-request";
        const before = await this.forms.get(personId, programme.id, flowId);
        return { ok: true, flowId, params: this.base(programme, role, ""), answers: before?.answers, answered: !!before };
      }
      case "mc":
      case "sat": {
        const round = await this.prisma.surveyRound.findUnique({ where: { id: ticket.id } });
        const kind = ticket.kind === "mc" ? "mutual_choice" : "satisfaction";
        if (!round || round.kind !== kind) return { ok: false, problem: "unknown" };
        if (round.closedAt) return { ok: false, problem: "round-closed" };
        const programme = await this.participants.programme(round.programmeId);
        if (!programme) return { ok: false, problem: "unknown" };
        const mentee = await this.participants.find(personId, programme.id, "mentee");
        const mentor = await this.participants.find(personId, programme.id, "mentor");
        let role: "mentor" | "mentee";
        if (kind === "mutual_choice") {
          if (mentee && CURRENT_MENTEE.includes(mentee.status)) role = "mentee";
          else if (mentor && MATCHABLE_MENTOR.includes(mentor.status)) role = "mentor";
          else return { ok: false, problem: mentor ? "not-approved" : "not-participant" };
        } else {
          const counts = (p: { status: ParticipationStatus } | null) => !!p && p.status !== "declined";
          if (counts(mentee)) role = "mentee";
          else if (counts(mentor)) role = "mentor";
          else return { ok: false, problem: "not-participant" };
        }
        const flowId = kind === "mutual_choice" ? "mutual-choice" : `satisfaction-${role}`;
        const answered = await this.forms.exists(personId, programme.id, flowId, round.id);
        if (answered && kind === "satisfaction") return { ok: false, problem: "already" };
        return { ok: true, flowId, params: { ...this.base(programme, role, round.id), roundId: round.id }, answered };
      }
      case "fb": {
        const found = await this.prisma.meeting.findUnique({ where: { id: ticket.id }, select: { id: true, startsAt: true, status: true, pairId: true } });
        const meetingPair = found && (await this.pair(found.pairId));
        const meeting = found && meetingPair ? { ...found, pair: meetingPair } : null;
        const side = meeting && sideOf(meeting.pair, personId);
        if (!meeting || !side) return { ok: false, problem: "not-participant" };
        if (meeting.status === "cancelled") return { ok: false, problem: "meeting-cancelled" };
        if (meeting.startsAt > now) return { ok: false, problem: "meeting-not-yet" };
        const programme = await this.participants.programme(meeting.pair.programmeId);
        if (!programme) return { ok: false, problem: "unknown" };
        if (await this.forms.exists(personId, programme.id, "meeting-feedback", meeting.id)) return { ok: false, problem: "already" };
        return {
          ok: true,
          flowId: "meeting-feedback",
          params: { ...this.base(programme, side, meeting.id), meetingId: meeting.id, partner: partnersOf(meeting.pair, personId), meetingDate: formatDateTime(meeting.startsAt, programme.timezone) },
          answered: false,
        };
      }
      case "mr":
      case "fr":
      case "pu":
      case "ex": {
        const pair = await this.pair(ticket.id);
        const side = pair && sideOf(pair, personId);
        if (!pair || !side || ((ticket.kind === "mr" || ticket.kind === "fr") && side !== "mentee")) return { ok: false, problem: "not-participant" };
        const programme = await this.participants.programme(pair.programmeId);
        if (!programme) return { ok: false, problem: "unknown" };
        const partner = partnersOf(pair, personId);
        const me = side === "mentor" ? pair.mentor.name : pair.mentees.find((m) => m.personId === personId)?.name;
        if (ticket.kind === "mr") {
          if ((ENDED_PAIR as readonly string[]).includes(pair.status)) return { ok: false, problem: "unknown" };
          const month = localDate(now, programme.timezone).slice(0, 7);
          const subjectKey = `${pair.id}:${month}`;
          if (await this.forms.exists(personId, programme.id, "monthly-report", subjectKey)) return { ok: false, problem: "already" };
          const [y, m] = month.split("-");
          return {
            ok: true,
            flowId: "monthly-report",
            params: { ...this.base(programme, side, subjectKey), pairId: pair.id, mentorPersonId: pair.mentor.personId, mentorName: partner, menteeName: me ?? "—", month: `${m}.${y}` },
            answered: false,
          };
        }
        const flowId = ticket.kind === "fr" ? "final-report" : ticket.kind === "pu" ? "pulse-survey" : "exit-survey";
        if (await this.forms.exists(personId, programme.id, flowId, pair.id)) return { ok: false, problem: "already" };
        return { ok: true, flowId, params: { ...this.base(programme, side, pair.id), pairId: pair.id, partner, menteeName: me ?? "—" }, answered: false };
      }
    }
  }

  /** Forms this person could answer now, oldest duty first. */
  async pending(personId: string, now: Date): Promise<PendingForm[]> {
    const out: PendingForm[] = [];
    const own = await this.participants.ofPerson(personId);
    for (const p of own) {
      if (p.status === "declined") continue;
      const role = p.role as "mentor" | "mentee";
      const flowId = role === "mentor" ? "mentor-questionnaire" : "mentee-request";
      if (!(await this.forms.exists(personId, p.programme.id, flowId))) {
        out.push({ ticket: `q.${p.programme.id}.${role}`, label: { key: `form-pending-questionnaire-${role}`, args: { programme: p.programme.name } } });
      }
      for (const kind of ["mutual_choice", "satisfaction"] as const) {
        const round = await this.prisma.surveyRound.findFirst({ where: { programmeId: p.programme.id, kind, closedAt: null }, orderBy: { openedAt: "desc" } });
        if (!round) continue;
        if (kind === "mutual_choice" && !(role === "mentee" ? CURRENT_MENTEE : MATCHABLE_MENTOR).includes(p.status)) continue;
        const formId = kind === "mutual_choice" ? "mutual-choice" : `satisfaction-${role}`;
        const ticket = `${kind === "mutual_choice" ? "mc" : "sat"}.${round.id}`;
        if (out.some((o) => o.ticket === ticket)) continue;
        if (!(await this.forms.exists(personId, p.programme.id, formId, round.id))) {
          out.push({ ticket, label: { key: kind === "mutual_choice" ? "form-pending-mutual-choice" : "form-pending-satisfaction", args: { programme: p.programme.name } } });
        }
      }
    }

    const pairs = await this.pairs.find({ OR: [{ mentor: { personId } }, { members: { some: { mentee: { personId } } } }] });
    for (const pair of pairs) {
      const side = sideOf(pair, personId)!;
      const partner = partnersOf(pair, personId);
      const tz = pair.timezone;
      const programme = (await this.participants.programme(pair.programmeId))!;
      const ended = (ENDED_PAIR as readonly string[]).includes(pair.status);
      const answered = async (formId: string, subjectKey: string) => this.forms.exists(personId, pair.programmeId, formId, subjectKey);

      const meetings = await this.prisma.meeting.findMany({
        where: { pairId: pair.id, status: { in: ["proposed", "confirmed", "held"] }, startsAt: { lte: now, gte: new Date(now.getTime() - FEEDBACK_WINDOW_DAYS * 86_400_000) } },
        select: { id: true, startsAt: true },
        orderBy: { startsAt: "asc" },
      });
      for (const m of meetings) {
        if (!(await answered("meeting-feedback", m.id))) out.push({ ticket: `fb.${m.id}`, label: { key: "form-pending-feedback", args: { date: formatDateTime(m.startsAt, tz), partner } } });
      }
      if (side === "mentee" && !ended) {
        const month = localDate(now, tz).slice(0, 7);
        const startedBeforeMonth = localDate(pair.confirmedAt, tz).slice(0, 7) < month;
        if (startedBeforeMonth && !(await answered("monthly-report", `${pair.id}:${month}`))) out.push({ ticket: `mr.${pair.id}`, label: { key: "form-pending-monthly-report", args: { partner } } });
      }
      const programmeOver = programme.status === "finished" || localDate(now, tz) >= utcDate(programme.endsOn);
      if (side === "mentee" && programmeOver && !(await answered("final-report", pair.id))) out.push({ ticket: `fr.${pair.id}`, label: { key: "form-pending-final-report" } });
      if (!ended && now.getTime() - pair.confirmedAt.getTime() >= 30 * 86_400_000 && !(await answered("pulse-survey", pair.id))) {
        out.push({ ticket: `pu.${pair.id}`, label: { key: "form-pending-pulse", args: { partner } } });
      }
      if (pair.status === "ended_early" && !(await answered("exit-survey", pair.id))) out.push({ ticket: `ex.${pair.id}`, label: { key: "form-pending-exit", args: { partner } } });
    }
    return out;
  }
}
