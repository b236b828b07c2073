'use client';
// A support PIN the holder just made (app/lib/proof-purposes.ts, 'support-pin'): shown once, in
// place of the code step, with its expiry; it is in no URL, cookie or email.
import { LocalTime } from './local-time.tsx';
import type { ProofState } from '../lib/form-state.ts';

export function MadePin({ pin }: { pin: NonNullable<ProofState['pin']> }) {
  return (
    <div data-testid="support-pin-made">
      <p>Read this PIN to Apple Support:</p>
      <p className="support-pin" data-testid="support-pin">
        {pin.value}
      </p>
      <p>
        It works until <LocalTime iso={pin.expiresAt} show="dateTime" />, for one support staff member. It is not shown again; make a new
        one if you need it.
      </p>
    </div>
  );
}
