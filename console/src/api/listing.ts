import { keepPreviousData, queryOptions } from '@tanstack/react-query';

/** One keyset page of a listing (CONTRACT.md §7.3). */
export interface Page<T> {
  readonly list: T[];
  readonly nextPageToken: string;
}

/**
 * A listing read a keyset page at a time: the key that names it (a change of key starts again at
 * page 1) and the query of the page a token starts.
 */
export function listing<P extends Page<unknown>>(
  key: readonly unknown[],
  fetchPage: (token: string) => Promise<P>,
) {
  return {
    key,
    page: (token: string) =>
      queryOptions({
        queryKey: [...key, 'page', token],
        queryFn: () => fetchPage(token),
        placeholderData: keepPreviousData,
      }),
  };
}

export type Listing<P extends Page<unknown>> = ReturnType<typeof listing<P>>;

/** Every page of a listing, for exports and reviews. */
export async function allPages<T>(
  fetchPage: (token: string) => Promise<Page<T>>,
  limit = 1_000_000,
): Promise<T[]> {
  const rows: T[] = [];
  let token = '';
  do {
    const page = await fetchPage(token);
    rows.push(...page.list);
    token = page.nextPageToken;
  } while (token && rows.length < limit);
  return rows;
}
