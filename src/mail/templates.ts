// Email templates: small pure functions from facts to { subject, text }. The text is the one source
// of an email: compose.ts adds the support footer and renders the HTML part from it. A URL stands on
// a line of its own or is followed by a space, never by punctuation a mail client would take into
// the link (compose.test.ts checks every template).
// An email must NEVER contain a password, a verification code or a recovery key: email is not a
// secure channel, and users must learn that Two-Step never sends those by email.

import { formatDateTime, type TimeZone } from '../format.ts';
import type { Locale } from '../i18n/locales.ts';
import { durationAdjective } from '../clock.ts';
import { changeName } from '../security-events/change-names.ts';

/**
 * Who reads an email: every template that writes a date or time takes the account's zone, and the
 * time is written in it, named (src/format.ts; null, none known: UTC, said as "UTC"); every email
 * is written in the account's language (src/accounts/email-language.ts).
 */
export interface Zoned {
  timeZone: TimeZone;
  language: Locale;
}

export interface EmailContent {
  subject: string;
  text: string;
}

/** One line of user-supplied text: control characters and line breaks become spaces. */
export function oneLine(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function welcomeEmail(p: { name: string; appleId: string; appUrl: string }): EmailContent {
  const name = oneLine(p.name) || 'there';
  const appleId = oneLine(p.appleId);
  const appUrl = oneLine(p.appUrl).replace(/\/+$/, '');
  return {
    subject: 'Welcome to your new Apple ID',
    text: [
      `Dear ${name},`,
      '',
      `Your Apple ID, ${appleId}, has been created.`,
      '',
      'To keep your account secure, turn on two-step verification and manage your trusted devices at:',
      `${appUrl}/account/security`,
      '',
      'We will never ask for your password, a verification code or your Recovery Key by email.',
      'If you did not create this Apple ID, please contact support.',
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

const SIGNATURE = [
  '',
  'If you did not make this change, someone else may be using your account: contact support at once.',
  '',
  'Two-Step',
  '',
];

/** Where "contact support" leads (app/contact-support). */
export const CONTACT_SUPPORT_PATH = '/contact-support';
/** The support address the contact page gives to people who are not signed in. */
export const SUPPORT_ADDRESS = 'support@two-step.localhost';

/** Asked for on the page ("Email me when..."), sent when the operator's date for the country arrives. */
export function countryOfferedEmail(p: { name: string; appleId: string; country: string; appUrl: string }): EmailContent {
  const country = oneLine(p.country);
  return {
    subject: `Two-step verification is now offered in ${country}`,
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `You asked us to tell you: two-step verification is now offered in ${country}, the country or region of the Apple ID ${oneLine(p.appleId)}.`,
      'Your Password and Security page says when you can set it up:',
      `${oneLine(p.appUrl).replace(/\/+$/, '')}/account/security`,
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/** A security change to the account, to every address on file. Names the change, never the new value of a secret. */
export function accountChangedEmail(p: { name: string; appleId: string; change: string; at: Date } & Zoned): EmailContent {
  const what = changeName(p.change) ?? 'your account was changed';
  return {
    subject: `${what.charAt(0).toUpperCase()}${what.slice(1)}`,
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `On ${formatDateTime(p.at, 'en-US', p.timeZone)}, ${what} for the Apple ID ${oneLine(p.appleId)}.`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

/**
 * An app signed in with the Apple ID from a browser it was never used from before
 * (docs/rules.md#other-apps), to every address on file. Says which app, when, and from which
 * browser, and how to stop it; never a token.
 */
export function appUsedFromNewBrowserEmail(
  p: {
    name: string;
    appleId: string;
    app: string;
    browser: string;
    at: Date;
    appUrl: string;
  } & Zoned,
): EmailContent {
  const app = oneLine(p.app);
  const appUrl = oneLine(p.appUrl).replace(/\/+$/, '');
  return {
    subject: `Your Apple ID was used to sign in to ${app}`,
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `On ${formatDateTime(p.at, 'en-US', p.timeZone)}, your Apple ID ${oneLine(p.appleId)} was used to sign in to ${app} from a browser it had not been used from before (${oneLine(p.browser)}).`,
      '',
      `If this was you, there is nothing to do. If it was not, change your password now: that signs ${app} and every other app out everywhere. You can also stop ${app} from using your Apple ID under "Apps using your Apple ID" at:`,
      `${appUrl}/account/security`,
      ...SIGNATURE.slice(2),
    ].join('\n'),
  };
}

/** The password-reset link (two-step off). The link is single use and valid for an hour; it still asks two security questions. */
export function passwordResetLinkEmail(p: { name: string; appleId: string; link: string; expiresAt: Date } & Zoned): EmailContent {
  return {
    subject: 'Reset your password',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `Someone asked to reset the password of the Apple ID ${oneLine(p.appleId)}. To choose a new password, open this link`,
      `before ${formatDateTime(p.expiresAt, 'en-US', p.timeZone)} and answer two of your security questions:`,
      '',
      oneLine(p.link),
      '',
      'The link works once. If you did not ask for this, ignore this email: your password stays as it is.',
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/**
 * A trusted device was added (verified) or removed, to every address on file. `device` names it in
 * a sentence, as its kind describes it (a phone number masked to its last two digits, a device's
 * name, the kind's noun and the holder's name for it); `uses` is what the kind can do once trusted (trustedUses of its kind in
 * src/kinds/, which this layer may not import: the caller looks it up).
 */
export function trustedDeviceEmail(
  p: {
    name: string;
    appleId: string;
    device: string;
    uses: string;
    added: boolean;
    at: Date;
  } & Zoned,
): EmailContent {
  const device = oneLine(p.device);
  return {
    subject: p.added ? 'A trusted device was added to your Apple ID' : 'A trusted device was removed from your Apple ID',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      p.added
        ? `On ${formatDateTime(p.at, 'en-US', p.timeZone)}, ${device} was verified as a trusted device for the Apple ID ${oneLine(p.appleId)}. ${oneLine(p.uses)}`
        : `On ${formatDateTime(p.at, 'en-US', p.timeZone)}, ${device} was removed from the trusted devices of the Apple ID ${oneLine(p.appleId)}. It can no longer be used to verify your identity.`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

/**
 * (ours, OWASP Multifactor Authentication cheat sheet: notify the user of failed MFA attempts) Too
 * many wrong verification codes in a row: to every address on file, once per run. Names when it
 * happened and the browsers and client addresses the wrong codes came from; never a code.
 */
export function wrongCodesAlertEmail(
  p: {
    name: string;
    appleId: string;
    at: Date;
    wrongCodes: number;
    sources: Array<{ clientAddress: string | null; userAgent: string | null; attempts: number; lastAt: Date }>;
  } & Zoned,
): EmailContent {
  const sources = p.sources.map((s) => {
    const address = oneLine(s.clientAddress ?? '') || 'an unknown address';
    const browserText = oneLine(s.userAgent ?? '');
    const browser = browserText ? (browserText.length > 200 ? `${browserText.slice(0, 200)}…` : browserText) : 'an unknown browser';
    return `  - from ${address}, browser ${browser}: ${s.attempts} wrong code${s.attempts === 1 ? '' : 's'}, the last on ${formatDateTime(s.lastAt, 'en-US', p.timeZone)}`;
  });
  return {
    subject: 'Wrong verification codes were entered for your Apple ID',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `By ${formatDateTime(p.at, 'en-US', p.timeZone)}, ${p.wrongCodes} wrong verification codes in a row had been entered for the Apple ID ${oneLine(p.appleId)}.`,
      'For your security, sending and checking verification codes for this Apple ID is paused for a while, longer after each further wrong code.',
      '',
      'The wrong codes were entered',
      ...sources,
      '',
      'If this was you, wait a moment and ask for a new code. If it was not, someone may know your password: change it at once.',
      'We will never ask you for a verification code by email or phone.',
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/**
 * An app-specific password was created or revoked (docs/rules.md#emails), to every address on file.
 * Names the label the holder gave it; never the password. `count` is set when all of them were
 * revoked at once.
 */
export function appPasswordEmail(
  p: {
    name: string;
    appleId: string;
    label: string;
    created: boolean;
    at: Date;
    count?: number;
  } & Zoned,
): EmailContent {
  const label = oneLine(p.label);
  const when = `On ${formatDateTime(p.at, 'en-US', p.timeZone)}`;
  const appleId = oneLine(p.appleId);
  const line =
    p.count !== undefined
      ? `${when}, all ${p.count} app-specific password${p.count === 1 ? '' : 's'} of the Apple ID ${appleId} were revoked. Apps that used them can no longer sign in until you give them a new one.`
      : p.created
        ? `${when}, an app-specific password labelled “${label}” was created for the Apple ID ${appleId}. An app can now sign in with it without a verification code.`
        : `${when}, the app-specific password labelled “${label}” of the Apple ID ${appleId} was revoked. Apps that used it can no longer sign in with it.`;
  return {
    subject:
      p.count !== undefined
        ? 'All app-specific passwords of your Apple ID were revoked'
        : p.created
          ? 'An app-specific password was created for your Apple ID'
          : 'An app-specific password of your Apple ID was revoked',
    text: [`Dear ${oneLine(p.name) || 'there'},`, '', line, ...SIGNATURE].join('\n'),
  };
}

/**
 * Two-step verification was turned on (docs/rules.md#turning-it-on: "A confirmation email is
 * sent"), to every address on file. Restates what the holder accepted; never the Recovery Key.
 */
export function twoStepOnEmail(p: { name: string; appleId: string; at: Date; appUrl: string } & Zoned): EmailContent {
  const appUrl = oneLine(p.appUrl).replace(/\/+$/, '');
  return {
    subject: 'Two-step verification is now on for your Apple ID',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `On ${formatDateTime(p.at, 'en-US', p.timeZone)}, two-step verification was turned on for the Apple ID ${oneLine(p.appleId)}.`,
      'From now on, signing in needs your password and a verification code sent to one of your trusted devices.',
      'Your security questions were deleted: you no longer need them. Every other browser signed in to your account was signed out.',
      '',
      'Remember:',
      '  - Support cannot reset your password for you.',
      '  - You are responsible for your password, your trusted devices and your Recovery Key.',
      '  - If you lose two of these three at the same time, you could be locked out of your Apple ID for good.',
      '',
      'Keep your printed Recovery Key in a secure place. We will never send it by email or ask you for it.',
      'You can manage your trusted devices at:',
      `${appUrl}/account/security`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

/** The Recovery Key was replaced (Replace Lost Key), to every address on file. Never the key. */
export function recoveryKeyReplacedEmail(p: { name: string; appleId: string; at: Date } & Zoned): EmailContent {
  return {
    subject: 'The Recovery Key of your Apple ID was replaced',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `On ${formatDateTime(p.at, 'en-US', p.timeZone)}, a new Recovery Key was created for the Apple ID ${oneLine(p.appleId)}. The previous key no longer works.`,
      'Keep the new key, printed, in a secure place. We will never send it by email or ask you for it.',
      ...SIGNATURE,
    ].join('\n'),
  };
}

/** Two-step verification was turned off, to every address on file. */
/** `waitingPeriodMs`: the eligibility rule (WAITING_PERIOD_MS), which mail/ may not import, given by the caller. */
export function twoStepOffEmail(
  p: { name: string; appleId: string; at: Date; appUrl: string; waitingPeriodMs: number } & Zoned,
): EmailContent {
  const appUrl = oneLine(p.appUrl).replace(/\/+$/, '');
  return {
    subject: 'Two-step verification is now off for your Apple ID',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `On ${formatDateTime(p.at, 'en-US', p.timeZone)}, two-step verification was turned off for the Apple ID ${oneLine(p.appleId)}.`,
      'Signing in now needs only your password. Your Recovery Key, app-specific passwords and trusted devices were deleted,',
      'new security questions were set, and every other browser signed in to your account was signed out.',
      '',
      `Because the security questions changed, turning two-step verification on again starts with a ${durationAdjective(p.waitingPeriodMs)} waiting period. See:`,
      `${appUrl}/account/security`,
      ...SIGNATURE,
    ].join('\n'),
  };
}

/**
 * Someone asked for a reset link for an account with two-step on. No link: its password is reset
 * only with the Recovery Key and a trusted device (docs/rules.md#emails). The email says where to
 * do that.
 */
export function resetWithRecoveryKeyEmail(p: { name: string; appleId: string; appUrl: string }): EmailContent {
  const appUrl = oneLine(p.appUrl).replace(/\/+$/, '');
  return {
    subject: 'Resetting the password of your Apple ID',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `Someone asked to reset the password of the Apple ID ${oneLine(p.appleId)}.`,
      'Two-step verification is on for this account, so no reset link is sent: the password can be reset only with your Recovery Key and one of your trusted devices, at:',
      `${appUrl}/reset/recovery-key`,
      '',
      'Support cannot reset it for you. If you did not ask, you can ignore this email: nothing was changed.',
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/**
 * To the address given as a new Apple ID (docs/rules.md#account): the link that activates it. The
 * only secret in it is the link's token; no password, code or key.
 */
export function activateAccountEmail(p: { appleId: string; link: string; expiresAt: Date } & Zoned): EmailContent {
  return {
    subject: 'Activate your new Apple ID',
    text: [
      // Whoever filled in the form chose the name: it is not put in an email to this address, which
      // may belong to someone else (a stranger's words, in a message from us, to them). Almost
      // always it is the person who just filled in the form, so it is written to them, and the
      // line for anyone else comes last.
      'Hello,',
      '',
      `You asked to create an Apple ID with this email address, ${oneLine(p.appleId)}. To activate it, open this link`,
      `before ${formatDateTime(p.expiresAt, 'en-US', p.timeZone)} and choose Activate my Apple ID:`,
      '',
      oneLine(p.link),
      '',
      'Until then the Apple ID does not exist and nobody can sign in with it. The link works once.',
      '',
      'If you did not ask for this, ignore this email: no Apple ID will be created.',
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}

/**
 * To an address that already is an Apple ID, when the Create Account form is sent with it: no link,
 * nothing changed; what to do if it was the holder, and that nothing is needed if it was not.
 */
export function accountExistsEmail(p: { name: string; appleId: string; at: Date; appUrl: string } & Zoned): EmailContent {
  const appUrl = oneLine(p.appUrl).replace(/\/+$/, '');
  return {
    subject: 'Someone tried to create an Apple ID with your email address',
    text: [
      `Dear ${oneLine(p.name) || 'there'},`,
      '',
      `On ${formatDateTime(p.at, 'en-US', p.timeZone)}, someone tried to create a new Apple ID with ${oneLine(p.appleId)}, which is already your Apple ID.`,
      'No new Apple ID was created and nothing on your account changed.',
      '',
      'If it was you, you already have an Apple ID. Sign in at:',
      `${appUrl}/sign-in`,
      'Or, if you forgot your password, reset it at:',
      `${appUrl}/forgot`,
      '',
      'If it was not you, you need not do anything.',
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}
