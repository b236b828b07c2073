// What a new password must be, after NIST SP 800-63B §5.1.1.2 ("Memorized Secret Verifiers"):
//  - at least 8 characters; up to at least 64 allowed (we allow 128); every printable character,
//    spaces and Unicode included; Unicode normalised (NFKC) before its length is counted and before
//    it is hashed (passwords.ts does the same), each code point one character;
//  - no composition rules (no "one digit, one symbol"), no hints, no periodic expiry;
//  - compared against a list of values known to be commonly used or compromised (previous breach
//    corpora: common-passwords.txt, see common-passwords.SOURCE.md) and context-specific words
//    (here the Apple ID and its local part), with a message that says why it was refused.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-length.ts';
import { fieldMessage } from '../forms/field-messages.ts';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

export const PASSWORD_MESSAGES = {
  empty: fieldMessage('password.empty'),
  tooShort: fieldMessage('password.tooShort', { min: MIN_PASSWORD_LENGTH }),
  tooLong: fieldMessage('password.tooLong', { max: MAX_PASSWORD_LENGTH }),
  appleId: fieldMessage('password.appleId'),
  common: fieldMessage('password.common'),
} as const;

// The list is read from the source tree relative to the working directory, not with
// `new URL('./common-passwords.txt', import.meta.url)`: this module also runs inside the Next.js
// server bundle, where import.meta.url points into .next/ and not at this folder. Both the server
// (`next start`) and the tests run from the project root.
const LIST_PATH = path.join(process.cwd(), 'src/accounts/common-passwords.txt');

let commonList: ReadonlySet<string> | undefined;

/** The common-password list (lower-cased), read once on first use. */
export function commonPasswords(): ReadonlySet<string> {
  if (!commonList) {
    const set = new Set<string>();
    for (const line of readFileSync(LIST_PATH, 'utf8').split('\n')) {
      const entry = line.trim();
      if (entry) set.add(entry.toLowerCase());
    }
    commonList = set;
  }
  return commonList;
}

/** True if the password, compared without regard to case, is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.normalize('NFKC').toLowerCase());
}

/** Number of characters as a person counts them: Unicode code points after NFKC normalisation. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

/**
 * Checks a new password (account creation, change, reset). Returns the message to show the person,
 * or null if the password is acceptable.
 */
export function checkNewPassword(password: string, appleId: string): string | null {
  const length = passwordLength(password);
  if (length === 0) return PASSWORD_MESSAGES.empty;
  if (length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > MAX_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong;

  const folded = password.normalize('NFKC').toLowerCase();
  const id = appleId.normalize('NFKC').trim().toLowerCase();
  const at = id.lastIndexOf('@');
  const localPart = at > 0 ? id.slice(0, at) : '';
  if (id && (folded === id || folded === localPart)) return PASSWORD_MESSAGES.appleId;

  if (commonPasswords().has(folded)) return PASSWORD_MESSAGES.common;
  return null;
}
