/** Converts instants to wall-clock dates (UTC fields = local time) for the spreadsheet writers. */
import { localParts } from "../domain/time.js";

/** The local date and time of an instant in a time zone, as a Date whose UTC fields hold it. */
export function wallClock(instant: Date, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

/** A calendar date (e.g. a Postgres DATE read as UTC midnight) is kept as it is. */
export function calendarDate(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
