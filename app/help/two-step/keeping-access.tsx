import Link from 'next/link';
import { KindQuestions, Question } from './question.tsx';

/** Each kind of trusted device, the Recovery Key, apps, and what to do when something is lost. */
export function KeepingAccess() {
  return (
    <>
      <KindQuestions />

      <Question id="keep-key">
        <p>
          On paper, somewhere safe: at home, at work, or both. Printing two copies and keeping them in different places means one is easy to
          find and you still have the other if one is lost. Don&apos;t keep the key in a file or note on your phone or computer: anyone who
          gets into that device would find it there.
        </p>
        <p>
          Lost it? Sign in with your password and a trusted device, open Manage and choose <strong>Replace Lost Key</strong>. Your old key
          stops working as soon as you get the new one.
        </p>
      </Question>

      <Question id="apps">
        <p>
          Some apps, such as a mail, contacts or calendar app from another company, only have a password field. For those, make an
          app-specific password under Manage → <strong>App-Specific Passwords</strong> and type it into the app instead of your password.
          You can revoke each one on its own, and changing your password revokes them all.
        </p>
      </Question>

      <Question id="remember">
        <p>
          With two-step verification on, only you can reset your password, change your trusted devices or make a new Recovery Key. Keep:
        </p>
        <ul>
          <li>your password in your memory,</li>
          <li>your trusted devices physically safe,</li>
          <li>your Recovery Key in a safe place.</li>
        </ul>
        <p>
          Support can help with other things, but cannot reset, recover or change these three for you. If you lose two of the three at the
          same time, you could be locked out of your account for good.
        </p>
      </Question>

      <Question id="lost">
        <dl>
          <dt>Lost your Recovery Key</dt>
          <dd>Sign in with your password and a trusted device, and replace the key from Manage.</dd>
          <dt>Forgot your password</dt>
          <dd>
            Reset it with your Recovery Key and one of your trusted devices:{' '}
            <Link href="/reset/recovery-key">reset with your Recovery Key</Link>. Support cannot reset it for you.
          </dd>
          <dt>Lost or gave away a trusted device</dt>
          <dd>Remove it from your Trusted Devices as soon as you can: it can then no longer receive codes for you.</dd>
          <dt>No trusted device at hand at all</dt>
          <dd>
            Sign in with your password, then choose &ldquo;Can&apos;t use any of your devices?&rdquo; and enter your Recovery Key. Verify a
            new trusted device straight away.
          </dd>
        </dl>
      </Question>
    </>
  );
}
