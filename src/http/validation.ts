import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Request validation. Query strings and path parameters arrive as text, so their numbers and
 * booleans are coerced; JSON bodies are checked as sent: Fastify's default would turn
 * `"userIds": null` into `[""]` and `"displayName": 5` into `"5"`.
 */
export function useRequestValidation(app: FastifyInstance): void {
  const options: Options = {
    useDefaults: true,
    removeAdditional: true,
    addUsedSchema: false,
    // allErrors makes a crafted body cost more to reject; the first error is enough to report.
    allErrors: false,
  };
  const forText = new Ajv({ ...options, coerceTypes: true });
  const forJson = new Ajv({ ...options, coerceTypes: false });
  for (const ajv of [forText, forJson]) addFormats.default(ajv);

  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? forJson.compile(schema) : forText.compile(schema),
  );
}
