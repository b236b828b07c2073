// An Apple ID is the account's primary email address, unique regardless of case.
import { z } from 'zod';
import { fieldMessage } from '../forms/field-messages.ts';

export function appleIdKey(appleId: string): string {
  return appleId.trim().toLowerCase();
}

export const emailField = z
  .string()
  .trim()
  .min(1, fieldMessage('email.empty'))
  .max(254, fieldMessage('email.tooLong'))
  .pipe(z.email(fieldMessage('email.invalid', { example: 'name@example.com' })));
