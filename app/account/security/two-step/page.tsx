import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { accountLocale } from '@/src/format.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { listAppPasswords } from '@/src/app-passwords/app-passwords.ts';
import { kindUis } from '../../../_kinds/registry.tsx';
import { codeOrSignature } from '../../../_kinds/wording.ts';
import { kindWords } from '../../../_kinds/kind-words.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { LocalTime } from '../../../components/local-time.tsx';
import { DeviceName } from '../../../components/device-name.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Two-Step Verification' };

// Manage two-step verification once it is on (docs/rules.md#turning-it-on): trusted devices, the
// Recovery Key, app-specific passwords, turning it off. Each change asks for a fresh code on its
// own page.
export default async function ManageTwoStepPage() {
  const { account } = await requireSecurityPass();
  if (!account.twoStepEnabledAt) redirect('/account/security');
  const rt = runtime();
  const locale = accountLocale(account.countryCode);
  const [{ trusted }, appPasswords] = await Promise.all([listDevices(rt.db, account.id), listAppPasswords(rt.db, account.id)]);
  return (
    <main className="section-list">
      <p className="small">
        <Link href="/account/security">← Password and Security</Link>
      </p>
      <h1>Two-Step Verification</h1>
      <p className="lead" data-testid="two-step-since">
        On since <LocalTime iso={account.twoStepEnabledAt.toISOString()} show="date" locale={locale} />. Signing in needs your password and
        then one of your trusted devices: {codeOrSignature(kindUis(), await kindWords())}.
      </p>

      <section className="panel" aria-labelledby="devices-heading">
        <h2 id="devices-heading">Trusted Devices</h2>
        <ul className="plain-list" data-testid="manage-devices">
          {trusted.map((d) => (
            <li key={d.id}>
              <DeviceName label={d.label} /> <span className="muted small">{d.shows.channel}</span>
            </li>
          ))}
        </ul>
        <Link className="button secondary" href="/account/security/devices">
          Add or Remove Devices
        </Link>
      </section>

      <section className="panel" aria-labelledby="key-heading">
        <h2 id="key-heading">Recovery Key</h2>
        <p className="muted">
          {account.recoveryKeyCreatedAt ? (
            <>
              Created <LocalTime iso={account.recoveryKeyCreatedAt.toISOString()} show="date" locale={locale} />.{' '}
            </>
          ) : null}
          You need it, with one of your trusted devices, to reset your password.
        </p>
        <Link className="button secondary" href="/account/security/recovery-key">
          Replace Lost Key
        </Link>
      </section>

      <section className="panel" aria-labelledby="apps-heading">
        <h2 id="apps-heading">App-Specific Passwords</h2>
        <p className="muted">
          {appPasswords.length === 0 ? 'None.' : `${appPasswords.length} active.`} For apps that cannot ask for a verification code.
        </p>
        <Link className="button secondary" href="/account/security/app-passwords">
          Manage App-Specific Passwords
        </Link>
      </section>

      <section className="panel" aria-labelledby="off-heading">
        <h2 id="off-heading">Turn Off Two-Step Verification</h2>
        <p className="muted">Your account would be protected by your password and security questions only.</p>
        <Link className="button danger" href="/account/security/turn-off">
          Turn Off Two-Step Verification
        </Link>
      </section>
    </main>
  );
}
