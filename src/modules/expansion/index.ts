/**
 * `expandMask` and `expanded` (CONTRACT.md §7.7): the related objects a response carries. Each
 * module builds its own views' pointers; this module loads the objects, so it sits above them all.
 */
export type { ExpansionService } from './expansion.service.js';
