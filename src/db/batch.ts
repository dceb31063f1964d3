/**
 * Splits rows for multi-row INSERTs so that no statement binds more parameters than the dialect
 * allows (`maxParameters` from the dialect's features).
 */
export function chunkRows<T extends object>(
  rows: readonly T[],
  maxParameters: number,
  maxRows = 5_000,
): T[][] {
  const first = rows[0];
  if (first === undefined) return [];
  const perRow = Math.max(1, Math.min(maxRows, Math.floor(maxParameters / Object.keys(first).length)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += perRow) chunks.push(rows.slice(i, i + perRow));
  return chunks;
}
