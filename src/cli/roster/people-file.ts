import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { CliError, EXIT } from './exit-codes.js';

/** One line of a people file: its line number and the email or user ID it names. */
export interface PersonInput {
  readonly line: number;
  readonly input: string;
}

/** Column names taken to mean "this row is a header"; the first match names the column to read. */
const HEADER_NAMES = ['email', 'e-mail', 'mail', 'userid', 'user_id', 'user id', 'id', 'user', 'users'];

export const isEmail = (input: string) => input.includes('@');

export interface PeopleFileOptions {
  /** The column to read, by header name; without it a recognised header picks it, else column 1. */
  readonly column?: string | undefined;
}

interface Layout {
  readonly hasHeader: boolean;
  readonly index: number;
}

function layoutOf(first: string[], options: PeopleFileOptions): Layout {
  const names = first.map((cell) => cell.trim().toLowerCase());
  if (options.column) {
    const index = names.indexOf(options.column.trim().toLowerCase());
    if (index < 0) {
      throw new CliError(`the file's first line has no column "${options.column}"`, EXIT.USAGE);
    }
    return { hasHeader: true, index };
  }
  for (const name of HEADER_NAMES) {
    const index = names.indexOf(name);
    if (index >= 0) return { hasHeader: true, index };
  }
  return { hasHeader: false, index: 0 };
}

function openCsv(file: string) {
  const stream = createReadStream(file);
  const parser = stream.pipe(
    parse({ info: true, skip_empty_lines: true, relax_column_count: true, trim: true, bom: true }),
  );
  stream.on('error', (error) => parser.destroy(error));
  return { stream, parser };
}

function fileError(file: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`cannot read ${file}: ${message}`, EXIT.USAGE);
}

/**
 * Streams the people of a CSV file, one record at a time, so memory stays flat however long the
 * file is. Blank cells are skipped (they name nobody); line numbers are the file's own.
 */
export async function* readPeople(
  file: string,
  options: PeopleFileOptions = {},
): AsyncGenerator<PersonInput> {
  const { parser } = openCsv(file);
  let layout: Layout | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!layout) {
        layout = layoutOf(record, options);
        if (layout.hasHeader) continue;
      }
      const input = record[layout.index]?.trim() ?? '';
      if (input) yield { line: info.lines, input };
    }
  } catch (error) {
    throw fileError(file, error);
  }
}

export interface FileSummary {
  /** SHA-256 of the file's bytes: names the input in the run journal (journal.ts). */
  readonly sha256: string;
  readonly people: number;
}

/** Reads the file once to hash it and count its people, before anything is sent. */
export async function summarizeFile(file: string, options: PeopleFileOptions = {}): Promise<FileSummary> {
  const hash = createHash('sha256');
  const { stream, parser } = openCsv(file);
  stream.on('data', (chunk) => hash.update(chunk));
  let layout: Layout | undefined;
  let people = 0;
  try {
    for await (const { record } of parser as AsyncIterable<{ record: string[] }>) {
      if (!layout) {
        layout = layoutOf(record, options);
        if (layout.hasHeader) continue;
      }
      if (record[layout.index]?.trim()) people++;
    }
  } catch (error) {
    throw fileError(file, error);
  }
  return { sha256: hash.digest('hex'), people };
}

/** Groups a stream into arrays of at most `size`. */
export async function* chunksOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
