import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_identity.js';
import * as m0003 from './0003_record.js';
import * as m0004 from './0004_durations.js';
import * as m0005 from './0005_users_email_lower.js';
import * as m0006 from './0006_chunk_last_error.js';
import * as m0007 from './0007_console_sessions.js';
import * as m0008 from './0008_scim.js';
import * as m0009 from './0009_grant_history.js';
import * as m0010 from './0010_change_stream.js';
import * as m0011 from './0011_webhooks.js';
import * as m0012 from './0012_bulk_action_work.js';
import * as m0013 from './0013_bulk_actions_newest_first.js';
import * as m0014 from './0014_app_holder_counts.js';
import * as m0015 from './0015_policies.js';
import * as m0016 from './0016_scim_manager_ref.js';
import * as m0017 from './0017_scim_owned_entitlements.js';
import * as m0018 from './0018_system_log_filters.js';
import * as m0019 from './0019_tasks.js';
import * as m0020 from './0020_task_timers.js';
import * as m0021 from './0021_task_search.js';
import * as m0022 from './0022_access_reviews.js';
import * as m0023 from './0023_notifications.js';
import * as m0024 from './0024_grant_ticket.js';
import * as m0025 from './0025_certify_tasks.js';
import * as m0026 from './0026_lean_member_rows.js';
import * as m0027 from './0027_review_evidence.js';
import * as m0028 from './0028_system_log_time_position.js';
import * as m0029 from './0029_system_log_target_statistics.js';
import * as m0030 from './0030_task_due_partial.js';

/** Migrations are listed here, in order, so the same set runs from source and from the build. */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_identity': m0002,
  '0003_record': m0003,
  '0004_durations': m0004,
  '0005_users_email_lower': m0005,
  '0006_chunk_last_error': m0006,
  '0007_console_sessions': m0007,
  '0008_scim': m0008,
  '0009_grant_history': m0009,
  '0010_change_stream': m0010,
  '0011_webhooks': m0011,
  '0012_bulk_action_work': m0012,
  '0013_bulk_actions_newest_first': m0013,
  '0014_app_holder_counts': m0014,
  '0015_policies': m0015,
  '0016_scim_manager_ref': m0016,
  '0017_scim_owned_entitlements': m0017,
  '0018_system_log_filters': m0018,
  '0019_tasks': m0019,
  '0020_task_timers': m0020,
  '0021_task_search': m0021,
  '0022_access_reviews': m0022,
  '0023_notifications': m0023,
  '0024_grant_ticket': m0024,
  '0025_certify_tasks': m0025,
  '0026_lean_member_rows': m0026,
  '0027_review_evidence': m0027,
  '0028_system_log_time_position': m0028,
  '0029_system_log_target_statistics': m0029,
  '0030_task_due_partial': m0030,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
