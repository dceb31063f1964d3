/**
 * What a person typed and has not sent yet, kept in the tab's sessionStorage so that signing in again
 * after the session ended brings it back. Signing out forgets every draft.
 */
const PREFIX = 'roster.draft.';

export function readDraft(name: string): string {
  return sessionStorage.getItem(PREFIX + name) ?? '';
}

export function writeDraft(name: string, text: string): void {
  if (text === '') sessionStorage.removeItem(PREFIX + name);
  else sessionStorage.setItem(PREFIX + name, text);
}

export function forgetDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
