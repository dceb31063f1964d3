import { CliError, EXIT } from './exit-codes.js';
import { cachedToken, cacheToken, forgetToken, type Profile } from './profiles.js';

/** An error answer of the API (CONTRACT.md §7.1) or of the token endpoint (RFC 6749 §5.2). */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    message: string,
    readonly reason: string,
    exitCode: number = status === 401 || status === 403
      ? EXIT.AUTH
      : status >= 500
        ? EXIT.ERROR
        : EXIT.REFUSED,
  ) {
    super(`${message} (HTTP ${status}${reason ? `, ${reason}` : ''})`, exitCode);
    this.name = 'ApiError';
  }
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** A body sent as it is, with its own content type (a CSV upload). */
  raw?: { text: string; contentType: string };
  headers?: Record<string, string>;
}

// Tokens are dropped this long before they expire, so one never lapses in flight.
const TOKEN_MARGIN_MS = 60_000;
const PAGE_SIZE = 100;

/** A client of Roster's HTTP API, signed in with client credentials (CONTRACT.md §2). */
export class RosterClient {
  private token: string | undefined;

  constructor(readonly profile: Profile) {}

  /** Fetches a new access token with `client_secret` in the form body and caches it. */
  async signIn(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.profile.clientId,
      client_secret: this.profile.clientSecret,
    });
    const response = await this.fetch('/auth/v1/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (response.status !== 200 || !body.access_token) {
      // Any refusal of the token endpoint is a sign-in failure, whatever its status (RFC 6749 §5.2).
      const status = response.status === 200 ? 502 : response.status;
      throw new ApiError(
        status,
        `sign-in refused: ${body.error_description ?? body.error ?? 'no access token in the answer'}`,
        body.error ?? '',
        status >= 500 ? EXIT.ERROR : EXIT.AUTH,
      );
    }
    const expiresIn = (body.expires_in ?? 0) * 1000;
    this.token = body.access_token;
    if (expiresIn > TOKEN_MARGIN_MS) {
      await cacheToken(this.profile, {
        accessToken: body.access_token,
        expiresAt: Date.now() + expiresIn - TOKEN_MARGIN_MS,
      });
    }
    return body.access_token;
  }

  private async accessToken(): Promise<string> {
    if (this.token) return this.token;
    this.token = await cachedToken(this.profile, Date.now());
    return this.token ?? (await this.signIn());
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.profile.server}${path}`, init);
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new CliError(`cannot reach ${this.profile.server}${cause}`, EXIT.ERROR);
    }
  }

  /** Sends one request; a non-200 answer throws an ApiError with the API's message and reason. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await this.send(method, path, options);
    if (response.status !== 200) throw await toApiError(response);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  }

  /** Like request, but the answer body is returned as a stream (for NDJSON exports). */
  async stream(path: string, options: RequestOptions = {}): Promise<Response> {
    const response = await this.send('GET', path, options);
    if (response.status !== 200) throw await toApiError(response);
    return response;
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const url = new URL(path, 'http://placeholder');
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const target = `${url.pathname}${url.search}`;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        accept: 'application/json',
        authorization: `Bearer ${await this.accessToken()}`,
        ...options.headers,
      };
      let body: string | undefined;
      if (options.raw) {
        headers['content-type'] = options.raw.contentType;
        body = options.raw.text;
      } else if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.body);
      }
      const response = await this.fetch(target, { method, headers, ...(body === undefined ? {} : { body }) });
      // A cached token may have been revoked or issued by a reset server: sign in again once.
      if (response.status === 401 && attempt === 0) {
        await response.body?.cancel();
        this.token = undefined;
        await forgetToken(this.profile);
        await this.signIn();
        continue;
      }
      return response;
    }
  }

  get<T>(path: string, query?: RequestOptions['query']): Promise<T> {
    return this.request<T>('GET', path, query ? { query } : {}).then((r) => r.body);
  }

  post<T>(path: string, body: unknown = {}, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body }).then((r) => r.body);
  }

  delete<T>(path: string, body: unknown = {}, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('DELETE', path, { ...options, body }).then((r) => r.body);
  }

  /** Every item of a GET list, page after page (`page_size`, `page_token`). */
  async *list<T>(path: string, query: RequestOptions['query'] = {}): AsyncGenerator<T> {
    let pageToken = '';
    do {
      const page = await this.get<{ list?: T[]; nextPageToken?: string }>(path, {
        ...query,
        page_size: PAGE_SIZE,
        ...(pageToken ? { page_token: pageToken } : {}),
      });
      yield* page.list ?? [];
      pageToken = page.nextPageToken ?? '';
    } while (pageToken);
  }

  /** Every item of a POST search, page after page (`pageSize`, `pageToken` in the body). */
  async *search<T>(path: string, body: Record<string, unknown>): AsyncGenerator<T> {
    let pageToken = '';
    do {
      const page = await this.post<{ list?: T[]; nextPageToken?: string }>(path, {
        ...body,
        pageSize: PAGE_SIZE,
        ...(pageToken ? { pageToken } : {}),
      });
      yield* page.list ?? [];
      pageToken = page.nextPageToken ?? '';
    } while (pageToken);
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let message = text.trim() || response.statusText;
  let reason = '';
  try {
    const body = JSON.parse(text) as {
      message?: string;
      details?: { reason?: string }[];
      error?: string;
      error_description?: string;
    };
    message = body.message ?? body.error_description ?? message;
    reason = body.details?.[0]?.reason ?? body.error ?? '';
  } catch {
    // Not the API's error envelope (a proxy's page, say): the text itself is the best message.
  }
  return new ApiError(response.status, message, reason);
}

/** Path segments are percent-encoded: IDs are opaque (CONTRACT.md §1). */
export const seg = (value: string) => encodeURIComponent(value);
