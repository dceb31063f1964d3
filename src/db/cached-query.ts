import type { Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './schema.js';

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
export function cachedQuery<A extends string[], R>(
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
