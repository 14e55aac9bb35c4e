/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
const MAX_LENGTH = 31;

export function safeSheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "") || "Sheet";
  const lowerTaken = new Set([...taken].map((t) => t.toLowerCase()));
  let candidate = cleaned.slice(0, MAX_LENGTH).trim();
  for (let n = 2; lowerTaken.has(candidate.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    candidate = cleaned.slice(0, MAX_LENGTH - suffix.length).trim() + suffix;
  }
  return candidate;
}

/** Makes the names of a list of sheets valid and unique, keeping their order. */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const safe = safeSheetName(name, taken);
    taken.add(safe);
    return safe;
  });
}
