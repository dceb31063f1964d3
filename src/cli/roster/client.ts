import type { Client } from 'openapi-fetch';
import createClient from 'openapi-fetch';
import type { paths } from '../../api-types/schema.js';
import { CliError, EXIT } from './exit-codes.js';
import { cachedToken, cacheToken, forgetToken, type Profile } from './profiles.js';

export type { paths };

type Method = 'get' | 'put' | 'post' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<Op> = Op extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

/** The JSON body of an operation's 200 answer, as /openapi.json describes it. */
export type Answer<P extends keyof paths, M extends Method> = Json<Operation<P, M>>;
/** The JSON request body of an operation. */
type RequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type Params<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: infer X } ? X : never;

/** A page of a list or search: the items, and the token of the next page ("" after the last). */
interface PageOf<I> {
  list: I[];
  nextPageToken: string;
}

/** The GET lists paged by `page_size` and `page_token` (CONTRACT.md §1, Pagination). */
type ListPath = {
  [P in keyof paths]-?: Answer<P, 'get'> extends PageOf<unknown>
    ? Params<P, 'get'> extends { query?: { page_token?: string } }
      ? P
      : never
    : never;
}[keyof paths];
/** The POST searches paged by `pageSize` and `pageToken` in the body. */
type SearchPath = {
  [P in keyof paths]-?: Answer<P, 'post'> extends PageOf<unknown>
    ? RequestBody<P, 'post'> extends { pageToken?: string | null }
      ? P
      : never
    : never;
}[keyof paths];

type ListQuery<P extends ListPath> = Params<P, 'get'> extends { query?: infer Q } ? NonNullable<Q> : never;
type ListParams<P extends ListPath> = Omit<Params<P, 'get'>, 'query' | 'header' | 'cookie'> & {
  query?: Omit<ListQuery<P>, 'page_size' | 'page_token'>;
};
type SearchBody<P extends SearchPath> = Omit<RequestBody<P, 'post'>, 'pageSize' | 'pageToken'>;

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

type TokenOperation = paths['/auth/v1/token']['post']['responses'];
type TokenAnswer = Partial<TokenOperation[200]['content']['application/json']> &
  Partial<TokenOperation['4XX']['content']['application/json']>;

/** What an openapi-fetch call settles to. */
interface Settled<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

// Tokens are dropped this long before they expire, so one never lapses in flight.
const TOKEN_MARGIN_MS = 60_000;
const PAGE_SIZE = 100;

/**
 * A client of Roster's HTTP API, signed in with client credentials (CONTRACT.md §2). `api` calls
 * the API through the types generated from /openapi.json (src/api-types), as the console does;
 * every request it sends carries the access token, and a 401 signs in again once and resends.
 */
export class RosterClient {
  private token: string | undefined;
  readonly api: Client<paths>;

  constructor(readonly profile: Profile) {
    this.api = createClient<paths>({ baseUrl: profile.server, fetch: (request) => this.send(request) });
  }

  /** Fetches a new access token with `client_secret` in the form body and caches it. */
  async signIn(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.profile.clientId,
      client_secret: this.profile.clientSecret,
    });
    const response = await this.fetch(
      new Request(`${this.profile.server}/auth/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      }),
    );
    const body = (await response.json().catch(() => ({}))) as TokenAnswer;
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

  private async fetch(request: Request): Promise<Response> {
    try {
      return await fetch(request);
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new CliError(`cannot reach ${this.profile.server}${cause}`, EXIT.ERROR);
    }
  }

  /**
   * Sends one request of `api` with the access token. A cached token may have been revoked or
   * issued by a reset server: on a 401 it signs in again once and resends a copy of the request.
   */
  private async send(request: Request): Promise<Response> {
    const retry = request.clone();
    const response = await this.sendSigned(request);
    if (response.status !== 401) {
      await retry.body?.cancel();
      return response;
    }
    await response.body?.cancel();
    this.token = undefined;
    await forgetToken(this.profile);
    await this.signIn();
    return this.sendSigned(retry);
  }

  private async sendSigned(request: Request): Promise<Response> {
    if (!request.headers.has('accept')) request.headers.set('accept', 'application/json');
    request.headers.set('authorization', `Bearer ${await this.accessToken()}`);
    return this.fetch(request);
  }

  /**
   * The answer of an `api` call. Success is exactly HTTP 200 (CONTRACT.md §1); anything else
   * throws an ApiError with the API's message and reason, and the exit code its status maps to.
   */
  async call<T>(pending: Promise<Settled<T>>): Promise<T> {
    const { data, error, response } = await pending;
    if (response.status !== 200) throw toApiError(response, error);
    return data as T;
  }

  /**
   * A GET whose answer is read as it arrives (a download), for routes the generated types do not
   * describe as JSON. Anything but 200 throws the API's error, as `call` does.
   */
  async download(path: string, accept: string): Promise<Response> {
    const response = await this.send(
      new Request(`${this.profile.server.replace(/\/+$/, '')}${path}`, { headers: { accept } }),
    );
    if (response.status === 200) return response;
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    throw toApiError(response, body);
  }

  /** Every page of a GET list (`page_size`, `page_token`), one request a page. */
  private async *listPages<P extends ListPath>(
    path: P,
    params: ListParams<P>,
  ): AsyncGenerator<Answer<P, 'get'>> {
    let pageToken = '';
    do {
      const query = {
        ...params.query,
        page_size: PAGE_SIZE,
        ...(pageToken ? { page_token: pageToken } : {}),
      };
      // One method for every list: ListParams checked the parameters against the path.
      const answer = await this.call(this.api.GET(path, { params: { ...params, query } } as never));
      const page = answer as Answer<P, 'get'> & PageOf<unknown>;
      yield page;
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  /** Every item of a GET list, page after page. */
  async *list<P extends ListPath>(
    path: P,
    ...params: Params<P, 'get'> extends { path: object } ? [ListParams<P>] : [ListParams<P>?]
  ): AsyncGenerator<Answer<P, 'get'>['list'][number]> {
    for await (const page of this.listPages(path, params[0] ?? ({} as ListParams<P>))) yield* page.list;
  }

  /** Every page of a POST search (`pageSize`, `pageToken` in the body), one request a page. */
  async *searchPages<P extends SearchPath>(path: P, body: SearchBody<P>): AsyncGenerator<Answer<P, 'post'>> {
    let pageToken = '';
    do {
      const paged = { ...body, pageSize: PAGE_SIZE, ...(pageToken ? { pageToken } : {}) };
      // One method for every search: SearchBody checked the body against the path.
      const answer = await this.call(this.api.POST(path, { body: paged } as never));
      const page = answer as Answer<P, 'post'> & PageOf<unknown>;
      yield page;
      pageToken = page.nextPageToken;
    } while (pageToken);
  }

  /** Every item of a POST search, page after page. */
  async *search<P extends SearchPath>(
    path: P,
    body: SearchBody<P>,
  ): AsyncGenerator<Answer<P, 'post'>['list'][number]> {
    for await (const page of this.searchPages(path, body)) yield* page.list;
  }
}

/** The API's error envelope (CONTRACT.md §7.1, every operation's `default` answer). */
type ErrorEnvelope = paths['/api/v1/apps']['get']['responses']['default']['content']['application/json'];
/** An error body as it came: the API's envelope, or the token endpoint's (RFC 6749 §5.2). */
type ErrorBody = Partial<ErrorEnvelope> & Partial<TokenOperation['4XX']['content']['application/json']>;

function toApiError(response: Response, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const b = body as ErrorBody;
    return new ApiError(
      response.status,
      b.message ?? b.error_description ?? JSON.stringify(body),
      b.details?.[0]?.reason ?? b.error ?? '',
    );
  }
  // Not the API's error envelope (a proxy's page, say): the text itself is the best message.
  const text = typeof body === 'string' ? body.trim() : '';
  return new ApiError(response.status, text || response.statusText, '');
}
