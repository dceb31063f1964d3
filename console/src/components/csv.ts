import Papa from 'papaparse';

/** Offers rows as a CSV download. */
export function downloadCsv(fileName: string, rows: readonly object[], columns?: string[]) {
  const csv = Papa.unparse(rows as object[], columns ? { columns } : undefined);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

const HEADER = /^(email|e-mail|user ?id|userid|user_id|id|user|person)$/i;

/**
 * The emails or user IDs in a CSV: the column headed email / user ID when there is a header,
 * else the first column.
 */
export function peopleFromCsv(text: string): string[] {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const rows = parsed.data;
  const first = rows[0] ?? [];
  const headed = first.findIndex((cell) => HEADER.test(cell.trim()));
  const column = Math.max(headed, 0);
  return rows
    .slice(headed >= 0 ? 1 : 0)
    .map((row) => (row[column] ?? '').trim())
    .filter((cell) => cell !== '');
}

export const formatTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
