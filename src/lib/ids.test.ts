import { describe, expect, it } from 'vitest';
import { encodeKsuid, isId, newId } from './ids.js';

describe('KSUIDs', () => {
  it('are 27 base62 characters', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(isId(id)).toBe(true);
    expect(isId('short')).toBe(false);
    expect(isId(`${id.slice(0, 26)}-`)).toBe(false);
  });

  it('encode as the KSUID reference does', () => {
    // The example of the KSUID specification: timestamp 107608047, payload B5A1CD34B5F99D1154FB6853345C9735.
    const bytes = Buffer.from(
      `${(107608047).toString(16).padStart(8, '0')}B5A1CD34B5F99D1154FB6853345C9735`,
      'hex',
    );
    expect(encodeKsuid(bytes)).toBe('0ujtsYcgvSTl8PAuAdqWYSMnLOv');
    expect(encodeKsuid(new Uint8Array(20).fill(0xff))).toBe('aWgEPTl1tmebfsQzFP4bxwgy80V');
    expect(encodeKsuid(new Uint8Array(20))).toBe('0'.repeat(27));
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
