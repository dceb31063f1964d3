import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createUser, expectError } from '../fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../harness.js';
import { tableCounts } from '../identity-fixtures.js';

/**
 * What the edge refuses before a service sees it: text the databases cannot hold as sent, strings
 * longer than a field takes, numbers that are not decimals, malformed URLs and HTTP messages. Each
 * is a 4xx in the error envelope (CONTRACT.md §7.1) that changes nothing.
 */

/** Sends raw bytes and returns the response head and body; for requests inject() cannot make. */
function rawRequest(port: number, bytes: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const end = received.indexOf('\r\n\r\n');
      const head = received.slice(0, end);
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: received.slice(end + 4) });
    });
    socket.end(bytes);
  });
}

const INVALID_ARGUMENT = 3;

describe.each(DIALECTS)('the edge on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let entitlementId: string;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
    userId = (await createUser(t)).id;
  });
  afterAll(() => t.close());

  const csv = (text: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/roster/v1/users/import',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/csv' },
      payload: text,
    });
  const json = (method: 'POST' | 'GET', url: string, payload: string | Buffer) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      payload,
    });
  const answer = (response: { statusCode: number; body: string }) => ({
    status: response.statusCode,
    body: JSON.parse(response.body),
  });

  describe('update masks', () => {
    it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'to_string'])(
      'refuses the mask path %s with 400 naming it, and changes nothing',
      async (path) => {
        const before = await t.request('GET', `/api/v1/apps/${appId}`);
        for (const updateMask of [path, { paths: [path] }]) {
          const response = await t.request('POST', `/api/v1/apps/${appId}`, {
            app: { displayName: 'Renamed' },
            updateMask,
          });
          expect(response.status, JSON.stringify(response.body)).toBe(400);
          expect(response.body.details[0].reason).toBe('INVALID_UPDATE_MASK');
          expect(response.body.message).toContain('is not a field of App');
        }
        expect((await t.request('GET', `/api/v1/apps/${appId}`)).body).toEqual(before.body);
      },
    );
  });

  describe('NUL characters', () => {
    const cases: [string, () => Promise<{ status: number; body: any }>, string][] = [
      [
        'an app name',
        () => t.request('POST', '/api/v1/apps', { displayName: 'a\u0000b' }),
        'body/displayName',
      ],
      ['a search query', () => t.request('POST', '/api/v1/search/users', { query: 'a\u0000' }), 'body/query'],
      [
        'an email',
        () => t.request('POST', '/roster/v1/users', { displayName: 'N', email: 'n\u0000@example.test' }),
        'body/email',
      ],
      [
        'a JSON import',
        () =>
          t.request('POST', '/roster/v1/users/import', {
            users: [{ displayName: 'N', email: 'n@example.test', username: 'n\u0000' }],
          }),
        'body/users/0/username',
      ],
      [
        'a CSV import',
        async () => answer(await csv('displayName,email\nN\u0000,n@example.test\n')),
        'body/users/0/displayName',
      ],
      [
        'a system-log filter',
        () => t.request('POST', '/api/v1/systemlog/events', { sinceEventUid: '\u0000' }),
        'body/sinceEventUid',
      ],
      [
        'a header',
        () =>
          t.request(
            'POST',
            `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
            { userIds: [userId] },
            { headers: { 'idempotency-key': 'k\u0000' } },
          ),
        'headers/idempotency-key',
      ],
      ['a query parameter', () => t.request('GET', '/api/v1/apps?page_token=%00'), 'querystring/page_token'],
      ['a path parameter', () => t.request('GET', '/api/v1/users/a%00b'), 'params/id'],
      ['a JSON key', () => t.request('POST', '/api/v1/search/apps', { 'a\u0000': 1 }), 'body/a\u0000'],
    ];

    it.each(cases)('refuses one in %s with 400, and stores nothing', async (_, send, field) => {
      const before = await tableCounts(t);
      expectError(await send(), 400, INVALID_ARGUMENT, 'INVALID_TEXT', { field });
      expect(await tableCounts(t)).toEqual(before);
    });

    it('refuses one on the token endpoint in OAuth form', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/auth/v1/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'grant_type=client_credentials&client_id=a%00b&client_secret=x',
      });
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(response.body)).toEqual({
        error: 'invalid_request',
        error_description: expect.any(String),
      });
    });
  });

  describe('invalid Unicode', () => {
    it('refuses a lone surrogate in a JSON string, and stores nothing', async () => {
      const before = await tableCounts(t);
      const response = answer(await json('POST', '/api/v1/apps', '{"displayName": "x\\ud800y"}'));
      expectError(response, 400, INVALID_ARGUMENT, 'INVALID_TEXT', { field: 'body/displayName' });
      expect(await tableCounts(t)).toEqual(before);
    });

    it('refuses bytes that are not UTF-8 in JSON and CSV bodies', async () => {
      const before = await tableCounts(t);
      const bad = Buffer.concat([Buffer.from('{"displayName": "x'), Buffer.from([0xff]), Buffer.from('"}')]);
      expectError(answer(await json('POST', '/api/v1/apps', bad)), 400, INVALID_ARGUMENT, 'INVALID_TEXT', {
        field: 'body',
      });
      const badCsv = Buffer.concat([
        Buffer.from('displayName,email\nx'),
        Buffer.from([0xc0, 0x80]),
        Buffer.from(',x@e.test\n'),
      ]);
      expectError(answer(await csv(badCsv)), 400, INVALID_ARGUMENT, 'INVALID_TEXT', { field: 'body' });
      expect(await tableCounts(t)).toEqual(before);
    });

    it('refuses a query value that does not decode to UTF-8', async () => {
      for (const value of ['%ED%A0%80', '%FF', '%']) {
        expectError(
          await t.request('GET', `/roster/v1/bulk_actions?app_id=${value}`),
          400,
          INVALID_ARGUMENT,
          'INVALID_TEXT',
          { field: 'querystring' },
        );
      }
    });

    it('keeps characters outside the BMP exactly as sent', async () => {
      const name = 'Team 🚀 𝔘';
      const created = await t.request('POST', '/api/v1/apps', { displayName: name });
      expect(created.status).toBe(200);
      expect((await t.request('GET', `/api/v1/apps/${created.body.app.id}`)).body.app.displayName).toBe(name);
    });
  });

  describe('body limits', () => {
    /** A JSON body of exactly `bytes` bytes: `{"displayName":"xxx…"}`. */
    const sized = (bytes: number) => `{"displayName":"${'x'.repeat(bytes - 18)}"}`;

    it('answers 413 naming the limit in bytes and GET /roster/v1/limits, which publishes it', async () => {
      const limits = (await t.request('GET', '/roster/v1/limits')).body.limits;
      expect(limits.maxRequestBytes).toBe(1024 * 1024);
      expect(limits.maxImportRequestBytes).toBe(64 * 1024 * 1024);
      const before = await tableCounts(t);
      const targets = [
        // A normal route: the limit every route without its own has.
        { url: '/api/v1/apps', limit: limits.maxRequestBytes },
        // add-manual-user raises its own (ROSTER_MAX_ADD_REQUEST_BYTES).
        {
          url: `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
          limit: limits.maxAddRequestBytes,
        },
      ];
      for (const { url, limit } of targets) {
        const refused = answer(await json('POST', url, sized(limit + 1)));
        expectError(refused, 413, 8, 'REQUEST_TOO_LARGE', { limitBytes: String(limit) });
        expect(refused.body.message).toBe(
          `request body is larger than this route's limit of ${limit} bytes; GET /roster/v1/limits lists the limits`,
        );
      }
      expect(sized(limits.maxRequestBytes)).toHaveLength(limits.maxRequestBytes);
      // At the limit the body is read (and, here, refused by validation for its long name).
      expect(answer(await json('POST', '/api/v1/apps', sized(limits.maxRequestBytes))).status).toBe(400);
      expect(await tableCounts(t)).toEqual(before);
    });
  });

  describe('string lengths', () => {
    it('refuses a search query over its bound, up to the body limit, with 400 naming it', async () => {
      for (const length of [1_001, 1_000_000]) {
        expectError(
          await t.request('POST', '/api/v1/search/users', { query: 'a'.repeat(length) }),
          400,
          INVALID_ARGUMENT,
          'INVALID_REQUEST',
          { field: 'body/query' },
        );
      }
      expect((await t.request('POST', '/api/v1/search/users', { query: 'a'.repeat(1_000) })).status).toBe(
        200,
      );
    });

    it('refuses a grant-feed filter ID of half a megabyte', async () => {
      expectError(
        await t.request('POST', '/api/v1/grants/feed', { appRefs: [{ id: 'x'.repeat(512 * 1024) }] }),
        400,
        INVALID_ARGUMENT,
        'INVALID_REQUEST',
        { field: 'body/appRefs/0/id' },
      );
    });

    it('takes user IDs of up to 200 characters in paths and refuses longer ones', async () => {
      expectError(await t.request('GET', `/api/v1/users/${'u'.repeat(200)}`), 404, 5, 'USER_NOT_FOUND', {
        id: 'u'.repeat(200),
      });
      expectError(
        await t.request('GET', `/api/v1/users/${'u'.repeat(201)}`),
        400,
        INVALID_ARGUMENT,
        'PATH_PARAMETER_TOO_LONG',
      );
    });
  });

  describe('numbers and CSV', () => {
    it.each(['0x10', '1e1', ' 16', '16abc', '0b1'])('refuses page_size=%s', async (value) => {
      expectError(
        await t.request('GET', `/api/v1/apps?page_size=${encodeURIComponent(value)}`),
        400,
        INVALID_ARGUMENT,
        'INVALID_REQUEST',
        { field: 'querystring/page_size' },
      );
    });

    it('takes page_size=16', async () => {
      expect((await t.request('GET', '/api/v1/apps?page_size=16')).status).toBe(200);
    });

    it.each([
      ['no header', 'Alice,alice@example.test\n'],
      ['an unknown column', 'displayName,mail\nAlice,alice@example.test\n'],
      ['nothing at all', ''],
    ])('refuses a CSV import with %s, and stores nothing', async (_, text) => {
      const before = await tableCounts(t);
      const response = answer(await csv(text));
      expectError(response, 400, INVALID_ARGUMENT, 'MALFORMED_CSV');
      expect(response.body.message).toContain('header');
      expect(await tableCounts(t)).toEqual(before);
    });

    it('imports a CSV with its header', async () => {
      const response = answer(await csv('displayName,email\nCarol,carol@example.test\n'));
      expect(response.status).toBe(200);
      expect(response.body.userIds).toHaveLength(1);
    });
  });

  describe('validation messages', () => {
    it('names the field of a bad enum value and lists the allowed values once', async () => {
      const response = await t.request('GET', '/roster/v1/bulk_actions?state=COMPLETED');
      expectError(response, 400, INVALID_ARGUMENT, 'INVALID_REQUEST', { field: 'querystring/state' });
      const message: string = response.body.message;
      expect(message).toContain('querystring/state must be one of BULK_ACTION_STATE_PENDING,');
      expect(message.split('BULK_ACTION_STATE_SUCCEEDED')).toHaveLength(2);
      expect(message).not.toContain('constant');
    });

    it('lists a nullable enum body field with null', async () => {
      const response = await t.request('POST', '/api/v1/apps', {
        displayName: 'E',
        identityMatching: 'NOPE',
      });
      expectError(response, 400, INVALID_ARGUMENT, 'INVALID_REQUEST', { field: 'body/identityMatching' });
      expect(response.body.message).toContain('APP_USER_IDENTITY_MATCHING_STRICT');
      expect(response.body.message).toContain('or null');
    });
  });

  describe('malformed URLs and HTTP messages', () => {
    it.each(['%FF', '%C0%80', '%', '%E0%A4%A'])('answers a path with %s in the envelope', async (bad) => {
      expectError(await t.request('GET', `/api/v1/apps/${bad}`), 400, INVALID_ARGUMENT, 'MALFORMED_URL');
    });

    describe('over a socket', () => {
      let port: number;
      beforeAll(async () => {
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        const address = t.app.server.address();
        if (typeof address !== 'object' || address === null) throw new Error('not listening');
        port = address.port;
      });

      const expectEnvelope = (
        response: { status: number; headers: string; body: string },
        status: number,
        reason: string,
      ) => {
        expect(response.status, response.headers).toBe(status);
        expect(response.headers).toMatch(/content-type: application\/json/i);
        const body = JSON.parse(response.body);
        expect(body).toMatchObject({ code: INVALID_ARGUMENT, details: [{ reason, domain: 'roster' }] });
        expect(body.details[0].metadata.requestId).toEqual(expect.any(String));
      };

      it('answers Content-Length beside Transfer-Encoding in the envelope', async () => {
        const before = await tableCounts(t);
        const response = await rawRequest(
          port,
          'POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
            'Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        );
        expectEnvelope(response, 400, 'MALFORMED_HTTP_REQUEST');
        expect(await tableCounts(t)).toEqual(before);
      });

      it('answers a Content-Length that is not a number in the envelope', async () => {
        const response = await rawRequest(
          port,
          'POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n{}',
        );
        expectEnvelope(response, 400, 'MALFORMED_HTTP_REQUEST');
      });

      it('answers a body longer than its Content-Length in the envelope', async () => {
        // The bytes after the declared length are read as a second request, which is not HTTP.
        const response = await rawRequest(
          port,
          'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}garbage\r\n\r\n',
        );
        const second = response.body.slice(response.body.indexOf('HTTP/1.1'));
        const [head = '', body = ''] = second.split('\r\n\r\n');
        expectEnvelope(
          { status: Number(head.split(' ')[1]), headers: head, body },
          400,
          'MALFORMED_HTTP_REQUEST',
        );
      });

      it('answers headers over the size limit in the envelope', async () => {
        const response = await rawRequest(
          port,
          `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
        );
        expectEnvelope(response, 431, 'HEADERS_TOO_LARGE');
      });

      it('answers a bad path in the envelope with a request ID', async () => {
        const response = await rawRequest(
          port,
          'GET /api/v1/apps/%C0%80 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
        );
        expectEnvelope(response, 400, 'MALFORMED_URL');
        expect(response.headers).toMatch(/x-request-id: /i);
      });
    });
  });
});
