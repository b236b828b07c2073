// A new password's length limits on their own, with no server code beside them, so that a form in
// the browser can name them too (the rest of the policy is password-policy.ts).

/** NIST SP 800-63B §5.1.1.2: at least 8 characters. */
export const MIN_PASSWORD_LENGTH = 8;
/** At least 64 must be allowed; we allow 128. */
export const MAX_PASSWORD_LENGTH = 128;
