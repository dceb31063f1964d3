import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parse as parseCsv } from 'csv-parse/sync';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { decodeUtf8Body } from '../../http/input-text.js';
import { actorOf } from '../../http/principal.js';
import { ExpandedListOf, IdParam, PageQuery } from '../../http/wire.js';
import { AppError } from '../../lib/errors.js';
import {
  ImportUsersBody,
  ImportUsersResponse,
  MAX_IMPORT_REQUEST_BYTES,
  MAX_IMPORT_USERS,
  NewUser,
  ResolvePeopleBody,
  ResolvePeopleResponse,
  SearchUsersBody,
  SharedEmailsResponse,
  toUser,
  toUserView,
  User,
  UserChanges,
  UserView,
} from './users.schemas.js';
import type { UsersService } from './users.service.js';

const CSV_COLUMNS: readonly string[] = ['displayName', 'email', 'username'];
const CSV_HEADER_RULE = 'the first line must be a header naming displayName,email and optionally username';

/**
 * A CSV import's first line names its columns. Without this check a file without a header would
 * have its first user taken for the header and the rest refused or, with one line, nothing imported
 * and a 200.
 */
function checkedCsvHeader(names: string[]): string[] {
  const known = names.every((name) => CSV_COLUMNS.includes(name));
  if (!known || !names.includes('displayName') || !names.includes('email')) {
    throw new Error(`${CSV_HEADER_RULE}; the first line is ${JSON.stringify(names.join(',').slice(0, 200))}`);
  }
  return names;
}

export interface UsersRoutesOptions {
  readonly users: UsersService;
  /** A resolve is held to the add-manual-user limits: it names the people one add takes. */
  readonly maxResolveInputs: number;
  readonly maxResolveBodyBytes: number;
}

export const usersRoutes: FastifyPluginAsyncTypebox<UsersRoutesOptions> = async (app, opts) => {
  const { users } = opts;
  app.get(
    '/api/v1/users',
    {
      config: { permission: 'users:read' },
      schema: { querystring: PageQuery, response: { 200: ExpandedListOf(UserView) } },
    },
    async (request) => {
      const page = await users.list({
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
      });
      return { list: page.items.map(toUserView), nextPageToken: page.nextPageToken, expanded: [] };
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { permission: 'users:read' },
      schema: {
        params: Type.Object({ id: IdParam }),
        response: { 200: Type.Object({ userView: UserView, expanded: Type.Array(Type.Unknown()) }) },
      },
    },
    async (request) => ({ userView: toUserView(await users.get(request.params.id)), expanded: [] }),
  );

  app.post(
    '/api/v1/search/users',
    {
      config: { permission: 'users:read' },
      schema: { body: SearchUsersBody, response: { 200: ExpandedListOf(UserView) } },
    },
    async (request) => {
      const input = request.body;
      const ids = [...(input.ids ?? []), ...(input.refs ?? []).map((r) => r.id)];
      const page = await users.list({
        query: input.query ?? undefined,
        email: input.email ?? undefined,
        ids,
        excludeIds: input.excludeIds ?? undefined,
        excludeTypes: input.excludeTypes ?? undefined,
        statuses: input.userStatuses ?? undefined,
        roleIds: input.roleIds ?? undefined,
        pageSize: input.pageSize,
        pageToken: input.pageToken,
      });
      return { list: page.items.map(toUserView), nextPageToken: page.nextPageToken, expanded: [] };
    },
  );

  app.post(
    '/roster/v1/users',
    {
      config: { permission: 'users:write' },
      schema: { body: NewUser, response: { 200: Type.Object({ user: User }) } },
    },
    async (request) => ({ user: toUser(await users.create(actorOf(request), request.body)) }),
  );

  app.get(
    '/roster/v1/users/shared-emails',
    {
      config: { permission: 'users:read' },
      schema: { querystring: PageQuery, response: { 200: SharedEmailsResponse } },
    },
    async (request) => {
      const page = await users.listSharedEmails({
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
      });
      return { list: page.items, nextPageToken: page.nextPageToken };
    },
  );

  // Registered before /roster/v1/users/:id, though a literal segment wins over a parameter anyway.
  app.post(
    '/roster/v1/users/resolve',
    {
      config: { permission: 'users:read' },
      bodyLimit: opts.maxResolveBodyBytes,
      schema: {
        body: ResolvePeopleBody(opts.maxResolveInputs),
        response: { 200: ResolvePeopleResponse },
      },
    },
    async (request) => users.resolve(request.body.inputs),
  );

  app.post(
    '/roster/v1/users/:id',
    {
      config: { permission: 'users:write' },
      schema: {
        params: Type.Object({ id: IdParam }),
        body: UserChanges,
        response: { 200: Type.Object({ user: User }) },
      },
    },
    async (request) => ({
      user: toUser(await users.update(actorOf(request), request.params.id, request.body)),
    }),
  );

  // Bulk load: a JSON body `{"users": [...]}` or CSV with a header row `displayName,email[,username]`.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_REQUEST_BYTES },
      (_req, body, done) => {
        try {
          let header: string[] | undefined;
          const records = parseCsv(decodeUtf8Body(body as Buffer), {
            columns: (names: string[]) => {
              header = checkedCsvHeader(names);
              return header;
            },
            skip_empty_lines: true,
            trim: true,
            bom: true,
          });
          if (!header) throw new Error(`the body is empty; ${CSV_HEADER_RULE}`);
          done(null, { users: records });
        } catch (error) {
          if (error instanceof AppError) return done(error);
          done(
            new AppError(
              'INVALID_ARGUMENT',
              `CSV could not be parsed: ${(error as Error).message}`,
              'MALFORMED_CSV',
            ),
          );
        }
      },
    );

    scope.post(
      '/roster/v1/users/import',
      {
        bodyLimit: MAX_IMPORT_REQUEST_BYTES,
        config: { permission: 'users:write' },
        schema: { response: { 200: ImportUsersResponse } },
      },
      async (request) => {
        const body = request.body as { users?: unknown };
        if (!Value.Check(ImportUsersBody, body)) {
          const first = Value.Errors(ImportUsersBody, body)[0];
          throw new AppError(
            'INVALID_ARGUMENT',
            `invalid import: ${first ? `${first.instancePath || 'body'} ${first.message}` : 'expected {"users": [...]}'}` +
              ` (at most ${MAX_IMPORT_USERS} users per import)`,
            'INVALID_IMPORT',
          );
        }
        return { userIds: await users.import(actorOf(request), body.users) };
      },
    );
  });
};
