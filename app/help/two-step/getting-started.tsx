import Link from 'next/link';
import { aDigits } from '@/src/format.ts';
import { RECOVERY_KEY_LENGTH } from '@/src/recovery-key/recovery-key.ts';
import { continueSetupLabel, SETUP_STEPS } from '@/src/two-step/turn-on.ts';
import { Question } from './question.tsx';

/** What it is, how to set it up and how signing in works with it. `codeDigits`: CODE_DIGITS, set at run time. */
export function GettingStarted({ codeDigits }: { codeDigits: number }) {
  return (
    <>
      <Question id="what">
        <p>
          With two-step verification on, a code from one of your trusted devices is needed, after your password, to sign in to this portal
          (Manage your account), and again before you change your password, your trusted devices or your Recovery Key. Support also needs
          you to read them a Support PIN, made on your account page, before they can see your security settings.
        </p>
      </Question>

      <Question id="two-factor">
        <p>
          No. Two-factor authentication is a newer method built into recent devices. Two-step verification, the method this portal offers,
          works with any mobile phone that can receive text messages, so you don&apos;t need a recent device to use it.
        </p>
      </Question>

      <Question id="set-up">
        <p>
          Sign in, open <Link href="/account/security">Password and Security</Link> and choose <strong>Get Started</strong> in the Two-Step
          Verification section. Setup has {SETUP_STEPS.length} steps, and the section shows which one is next (&ldquo;
          {continueSetupLabel('recovery-key')}&rdquo;) until you finish:
        </p>
        <ol>
          <li>Add a trusted phone number and enter the code we text to it.</li>
          <li>Get your Recovery Key, and print it or write it down.</li>
          <li>Type the key back in, so we know you have it.</li>
          <li>Read and accept the conditions, and turn it on.</li>
        </ol>
      </Question>

      <Question id="how">
        <p>
          Your trusted devices are the phones and devices you control that can receive {aDigits(codeDigits)} verification code: by text
          message, or as a Find My iPhone notification. At least one must be a phone number that receives text messages. Each time you sign
          in, enter your password, choose one of your trusted devices, and type in the code sent to it. Without both the password and the
          code, nobody gets in.
        </p>
        <p>
          You also get a {RECOVERY_KEY_LENGTH}-character Recovery Key. With the key and your password you can still get in if you lose your
          trusted devices, and with the key and a trusted device you can reset a forgotten password.
        </p>
      </Question>

      <Question id="questions">
        <p>
          No. When two-step verification turns on, your security questions are deleted: from then on your password, your trusted devices and
          your Recovery Key prove who you are. If you turn it off again, you choose new questions.
        </p>
      </Question>
    </>
  );
}
