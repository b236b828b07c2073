// What each significant change is called, in ONE vocabulary: the catalogue's `changes` namespace
// (messages/<locale>/changes.json) says "Your password was changed" to the holder, "The password was
// changed" to support staff, and "On …, your password was changed for the Apple ID …" in emails;
// the eligibility sentences choose the same words by the same key. It sits next to
// SignificantChangeKind (record.ts) because mail/ (the change emails) and eligibility/ (why setup
// waits) both name these changes, and mail/ may not import eligibility/ (.dependency-cruiser.cjs).
import { translator } from '../i18n/translate.ts';
import { SIGNIFICANT_CHANGE_KINDS, type SignificantChangeKind } from './record.ts';

/** The waiting reason that is no one's change: the days to complete setup ran out. */
const WINDOW_EXPIRED = 'setup-window-expired';

function isSignificantChange(kind: string): kind is SignificantChangeKind {
  return (SIGNIFICANT_CHANGE_KINDS as readonly string[]).includes(kind);
}

/**
 * A change as the catalogue's sentences choose it (`{change, select, passwordChanged {…} …}`):
 * "password-changed" → "passwordChanged" ("-" cannot be in an ICU choice); "other" for a kind that
 * is not a significant change.
 */
export function changeKey(kind: string): string {
  if (!isSignificantChange(kind) && kind !== WINDOW_EXPIRED) return 'other';
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The change as an English clause, from the English catalogue: "your password was changed" (the
 * holder's) or, for support staff who are not the holder, "the password was changed". null for a
 * kind that is not a significant change. Pages and emails in the reader's language use the
 * `changes` sentences themselves.
 */
export function changeName(kind: string, whose: 'your' | 'the' = 'your'): string | null {
  if (!isSignificantChange(kind)) return null;
  const title = translator({ locale: 'en', timeZone: null })(whose === 'your' ? 'changes.yours' : 'changes.theirs', {
    change: changeKey(kind),
  });
  return title.charAt(0).toLowerCase() + title.slice(1);
}
