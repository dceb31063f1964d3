/**
 * A caller may pass its own request ID (x-request-id) to correlate its logs with ours. It ends up in
 * our logs, response headers, error bodies and system-log events, so only short IDs of safe
 * characters are kept; anything else is replaced by a fresh ID rather than refused.
 */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdFrom(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && WELL_FORMED.test(header) ? header : undefined;
}
