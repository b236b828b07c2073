// What each significant change is called, in ONE vocabulary: the holder's pages and emails say
// "your password was changed", the support console "the password was changed". It sits next to
// SignificantChangeKind (record.ts) because mail/ (the change emails) and eligibility/ (why setup
// waits) both name these changes, and mail/ may not import eligibility/ (.dependency-cruiser.cjs).
import type { SignificantChangeKind } from './record.ts';

/** The thing that changed and how: "password" + "was changed", "security questions" + "were changed". */
const CHANGES: Record<SignificantChangeKind, { thing: string; happened: string }> = {
  'password-changed': { thing: 'password', happened: 'was changed' },
  'password-reset': { thing: 'password', happened: 'was reset' },
  'security-questions-changed': { thing: 'security questions', happened: 'were changed' },
  'rescue-email-changed': { thing: 'rescue email', happened: 'was changed' },
  'birth-date-changed': { thing: 'birth date', happened: 'was changed' },
};

function isSignificantChange(kind: string): kind is SignificantChangeKind {
  return Object.hasOwn(CHANGES, kind);
}

/**
 * The change as a clause: "your password was changed" (the holder's pages and emails) or, for
 * support staff who are not the holder, "the password was changed". null for a kind that is not a
 * significant change.
 */
export function changeName(kind: string, whose: 'your' | 'the' = 'your'): string | null {
  if (!isSignificantChange(kind)) return null;
  const { thing, happened } = CHANGES[kind];
  return `${whose} ${thing} ${happened}`;
}
