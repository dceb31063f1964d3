import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Listing, Page } from '../api/listing';
import type { Pager } from './DataTable';

/**
 * Keyset pages from the server (CONTRACT.md §7.3): the tokens seen so far, so "previous" goes back
 * without refetching from the start. A change of the listing's key starts again at page 1.
 */
export function useKeysetPages<P extends Page<unknown>>(listing: Listing<P>) {
  const [tokens, setTokens] = useState<string[]>(['']);
  const keyText = JSON.stringify(listing.key);
  const [forKey, setForKey] = useState(keyText);
  let current = tokens;
  if (forKey !== keyText) {
    setForKey(keyText);
    setTokens(['']);
    current = [''];
  }
  const token = current[current.length - 1] ?? '';
  const query = useQuery(listing.page(token));
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
