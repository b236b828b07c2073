// The composition root: builds the real dependencies (database, clock, SMS, push) from the
// environment, once per process. Pages and server actions get their dependencies from here;
// domain code never reads the environment itself.
import { config } from './config.ts';
import { createDb, type Db } from './db/client.ts';
import { shiftableClock, systemClock, type Clock } from './clock.ts';
import { createTwilioSms, type LineTypeLookup, type SmsSender } from './sms/twilio-sms.ts';
import { createHttpPushSender, type PushSender } from './push/push-sender.ts';
import { relyingParty, type RelyingParty } from './kinds/passkey/relying-party.ts';

export interface Runtime {
  db: Db;
  clock: Clock;
  bcryptCost: number;
  appUrl: string;
  codeKey: string;
  codeDigits: number;
  /** The AES-256-GCM key that seals authenticator-app secrets (TOTP_ENCRYPTION_KEY), 32 bytes. */
  totpKey: Buffer;
  sms: SmsSender & LineTypeLookup;
  push: PushSender;
  /** The WebAuthn relying party, derived from APP_URL (RP ID = its host name, origin = its origin). */
  webauthn: RelyingParty;
}

const globalForRuntime = globalThis as unknown as { twoStepRuntime?: Runtime };

export function runtime(): Runtime {
  if (!globalForRuntime.twoStepRuntime) {
    const c = config();
    globalForRuntime.twoStepRuntime = {
      db: createDb(c.DATABASE_URL),
      // With the local stand-ins, dev tools may move time forward (app/dev/clock); never in production.
      clock: c.STANDINS === 'on' ? shiftableClock() : systemClock,
      bcryptCost: c.BCRYPT_COST,
      appUrl: c.APP_URL,
      codeKey: c.CODE_HMAC_KEY,
      codeDigits: c.CODE_DIGITS,
      totpKey: Buffer.from(c.TOTP_ENCRYPTION_KEY, 'base64url'),
      webauthn: relyingParty(c.APP_URL),
      sms: createTwilioSms({
        accountSid: c.TWILIO_ACCOUNT_SID,
        authToken: c.TWILIO_AUTH_TOKEN,
        from: c.TWILIO_FROM,
        apiBaseUrl: c.TWILIO_API_BASE_URL,
        lookupsBaseUrl: c.TWILIO_LOOKUPS_BASE_URL,
      }),
      // Push goes to the stand-in; a real push service would be another PushSender here.
      push: createHttpPushSender(c.PUSH_URL ?? c.STANDINS_URL ?? 'http://127.0.0.1:4010'),
    };
  }
  return globalForRuntime.twoStepRuntime;
}
