// What each security event tells the operator: its log line (level and message) and the metrics
// it moves. The one place that maps events to signals: recordSecurityEvent (record.ts) calls
// sendSignals for every event it writes. Lockouts of the attempt counters are counted where the
// lock is set (src/throttle/throttle.ts, countLockout below); a pause of verification codes is
// the codes-paused event.
//
// `details` is logged as recorded: it never holds a secret (record.ts); the logger's redaction
// (src/observability/log.ts) is the backstop.
import { logger } from '../observability/log.ts';
import { metrics } from '../observability/metrics.ts';
import type { SecurityEventKind } from './kinds.ts';

type Details = Record<string, string | number | boolean>;

interface Signal {
  level: 'info' | 'warn';
  message: string;
  /** The metric this kind moves, beyond two_step_security_events_total. */
  count?: (details: Details) => void;
}

const label = (v: string | number | boolean | undefined, fallback = 'none') => (v === undefined || v === '' ? fallback : String(v));

const signIn = (result: string) => () => metrics.signIns.inc({ result });
const verification = (result: string) => () => metrics.codeVerifications.inc({ result });
const supportLook = (kind: string) => () => metrics.supportLooks.inc({ kind });

/** Every kind of event, with its signal. A test moves each counter through this table. */
export const SIGNALS: Record<SecurityEventKind, Signal> = {
  'account-created': { level: 'info', message: 'account created' },
  'signed-in': { level: 'info', message: 'sign-in succeeded', count: signIn('signed-in') },
  'sign-in-failed': { level: 'warn', message: 'sign-in failed: wrong password', count: signIn('wrong-password') },
  'signed-out': { level: 'info', message: 'signed out' },
  'signed-out-everywhere': { level: 'info', message: 'signed out everywhere' },
  'password-changed': { level: 'info', message: 'password changed' },
  'password-reset': { level: 'info', message: 'password reset' },
  'security-questions-changed': { level: 'info', message: 'security questions changed' },
  'rescue-email-changed': { level: 'info', message: 'rescue email changed' },
  'birth-date-changed': { level: 'info', message: 'birth date changed' },
  'waiting-period-started': {
    level: 'info',
    message: 'waiting period started',
    count: (d) => metrics.waitingPeriodsStarted.inc({ reason: label(d.reason, 'unknown') }),
  },
  'two-step-setup-started': { level: 'info', message: 'two-step setup started' },
  'security-questions-passed': { level: 'info', message: 'security questions passed' },
  'security-questions-failed': { level: 'warn', message: 'security questions failed' },
  'password-reset-requested': { level: 'info', message: 'password reset requested' },
  'password-reset-failed': { level: 'warn', message: 'password reset failed: wrong answers' },
  'device-registered': { level: 'info', message: 'iOS device registered' },
  'trusted-device-added': { level: 'info', message: 'trusted device added' },
  'trusted-device-removed': { level: 'info', message: 'trusted device removed' },
  'code-sent': { level: 'info', message: 'code sent', count: (d) => metrics.codesSent.inc({ channel: label(d.channel, 'unknown') }) },
  'code-send-failed': {
    level: 'warn',
    message: 'code send failed',
    count: (d) => metrics.codeSendFailures.inc({ channel: label(d.channel, 'unknown'), twilio_code: label(d.twilioCode) }),
  },
  'code-verified': { level: 'info', message: 'code verified', count: verification('verified') },
  'code-wrong': { level: 'warn', message: 'wrong code', count: verification('wrong') },
  'code-reused': { level: 'warn', message: 'used code tried again', count: verification('reused') },
  'codes-paused': {
    level: 'warn',
    message: 'lockout: codes paused after wrong codes',
    count: () => metrics.lockouts.inc({ scope: 'codes' }),
  },
  'app-password-created': { level: 'info', message: 'app-specific password created' },
  'app-password-revoked': { level: 'info', message: 'app-specific password revoked' },
  'app-passwords-revoked-all': { level: 'info', message: 'all app-specific passwords revoked' },
  'app-sign-in-failed': { level: 'warn', message: 'app sign-in refused', count: signIn('app-refused') },
  'recovery-key-created': { level: 'info', message: 'Recovery Key created' },
  'recovery-key-confirmed': { level: 'info', message: 'Recovery Key confirmed' },
  'two-step-turned-on': { level: 'info', message: 'two-step turned on' },
  'recovery-key-used': { level: 'info', message: 'Recovery Key used to sign in' },
  'recovery-key-failed': { level: 'warn', message: 'wrong Recovery Key', count: signIn('wrong-recovery-key') },
  'identity-confirmed': { level: 'info', message: 'identity confirmed with a code' },
  'recovery-key-replaced': { level: 'info', message: 'Recovery Key replaced' },
  'two-step-turned-off': { level: 'info', message: 'two-step turned off' },
  'password-reset-key-accepted': { level: 'info', message: 'Recovery Key accepted for a password reset' },
  'support-pin-created': { level: 'info', message: 'support PIN created' },
  'support-looked-up': { level: 'info', message: 'support looked up an account', count: supportLook('looked-up') },
  'support-details-viewed': { level: 'info', message: 'support viewed account details', count: supportLook('details-viewed') },
  'support-pin-accepted': { level: 'info', message: 'support PIN accepted', count: supportLook('pin-accepted') },
  'support-pin-failed': { level: 'warn', message: 'support PIN refused', count: supportLook('pin-failed') },
  'app-allowed': { level: 'info', message: 'an app was allowed to use the Apple ID' },
  'app-used-from-new-browser': { level: 'info', message: 'an app was used from a new browser' },
  'app-stopped': { level: 'info', message: 'an app was stopped from using the Apple ID' },
  'browser-signed-out': { level: 'info', message: 'a browser was signed out from the list' },
};

/** The log line and the metrics of one recorded event. Never throws: signals must not fail a change. */
export function sendSignals(event: { accountId: string; kind: SecurityEventKind; details?: Details }, clientAddress: string | null): void {
  try {
    const signal = SIGNALS[event.kind];
    metrics.securityEvents.inc({ kind: event.kind });
    signal.count?.(event.details ?? {});
    logger()[signal.level]({ event: event.kind, accountId: event.accountId, clientAddress, details: event.details }, signal.message);
  } catch {
    // A broken metric or log stream is the operator's to see elsewhere; the account change goes on.
  }
}

/**
 * An attempt counter locked its key (src/throttle/throttle.ts): too many wrong passwords,
 * Recovery Keys, answers or staff passwords. `key` names its scope first ("sign-in:apple-id:…");
 * only the scope is logged and counted, never the rest (an address, an Apple ID).
 */
export function countLockout(key: string, until: Date): void {
  try {
    const scope = /^(app:sign-in|[a-z-]+)(?::|$)/.exec(key)?.[1] ?? 'other';
    metrics.lockouts.inc({ scope });
    logger().warn({ event: 'lockout', scope, until: until.toISOString() }, `lockout: ${scope}`);
  } catch {
    // as above
  }
}
