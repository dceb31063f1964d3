import { describe, expect, it } from 'vitest';
import * as vocabulary from './vocabulary.js';

const lists: Array<[string, readonly string[]]> = Object.entries(vocabulary).filter(([, value]) =>
  Array.isArray(value),
);

describe('the vocabulary', () => {
  it('has lists to check', () => {
    expect(lists.map(([name]) => name)).toContain('SYSTEM_LOG_OPERATIONS');
  });

  it.each(lists)('%s names each word once', (_name, words) => {
    expect(words.filter((word, i) => words.indexOf(word) !== i)).toEqual([]);
  });
});
