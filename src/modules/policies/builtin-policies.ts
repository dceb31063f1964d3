/**
 * The built-in default grant policy: what an entitlement that names no grant policy asks for —
 * approval by the app's owners (issue 19). Made by migration 0015; listed, never changed or deleted.
 */
export const DEFAULT_GRANT_POLICY_ID = '3N7cZNK67ihO9Ke78tI6Kxbqi93';
