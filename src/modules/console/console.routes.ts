import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {} from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../lib/errors.js';
import { type OidcSignIn, OidcSignInError } from './oidc.js';
import {
  type ConsoleSessions,
  type RequestFacts,
  type ResolvedSession,
  type StartedSession,
  sameSecret,
} from './sessions.service.js';

/** The built console (`vite build` of console/), the same distance from src/ and from dist/. */
export const CONSOLE_ASSETS = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

export const CSRF_HEADER = 'x-csrf-token';
const STATE_COOKIE = 'roster_oidc_state';
const CALLBACK_PATH = '/console/auth/oidc/callback';

export interface ConsoleRoutesOptions {
  readonly sessions: ConsoleSessions;
  readonly oidc: OidcSignIn | undefined;
  /** Roster is reached over https: cookies are Secure, and the session cookie takes the __Host- prefix. */
  readonly secure: boolean;
  readonly assetsDir?: string;
  /** Where a new Roster writes the Super Admin's credentials, for the sign-in page's hint. */
  readonly credentialsFile: string;
}

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-roster_session' : 'roster_session');

const Session = Type.Object({
  user: Type.Object({ id: Type.String(), displayName: Type.String(), email: Type.String() }),
  method: Type.Union([Type.Literal('client_secret'), Type.Literal('oidc')]),
  roleIds: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  ownedPermissions: Type.Array(Type.String(), {
    description: 'held only on the apps, entitlements and resources the user owns',
  }),
  csrfToken: Type.String({ description: `send it in the ${CSRF_HEADER} header of every change` }),
  expiresAt: Type.String({ format: 'date-time', description: 'the absolute end of the session' }),
  idleMinutes: Type.Integer({ description: 'the session ends after this long unused' }),
});

const facts = (request: FastifyRequest): RequestFacts => ({
  requestId: request.id,
  sourceAddress: request.ip,
});

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A plain page for the browser-facing sign-in steps, which cannot answer in JSON. */
function page(reply: FastifyReply, status: number, title: string, lines: string[]) {
  const body = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Roster</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><main><h1>${escapeHtml(title)}</h1>\n${body}\n<p><a href="/console/">Back to sign-in</a></p></main></body></html>`,
    );
}

/**
 * The console: its session API under /console/api, the OpenID Connect redirects under
 * /console/auth, and the built single-page app under /console/ (any other /console/ path is the
 * app's own route, so it gets index.html). `/` leads there.
 */
export const consoleRoutes: FastifyPluginAsyncTypebox<ConsoleRoutesOptions> = async (app, opts) => {
  const { sessions, oidc, secure, credentialsFile } = opts;
  const cookieName = sessionCookieName(secure);
  const assetsDir = opts.assetsDir ?? CONSOLE_ASSETS;

  app.addHook('onSend', async (_request, reply) => {
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });

  const describe = ({ session, principal, user }: ResolvedSession) => ({
    user: { id: user.id, displayName: user.display_name, email: user.email },
    method: session.method,
    roleIds: [...principal.roleIds],
    permissions: [...principal.permissions],
    ownedPermissions: [...principal.ownedPermissions],
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
    idleMinutes: sessions.idleMinutes,
  });

  const setSessionCookie = (reply: FastifyReply, started: StartedSession) =>
    reply.setCookie(cookieName, started.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure,
      expires: new Date(started.session.expires_at),
    });

  const clearSessionCookie = (reply: FastifyReply) =>
    reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'strict', secure });

  app.get('/', { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
    reply.redirect('/console/'),
  );

  app.get(
    '/console/api/options',
    {
      config: { public: true },
      schema: {
        response: {
          200: Type.Object({
            oidc: Type.Boolean(),
            idleMinutes: Type.Integer(),
            credentialsFile: Type.String({
              description: "where a new Roster wrote the Super Admin's client ID and secret",
            }),
          }),
        },
      },
    },
    async () => ({ oidc: oidc !== undefined, idleMinutes: sessions.idleMinutes, credentialsFile }),
  );

  app.post(
    '/console/api/session',
    {
      config: { public: true },
      schema: {
        body: Type.Object({
          clientId: Type.String({ minLength: 1, maxLength: 512 }),
          clientSecret: Type.String({ minLength: 1, maxLength: 4096 }),
        }),
        response: { 200: Session },
      },
    },
    async (request, reply) => {
      // A form on another site cannot send JSON without a CORS preflight, which Roster never grants,
      // so no page elsewhere can sign a browser in to an account of its choosing.
      if (!request.headers['content-type']?.startsWith('application/json')) {
        throw new AppError(
          'INVALID_ARGUMENT',
          'send the credentials as application/json',
          'UNSUPPORTED_MEDIA_TYPE',
        );
      }
      const started = await sessions.signInWithSecret(
        request.body.clientId,
        request.body.clientSecret,
        facts(request),
      );
      setSessionCookie(reply, started);
      return describe(await sessions.resolve(started.token, request.ip));
    },
  );

  app.get(
    '/console/api/session',
    {
      config: { public: true },
      schema: {
        response: { 200: Session },
      },
    },
    async (request, reply) => {
      const token = request.cookies[cookieName];
      if (!token) throw new AppError('UNAUTHENTICATED', 'not signed in to the console', 'SESSION_MISSING');
      try {
        return describe(await sessions.resolve(token, request.ip));
      } catch (error) {
        clearSessionCookie(reply);
        throw error;
      }
    },
  );

  app.delete(
    '/console/api/session',
    {
      config: { public: true },
      schema: {
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[cookieName];
      if (token) {
        const { session } = await sessions.resolve(token, request.ip);
        if (!checkCsrf(request, session.csrf_token)) throw csrfRefused();
        await sessions.end(token, facts(request));
      }
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/console/auth/oidc/start',
    {
      config: { public: true },
      schema: {},
    },
    async (_request, reply) => {
      if (!oidc)
        return page(reply, 404, 'Single sign-on is not set up', [
          'Sign in with an API client ID and secret.',
        ]);
      try {
        const { url, state } = await oidc.begin();
        reply.setCookie(STATE_COOKIE, state, {
          path: '/console/auth/oidc',
          httpOnly: true,
          // Lax: the provider's redirect back is a top-level navigation from another site.
          sameSite: 'lax',
          secure,
          maxAge: 600,
        });
        return reply.redirect(url);
      } catch (error) {
        if (!(error instanceof OidcSignInError)) throw error;
        return page(reply, 502, 'The identity provider is unavailable', [
          error.message,
          'Try again later, or ask an administrator to check ROSTER_OIDC_ISSUER.',
        ]);
      }
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { public: true },
      schema: {},
    },
    async (request, reply) => {
      if (!oidc)
        return page(reply, 404, 'Single sign-on is not set up', [
          'Sign in with an API client ID and secret.',
        ]);
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      reply.clearCookie(STATE_COOKIE, { path: '/console/auth/oidc' });
      let email: string;
      try {
        email = await oidc.finish(query, request.cookies[STATE_COOKIE]);
      } catch (error) {
        if (!(error instanceof OidcSignInError)) throw error;
        return page(reply, 400, 'Sign-in failed', [error.message, 'Start again from the sign-in page.']);
      }
      const started = await sessions.signInWithEmail(email, facts(request));
      if (!started) {
        return page(reply, 403, 'You have no access to Roster', [
          `Your identity provider signed you in as ${email}, but Roster has no active user with that email.`,
          'Ask a Roster Super Admin to add you as a user with the roles you need, then sign in again.',
        ]);
      }
      setSessionCookie(reply, started);
      return reply.redirect('/console/');
    },
  );

  app.get('/console/api/*', { config: { public: true }, schema: { hide: true } }, async (request) => {
    throw new AppError(
      'NOT_FOUND',
      `no route ${request.method} ${request.url.split('?')[0]}`,
      'ROUTE_NOT_FOUND',
    );
  });

  const index = `${assetsDir}index.html`;
  if (!fs.existsSync(index)) {
    app.get('/console/*', { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
      page(reply, 503, 'The console is not built', ['Run `npm run build` (npm start does it), then reload.']),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: '/console/',
    wildcard: false,
    setHeaders: (reply, filePath) => {
      reply.header(
        'cache-control',
        filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // The app's own routes (/console/apps/...) are pages of the single-page app.
  app.get('/console/*', { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
};

export const csrfRefused = () =>
  new AppError(
    'PERMISSION_DENIED',
    `a change made with a console session needs the session's ${CSRF_HEADER} header; reload the console and try again`,
    'CSRF_TOKEN_INVALID',
  );

export function checkCsrf(request: FastifyRequest, expected: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  return typeof sent === 'string' && sameSecret(sent, expected);
}
