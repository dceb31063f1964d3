import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.js';

describe('KSUIDs', () => {
  it('are 27 base62 characters', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(isId(id)).toBe(true);
    expect(isId('short')).toBe(false);
    expect(isId(`${id.slice(0, 26)}-`)).toBe(false);
  });

  it('sort by creation, also many within one second', () => {
    const at = Date.now();
    const ids = Array.from({ length: 10_000 }, () => newId(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const later = newId(at + 2000);
    expect(later > (ids[ids.length - 1] as string)).toBe(true);
  });
});
