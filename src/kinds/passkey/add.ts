// Trusted Devices → "Add a passkey or security key". Like adding a phone it needs a fresh code (or a
// Recovery Key session, which exists to add a device), counts against MAX_TRUSTED_DEVICES and is
// announced (event + email) in the transaction that adds it. Unlike a phone it is trusted at once:
// the registration ceremony, a signature over our challenge by the new key, is its proof, as the
// code is a phone's. A credential already on any account is refused (credentialId is unique).
import { z } from 'zod';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { Actor } from '../../sessions/actor.ts';
import { lockAccountRow } from '../../db/row-locks.ts';
import { displayText } from '../../accounts/display-text.ts';
import { parseForm, type FormResult } from '../../forms/forms.ts';
import { freshCodeRefusal } from '../../step-up/fresh-code.ts';
import type { StepUpError } from '../../step-up/errors.ts';
import { registrationOptions, verifyRegistration, PASSKEYS_ERRORS, type PasskeyDeps, type PasskeysError } from './prove.ts';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { RequestContext } from '../../security-events/record.ts';
import { failure, type Result } from '../../result.ts';
import type { DevicesError } from '../../devices/errors.ts';
import { passkeyKind } from './kind.ts';
import { ADDING, announceDeviceChange, deviceLabel, roomForAnother } from '../../devices/trusted-devices.ts';
import { noticeText } from '../../i18n/said.ts';
import { fieldMessage } from '../../forms/field-messages.ts';
import { DEVICE_NAME_MAX } from '../device-name.ts';

// Shown on pages and in emails: one line of text, as registered iOS devices' names.
const addSchema = z.object({
  name: displayText(DEVICE_NAME_MAX, {
    empty: fieldMessage('deviceName.passkeyEmpty', { example: 'YubiKey 5C' }),
    tooLong: fieldMessage('deviceName.tooLong', { max: DEVICE_NAME_MAX }),
  }),
  response: z.unknown(),
});

/** Step 1: the options for the browser's registration ceremony (a challenge for this account). */
export async function passkeyRegistrationOptions(
  deps: PasskeyDeps,
  actor: Actor,
): Promise<Result<{ options: PublicKeyCredentialCreationOptionsJSON }, StepUpError | DevicesError>> {
  const stale = await freshCodeRefusal(deps, actor, ADDING);
  if (stale) return stale;
  const full = await roomForAnother(deps.db, actor.accountId);
  if (full) return full;
  const account = await deps.db.account.findUniqueOrThrow({
    where: { id: actor.accountId },
    select: { id: true, appleId: true, name: true },
  });
  return { ok: true, options: await registrationOptions(deps, account) };
}

/** Step 2: the ceremony's answer and the holder's name for the key → a trusted device. */
export async function addPasskey(
  deps: PasskeyDeps,
  actor: Actor,
  input: unknown,
  ctx: RequestContext,
): Promise<FormResult<{ message: string; trustedDeviceId: string }, PasskeysError | StepUpError | DevicesError | 'INVALID_FIELDS'>> {
  const parsed = parseForm(addSchema, input, {});
  if (!parsed.ok) return parsed;
  const stale = await freshCodeRefusal(deps, actor, ADDING);
  if (stale) return stale;
  const verified = await verifyRegistration(deps, actor.accountId, parsed.data.response);
  if (!verified.ok) return verified;
  const { credential } = verified;
  const now = deps.clock.now();
  const device = { kind: passkeyKind.id, phoneNumber: null, name: parsed.data.name };
  try {
    const added = await deps.db.$transaction(async (tx) => {
      // Counted and created under the account's row lock: concurrent adds cannot pass the limit.
      await lockAccountRow(tx, actor.accountId, now);
      const full = await roomForAnother(tx, actor.accountId);
      if (full) return full;
      if (await tx.trustedDevice.findUnique({ where: { credentialId: credential.credentialId }, select: { id: true } }))
        return failure(PASSKEYS_ERRORS, 'ALREADY_ADDED');
      const row = await tx.trustedDevice.create({
        data: {
          accountId: actor.accountId,
          ...device,
          createdAt: now,
          verifiedAt: now,
          credentialId: credential.credentialId,
          publicKey: credential.publicKey,
          signCount: credential.signCount,
          transports: JSON.stringify(credential.transports),
        },
        select: { id: true },
      });
      await announceDeviceChange(
        tx,
        deps.clock,
        { accountId: actor.accountId, device: { ...device, verifiedAt: now }, added: true, at: now },
        ctx,
      );
      return row;
    });
    if ('error' in added) return added;
    return { ok: true, trustedDeviceId: added.id, message: noticeText('deviceTrusted', { label: deviceLabel(device) }) };
  } catch (e) {
    if (isUniqueViolation(e)) return failure(PASSKEYS_ERRORS, 'ALREADY_ADDED'); // added meanwhile
    throw e;
  }
}
