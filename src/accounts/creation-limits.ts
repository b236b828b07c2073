// The limits on asking for a new Apple ID (docs/rules.md#account): per client address, so that
// nobody can make accounts (or send activation emails) in bulk, and per Apple ID, so that nobody
// can fill an inbox with "activate your Apple ID" or "someone tried to create an Apple ID" emails.
// Every request counts, atomically (src/throttle/throttle.ts); past the budget a request is refused
// until the window that began with the first request ends.
import { HOUR } from '../clock.ts';
import type { LockPolicy } from '../throttle/throttle.ts';

// (ours) Ten new Apple IDs an hour from one address: more than a family or a classroom makes at
// once, few enough that the form is no tool for bulk sign-ups or mailing. The operator may change
// the number (ACCOUNTS_PER_ADDRESS_PER_HOUR).
export const CREATIONS_PER_CLIENT_ADDRESS: LockPolicy = { maxFailures: 10, windowMs: HOUR, lockMs: HOUR };
// (ours) Three emails an hour to one address, whichever of the two emails it is: enough to ask
// again when the first one is slow, not enough to flood an inbox.
export const EMAILS_PER_APPLE_ID: LockPolicy = { maxFailures: 3, windowMs: HOUR, lockMs: HOUR };

export const addressCreationKey = (address: string) => `create-account:address:${address}`;
export const appleIdCreationKey = (appleIdKey: string) => `create-account:apple-id:${appleIdKey}`;
