import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Pager } from './DataTable';

interface Page<T> {
  readonly list: T[];
  readonly nextPageToken: string;
}

/**
 * Keyset pages from the server (CONTRACT.md §7.3): the tokens seen so far, so "previous" goes back
 * without refetching from the start. A change of `key` starts again at page 1.
 */
export function useKeysetPages<T, P extends Page<T>>(
  key: unknown[],
  fetchPage: (token: string) => Promise<P>,
) {
  const [tokens, setTokens] = useState<string[]>(['']);
  const [forKey, setForKey] = useState(JSON.stringify(key));
  const keyText = JSON.stringify(key);
  let current = tokens;
  if (forKey !== keyText) {
    setForKey(keyText);
    setTokens(['']);
    current = [''];
  }
  const token = current[current.length - 1] ?? '';
  const query = useQuery({
    queryKey: [...key, 'page', token],
    queryFn: () => fetchPage(token),
    placeholderData: keepPreviousData,
  });
  const pager: Pager = {
    page: current.length,
    hasNext: Boolean(query.data?.nextPageToken),
    next: () => {
      const next = query.data?.nextPageToken;
      if (next) setTokens([...current, next]);
    },
    previous: () => setTokens(current.slice(0, -1)),
  };
  return { ...query, pager };
}

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
