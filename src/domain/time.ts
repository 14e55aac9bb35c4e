/** Calendar arithmetic in an organisation's timezone (Russia spans eleven). Pure, Intl-based. */

export const DEFAULT_TIMEZONE = "Europe/Moscow";

export function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 1 = Monday … 7 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localParts(instant: Date, tz: string): LocalParts {
  const parts = Object.fromEntries(formatter(tz).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday as string] ?? 1,
  };
}

/*
 * Dates as text: one function per format. Stored dates, keys and the dates typed into flows
 * are ISO (YYYY-MM-DD); a date shown to a person is DD.MM.YYYY, taken in the organisation's
 * zone when it is an instant.
 */

const two = (n: number): string => String(n).padStart(2, "0");

const dayCache = new Map<string, { minute: number; date: string }>();

/** YYYY-MM-DD of the instant in the zone (asked on every message, so remembered per minute). */
export function localDate(instant: Date, tz: string): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  const cached = dayCache.get(tz);
  if (cached && cached.minute === minute) return cached.date;
  const p = localParts(instant, tz);
  const date = `${p.year}-${two(p.month)}-${two(p.day)}`;
  if (dayCache.size > 100) dayCache.clear();
  dayCache.set(tz, { minute, date });
  return date;
}

/**
 * YYYY-MM-DD of the date's UTC fields: a calendar date (a Postgres DATE is read as UTC
 * midnight), a wall-clock Date of the spreadsheets, or the UTC day of an instant in a key.
 * Never for an instant shown to a person: that is localDate or formatDate in their zone.
 */
export function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return utcDate(new Date(Date.UTC(y, m - 1, d + n)));
}

/** DD.MM.YYYY of the instant in the zone: a date shown to a person. */
export function formatDate(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${two(p.day)}.${two(p.month)}.${p.year}`;
}

/** HH:MM (24-hour) of the instant in the zone. */
export function formatTime(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** DD.MM.YYYY HH:MM of the instant in the zone. */
export function formatDateTime(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${two(p.day)}.${two(p.month)}.${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/** DD.MM of the instant in the zone (the days of a chart or a list within one year). */
export function formatDayMonth(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${two(p.day)}.${two(p.month)}`;
}

/** DD.MM.YYYY of a calendar date given as YYYY-MM-DD (no zone: it is already a day). */
export function formatIsoDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}

/** MM.YYYY of a month given as YYYY-MM. */
export function formatIsoMonth(month: string): string {
  const [y, m] = month.split("-");
  return `${m}.${y}`;
}

/** The instant at which the wall clock in tz shows the given local date and time. */
export function zonedTime(date: string, hour: number, minute: number, tz: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  let guess = Date.UTC(y, m - 1, d, hour, minute);
  // Two corrections settle any fixed or historical offset.
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), tz);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += Date.UTC(y, m - 1, d, hour, minute) - shown;
  }
  return new Date(guess);
}
