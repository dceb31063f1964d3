import createClient from 'openapi-fetch';
import type { components, paths } from '../../../src/api-types/schema';

export type { components, paths };

/** The CSRF token of the session, sent on every change (the server refuses changes without it). */
let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** Called when the server says the session is gone, so the page returns to sign-in. */
let onSignedOut: () => void = () => {};
export const whenSignedOut = (callback: () => void) => {
  onSignedOut = callback;
};

/** Roster's API, typed from /openapi.json; the session cookie goes with every call. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use({
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
});

/** An error answered by the API (CONTRACT.md §7.1), with what the person can do about it. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string,
    readonly requestId: string,
  ) {
    super(message);
  }

  get advice(): string {
    // A refused sign-in's message says what to check; any other 401 is a session that ended.
    if (this.status === 401)
      return this.reason === 'SIGN_IN_REFUSED'
        ? 'Check both and try again.'
        : 'Your session has ended. Sign in again.';
    if (this.status === 403) return 'Your roles do not allow this. Ask a Super Admin if you need it.';
    if (this.status === 404) return 'It may have been deleted meanwhile. Go back and reload the list.';
    if (this.status === 409 || this.status === 412)
      return 'Someone changed this at the same time. Reload and try again.';
    if (this.status === 429) return 'Too many attempts. Wait a minute, then try again.';
    if (this.status === 413) return 'That is more than Roster takes in one request. Split it up.';
    if (this.status >= 500)
      return `Roster could not do this. Try again; if it keeps failing, give your administrator the request ID ${this.requestId}.`;
    return 'Correct the input and try again.';
  }
}

interface ErrorBody {
  message?: string;
  details?: { reason?: string; metadata?: Record<string, string> }[];
}

export function toApiError(response: Response, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const detail = b.details?.[0];
  return new ApiError(
    b.message ?? `${response.status} ${response.statusText}`,
    response.status,
    detail?.reason ?? '',
    detail?.metadata?.requestId ?? response.headers.get('x-request-id') ?? '',
  );
}

/** The data of an openapi-fetch call, or its error as an ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const apiError = toApiError(response, error);
    if (response.status === 401) onSignedOut();
    throw apiError;
  }
  // A 204 has no body; callers of such routes do not read the data.
  return data as T;
}
