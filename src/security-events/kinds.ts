// The kinds of security event, apart from record.ts so that the signals each one sends (signals.ts)
// can name them without importing the recorder that calls them.

/**
 * Significant changes (Apple's FAQ: "a password reset or new security questions"; ours: a changed
 * rescue email or birth date). Each starts or extends a waiting period before two-step setup.
 */
export const SIGNIFICANT_CHANGE_KINDS = [
  'password-changed',
  'password-reset',
  'security-questions-changed',
  'rescue-email-changed',
  'birth-date-changed',
] as const;
export type SignificantChangeKind = (typeof SIGNIFICANT_CHANGE_KINDS)[number];

export const SECURITY_EVENT_KINDS = [
  'account-created',
  'signed-in',
  'sign-in-failed',
  'signed-out',
  'signed-out-everywhere',
  ...SIGNIFICANT_CHANGE_KINDS,
  'waiting-period-started',
  'two-step-setup-started',
  'security-questions-passed',
  'security-questions-failed',
  'password-reset-requested',
  'password-reset-failed',
  'device-registered',
  'trusted-device-added',
  'trusted-device-removed',
  // Verification codes (src/codes/): never the code itself in details.
  'code-sent',
  'code-send-failed',
  'code-verified',
  'code-wrong',
  'code-reused',
  'codes-paused',
  // App-specific passwords (src/app-passwords/): the label in details, never the password.
  'app-password-created',
  'app-password-revoked',
  'app-passwords-revoked-all',
  'app-sign-in-failed',
  // Turning two-step on (src/two-step/turn-on.ts): never the Recovery Key in details.
  'recovery-key-created',
  'recovery-key-confirmed',
  'two-step-turned-on',
  // Signing in with the Recovery Key (src/sign-in/recovery-key.ts).
  'recovery-key-used',
  'recovery-key-failed',
  // Fresh authentication before a sensitive change (src/step-up/fresh-code.ts).
  'identity-confirmed',
  // Living with two-step on (src/two-step/).
  'recovery-key-replaced',
  'two-step-turned-off',
  'password-reset-key-accepted',
  // Support console (src/support/): every look by a staff member, with their display name
  // (staffName) in details for the holder to read; never the PIN.
  'support-pin-created',
  'support-looked-up',
  'support-details-viewed',
  'support-pin-accepted',
  'support-pin-failed',
  // Other apps signing in with the Apple ID (src/oidc/): the app's name in details, never a token.
  'app-allowed',
  'app-used-from-new-browser',
  'app-stopped',
  // One browser signed out from the list of browsers signed in (Password and Security).
  'browser-signed-out',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
