import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { checkText, decodeUtf8Body, parseQueryString } from './input-text.js';

const fieldOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.metadata.field : 'not an AppError';
  }
  return undefined;
};

describe('text at the edge', () => {
  it('names the first string holding a NUL or a lone surrogate, keys included', () => {
    expect(fieldOf(() => checkText({ a: ['ok', { b: 'x\u0000' }] }, 'body'))).toBe('body/a/1/b');
    expect(fieldOf(() => checkText({ a: 'x\udc00' }, 'body'))).toBe('body/a');
    expect(fieldOf(() => checkText({ 'k\u0000': 1 }, 'body'))).toBe('body/k\u0000');
    expect(fieldOf(() => checkText({ a: ['🚀', 'é'], n: 1, z: null }, 'body'))).toBeUndefined();
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(fieldOf(() => checkText(deep, 'body'))).toMatch(/^body(\/0)+$/);
  });

  it('decodes UTF-8 bodies strictly', () => {
    expect(decodeUtf8Body(Buffer.from('{"a":"é🚀"}'))).toBe('{"a":"é🚀"}');
    expect(fieldOf(() => decodeUtf8Body(Buffer.from([0x22, 0xff, 0x22])))).toBe('body');
  });

  it('parses query strings as forms, repeated names as lists, without a prototype', () => {
    const query = parseQueryString('a=1&b=x+y&b=%C3%A9&c&__proto__=z');
    expect({ ...query }).toEqual({ a: '1', b: ['x y', 'é'], c: '', ['__proto__']: 'z' });
    expect(Object.getPrototypeOf(query)).toBeNull();
  });
});
