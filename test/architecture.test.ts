import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchitecture } from '../scripts/check-architecture.js';

describe('architecture check (npm run lint)', () => {
  it('finds nothing wrong in the tree', () => {
    expect(checkArchitecture()).toEqual([]);
  });

  const root = mkdtempSync(join(tmpdir(), 'roster-architecture-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  it('refuses an upward arrow, a door bypassed, an unknown module and a read of another module’s table', () => {
    write('src/modules/users/users.table.ts', 'export interface UsersTables {\n  users: UsersTable;\n}\n');
    write('src/modules/users/index.ts', "export { x } from './users.repository.js';\n");
    write(
      'src/modules/users/users.repository.ts',
      "import { y } from '../grants/index.js';\nexport const x = (db) => db.selectFrom('users');\n",
    );
    write(
      'src/modules/grants/grants.table.ts',
      'export interface GrantsTables {\n  grants: GrantsTable;\n}\n',
    );
    write('src/modules/grants/index.ts', 'export const y = 1;\n');
    write(
      'src/modules/grants/grants.service.ts',
      "import { x } from '../../modules/users/users.repository.js';\n" +
        "import { z } from '../../app.js';\n" +
        "export const f = (db) => db.selectFrom('grants').innerJoin('users', 'users.id', 'grants.user_id');\n",
    );
    write('src/modules/newcomer/index.ts', 'export {};\n');
    const problems = checkArchitecture(root).join('\n');
    expect(problems).toContain('users imports grants, which is not below it');
    expect(problems).toContain(
      'imports ../../modules/users/users.repository.js; another module is reached only through',
    );
    expect(problems).toContain(
      'imports ../../app.js; a module imports only src/lib, src/db, src/http and config',
    );
    expect(problems).toContain('module newcomer is not placed in MODULE_ORDER');
    expect(problems).toContain('SQL reads users, a table of users');
    expect(problems).not.toContain('SQL reads grants');
  });
});
