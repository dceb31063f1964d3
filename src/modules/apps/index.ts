/** Apps, the systems whose access Roster records: what other modules may use. */
export type { AppRow } from './apps.repository.js';
export { findAppById, findAppRecordsByIds, softDeleteApp } from './apps.repository.js';
export { toApp } from './apps.schemas.js';
export type { AppsService } from './apps.service.js';
