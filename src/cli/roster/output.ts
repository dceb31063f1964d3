import { once } from 'node:events';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { CliError, EXIT } from './exit-codes.js';

export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

export type Row = Record<string, string | number | boolean | null | undefined>;

export function parseFormat(value: string | undefined): OutputFormat {
  const format = value ?? 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}`, EXIT.USAGE);
  }
  return format as OutputFormat;
}

/** Writes to stdout, waiting when the pipe is full so a long listing never piles up in memory. */
export async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

const cell = (value: Row[string]) => (value === null || value === undefined ? '' : String(value));

/**
 * Prints rows as they come: JSON as one array, CSV with a header line, and on a terminal a table
 * (which needs every row before it can size its columns).
 */
export async function printRows(
  rows: AsyncIterable<Row> | Iterable<Row>,
  columns: readonly string[],
  format: OutputFormat,
): Promise<number> {
  let count = 0;
  if (format === 'table') {
    const table = new Table({ head: [...columns], style: { head: [], border: [] } });
    for await (const row of rows) {
      table.push(columns.map((c) => cell(row[c])));
      count++;
    }
    if (count > 0) await write(`${table.toString()}\n`);
    else process.stderr.write('(none)\n');
    return count;
  }
  if (format === 'csv') await write(stringify([columns as string[]]));
  else await write('[');
  for await (const row of rows) {
    if (format === 'csv') {
      await write(stringify([columns.map((c) => cell(row[c]))]));
    } else {
      const picked = Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
      await write(`${count === 0 ? '\n' : ',\n'}  ${JSON.stringify(picked)}`);
    }
    count++;
  }
  if (format === 'json') await write(count === 0 ? ']\n' : '\n]\n');
  return count;
}

/** Prints one object: JSON as it came from the API, else one row of the given fields. */
export async function printObject(object: unknown, fields: Row, format: OutputFormat): Promise<void> {
  if (format === 'json') {
    await write(`${JSON.stringify(object, null, 2)}\n`);
  } else if (format === 'csv') {
    await printRows([fields], Object.keys(fields), 'csv');
  } else {
    const table = new Table({ style: { head: [], border: [] } });
    for (const [key, value] of Object.entries(fields)) table.push({ [key]: cell(value) });
    await write(`${table.toString()}\n`);
  }
}

/** A line for people (to stderr, so stdout stays clean for pipes). */
export const note = (text: string) => process.stderr.write(`${text}\n`);
