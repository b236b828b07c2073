import type { Metadata } from 'next';
import Link from 'next/link';
import { WAITING_PERIOD_MS, SETUP_WINDOW_MS } from '@/src/eligibility/eligibility.ts';
import { DAY } from '@/src/clock.ts';

export const metadata: Metadata = { title: 'About Two-Step Verification' };

const waitDays = WAITING_PERIOD_MS / DAY;
const windowDays = SETUP_WINDOW_MS / DAY;

// "Learn more": the questions of the vendor's FAQ (seed 001), answered in our own words for this
// portal: where things are here, what the rules are here. Public: no sign-in needed.
export default function LearnMoreTwoStepPage() {
  return (
    <main className="narrow help">
      <p className="small">
        <Link href="/account/security">← Password and Security</Link>
      </p>
      <h1>About two-step verification</h1>
      <p className="lead">
        Two-step verification keeps other people out of your account even if they learn your password: besides the password, they would need a
        code sent to a device that only you have.
      </p>

      <nav className="panel" aria-labelledby="help-contents">
        <h2 id="help-contents">Questions on this page</h2>
        <ul>
          <li><a href="#what">What does it protect?</a></li>
          <li><a href="#two-factor">Is it the same as two-factor authentication?</a></li>
          <li><a href="#set-up">How do I set it up?</a></li>
          <li><a href="#how">How does signing in work with it on?</a></li>
          <li><a href="#questions">Do I still need my security questions?</a></li>
          <li><a href="#numbers">Which phone numbers should I add?</a></li>
          <li><a href="#find-my">Can an iPhone or iPad get codes as notifications?</a></li>
          <li><a href="#keep-key">Where should I keep my Recovery Key?</a></li>
          <li><a href="#apps">What about apps that can&apos;t ask for a code?</a></li>
          <li><a href="#remember">What am I responsible for?</a></li>
          <li><a href="#lost">What if I lose my key, my password or a device?</a></li>
          <li><a href="#wait">Why do I have to wait before setting it up?</a></li>
          <li><a href="#off">How do I turn it off?</a></li>
          <li><a href="#where">Is it offered where I live?</a></li>
        </ul>
      </nav>

      <section className="panel" aria-labelledby="what">
        <h2 id="what">What does it protect?</h2>
        <p>
          With two-step verification on, a code from one of your trusted devices is needed, after your password, to sign in to this portal
          (Manage your account), and again before you change your password, your trusted devices or your Recovery Key. Support also needs you to
          read them a Support PIN, made on your account page, before they can see your security settings.
        </p>
      </section>

      <section className="panel" aria-labelledby="two-factor">
        <h2 id="two-factor">Is it the same as two-factor authentication?</h2>
        <p>
          No. Two-factor authentication is a newer method built into recent devices. Two-step verification, the method this portal offers, works
          with any mobile phone that can receive text messages, so you don&apos;t need a recent device to use it.
        </p>
      </section>

      <section className="panel" aria-labelledby="set-up">
        <h2 id="set-up">How do I set it up?</h2>
        <p>
          Sign in, open <Link href="/account/security">Password and Security</Link> and choose <strong>Get Started</strong> in the Two-Step
          Verification section. Setup has four steps, and the section shows which one is next (&ldquo;Continue setup — step 2 of 4&rdquo;) until
          you finish:
        </p>
        <ol>
          <li>Add a trusted phone number and enter the code we text to it.</li>
          <li>Get your Recovery Key, and print it or write it down.</li>
          <li>Type the key back in, so we know you have it.</li>
          <li>Read and accept the conditions, and turn it on.</li>
        </ol>
      </section>

      <section className="panel" aria-labelledby="how">
        <h2 id="how">How does signing in work with it on?</h2>
        <p>
          Your trusted devices are the phones and devices you control that can receive a 4-digit verification code: by text message, or as a
          Find My iPhone notification. At least one must be a phone number that receives text messages. Each time you sign in, enter your password,
          choose one of your trusted devices, and type in the code sent to it. Without both the password and the code, nobody gets in.
        </p>
        <p>
          You also get a 14-character Recovery Key. With the key and your password you can still get in if you lose your trusted devices, and with
          the key and a trusted device you can reset a forgotten password.
        </p>
      </section>

      <section className="panel" aria-labelledby="questions">
        <h2 id="questions">Do I still need my security questions?</h2>
        <p>
          No. When two-step verification turns on, your security questions are deleted: from then on your password, your trusted devices and your
          Recovery Key prove who you are. If you turn it off again, you choose new questions.
        </p>
      </section>

      <section className="panel" aria-labelledby="numbers">
        <h2 id="numbers">Which phone numbers should I add?</h2>
        <p>
          Every mobile number you use, so a code can reach you whichever phone you have with you. Consider adding the number of someone close to you,
          such as a family member, for a time when you are without your own phones. Landlines and internet (VoIP) numbers can&apos;t receive our
          codes and can&apos;t be added.
        </p>
      </section>

      <section className="panel" aria-labelledby="find-my">
        <h2 id="find-my">Can an iPhone or iPad get codes as notifications?</h2>
        <p>
          Yes, if Find My iPhone is turned on on it. On the Trusted Devices page, register the device, send it a code, and type in the code it
          shows. You still need at least one phone number as well.
        </p>
      </section>

      <section className="panel" aria-labelledby="keep-key">
        <h2 id="keep-key">Where should I keep my Recovery Key?</h2>
        <p>
          On paper, somewhere safe: at home, at work, or both. Printing two copies and keeping them in different places means one is easy to find and
          you still have the other if one is lost. Don&apos;t keep the key in a file or note on your phone or computer: anyone who gets into that
          device would find it there.
        </p>
        <p>
          Lost it? Sign in with your password and a trusted device, open Manage and choose <strong>Replace Lost Key</strong>. Your old key stops
          working as soon as you get the new one.
        </p>
      </section>

      <section className="panel" aria-labelledby="apps">
        <h2 id="apps">What about apps that can&apos;t ask for a code?</h2>
        <p>
          Some apps, such as a mail, contacts or calendar app from another company, only have a password field. For those, make an app-specific
          password under Manage → <strong>App-Specific Passwords</strong> and type it into the app instead of your password. You can revoke each one
          on its own, and changing your password revokes them all.
        </p>
      </section>

      <section className="panel" aria-labelledby="remember">
        <h2 id="remember">What am I responsible for?</h2>
        <p>With two-step verification on, only you can reset your password, change your trusted devices or make a new Recovery Key. Keep:</p>
        <ul>
          <li>your password in your memory,</li>
          <li>your trusted devices physically safe,</li>
          <li>your Recovery Key in a safe place.</li>
        </ul>
        <p>
          Support can help with other things, but cannot reset, recover or change these three for you. If you lose two of the three at the same
          time, you could be locked out of your account for good.
        </p>
      </section>

      <section className="panel" aria-labelledby="lost">
        <h2 id="lost">What if I lose my key, my password or a device?</h2>
        <dl>
          <dt>Lost your Recovery Key</dt>
          <dd>Sign in with your password and a trusted device, and replace the key from Manage.</dd>
          <dt>Forgot your password</dt>
          <dd>
            Reset it with your Recovery Key and one of your trusted devices: <Link href="/reset/recovery-key">reset with your Recovery Key</Link>.
            Support cannot reset it for you.
          </dd>
          <dt>Lost or gave away a trusted device</dt>
          <dd>Remove it from your Trusted Devices as soon as you can: it can then no longer receive codes for you.</dd>
          <dt>No trusted device at hand at all</dt>
          <dd>
            Sign in with your password, then choose &ldquo;Can&apos;t use any of your devices?&rdquo; and enter your Recovery Key. Verify a new trusted
            device straight away.
          </dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="wait">
        <h2 id="wait">Why do I have to wait before setting it up?</h2>
        <p>
          If your account changed recently in a way someone else could use to take it over (your password changed or reset, new security questions,
          a changed rescue email or birth date), setup waits {waitDays} days from the latest such change. That gives you time to notice if the change
          was not yours. Meanwhile your account works as usual, we email every address on file with the date the wait ends, and the Two-Step
          Verification section says why and until when.
        </p>
        <p>
          After the wait you have {windowDays} days to complete setup. Another such change during those days, or completing setup after they have
          passed, starts a new waiting period.
        </p>
      </section>

      <section className="panel" aria-labelledby="off">
        <h2 id="off">How do I turn it off?</h2>
        <p>
          Open Manage under Password and Security and choose <strong>Turn Off Two-Step Verification</strong>. You set three new security questions
          and confirm your birth date, and we email every address on file to confirm it is off.
        </p>
      </section>

      <section className="panel" aria-labelledby="where">
        <h2 id="where">Is it offered where I live?</h2>
        <p>
          It depends on the country or region of your account. The Two-Step Verification section on Password and Security always says whether it is
          offered there, and when a date is set, from which date. When it becomes available, Get Started appears there by itself.
        </p>
      </section>
    </main>
  );
}
