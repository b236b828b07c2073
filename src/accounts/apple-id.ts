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
