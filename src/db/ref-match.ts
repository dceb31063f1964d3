import type { ExpressionBuilder } from 'kysely';

export interface Ref {
  readonly id: string;
  readonly appId?: string | undefined;
}

/** `{appId, id}` references: the ID must match, and the app too when the reference names one. */
export function refsMatch<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  refs: readonly Ref[],
  idColumn: string,
  appColumn: string,
) {
  const ref = eb.ref as (c: string) => Parameters<typeof eb>[0];
  return eb.or(
    refs.map((r) =>
      r.appId
        ? eb.and([eb(ref(idColumn), '=', r.id), eb(ref(appColumn), '=', r.appId)])
        : eb(ref(idColumn), '=', r.id),
    ),
  );
}
