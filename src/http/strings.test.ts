import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { IdString, NameString, requireBoundedStrings, unboundedStrings } from './strings.js';

describe('bounded strings', () => {
  it('finds every string of a schema without a length bound, however deep', () => {
    const schema = Type.Object({
      id: IdString(),
      name: Type.Optional(Type.Union([NameString(), Type.Null()])),
      loose: Type.String(),
      refs: Type.Array(Type.Object({ id: Type.String() })),
      state: Type.Union([Type.Literal('A'), Type.Literal('B')]),
      kind: Type.Enum(['X', 'Y']),
    });
    expect(unboundedStrings(schema)).toEqual(['/properties/loose', '/properties/refs/items/properties/id']);
  });

  it('stops start-up when a route takes an unbounded string', async () => {
    const app = Fastify();
    requireBoundedStrings(app);
    expect(() =>
      app.post('/x', { schema: { querystring: Type.Object({ q: Type.String() }) } }, async () => ({})),
    ).toThrow(/POST \/x takes strings without maxLength in its querystring: \/properties\/q/);
    await app.close();
  });
});
