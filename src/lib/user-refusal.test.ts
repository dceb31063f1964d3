import { describe, expect, it } from 'vitest';
import { isNotAUser, refusalOf } from './user-refusal.js';
import { USER_REFUSALS } from './vocabulary.js';

const user = (status: string, deleted_at: string | null = null) => ({ status, deleted_at });

describe('refusalOf', () => {
  it('refuses nobody, then a deleted user, then a disabled one, with the contract’s words', () => {
    expect(refusalOf(undefined)).toBe('user not found');
    expect(refusalOf(null)).toBe('user not found');
    expect(refusalOf(user('DELETED', '2026-01-01T00:00:00.000Z'))).toBe('user is deleted');
    // Deleted wins over disabled: the user is gone whatever its status was.
    expect(refusalOf(user('DISABLED', '2026-01-01T00:00:00.000Z'))).toBe('user is deleted');
    expect(refusalOf(user('DISABLED'))).toBe('user is disabled');
    expect(refusalOf(user('ENABLED'))).toBeUndefined();
  });

  it('counts every refusal but a disabled user’s as naming nobody who could be a member', () => {
    expect(USER_REFUSALS.filter(isNotAUser)).toEqual([
      'invalid user id',
      'user not found',
      'user is deleted',
    ]);
    expect(isNotAUser(undefined)).toBe(false);
  });
});
