import { AppError } from '../lib/errors.js';

/**
 * An RFC 3339 timestamp (any offset, 0–9 fraction digits) as the stored form, UTC with milliseconds,
 * rounded up to the next millisecond: stored times are whole milliseconds, so `t >= since` and
 * `t < until` keep their meaning exactly after rounding.
 */
export function toStoredTime(value: string, field: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(
    value.toUpperCase(),
  );
  const fraction = match?.[2] ?? '';
  const ms = match ? Date.parse(`${match[1]}.${fraction.padEnd(3, '0').slice(0, 3)}${match[3]}`) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `${field} must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z`,
      'INVALID_TIMESTAMP',
      { field },
    );
  }
  return new Date(ms + (/[1-9]/.test(fraction.slice(3)) ? 1 : 0)).toISOString();
}
