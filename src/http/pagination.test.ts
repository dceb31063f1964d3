import { describe, expect, it } from 'vitest';
import { decodeCursor, decodePageToken, encodeCursor, encodePageToken, keysetPage } from './pagination.js';

const rows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: `id${String(from + i).padStart(3, '0')}` }));

describe('keysetPage', () => {
  it('reads one row more than the page and hands out the last item as the next token', async () => {
    const asked: Array<[string | undefined, number]> = [];
    const page = await keysetPage({ pageSize: 10 }, async (afterId, limit) => {
      asked.push([afterId, limit]);
      return rows(limit);
    });
    expect(asked).toEqual([[undefined, 11]]);
    expect(page.items).toEqual(rows(10));
    expect(decodePageToken(page.nextPageToken)).toBe('id009');

    const next = await keysetPage({ pageSize: 10, pageToken: page.nextPageToken }, async (afterId, limit) => {
      asked.push([afterId, limit]);
      return rows(3, 10);
    });
    expect(asked[1]).toEqual(['id009', 11]);
    expect(next).toEqual({ items: rows(3, 10), nextPageToken: '' });
  });

  it('ends the walk when exactly a page is left', async () => {
    expect(await keysetPage({ pageSize: 10 }, async () => rows(10))).toEqual({
      items: rows(10),
      nextPageToken: '',
    });
  });

  it('refuses a token it did not issue before reading anything', () => {
    let read = false;
    expect(() =>
      keysetPage({ pageToken: 'not-a-token' }, async () => {
        read = true;
        return [];
      }),
    ).toThrow('page token is not one Roster issued');
    expect(read).toBe(false);
  });

  it('refuses a token whose decoded text would be refused as input: NUL, not UTF-8, lone surrogate', () => {
    const forged = (prefix: string, bytes: string | Buffer) =>
      prefix + Buffer.from(bytes).toString('base64url');
    for (const token of [
      'k1.AA',
      forged('k1.', 'id\u0000'),
      forged('k1.', Buffer.from([0x69, 0xed, 0xa0, 0x80])),
      forged('k1.', Buffer.from([0xff])),
    ]) {
      expect(() => decodePageToken(token), token).toThrow('page token is not one Roster issued');
    }
    for (const token of [
      forged('k2.', '["\\u0000"]'),
      forged('k2.', '["\\ud800"]'),
      forged('k2.', Buffer.from([0x5b, 0xff, 0x5d])),
    ]) {
      expect(() => decodeCursor(token, 1), token).toThrow('page token is not one Roster issued');
    }
    expect(decodePageToken(encodePageToken('idé😀'))).toBe('idé😀');
    expect(decodeCursor(encodeCursor(['42']), 1)).toEqual(['42']);
  });
});
