/**
 * `npx tsx bench/member-costs.ts`: what the indexes migration 0026 dropped cost per member. Each run
 * inserts BENCH_MEMBERS (20,000) members' three rows into a fresh scratch database, as migrated or
 * with one or both dropped indexes created again; the variants alternate, three rounds, medians.
 */
import os from 'node:os';
import { createPostgresDatabase, type Dialect, dropPostgresDatabase } from './lib/databases.js';
import { timeMemberRowsFresh } from './lib/member-rows.js';
import { median } from './lib/table.js';

const ENTITLEMENT = 'create index grant_events_entitlement on grant_events (app_entitlement_id, occurred_at)';
const BULK_ACTION =
  'create index grant_events_bulk_action on grant_events (bulk_action_id, app_user_id) where bulk_action_id is not null';
const VARIANTS: Record<string, string[]> = {
  'as migrated (0026)': [],
  '+ grant_events_entitlement': [ENTITLEMENT],
  '+ grant_events_bulk_action': [BULK_ACTION],
  '+ both (before 0026)': [ENTITLEMENT, BULK_ACTION],
};
const members = Number(process.env.BENCH_MEMBERS ?? 20_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const name = `roster_bench_costs_${process.pid}`;
const url = await createPostgresDatabase(name);
try {
  for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
    const samples = new Map<string, number[]>();
    process.stdout.write(`${dialect}, load at start ${load()}\n`);
    for (let round = 0; round < rounds; round++) {
      for (const [label, indexes] of Object.entries(VARIANTS)) {
        const us = await timeMemberRowsFresh(
          dialect,
          members,
          dialect === 'postgres' ? url : undefined,
          indexes,
        );
        samples.set(label, [...(samples.get(label) ?? []), us]);
      }
    }
    for (const [label, values] of samples) {
      process.stdout.write(
        `  ${label.padEnd(30)} ${median(values).toFixed(1)} µs/member (runs: ${values.map((v) => v.toFixed(1)).join(', ')})\n`,
      );
    }
    process.stdout.write(`  load at end ${load()}\n`);
  }
} finally {
  await dropPostgresDatabase(name);
}
