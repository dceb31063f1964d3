/** `expandMask` and `expanded` (CONTRACT.md §7.7): the related objects a response carries. */
export type { ExpansionService } from './expansion.service.js';
export { appUserView, entitlementView, grantRecordPaths, resourceView } from './views.js';
