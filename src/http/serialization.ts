import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;

/**
 * Fastify's own response serializers (fast-json-stringify, from each route's response schema),
 * compiled when a route first answers with that status instead of for every route at start-up:
 * compiling them all cost a fifth of start-up CPU and kept generated code in memory for routes a
 * server may never serve. Each is still compiled once and reused.
 */
export function serializersCompiledOnFirstUse(): SerializerFactory {
  const build = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined;
      return (doc) => {
        serialize ??= compile(route);
        return serialize(doc);
      };
    };
  };
}
