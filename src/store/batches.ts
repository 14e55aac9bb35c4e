/**
 * How the stores read "these ids" without a statement whose parameter list grows with the
 * data: Prisma writes `{ in: ids }` as one bind parameter per id (and its relation loads as
 * `IN (…every parent id…)`), and PostgreSQL takes at most 65,535 of them — a region's meetings
 * or pairs exceed that. Each statement gets at most IN_LIST_LIMIT values.
 */
export const IN_LIST_LIMIT = 1000;

/** The query run once per slice of `values` (duplicates dropped), the rows of every slice together. */
export async function inBatches<V, R>(values: Iterable<V>, query: (slice: V[]) => Promise<R[]>, size = IN_LIST_LIMIT): Promise<R[]> {
  const unique = [...new Set(values)];
  const rows: R[] = [];
  for (let i = 0; i < unique.length; i += size) rows.push(...(await query(unique.slice(i, i + size))));
  return rows;
}

/** A count over these values, summed over the slices (the values must not overlap in what they count). */
export async function countInBatches<V>(values: Iterable<V>, count: (slice: V[]) => Promise<number>, size = IN_LIST_LIMIT): Promise<number> {
  let total = 0;
  for (const n of await inBatches(values, async (slice) => [await count(slice)], size)) total += n;
  return total;
}
