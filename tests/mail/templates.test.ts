import { describe, expect, it } from 'vitest';
import { accountExistsEmail, activateAccountEmail, countryOfferedEmail, welcomeEmail } from '../../src/mail/templates.ts';
import { composeEmail } from '../../src/mail/compose.ts';
import { setupWindowClosingEmail, waitingPeriodEndedEmail, waitingPeriodStartedEmail } from '../../src/eligibility/emails.ts';

const ENGLISH = { timeZone: null, language: 'en' as const };

describe('welcomeEmail', () => {
  const password = 'Correct-Horse-9-Battery';

  it('names the person and the Apple ID, links to the app, and holds no password', () => {
    // The password is in the caller's hands when the account is created; the template must not use it.
    const input = { name: 'Jane Appleseed', appleId: 'jane@example.com', appUrl: 'https://two-step.test', password, ...ENGLISH };
    const mail = welcomeEmail(input);
    expect(mail.subject).not.toBe('');
    expect(mail.text).toContain('Jane Appleseed');
    expect(mail.text).toContain('jane@example.com');
    expect(mail.text).toContain('https://two-step.test/');
    expect(mail.subject + mail.text).not.toContain(password);
  });

  it('keeps a name with line breaks on one line', () => {
    const mail = welcomeEmail({
      name: 'Jane\r\nBcc: evil@example.com',
      appleId: 'jane@example.com',
      appUrl: 'https://two-step.test',
      ...ENGLISH,
    });
    expect(mail.text.split('\n')[0]).toBe('Dear Jane Bcc: evil@example.com,');
  });
});

describe('the Create Account emails', () => {
  const at = new Date('2026-11-23T10:00:00Z');

  it("activateAccountEmail: the link and when it ends; nothing the form's sender typed but the address (it may be a stranger writing to someone else)", () => {
    const link = 'https://two-step.test/create/activate/open?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const mail = activateAccountEmail({ appleId: 'jane@example.com', link, expiresAt: at, timeZone: null, language: 'en' as const });
    expect(mail.subject).toBe('Activate your new Apple ID');
    expect(mail.text.split('\n')[0]).toBe('Hello,');
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.text).toContain('If you did not ask for this, ignore this email');
  });

  it('activateAccountEmail is written to the person who just filled in the form, and the line for anyone else comes last', () => {
    const link = 'https://two-step.test/create/activate/open?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const mail = activateAccountEmail({ appleId: 'jane@example.com', link, expiresAt: at, timeZone: null, language: 'en' as const });
    const lines = mail.text.split('\n').filter((l) => l.trim() !== '');
    expect(lines[1]).toMatch(/^You asked to create an Apple ID with this email address, jane@example\.com\./);
    expect(mail.text).not.toMatch(/someone/i);
    expect(lines.at(-2)).toBe('If you did not ask for this, ignore this email: no Apple ID will be created.');
    expect(lines.at(-1)).toBe('Two-Step');
  });

  it('accountExistsEmail: says someone tried and nothing changed, with no link to activate anything', () => {
    const mail = accountExistsEmail({
      name: 'Jane',
      appleId: 'jane@example.com',
      at,
      appUrl: 'https://two-step.test/',
      timeZone: null,
      language: 'en' as const,
    });
    expect(mail.subject).toBe('Someone tried to create an Apple ID with your email address');
    expect(mail.text).toContain('No new Apple ID was created and nothing on your account changed.');
    expect(mail.text).toContain('https://two-step.test/sign-in');
    expect(mail.text).not.toMatch(/token|activate/i);
  });
});

describe('the waiting-period and setup emails (docs/rules.md#waiting-period)', () => {
  const reasonAt = new Date('2026-11-23T10:00:00Z');
  const endsAt = new Date('2026-11-26T10:00:00Z');
  const completeBy = new Date('2026-12-26T10:00:00Z');
  const base = {
    name: 'Jane\nBcc: evil@example.com',
    appleId: 'jane@example.com',
    appUrl: 'https://two-step.test/',
    timeZone: null,
    language: 'en' as const,
  };

  it('started: the change, the end date, 30 days after it, and the contact-support page', () => {
    const mail = waitingPeriodStartedEmail({ ...base, reason: 'password-changed', reasonAt, endsAt });
    expect(mail.subject).toBe('Two-step verification setup is paused until November 26, 2026 (UTC)');
    expect(mail.text.split('\n')[0]).toBe('Dear Jane Bcc: evil@example.com,');
    expect(mail.text).toContain('your password was changed');
    expect(mail.text).toContain('After that date you have 30 days to complete setup at:\nhttps://two-step.test/account/security');
    expect(mail.text).toContain('contact support now');
    // The contact page's address comes once, in the footer every email gets.
    expect(composeEmail(mail, base.appUrl).text.match(/https:\/\/two-step\.test\/contact-support/g)).toHaveLength(1);
    expect(mail.text).not.toContain('now ends later');
  });

  it('extended: says the end moved later', () => {
    const mail = waitingPeriodStartedEmail({ ...base, reason: 'rescue-email-changed', reasonAt, endsAt, extended: true });
    expect(mail.text).toContain('now ends later than our earlier email said');
    expect(mail.text).toContain('your rescue email was changed');
  });

  it('country not offered: no 30 days promised; the operator date as a calendar date', () => {
    const scheduled = waitingPeriodStartedEmail({
      ...base,
      reason: 'password-changed',
      reasonAt,
      endsAt,
      countryUnavailable: { country: 'Nepal', availableFrom: new Date('2027-03-01T00:00:00Z') },
    });
    expect(scheduled.text).not.toContain('30 days');
    expect(scheduled.text).toContain(
      'Two-step verification is not offered yet in Nepal, the country or region of your account; it will be from March 1, 2027.',
    );
    const unlisted = waitingPeriodStartedEmail({
      ...base,
      reason: 'password-changed',
      reasonAt,
      endsAt,
      countryUnavailable: { country: 'Nepal', availableFrom: null },
    });
    expect(unlisted.text).toContain('not offered yet in Nepal, the country or region of your account.');
  });

  it('ended and 5 days left: complete setup by the date, with the link', () => {
    const ended = waitingPeriodEndedEmail({ ...base, completeBy });
    expect(ended.subject).toBe('You can turn on two-step verification now');
    expect(ended.text).toContain('you can turn on two-step verification now');
    expect(ended.text).toContain('Complete setup by Saturday, December 26, 2026 at 10:00 AM UTC');
    const closing = setupWindowClosingEmail({ ...base, completeBy });
    expect(closing.subject).toBe('5 days left to turn on two-step verification, until December 26, 2026 (UTC)');
    expect(closing.text).toContain('https://two-step.test/account/security');
  });

  it('now offered: names the country, one line', () => {
    const mail = countryOfferedEmail({ ...base, country: 'Nepal\r\nX' });
    expect(mail.subject).toBe('Two-step verification is now offered in Nepal X');
    expect(mail.text).toContain('https://two-step.test/account/security');
  });
});
