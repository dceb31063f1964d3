import type { Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './schema.js';

/**
 * The SQL texts of cached queries, each with a statement name of its own: on PostgreSQL they run
 * as named prepared statements, parsed and planned once per connection (see connect.ts). Only SQL
 * text is kept here, the same for every database; which connection prepared what is the driver's.
 */
export const preparedNames = new Map<string, string>();

/**
 * A query whose SQL is built and compiled once and then rerun with new values. Building and
 * compiling a Kysely query costs tens of microseconds of JavaScript, more than running a small
 * query on SQLite; a CPU profile of authenticated GETs showed it as the largest cost after the
 * database itself. The builder is called once with a marker in place of each argument; every
 * parameter of the compiled SQL that is a marker is replaced by the argument on each run, the
 * others (constants of the query) are kept. So each argument must reach the SQL as one bound
 * value, as in `where('id', '=', id)`, and must not shape the query (no `if (arg)` in the builder,
 * no lists whose length varies), and the builder must declare each argument (no defaults or rest).
 */
export function cachedQuery<A extends Array<string | number>, R>(
  build: (db: Executor, ...args: A) => Compilable<R>,
): {
  all(db: Executor, ...args: A): Promise<R[]>;
  first(db: Executor, ...args: A): Promise<R | undefined>;
} {
  // One compilation per dialect (SQL text and placeholders differ), keyed by the dialect's adapter class.
  const compiledFor = new Map<
    unknown,
    { slots: Array<number | { value: unknown }>; template: CompiledQuery<R> }
  >();
  const compile = (db: Executor) => {
    const markers = Array.from({ length: build.length - 1 }, (_, i) => `\u0000arg${i}\u0000`) as A;
    const query = build(db, ...markers).compile();
    const slots = query.parameters.map((value) => {
      const index = typeof value === 'string' ? markers.indexOf(value) : -1;
      return index >= 0 ? index : { value };
    });
    const unused = markers.filter((_, i) => !slots.includes(i));
    const embedded = query.parameters.some(
      (value) => typeof value === 'string' && !markers.includes(value) && value.includes('\u0000arg'),
    );
    if (unused.length > 0 || embedded) {
      throw new Error(`cachedQuery: each argument must be one bound value of the query: ${query.sql}`);
    }
    if (!preparedNames.has(query.sql)) preparedNames.set(query.sql, `roster_${preparedNames.size + 1}`);
    return { slots, template: query };
  };
  const run = async (db: Executor, args: A): Promise<R[]> => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = compiledFor.get(dialect);
    if (!compiled) {
      compiled = compile(db);
      compiledFor.set(dialect, compiled);
    }
    const parameters = compiled.slots.map((slot) => (typeof slot === 'number' ? args[slot] : slot.value));
    const result = await db.executeQuery<R>({ ...compiled.template, parameters });
    return result.rows;
  };
  return {
    all: (db, ...args) => run(db, args),
    first: async (db, ...args) => (await run(db, args))[0],
  };
}

/** The list sizes cachedListQuery compiles for: a list is padded up to the next of them. */
const LIST_SIZES = [1, 2, 4, 8, 16, 32, 64, 128];

/** The longest list cachedListQuery reads in one query. */
export const LARGEST_CACHED_LIST = LIST_SIZES[LIST_SIZES.length - 1] as number;

/**
 * As cachedQuery for a lookup by a list of values (`where('id', 'in', ids)`): one compilation per
 * list size of LIST_SIZES, the list padded to that size by repeating its last value, which matches
 * the same rows. Arguments after the list are bound as cachedQuery binds them. Longer lists are cut
 * into runs of the largest size, one query each, their rows in run order: a query that orders or
 * limits its rows across the list must not be given more than LARGEST_CACHED_LIST values.
 */
export function cachedListQuery<R, A extends Array<string | number> = []>(
  build: (db: Executor, values: readonly string[], ...args: A) => Compilable<R>,
): {
  all(db: Executor, values: readonly string[], ...args: A): Promise<R[]>;
} {
  // The arguments after the list, as the builder declares them (cachedQuery counts on its length).
  const extra = Math.max(0, build.length - 2);
  type Run = ReturnType<typeof cachedQuery<Array<string | number>, R>>;
  const bySize = new Map<number, Run>(
    LIST_SIZES.map((size) => [
      size,
      cachedQuery<Array<string | number>, R>(
        Object.defineProperty(
          (db: Executor, ...values: Array<string | number>) =>
            build(db, values.slice(0, size) as string[], ...(values.slice(size) as A)),
          'length',
          { value: size + extra + 1 },
        ),
      ),
    ]),
  );
  return {
    async all(db, values, ...args) {
      const rows: R[] = [];
      for (let i = 0; i < values.length; i += LARGEST_CACHED_LIST) {
        const run = values.slice(i, i + LARGEST_CACHED_LIST);
        const size = LIST_SIZES.find((s) => s >= run.length) as number;
        const padded = [...run, ...Array<string>(size - run.length).fill(run[run.length - 1] as string)];
        rows.push(...(await (bySize.get(size) as Run).all(db, ...padded, ...args)));
      }
      return rows;
    },
  };
}
