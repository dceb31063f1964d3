import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/** A number in a query string or path is written in decimal; ajv's coercion would also take `0x10`. */
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
}

const isNumeric = (node: SchemaNode): boolean =>
  [node.type].flat().some((type) => type === 'integer' || type === 'number') ||
  (node.anyOf ?? []).some(isNumeric);

/**
 * Query strings and path parameters arrive as text and ajv coerces them, with JavaScript's rules:
 * `page_size=0x10` would be 16 and `1e1` 10. Numeric fields must be plain decimals first.
 */
function decimalNumbersOnly(schema: SchemaNode, validate: ValidateFunction): ValidateFunction {
  const numeric = Object.entries(schema.properties ?? {})
    .filter(([, node]) => isNumeric(node))
    .map(([name]) => name);
  if (numeric.length === 0) return validate;
  const strict = ((data: unknown) => {
    const fields = new Map(Object.entries(typeof data === 'object' && data !== null ? data : {}));
    for (const name of numeric) {
      const raw = fields.get(name);
      if (typeof raw === 'string' && !DECIMAL.test(raw)) {
        strict.errors = [
          {
            instancePath: `/${name}`,
            schemaPath: `#/properties/${name}`,
            keyword: 'type',
            params: {},
            message: 'must be a decimal number',
          },
        ];
        return false;
      }
    }
    const valid = validate(data);
    strict.errors = validate.errors;
    return valid;
  }) as ValidateFunction;
  return strict;
}

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
    compiledOnFirstUse(() =>
      httpPart === 'body'
        ? forJson.compile(schema)
        : decimalNumbersOnly(schema as SchemaNode, forText.compile(schema)),
    ),
  );
}

/**
 * A validator compiled when its route is first called. Compiling every route's schemas up front
 * cost a quarter of start-up time and kept code and memory for routes a server may never serve; a
 * compile costs about a millisecond, once, on the first request of a route. Start-up still checks
 * every schema's strings (src/http/strings.ts); the test suite calls every route.
 */
function compiledOnFirstUse(compile: () => ValidateFunction): ValidateFunction {
  let validate: ValidateFunction | undefined;
  const onFirstUse = ((data: unknown) => {
    validate ??= compile();
    const valid = validate(data);
    onFirstUse.errors = validate.errors;
    return valid;
  }) as ValidateFunction;
  return onFirstUse;
}

const quoted = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * One sentence for a failed validation, naming the field. A value outside an enum fails every
 * branch of an `anyOf` of constants, and ajv reports each; the client needs the field and the
 * allowed values, once.
 */
export function describeValidation(
  errors: readonly ErrorObject[],
  context: string | undefined,
): { field: string; message: string } {
  const union = errors.find((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  // A union fails as a whole when one branch fails inside (`appRefs[0].id` too long makes the
  // nullable list "not null" too): the error inside is the one to report.
  const inside = union && errors.find((e) => e.instancePath.startsWith(`${union.instancePath}/`));
  const first = inside ?? union ?? errors[0];
  const field = `${context ?? 'body'}${first?.instancePath ?? ''}`;
  if (!first) return { field, message: `${field} is invalid` };
  const atField = errors.filter((e) => e.instancePath === first.instancePath && e !== first);
  // An enum schema fails with one `enum` error; a union of constants with one `const` per branch.
  const allowed = [first, ...atField].flatMap((e) =>
    e.keyword === 'const'
      ? [e.params.allowedValue]
      : e.keyword === 'enum'
        ? (e.params.allowedValues as unknown[])
        : [],
  );
  if (allowed.length > 0) {
    const nullable = atField.some((e) => e.keyword === 'type' && e.params.type === 'null');
    return {
      field,
      message: `${field} must be one of ${[...new Set(allowed)].map(quoted).join(', ')}${nullable ? ' or null' : ''}`,
    };
  }
  const types = atField.filter((e) => e.keyword === 'type').map((e) => String(e.params.type));
  if (first.keyword !== 'type' && types.length > 1) {
    return { field, message: `${field} must be ${[...new Set(types)].join(' or ')}` };
  }
  const own = first.keyword === 'anyOf' || first.keyword === 'oneOf' ? (atField[0] ?? first) : first;
  return { field, message: `${field} ${own.message ?? 'is invalid'}` };
}
