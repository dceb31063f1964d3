import type { Db } from '../../db/schema.js';
import { keysetPage, type Page, type PageRequest } from '../../http/pagination.js';
import type { Clock } from '../../lib/clock.js';
import {
  listRequestableEntitlements,
  type RequestableEntitlementRow,
} from './requestable-entitlements.repository.js';

export interface RequestableQuery extends PageRequest {
  readonly query?: string | null | undefined;
  readonly appId?: string | null | undefined;
}

/** What a person may ask for themself, for everyone who may ask (`tasks:self`, CONTRACT.md §7.26). */
export function createRequestableEntitlementsService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    list(userId: string, request: RequestableQuery): Promise<Page<RequestableEntitlementRow>> {
      const now = clock.now().toISOString();
      return keysetPage(request, (afterId, limit) =>
        listRequestableEntitlements(db, {
          userId,
          now,
          query: request.query || undefined,
          appId: request.appId || undefined,
          afterId,
          limit,
        }),
      );
    },
  };
}

export type RequestableEntitlementsService = ReturnType<typeof createRequestableEntitlementsService>;
