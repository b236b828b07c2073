import Link from 'next/link';
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { aDigits, accountLocale } from '@/src/format.ts';
import { listDevices } from '@/src/devices/trusted-devices.ts';
import { requireSecurityPass } from '../../../../lib/security-pass.ts';
import { LocalTime } from '../../../../components/local-time.tsx';
import { FocusHeading } from '../../../../components/focus-on-mount.tsx';
import { DeviceName } from '../../../../components/device-name.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Two-Step Verification Is On' };

// After the switch: what changes now (Apple's FAQ: signing in with a code, the Recovery Key,
// app-specific passwords). Focus starts on the heading, so the outcome is the first thing read out.
export default async function TwoStepOnPage() {
  const { account } = await requireSecurityPass();
  if (!account.twoStepEnabledAt) redirect('/account/security');
  const locale = accountLocale(account.countryCode);
  const { trusted } = await listDevices(runtime().db, account.id);
  return (
    <main className="narrow">
      <FocusHeading id="two-step-on-heading">Two-step verification is on</FocusHeading>
      <p className="lead" data-testid="two-step-on-since">
        Since <LocalTime iso={account.twoStepEnabledAt.toISOString()} locale={locale} />. We sent a confirmation to every address on file.
      </p>
      <div className="panel">
        <h2>What changes now</h2>
        <h3>Signing in needs a code</h3>
        <p>
          When you sign in, enter your password, then {aDigits(runtime().codeDigits)} verification code we send to one of your trusted
          devices. Your trusted devices:
        </p>
        <ul className="plain-list" data-testid="done-devices">
          {trusted.map((d) => (
            <li key={d.id}>
              <DeviceName label={d.label} />
            </li>
          ))}
        </ul>
        <p>
          Changing your password, your trusted devices or your Recovery Key also asks for a code first. Other browsers signed in to your
          account were signed out.
        </p>
        <h3>Keep your Recovery Key</h3>
        <p>
          Your printed Recovery Key, with one of your trusted devices, is how you reset a forgotten password or get back in if you lose your
          trusted devices. Keep it on paper, in a safe place, never on your computer or phone. If it is lost, replace it from Manage.
        </p>
        <h3>Apps that can&apos;t ask for a code</h3>
        <p>
          Some apps (a mail or calendar app, for example) can&apos;t ask for a verification code. For those, make an app-specific password
          and type it into the app instead of your password.
        </p>
        <h3>No more security questions</h3>
        <p>
          Your security questions were deleted: with two-step verification, your password, trusted devices and Recovery Key prove who you
          are.
        </p>
        <div className="actions">
          <Link className="button" href="/account/security/two-step">
            Manage two-step verification
          </Link>
          <Link className="button secondary" href="/account/security/app-passwords">
            App-Specific Passwords
          </Link>
          <Link className="button secondary" href="/account/security">
            Password and Security
          </Link>
        </div>
        <p className="small">
          <Link href="/help/two-step">Learn more about two-step verification</Link>
        </p>
      </div>
    </main>
  );
}
