// An Apple ID is the account's primary email address, unique regardless of case.
import { z } from 'zod';

export function appleIdKey(appleId: string): string {
  return appleId.trim().toLowerCase();
}

export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address, such as name@example.com.'));

/** Every address on file: the Apple ID and the rescue email, plus any extra (an old rescue email). */
export function addressesOnFile(account: { appleId: string; rescueEmail: string | null }, ...extra: Array<string | null>): string[] {
  return [account.appleId, account.rescueEmail, ...extra].filter((a): a is string => Boolean(a));
}
