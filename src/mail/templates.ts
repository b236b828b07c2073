// Email templates: small pure functions from facts to { subject, text, language }. The text is the
// one source of an email: compose.ts adds the support footer and renders the HTML part from it. A
// URL stands on a line of its own or is followed by a space, never by punctuation a mail client
// would take into the link (compose.test.ts checks every template).
// An email must NEVER contain a password, a verification code or a recovery key: email is not a
// secure channel, and users must learn that Two-Step never sends those by email.
//
// Every sentence is the `emails` catalogue's (messages/<locale>/emails.json), in the reader's
// language, one key per sentence or paragraph, its facts as arguments (dates in the reader's zone,
// named; counts as ICU plurals). What the holder typed (names, labels) and addresses stay as given.

import type { Locale } from '../i18n/locales.ts';
import { durationAdjective } from '../clock.ts';
import type { SignificantChangeKind } from '../security-events/record.ts';
import { baseUrl, emailWriter, oneLine, SIGN_OFF, type Zoned } from './writing.ts';

export { oneLine, type Zoned } from './writing.ts';

export interface EmailContent {
  subject: string;
  text: string;
  /** The language it is written in: the support footer is added in the same one. Absent: English. */
  language?: Locale;
}

/** The closing lines of an email about a change: who to tell if it was not the holder, and the sign-off. */
const closing = (w: { notYou: () => string }) => ['', w.notYou(), '', SIGN_OFF, ''];
/** The sign-off alone. */
const SIGNED = ['', SIGN_OFF, ''];

export function welcomeEmail(p: { name: string; appleId: string; appUrl: string } & Zoned): EmailContent {
  const w = emailWriter(p);
  return {
    subject: w.t('welcome.subject'),
    text: [
      w.greeting(p.name),
      '',
      w.t('welcome.created', { appleId: oneLine(p.appleId) }),
      '',
      w.t('welcome.secure'),
      `${baseUrl(p.appUrl)}/account/security`,
      '',
      w.t('welcome.neverAsk'),
      w.t('welcome.notYou'),
      ...SIGNED,
    ].join('\n'),
    language: w.language,
  };
}

/** Where "contact support" leads (app/contact-support). */
export const CONTACT_SUPPORT_PATH = '/contact-support';
/** The support address the contact page gives to people who are not signed in. */
export const SUPPORT_ADDRESS = 'support@two-step.localhost';

/** Asked for on the page ("Email me when..."), sent when the operator's date for the country arrives. */
export function countryOfferedEmail(p: { name: string; appleId: string; country: string; appUrl: string } & Zoned): EmailContent {
  const w = emailWriter(p);
  const country = oneLine(p.country);
  return {
    subject: w.t('countryOffered.subject', { country }),
    text: [
      w.greeting(p.name),
      '',
      w.t('countryOffered.offered', { country, appleId: oneLine(p.appleId) }),
      w.t('countryOffered.when'),
      `${baseUrl(p.appUrl)}/account/security`,
      ...SIGNED,
    ].join('\n'),
    language: w.language,
  };
}

/** Each significant change's sentences in the catalogue (accountChanged.<key>.subject and .text). */
const CHANGE_KEYS: Record<SignificantChangeKind, string> = {
  'password-changed': 'passwordChanged',
  'password-reset': 'passwordReset',
  'security-questions-changed': 'securityQuestionsChanged',
  'rescue-email-changed': 'rescueEmailChanged',
  'birth-date-changed': 'birthDateChanged',
};

/** A security change to the account, to every address on file. Names the change, never the new value of a secret. */
export function accountChangedEmail(p: { name: string; appleId: string; change: string; at: Date } & Zoned): EmailContent {
  const w = emailWriter(p);
  const key = Object.hasOwn(CHANGE_KEYS, p.change) ? CHANGE_KEYS[p.change as SignificantChangeKind] : 'other';
  return {
    subject: w.t(`accountChanged.${key}.subject`),
    text: [
      w.greeting(p.name),
      '',
      w.t(`accountChanged.${key}.text`, { at: { dateTime: p.at }, appleId: oneLine(p.appleId) }),
      ...closing(w),
    ].join('\n'),
    language: w.language,
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
  const w = emailWriter(p);
  const app = oneLine(p.app);
  return {
    subject: w.t('appUsed.subject', { app }),
    text: [
      w.greeting(p.name),
      '',
      w.t('appUsed.used', { at: { dateTime: p.at }, appleId: oneLine(p.appleId), app, browser: oneLine(p.browser) }),
      '',
      w.t('appUsed.whatToDo', { app }),
      `${baseUrl(p.appUrl)}/account/security`,
      ...SIGNED,
    ].join('\n'),
    language: w.language,
  };
}

/** The password-reset link (two-step off). The link is single use and valid for an hour; it still asks two security questions. */
export function passwordResetLinkEmail(p: { name: string; appleId: string; link: string; expiresAt: Date } & Zoned): EmailContent {
  const w = emailWriter(p);
  return {
    subject: w.t('resetLink.subject'),
    text: [
      w.greeting(p.name),
      '',
      w.t('resetLink.asked', { appleId: oneLine(p.appleId), expiresAt: { dateTime: p.expiresAt } }),
      '',
      oneLine(p.link),
      '',
      w.t('resetLink.once'),
      ...SIGNED,
    ].join('\n'),
    language: w.language,
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
  const w = emailWriter(p);
  const facts = { at: { dateTime: p.at }, device: oneLine(p.device), appleId: oneLine(p.appleId) };
  return {
    subject: w.t(p.added ? 'trustedDevice.addedSubject' : 'trustedDevice.removedSubject'),
    text: [
      w.greeting(p.name),
      '',
      p.added ? w.t('trustedDevice.added', { ...facts, uses: oneLine(p.uses) }) : w.t('trustedDevice.removed', facts),
      ...closing(w),
    ].join('\n'),
    language: w.language,
  };
}

/** How much of a browser's name an email quotes. */
const BROWSER_TEXT_MAX = 200;

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
  const w = emailWriter(p);
  const sources = p.sources.map((s) => {
    const address = oneLine(s.clientAddress ?? '') || w.t('wrongCodes.unknownAddress');
    const browserText = oneLine(s.userAgent ?? '');
    const browser = browserText
      ? browserText.length > BROWSER_TEXT_MAX
        ? `${browserText.slice(0, BROWSER_TEXT_MAX)}…`
        : browserText
      : w.t('wrongCodes.unknownBrowser');
    return `  - ${w.t('wrongCodes.source', { address, browser, attempts: s.attempts, lastAt: { dateTime: s.lastAt } })}`;
  });
  return {
    subject: w.t('wrongCodes.subject'),
    text: [
      w.greeting(p.name),
      '',
      w.t('wrongCodes.entered', { at: { dateTime: p.at }, wrongCodes: p.wrongCodes, appleId: oneLine(p.appleId) }),
      w.t('wrongCodes.paused'),
      '',
      w.t('wrongCodes.sourcesIntro'),
      ...sources,
      '',
      w.t('wrongCodes.ifYou'),
      w.t('wrongCodes.neverAsk'),
      ...SIGNED,
    ].join('\n'),
    language: w.language,
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
  const w = emailWriter(p);
  const facts = { at: { dateTime: p.at }, appleId: oneLine(p.appleId) };
  const which = p.count !== undefined ? 'allRevoked' : p.created ? 'created' : 'revoked';
  const line =
    p.count !== undefined
      ? w.t('appPassword.allRevoked', { ...facts, count: p.count })
      : w.t(`appPassword.${which}`, { ...facts, label: oneLine(p.label) });
  return {
    subject: w.t(`appPassword.${which}Subject`),
    text: [w.greeting(p.name), '', line, ...closing(w)].join('\n'),
    language: w.language,
  };
}

/**
 * Two-step verification was turned on (docs/rules.md#turning-it-on: "A confirmation email is
 * sent"), to every address on file. Restates what the holder accepted; never the Recovery Key.
 */
export function twoStepOnEmail(p: { name: string; appleId: string; at: Date; appUrl: string } & Zoned): EmailContent {
  const w = emailWriter(p);
  return {
    subject: w.t('twoStepOn.subject'),
    text: [
      w.greeting(p.name),
      '',
      w.t('twoStepOn.turnedOn', { at: { dateTime: p.at }, appleId: oneLine(p.appleId) }),
      w.t('twoStepOn.fromNow'),
      w.t('twoStepOn.questionsDeleted'),
      '',
      w.t('twoStepOn.remember'),
      `  - ${w.t('twoStepOn.noReset')}`,
      `  - ${w.t('twoStepOn.responsible')}`,
      `  - ${w.t('twoStepOn.lockedOut')}`,
      '',
      w.t('twoStepOn.keepKey'),
      w.t('twoStepOn.manage'),
      `${baseUrl(p.appUrl)}/account/security`,
      ...closing(w),
    ].join('\n'),
    language: w.language,
  };
}

/** The Recovery Key was replaced (Replace Lost Key), to every address on file. Never the key. */
export function recoveryKeyReplacedEmail(p: { name: string; appleId: string; at: Date } & Zoned): EmailContent {
  const w = emailWriter(p);
  return {
    subject: w.t('recoveryKeyReplaced.subject'),
    text: [
      w.greeting(p.name),
      '',
      w.t('recoveryKeyReplaced.replaced', { at: { dateTime: p.at }, appleId: oneLine(p.appleId) }),
      w.t('recoveryKeyReplaced.keep'),
      ...closing(w),
    ].join('\n'),
    language: w.language,
  };
}

/** Two-step verification was turned off, to every address on file. */
/** `waitingPeriodMs`: the eligibility rule (WAITING_PERIOD_MS), which mail/ may not import, given by the caller. */
export function twoStepOffEmail(
  p: { name: string; appleId: string; at: Date; appUrl: string; waitingPeriodMs: number } & Zoned,
): EmailContent {
  const w = emailWriter(p);
  // English puts a length before its noun as one hyphenated word ("a 3-day waiting period"); the
  // other languages say the length itself ("une période d'attente de 3 jours").
  const period = p.language === 'en' ? durationAdjective(p.waitingPeriodMs) : { duration: p.waitingPeriodMs };
  return {
    subject: w.t('twoStepOff.subject'),
    text: [
      w.greeting(p.name),
      '',
      w.t('twoStepOff.turnedOff', { at: { dateTime: p.at }, appleId: oneLine(p.appleId) }),
      w.t('twoStepOff.deleted'),
      '',
      w.t('twoStepOff.waiting', { period }),
      `${baseUrl(p.appUrl)}/account/security`,
      ...closing(w),
    ].join('\n'),
    language: w.language,
  };
}

/**
 * Someone asked for a reset link for an account with two-step on. No link: its password is reset
 * only with the Recovery Key and a trusted device (docs/rules.md#emails). The email says where to
 * do that.
 */
export function resetWithRecoveryKeyEmail(p: { name: string; appleId: string; appUrl: string } & Zoned): EmailContent {
  const w = emailWriter(p);
  return {
    subject: w.t('resetWithRecoveryKey.subject'),
    text: [
      w.greeting(p.name),
      '',
      w.t('resetWithRecoveryKey.asked', { appleId: oneLine(p.appleId) }),
      w.t('resetWithRecoveryKey.noLink'),
      `${baseUrl(p.appUrl)}/reset/recovery-key`,
      '',
      w.t('resetWithRecoveryKey.noSupport'),
      ...SIGNED,
    ].join('\n'),
    language: w.language,
  };
}

/**
 * To the address given as a new Apple ID (docs/rules.md#account): the link that activates it. The
 * only secret in it is the link's token; no password, code or key.
 */
export function activateAccountEmail(p: { appleId: string; link: string; expiresAt: Date } & Zoned): EmailContent {
  const w = emailWriter(p);
  return {
    subject: w.t('activateAccount.subject'),
    text: [
      // Whoever filled in the form chose the name: it is not put in an email to this address, which
      // may belong to someone else (a stranger's words, in a message from us, to them). Almost
      // always it is the person who just filled in the form, so it is written to them, and the
      // line for anyone else comes last.
      w.t('activateAccount.hello'),
      '',
      w.t('activateAccount.asked', { appleId: oneLine(p.appleId), expiresAt: { dateTime: p.expiresAt } }),
      '',
      oneLine(p.link),
      '',
      w.t('activateAccount.until'),
      '',
      w.t('activateAccount.notAsked'),
      ...SIGNED,
    ].join('\n'),
    language: w.language,
  };
}

/**
 * To an address that already is an Apple ID, when the Create Account form is sent with it: no link,
 * nothing changed; what to do if it was the holder, and that nothing is needed if it was not.
 */
export function accountExistsEmail(p: { name: string; appleId: string; at: Date; appUrl: string } & Zoned): EmailContent {
  const w = emailWriter(p);
  const appUrl = baseUrl(p.appUrl);
  return {
    subject: w.t('accountExists.subject'),
    text: [
      w.greeting(p.name),
      '',
      w.t('accountExists.tried', { at: { dateTime: p.at }, appleId: oneLine(p.appleId) }),
      w.t('accountExists.nothing'),
      '',
      w.t('accountExists.signIn'),
      `${appUrl}/sign-in`,
      w.t('accountExists.forgot'),
      `${appUrl}/forgot`,
      '',
      w.t('accountExists.notYou'),
      ...SIGNED,
    ].join('\n'),
    language: w.language,
  };
}
