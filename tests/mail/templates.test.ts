import { describe, expect, it } from 'vitest';
import { welcomeEmail } from '../../src/mail/templates.ts';

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
