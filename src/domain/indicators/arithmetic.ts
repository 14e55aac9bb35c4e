/** Small numeric helpers: no NaN ever leaves this module. */

/** part / whole × 100, or null when the whole is unknown or zero ("no data"). */
export function percentOf(part: number, whole: number | null): number | null {
  if (whole === null || whole === 0) return null;
  return (part * 100) / whole;
}

/** Validates a head count (Form 1 figure, number of programmes): a non-negative integer or null. */
export function headCount(value: number | null | undefined, what: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  return value;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}
