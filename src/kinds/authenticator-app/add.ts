// Authenticator apps as trusted devices (docs/rules.md#other-kinds-of-trusted-device;
// RFC 6238). Adding one is adding a phone without the text: the holder names the app, we make a
// 160-bit secret and keep it only sealed (AES-256-GCM under TOTP_ENCRYPTION_KEY, bound to its
// account and row), the page shows it as a QR code and as text while the app is pending, and the
// app becomes trusted when the holder types a code it shows, through confirmDevice like any device
// (src/devices/trusted-devices.ts: the same conditional update, security event and email). After
// that the secret is never shown again: only ./check.ts opens it, to check a code.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { newRowId, isRequestId } from '../../db/row-id.ts';
import { displayText } from '../../accounts/display-text.ts';
import { invalidFields, parseForm, type FormResult } from '../../forms/forms.ts';
import { freshCodeRefusal } from '../../step-up/fresh-code.ts';
import type { StepUpError } from '../../step-up/errors.ts';
import type { Actor } from '../../sessions/actor.ts';
import { open, seal } from '../../secret-box.ts';
import { newTotpSecret, totpUri, TOTP_DIGITS } from './totp.ts';
import { authenticatorAppKind } from './kind.ts';
import { totpSecretBinding } from './check.ts';
import { ADDING, createPendingDevice } from '../../devices/trusted-devices.ts';
import type { DevicesError } from '../../devices/errors.ts';
import { noticeText } from '../../i18n/said.ts';
import { fieldMessage, fieldMessageAbout } from '../../forms/field-messages.ts';
import { DEVICE_NAME_MAX } from '../device-name.ts';

export interface AppDeps {
  db: Db;
  clock: Clock;
  /** TOTP_ENCRYPTION_KEY. */
  totpKey: Buffer;
}

// Names are shown on pages and in emails: one line of text, as an iOS device's name.
const appSchema = z.object({
  name: displayText(DEVICE_NAME_MAX, {
    empty: fieldMessage('deviceName.appEmpty'),
    tooLong: fieldMessage('deviceName.tooLong', { max: DEVICE_NAME_MAX }),
  }),
});

/**
 * Two apps of one name would be two identical rows in the holder's list (and in the emails that
 * name them), with no way to tell which to remove: a name already given to one of this account's
 * apps is refused at the field, compared as the holder reads it (case and surrounding spaces aside).
 */
export const APP_NAME_TAKEN = (name: string) => fieldMessageAbout('deviceName.appTaken', { name });

async function nameTaken(db: Db, accountId: string, name: string): Promise<boolean> {
  const apps = await db.trustedDevice.findMany({ where: { accountId, kind: authenticatorAppKind.id }, select: { name: true } });
  const key = name.toLocaleLowerCase();
  return apps.some((a) => a.name?.toLocaleLowerCase() === key);
}

/**
 * Adds a pending authenticator app with a new secret. Needs a fresh code like adding a phone
 * number, and room under MAX_TRUSTED_DEVICES (counted under the account's row lock).
 */
export async function startAuthenticatorApp(
  deps: AppDeps,
  actor: Actor,
  input: unknown,
): Promise<FormResult<{ trustedDeviceId: string; message: string }, DevicesError | StepUpError | 'INVALID_FIELDS'>> {
  const parsed = parseForm(appSchema, input, {});
  if (!parsed.ok) return parsed;
  const stale = await freshCodeRefusal(deps, actor, ADDING);
  if (stale) return stale;
  if (await nameTaken(deps.db, actor.accountId, parsed.data.name)) return invalidFields({ name: APP_NAME_TAKEN(parsed.data.name) });
  // The id is drawn first: the secret is sealed to its row.
  const id = newRowId();
  const totpSecret = seal(deps.totpKey, newTotpSecret(), totpSecretBinding(actor.accountId, id));
  const device = await createPendingDevice(
    deps.db,
    actor.accountId,
    { kind: authenticatorAppKind.id, id, name: parsed.data.name, totpSecret },
    deps.clock.now(),
  );
  if (device === 'taken') throw new Error('a new row id was already taken'); // newRowId ids are unique
  if ('error' in device) return device;
  return {
    ok: true,
    trustedDeviceId: device.id,
    message: noticeText('scanQrCode', { digits: TOTP_DIGITS }),
  };
}

/** What the setup page shows of a pending app: the secret as QR code (the URI) and as text. */
export interface AppSetup {
  trustedDeviceId: string;
  label: string;
  secret: string;
  uri: string;
}

/**
 * The secret of an app that is still pending, on this account only; null for any other device,
 * another account's, or an app already verified (its secret is never shown again).
 */
export async function pendingAppSetup(deps: AppDeps, accountId: string, trustedDeviceId: unknown): Promise<AppSetup | null> {
  if (!isRequestId(trustedDeviceId)) return null;
  const device = await deps.db.trustedDevice.findFirst({
    where: { id: trustedDeviceId, accountId, kind: authenticatorAppKind.id, verifiedAt: null },
    select: { id: true, name: true, totpSecret: true, account: { select: { appleId: true } } },
  });
  if (!device?.totpSecret) return null;
  const secret = open(deps.totpKey, device.totpSecret, totpSecretBinding(accountId, device.id));
  if (!secret) return null;
  return {
    trustedDeviceId: device.id,
    label: authenticatorAppKind.label({ kind: authenticatorAppKind.id, name: device.name }),
    secret,
    uri: totpUri(secret, device.account.appleId),
  };
}
