/** Stable Russian ordering of report rows; unknown districts go last. */
const collator = new Intl.Collator("ru", { sensitivity: "base", numeric: true });

export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return collator.compare(a, b);
}

export function compareBy<T>(...keys: ((row: T) => string | null)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const c = compareText(key(a), key(b));
      if (c !== 0) return c;
    }
    return 0;
  };
}
