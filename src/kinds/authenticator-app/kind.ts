// An authenticator app (RFC 6238): it makes its own 6-digit codes, so nothing is sent, stored or
// counted per code; the holder names it. Adding one is ./add.ts.
import { namedByHolder, type TrustedDeviceKind } from '../kind.ts';
import { checkAppCode } from './check.ts';
import { TOTP_DIGITS } from './totp.ts';
import { APP_METHODS } from './method.ts';

export const authenticatorAppKind: TrustedDeviceKind = {
  id: 'totp',
  noun: 'authenticator app',
  channel: 'code from the app',
  icon: { text: 'APP', tone: 'app' },
  labelIs: 'name',
  codeSentTo: null,
  trustedUses: 'The codes it shows can now be used to verify your identity.',
  method: APP_METHODS[0], // a one-time password (./method.ts)
  ...namedByHolder('authenticator app'),
  proof: {
    by: 'own-code',
    digits: TOTP_DIGITS,
    check: checkAppCode,
    // Its sentences (./errors.ts) say what to look at in the app: its current code, the device's clock.
    refusals: { wrong: 'TOTP_WRONG', used: 'TOTP_USED', unreadable: 'TOTP_UNREADABLE' },
  },
};
