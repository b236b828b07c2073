import { describe, expect, it } from 'vitest';
import { accountExistsEmail, activateAccountEmail, welcomeEmail } from '../../src/mail/templates.ts';

describe('welcomeEmail', () => {
  const password = 'Correct-Horse-9-Battery';

  it('names the person and the Apple ID, links to the app, and holds no password', () => {
    // The password is in the caller's hands when the account is created; the template must not use it.
    const input = { name: 'Jane Appleseed', appleId: 'jane@example.com', appUrl: 'https://two-step.test', password };
    const mail = welcomeEmail(input);
    expect(mail.subject).not.toBe('');
    expect(mail.text).toContain('Jane Appleseed');
    expect(mail.text).toContain('jane@example.com');
    expect(mail.text).toContain('https://two-step.test/');
    expect(mail.subject + mail.text).not.toContain(password);
  });

  it('keeps a name with line breaks on one line', () => {
    const mail = welcomeEmail({ name: 'Jane\r\nBcc: evil@example.com', appleId: 'jane@example.com', appUrl: 'https://two-step.test' });
    expect(mail.text.split('\n')[0]).toBe('Dear Jane Bcc: evil@example.com,');
  });
});

describe('the Create Account emails', () => {
  const at = new Date('2026-11-23T10:00:00Z');

  it('activateAccountEmail: the link and when it ends, the name on one line, nothing else secret', () => {
    const link = 'https://two-step.test/create/activate/open?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const mail = activateAccountEmail({ name: 'Jane\nBcc: evil@example.com', appleId: 'jane@example.com', link, expiresAt: at });
    expect(mail.subject).toBe('Activate your new Apple ID');
    expect(mail.text.split('\n')[0]).toBe('Dear Jane Bcc: evil@example.com,');
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.text).toContain('If you did not ask for this, ignore this email');
  });

  it('accountExistsEmail: says someone tried and nothing changed, with no link to activate anything', () => {
    const mail = accountExistsEmail({ name: 'Jane', appleId: 'jane@example.com', at, appUrl: 'https://two-step.test/' });
    expect(mail.subject).toBe('Someone tried to create an Apple ID with your email address');
    expect(mail.text).toContain('No new Apple ID was created and nothing on your account changed.');
    expect(mail.text).toContain('https://two-step.test/sign-in');
    expect(mail.text).not.toMatch(/token|activate/i);
  });
});
