/**
 * The architecture rules of docs/ARCHITECTURE.md, checked on every `npm run lint`:
 *
 * 1. Modules form a ladder (MODULE_ORDER): a module imports only modules on lower rungs, so the
 *    module graph has no cycle and no upward arrow.
 * 2. Doors: a module's files import another module only through `../<m>/index.js`; besides that,
 *    only src/lib, src/db, src/http and src/config.ts.
 * 3. One owner per table: each table is declared in one module's `*.table.ts`, and SQL in a module
 *    names only its own tables, except the read models of READ_MODELS.
 *
 * Biome's `noImportCycles` checks file-level cycles; this script checks what Biome cannot express.
 * Test files are left out: they may reach into what they test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');

/** Bottom-up; a module may import only modules of lower rungs. Modules on one rung never meet. */
export const MODULE_ORDER: readonly (readonly string[])[] = [
  ['changes'],
  ['audit'],
  ['users'],
  ['policies'],
  ['catalog'],
  ['app-users'],
  ['auth'],
  ['idempotency'],
  ['grants'],
  ['bulk-actions'],
  ['owners', 'search', 'expansion', 'iam', 'console', 'scim', 'webhooks', 'ops', 'maintenance', 'limits'],
  ['tasks'],
  ['reviews'],
  ['notifications'],
];

/**
 * The read models: SQL that reads another module's tables on purpose, in one query where going
 * through the owner's door would cost a round trip per row or lose keyset order. Keyed by module
 * (`*` for all of its files) or by file; each says why. Nothing else reads another module's tables.
 */
export const READ_MODELS: Readonly<Record<string, { tables: readonly string[]; why: string }>> = {
  changes: {
    tables: ['grant_events', 'system_log_events'],
    why: 'the change stream merges the grant history and the system log in commit order (issue 12)',
  },
  search: {
    tables: ['apps', 'app_resource_types', 'app_resources', 'app_entitlements', 'grants', 'app_users'],
    why: 'catalog searches filter entitlements and resources by who holds them, keyset-paged in one query',
  },
  ops: { tables: ['*'], why: 'readiness and metrics count the rows of every module' },
  maintenance: { tables: ['*'], why: 'retention deletes expired rows of several modules in one sweep' },
  'src/modules/grants/grant-record.repository.ts': {
    tables: ['app_entitlements', 'app_users'],
    why: 'the grant feed and history filter by resource and by identity user, keyset-paged in one query',
  },
  'src/modules/grants/membership.repository.ts': {
    tables: ['app_users', 'tasks'],
    why: 'a page of members is grants joined with their app users (and the numeric ID of the task a grant came from), in one query',
  },
  'src/modules/bulk-actions/bulk-action-items.repository.ts': {
    tables: ['app_users', 'grant_events'],
    why: 'per-user outcomes are derived from the grant history, not stored (issue 11)',
  },
  'src/modules/catalog/apps.repository.ts': {
    tables: ['app_users'],
    why: 'App.userCount counts app users with the app page; app-users sit above the catalog',
  },
  'src/modules/owners/owners.repository.ts': {
    tables: ['users'],
    why: 'owner pages are keyset-paged by user and skip deleted users in the same query',
  },
  'src/modules/tasks/requestable-entitlements.repository.ts': {
    tables: ['apps', 'app_entitlements', 'policies', 'grants', 'app_users'],
    why: 'what a person may request, with its app, policy and whether they hold it, keyset-paged in one query for people without catalog:read',
  },
  'src/modules/reviews/review-items.repository.ts': {
    tables: ['grants', 'app_users'],
    why: "a campaign's population is frozen by one INSERT … SELECT of the grants live in its scope, in the start transaction (issue 20)",
  },
  'src/modules/reviews/evidence.repository.ts': {
    tables: ['tasks', 'task_audits', 'users', 'apps', 'app_entitlements', 'grant_events'],
    why: "a campaign's evidence streams 100,000 items in keyset batches, each item with its task, names, decisions and removal read by one query per batch, not per item (issue 20)",
  },
  'src/modules/tasks/approvers.ts': {
    tables: ['owners', 'users', 'grants', 'app_users'],
    why: "a step's approvers (owners, Super Admins, an entitlement's members) are read in one statement each, inside the task's transaction",
  },
};

const SQL_TABLE =
  /\b(?:selectFrom|updateTable|insertInto|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|with)\(\s*'([a-z_]+)(?:\s+as\s+[a-z_]+)?'|\binsertRows\(\s*\w+,\s*'([a-z_]+)'/g;
const IMPORT = /(?:import|export)\s[^'"]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

const rungOf = new Map<string, number>();
MODULE_ORDER.forEach((rung, i) => {
  for (const m of rung) rungOf.set(m, i);
});

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesOf(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

export function checkArchitecture(ROOT: string = REPO): string[] {
  const MODULES = join(ROOT, 'src', 'modules');
  const moduleOf = (path: string): string | undefined => {
    const parts = relative(MODULES, path).split(sep);
    return parts[0] === '..' || parts.length < 2 ? undefined : parts[0];
  };
  const problems: string[] = [];
  const modules = readdirSync(MODULES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  for (const m of modules) {
    if (!rungOf.has(m))
      problems.push(`module ${m} is not placed in MODULE_ORDER (scripts/check-architecture.ts)`);
  }

  const owner = new Map<string, string>();
  const files = modules.flatMap((m) => filesOf(join(MODULES, m)));
  for (const file of files.filter((f) => f.endsWith('.table.ts'))) {
    const source = readFileSync(file, 'utf8');
    const declared = /export interface \w+Tables \{\n([^}]*)\}/.exec(source)?.[1] ?? '';
    for (const [, table] of declared.matchAll(/^\s+([a-z_]+): [A-Za-z &]+;$/gm)) {
      if (!table) continue;
      const m = moduleOf(file) ?? '';
      const previous = owner.get(table);
      if (previous && previous !== m) problems.push(`table ${table} is declared by ${previous} and ${m}`);
      owner.set(table, m);
    }
  }

  for (const file of files) {
    const m = moduleOf(file);
    if (!m) continue;
    const where = relative(ROOT, file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? '';
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      const to = moduleOf(target);
      if (to === m) continue;
      if (to !== undefined) {
        if (target !== join(MODULES, to, 'index.ts'))
          problems.push(
            `${where}: imports ${spec}; another module is reached only through ../${to}/index.js`,
          );
        const [a, b] = [rungOf.get(m), rungOf.get(to)];
        if (a !== undefined && b !== undefined && b >= a)
          problems.push(`${where}: ${m} imports ${to}, which is not below it in MODULE_ORDER`);
        continue;
      }
      const below = relative(join(ROOT, 'src'), target).split(sep);
      const allowed = ['lib', 'db', 'http'].includes(below[0] ?? '') || below.join('/') === 'config.ts';
      if (!allowed)
        problems.push(
          `${where}: imports ${spec}; a module imports only src/lib, src/db, src/http and config`,
        );
    }
    const model = READ_MODELS[relative(ROOT, file)] ?? READ_MODELS[m];
    for (const match of source.matchAll(SQL_TABLE)) {
      const table = match[1] ?? match[2] ?? '';
      const tableOwner = owner.get(table);
      if (tableOwner === undefined) {
        // A common table expression is named in the query itself.
        if (!source.includes(`with('${table}'`))
          problems.push(`${where}: SQL names table ${table}, which no *.table.ts declares`);
        continue;
      }
      if (tableOwner === m) continue;
      if (model && (model.tables.includes('*') || model.tables.includes(table))) continue;
      problems.push(
        `${where}: SQL reads ${table}, a table of ${tableOwner}; go through ../${tableOwner}/index.js`,
      );
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkArchitecture();
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`\n${problems.length} architecture problem(s); the rules are in docs/ARCHITECTURE.md.`);
    process.exitCode = 1;
  } else {
    console.log(
      'architecture: modules form a ladder, every import goes through a door, every table has one owner',
    );
  }
}
