// What goes wrong in the browser's own passkey ceremony, said to support staff: the holders'
// sentences (src/kinds/passkey/ceremony-errors.ts) send them to "another trusted device", which staff do
// not have. Apart from ./errors.ts only because the browser shows them: this file imports nothing
// but a type, so a client component can. ./errors.ts includes them, so the map is still one.
import type { CeremonySentences } from '../kinds/passkey/ceremony-errors.ts';

export const STAFF_CEREMONY_ERRORS = {
  CEREMONY_CANCELLED: 'The passkey or security key request was cancelled or timed out. Try again.',
  CEREMONY_ALREADY_ADDED: 'That passkey or security key is already set up for you. Sign in with it, or use another one.',
  CEREMONY_FAILED: "Your browser couldn't use a passkey or security key. Try again, or use an authenticator app.",
} as const satisfies CeremonySentences;
