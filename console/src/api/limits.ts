import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client';

export const limitsKeys = { all: ['limits'] as const };

/** What Roster takes in one request (GET /roster/v1/limits). */
export const limitsQueryOptions = () =>
  queryOptions({ queryKey: limitsKeys.all, queryFn: () => unwrap(api.GET('/roster/v1/limits')) });
