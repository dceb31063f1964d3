import type { ScimPatchOperation } from 'scim-patch';
import { invalidSyntax, ScimError } from './scim.errors.js';
import { isObject } from './scim.schemas.js';
import { attribute } from './scim-user.resource.js';

/** Most operations one PATCH may carry. */
const MAX_OPERATIONS = 1_000;

/**
 * The operations of a PatchOp body (RFC 7644 §3.5.2), checked. `op` is matched ignoring case, since
 * Microsoft Entra sends "Add", "Replace" and "Remove".
 */
export function patchOperations(body: unknown): ScimPatchOperation[] {
  if (!isObject(body)) throw invalidSyntax('the request body must be a PatchOp message');
  const operations = attribute(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw invalidSyntax('Operations must be a non-empty array');
  }
  if (operations.length > MAX_OPERATIONS) {
    throw new ScimError(400, `at most ${MAX_OPERATIONS} operations per request`, 'tooMany');
  }
  return operations.map((raw, i): ScimPatchOperation => {
    if (!isObject(raw)) throw invalidSyntax(`Operations[${i}] must be an object`);
    const op = attribute(raw, 'op');
    const path = attribute(raw, 'path');
    const value = attribute(raw, 'value');
    if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) {
      throw new ScimError(400, `Operations[${i}].path must be a non-empty string`, 'invalidPath');
    }
    switch (typeof op === 'string' ? op.toLowerCase() : op) {
      case 'remove':
        if (path === undefined) throw new ScimError(400, `Operations[${i}]: remove needs a path`, 'noTarget');
        return value === undefined ? { op: 'remove', path } : { op: 'remove', path, value };
      case 'add':
      case 'replace': {
        const name = (op as string).toLowerCase() as 'add' | 'replace';
        if (value === undefined)
          throw new ScimError(400, `Operations[${i}]: ${name} needs a value`, 'invalidValue');
        if (path === undefined && !isObject(value)) {
          throw new ScimError(
            400,
            `Operations[${i}]: without a path the value must be an object`,
            'invalidValue',
          );
        }
        return path === undefined ? { op: name, value } : { op: name, path, value };
      }
      default:
        throw invalidSyntax(`Operations[${i}].op must be add, replace or remove`);
    }
  });
}
