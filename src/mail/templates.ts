// Email templates: small pure functions from facts to { subject, text }. Plain text only.
// An email must NEVER contain a password, a verification code or a recovery key: email is not a
// secure channel, and users must learn that Two-Step never sends those by email.

export interface EmailContent {
  subject: string;
  text: string;
}

/** One line of user-supplied text: control characters and line breaks become spaces. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
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
      'We will never ask for your password, a verification code or your recovery key by email.',
      'If you did not create this Apple ID, please contact support.',
      '',
      'Two-Step',
      '',
    ].join('\n'),
  };
}
