import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalidArgument, notFound } from '../../lib/errors.js';
import { findAppUserById } from '../app-users/index.js';
import type { SystemLog } from '../audit/index.js';
import { requireManualEntitlement } from '../catalog/index.js';
import { findLiveGrant, type GrantRow, setGrantDeprovisionAt } from './grants.repository.js';

export interface GrantDurationsDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
}

/** The largest protobuf Duration the add request accepts: about 100 years, far beyond any access. */
const MAX_DURATION_SECONDS = 100 * 366 * 24 * 3600;

/** "3600s" or "1.5s" (a protobuf Duration, CONTRACT.md §1) → milliseconds; undefined if malformed. */
export function parseDurationMs(duration: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,9}))?s$/.exec(duration);
  if (!match) return undefined;
  return Number(match[1]) * 1000 + Math.floor(Number(`0.${match[2] ?? '0'}`) * 1000);
}

const LATEST_TIMESTAMP_MS = Date.parse('9999-12-31T23:59:59.999Z');

export type GrantDurationsService = ReturnType<typeof createGrantDurationsService>;

export function createGrantDurationsService(deps: GrantDurationsDeps) {
  const { db, clock, systemLog } = deps;

  /** A future RFC 3339 time, normalised to how Roster stores timestamps (UTC, milliseconds). */
  function futureTime(value: string, field: string, now: Date): string {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      throw invalidArgument(`${field} must be an RFC 3339 timestamp`, 'INVALID_TIMESTAMP', { field });
    }
    if (ms <= now.getTime()) {
      throw invalidArgument(
        `${field} ${value} is not in the future; to end access now, remove the membership`,
        'DEPROVISION_AT_NOT_IN_FUTURE',
        { field, now: now.toISOString() },
      );
    }
    // Stored timestamps compare as text, which holds only for four-digit years (RFC 3339).
    if (ms > LATEST_TIMESTAMP_MS) {
      throw invalidArgument(`${field} must be before the year 10000`, 'TIMESTAMP_OUT_OF_RANGE', { field });
    }
    return new Date(ms).toISOString();
  }

  /**
   * The grant held now by the app user, or a 404: an expired grant is no longer held (the sweeper
   * will record its end), so it can be neither extended nor made permanent; add the user again.
   */
  async function requireHeldGrant(
    appId: string,
    entitlementId: string,
    appUserId: string,
    now: string,
  ): Promise<GrantRow> {
    await requireManualEntitlement(db, appId, entitlementId);
    const appUser = await findAppUserById(db, appUserId);
    if (!appUser || appUser.app_id !== appId) throw notFound('app user', appUserId);
    const grant = await findLiveGrant(db, entitlementId, appUserId);
    if (!grant || (grant.deprovision_at !== null && grant.deprovision_at <= now)) {
      throw notFound('grant of app user', appUserId);
    }
    return grant;
  }

  async function setDeprovisionAt(
    actor: Actor,
    appId: string,
    entitlementId: string,
    appUserId: string,
    next: (now: Date) => string | null,
  ): Promise<GrantRow> {
    const now = clock.now();
    const deprovisionAt = next(now);
    const grant = await requireHeldGrant(appId, entitlementId, appUserId, now.toISOString());
    const updated = await db.transaction().execute(async (trx) => {
      const row = await setGrantDeprovisionAt(trx, grant.id, deprovisionAt);
      if (!row) return undefined;
      await systemLog.record(trx, [
        {
          operation: 'grant.updated',
          activity: 'update',
          targetType: 'grant',
          targetId: row.id,
          actor,
          occurredAt: now,
          details: {
            appId,
            appEntitlementId: entitlementId,
            appUserId,
            previousDeprovisionAt: grant.deprovision_at,
            deprovisionAt,
          },
        },
      ]);
      return row;
    });
    // Revoked between the check and the update.
    if (!updated) throw notFound('grant of app user', appUserId);
    return updated;
  }

  return {
    /** UpdateGrantDuration: the held grant now ends at `newDeprovisionAt`, which must be in the future. */
    updateGrantDuration(
      actor: Actor,
      appId: string,
      entitlementId: string,
      appUserId: string,
      newDeprovisionAt: string | null | undefined,
    ): Promise<GrantRow> {
      return setDeprovisionAt(actor, appId, entitlementId, appUserId, (now) => {
        if (!newDeprovisionAt) {
          throw invalidArgument(
            'newDeprovisionAt is required; to make a grant permanent use remove-grant-duration',
            'DEPROVISION_AT_REQUIRED',
          );
        }
        return futureTime(newDeprovisionAt, 'newDeprovisionAt', now);
      });
    },

    /** RemoveGrantDuration: the held grant no longer expires. */
    removeGrantDuration(actor: Actor, appId: string, entitlementId: string, appUserId: string) {
      return setDeprovisionAt(actor, appId, entitlementId, appUserId, () => null);
    },

    /**
     * The expiry an add request asks for through Roster's extension fields (unknown to the SDKs):
     * `deprovisionAt` (RFC 3339) or `grantDuration` ("3600s" from now). Null when neither is given,
     * so the entitlement's own `durationGrant` applies.
     */
    requestedExpiry(body: { deprovisionAt?: string | null; grantDuration?: string | null }): string | null {
      const now = clock.now();
      if (body.deprovisionAt && body.grantDuration) {
        throw invalidArgument(
          'send either deprovisionAt or grantDuration, not both',
          'CONFLICTING_GRANT_EXPIRY',
        );
      }
      if (body.deprovisionAt) return futureTime(body.deprovisionAt, 'deprovisionAt', now);
      if (!body.grantDuration) return null;
      const ms = parseDurationMs(body.grantDuration);
      if (ms === undefined || ms <= 0 || ms > MAX_DURATION_SECONDS * 1000) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `grantDuration must be a positive duration in seconds such as "3600s", at most ${MAX_DURATION_SECONDS}s`,
          'INVALID_GRANT_DURATION',
          { grantDuration: body.grantDuration },
        );
      }
      return new Date(now.getTime() + ms).toISOString();
    },
  };
}
