/** Owners of apps, entitlements and resources: what other modules may use. */
export type { OwnersService } from './owners.service.js';
