// The Trusted Devices page's section for the kinds that are not phones
// (docs/rules.md#other-kinds-of-trusted-device): "Add an authenticator app" leads to its own setup
// page; the passkey flow puts its "Add a passkey or security key" form in the `passkey` slot. They
// come next to the phone numbers, never instead of one: two-step still needs an SMS number
// (src/devices/trusted-phones.ts).
import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './devices.module.css';

export function AddOtherKinds({ passkey }: { passkey?: ReactNode }) {
  return (
    <section className="panel" aria-labelledby="others-heading" data-testid="add-other-kinds">
      <h2 id="others-heading">Authenticator Apps and Passkeys</h2>
      <p className={styles.hint}>
        An authenticator app on your phone keeps making new codes, even without a signal. A passkey or security key proves it&apos;s you
        without a code, and can&apos;t be tricked by a fake website. Both work next to your phone number, not instead of it.
      </p>
      <div className={styles.addOthers}>
        <Link className="button secondary" href="/account/security/devices/authenticator">
          Add an authenticator app
        </Link>
      </div>
      {passkey}
    </section>
  );
}
