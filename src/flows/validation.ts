import { z } from "zod";
import { addDays, formatIsoDate, utcDate } from "../domain/time.js";
import type { DateStep, NumberStep, TextRef, TextStep } from "./types.js";

/** zod schemas for typed answers; each failure carries the locale key that explains what is expected. */

// Control characters other than line breaks and tabs never belong in an answer, nor do the invisible
// formatting characters: zero-width spaces and joiners, bidirectional embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069), word joiners and invisible operators (U+2060–U+2064), the BOM.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;
/** Letters that show nothing: the Hangul fillers. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0]/g;

export function cleanText(raw: string): string {
  return raw.normalize("NFC").replace(CONTROL, "").replace(/\r\n?/g, "\n").replace(/[ \t]+\n/g, "\n").trim();
}

type Result<T> = { ok: true; value: T } | { ok: false; error: TextRef };

function fromZod<T>(schema: z.ZodType<T>, input: unknown): Result<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "flow-error-generic";
  const [key, argsJson] = message.split("|");
  return { ok: false, error: { key: key!, args: argsJson ? JSON.parse(argsJson) : undefined } };
}

const err = (key: string, args?: Record<string, string | number>) => (args ? `${key}|${JSON.stringify(args)}` : key);

/** A person's name shows at least one letter: not only blanks, marks, fillers or punctuation. */
export function hasVisibleLetter(text: string): boolean {
  return /\p{L}/u.test(text.replace(BLANK_LETTERS, ""));
}

export function textSchema(step: Pick<TextStep, "minLength" | "maxLength" | "kind">) {
  const min = step.minLength ?? 1;
  const clean = step.kind === "name" ? (s: string) => cleanText(s).replace(BLANK_LETTERS, "").replace(/\s+/g, " ").trim() : cleanText;
  return z
    .string()
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, err("flow-error-text-empty"))
        .min(min, err("flow-error-text-too-short", { min }))
        // Measured in UTF-16 units, as messengers and the stored answer count them (zod's max counts code points).
        .refine((s) => s.length <= step.maxLength, err("flow-error-text-too-long", { max: step.maxLength }))
        .refine((s) => step.kind !== "name" || hasVisibleLetter(s), err("flow-error-name-no-letters")),
    );
}

// Schemas are built once per step definition.
const textSchemas = new WeakMap<object, ReturnType<typeof textSchema>>();
const numberSchemas = new WeakMap<object, ReturnType<typeof numberSchema>>();

export function validateText(step: TextStep, raw: string): Result<string> {
  let schema = textSchemas.get(step);
  if (!schema) textSchemas.set(step, (schema = textSchema(step)));
  return fromZod(schema, raw);
}

export function numberSchema(step: Pick<NumberStep, "min" | "max">) {
  const bounds = { min: step.min, max: step.max };
  return z
    .string()
    .transform((s) => cleanText(s).replace(/\s+/g, ""))
    .pipe(z.string().regex(/^-?\d{1,9}$/, err("flow-error-number", bounds)))
    .transform(Number)
    .pipe(z.number().int().min(step.min, err("flow-error-number", bounds)).max(step.max, err("flow-error-number", bounds)));
}

export function validateNumber(step: NumberStep, raw: string): Result<number> {
  let schema = numberSchemas.get(step);
  if (!schema) numberSchemas.set(step, (schema = numberSchema(step)));
  return fromZod(schema, raw);
}

/** Dates are typed as ДД.ММ.ГГГГ (or ISO) and stored as YYYY-MM-DD. */
export function parseDate(raw: string): string | null {
  const s = cleanText(raw);
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (match) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2200) return null;
  return utcDate(date);
}

/** A date the step would accept, to show as an example: a week ahead, a week back, or today. */
export function exampleDate(step: Pick<DateStep, "notBeforeToday" | "notAfterToday">, today: string): string {
  const days = step.notBeforeToday ? 7 : step.notAfterToday ? -7 : 0;
  return formatIsoDate(addDays(today, days));
}

export function validateDate(step: DateStep, raw: string, today: string): Result<string> {
  return fromZod(
    z
      .string()
      .transform((s, ctx) => {
        const iso = parseDate(s);
        if (!iso) {
          ctx.addIssue({ code: "custom", message: err("flow-error-date", { example: exampleDate(step, today) }) });
          return z.NEVER;
        }
        return iso;
      })
      .refine((iso) => !step.notBeforeToday || iso >= today, err("flow-error-date-past"))
      .refine((iso) => !step.notAfterToday || iso <= today, err("flow-error-date-future")),
    raw,
  );
}
