import type { FastifyReply, FastifyRequest } from 'fastify';
import { httpStatusOf, toAppError } from '../../http/errors.js';
import type { AppError } from '../../lib/errors.js';

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_CONTENT_TYPE = 'application/scim+json';

/** RFC 7644 §3.12, Table 9. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** An error in the SCIM error schema (RFC 7644 §3.12): the SCIM routes' one error type. */
export class ScimError extends Error {
  override readonly name = 'ScimError';
  constructor(
    readonly status: number,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
  }
}

export const invalidValue = (message: string) => new ScimError(400, message, 'invalidValue');
export const invalidSyntax = (message: string) => new ScimError(400, message, 'invalidSyntax');
export const scimNotFound = (what: string, id: string) =>
  new ScimError(404, `${what} ${JSON.stringify(id)} not found`);

/** Roster's own errors, raised by the services SCIM shares, in SCIM's vocabulary. */
function fromAppError(error: AppError): ScimError {
  const status = httpStatusOf(error);
  switch (error.code) {
    case 'ALREADY_EXISTS':
      return new ScimError(409, error.message, 'uniqueness');
    case 'INVALID_ARGUMENT':
      return new ScimError(status, error.message, status === 400 ? 'invalidValue' : undefined);
    default:
      return new ScimError(status, error.message);
  }
}

export function scimErrorBody(error: ScimError) {
  return {
    schemas: [ERROR_SCHEMA],
    // RFC 7644 §3.12: the status is a string.
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.message,
  };
}

/** The SCIM scope's error handler: every failure leaves as a SCIM error, faults as a bare 500. */
export function sendScimError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  let scim: ScimError;
  if (error instanceof ScimError) scim = error;
  else {
    const appError = toAppError(error, request);
    if (appError?.reason === 'MALFORMED_JSON') scim = invalidSyntax('request body is not valid JSON');
    else if (appError?.reason === 'INVALID_REQUEST' && appError.metadata.field === 'querystring/filter')
      scim = new ScimError(400, appError.message, 'invalidFilter');
    else if (appError?.reason === 'INVALID_REQUEST' && appError.httpStatus === undefined)
      scim = invalidSyntax(appError.message);
    else if (appError) scim = fromAppError(appError);
    else {
      request.log.error({ err: error }, 'SCIM request failed');
      scim = new ScimError(500, 'internal error');
    }
  }
  return reply.code(scim.status).type(SCIM_CONTENT_TYPE).send(scimErrorBody(scim));
}
