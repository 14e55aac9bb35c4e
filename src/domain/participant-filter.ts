/**
 * Filters of the curator's list of participants: by role, by status, and "has not filled in
 * the form". Typed as words (`/participants mentees active noform`, Russian words too) or
 * carried by buttons as a short code (`me-s4-nf-p2`) that fits a Telegram button with the
 * programme's id. Pure.
 */
export const FILTER_STATUSES = ["joined", "approved", "declined", "active", "completed", "left"] as const;
export type FilterStatus = (typeof FILTER_STATUSES)[number];

export interface ParticipantFilter {
  role: "mentor" | "mentee" | null;
  status: FilterStatus | null;
  /** Only those who have not submitted their questionnaire (mentors) or request (mentees). */
  formMissing: boolean;
  /** Page of the list's buttons, from 0. */
  page: number;
}

export const NO_FILTER: ParticipantFilter = { role: null, status: null, formMissing: false, page: 0 };

const ROLE_WORDS: Record<string, "mentor" | "mentee"> = {
  mentor: "mentor",
  mentors: "mentor",
  mr: "mentor",
  "наставник": "mentor",
  "наставники": "mentor",
  mentee: "mentee",
  mentees: "mentee",
  me: "mentee",
  "наставляемый": "mentee",
  "наставляемые": "mentee",
};

const STATUS_WORDS: Record<string, FilterStatus> = {
  "присоединились": "joined",
  "новые": "joined",
  "одобрены": "approved",
  "одобренные": "approved",
  "отклонены": "declined",
  "в_паре": "active",
  "активные": "active",
  "завершили": "completed",
  "прошли": "completed",
  "выбыли": "left",
};

const FORM_MISSING_WORDS = new Set(["nf", "noform", "no_form", "unfilled", "без_анкеты", "безанкеты", "не_заполнили"]);

/** Parses typed words or a button's code; null when a word is not understood. */
export function parseParticipantFilter(raw: string): ParticipantFilter | null {
  const filter: ParticipantFilter = { ...NO_FILTER };
  const words = raw
    .trim()
    .toLocaleLowerCase("ru")
    .replace(/ё/g, "е")
    .split(/[\s,;-]+/)
    .filter((w) => w !== "" && w !== "all" && w !== "все");
  for (const word of words) {
    const page = /^p(\d{1,3})$/.exec(word);
    const statusIndex = /^s(\d)$/.exec(word);
    if (page) filter.page = Number(page[1]);
    else if (/^\d{1,3}$/.test(word)) filter.page = Number(word);
    else if (ROLE_WORDS[word]) filter.role = ROLE_WORDS[word]!;
    else if (statusIndex && FILTER_STATUSES[Number(statusIndex[1])]) filter.status = FILTER_STATUSES[Number(statusIndex[1])]!;
    else if ((FILTER_STATUSES as readonly string[]).includes(word)) filter.status = word as FilterStatus;
    else if (STATUS_WORDS[word]) filter.status = STATUS_WORDS[word]!;
    else if (FORM_MISSING_WORDS.has(word)) filter.formMissing = true;
    else return null;
  }
  return filter;
}

/** The short code of a filter, for buttons: at most 12 characters of [a-z0-9-]. */
export function filterCode(f: ParticipantFilter): string {
  const parts: string[] = [];
  if (f.role) parts.push(f.role === "mentor" ? "mr" : "me");
  if (f.status) parts.push(`s${FILTER_STATUSES.indexOf(f.status)}`);
  if (f.formMissing) parts.push("nf");
  if (f.page > 0) parts.push(`p${f.page}`);
  return parts.join("-");
}

export function isFiltered(f: ParticipantFilter): boolean {
  return f.role !== null || f.status !== null || f.formMissing;
}

export interface FilterableParticipant {
  role: "mentor" | "mentee";
  status: FilterStatus;
  formFilled: boolean;
}

export function matchesFilter(p: FilterableParticipant, f: ParticipantFilter): boolean {
  if (f.role && p.role !== f.role) return false;
  if (f.status && p.status !== f.status) return false;
  // Declined mentors and those who left are not asked for a form any more.
  if (f.formMissing && (p.formFilled || p.status === "declined" || p.status === "left")) return false;
  return true;
}
