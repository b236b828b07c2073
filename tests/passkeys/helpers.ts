// Passkeys for the tests: a software authenticator (./authenticator.ts) registered to an account
// through the real domain functions (options, ceremony, addPasskey), as the Trusted Devices page does.
import { expect } from 'vitest';
import { addPasskey, passkeyRegistrationOptions } from '../../src/kinds/passkey/add.ts';
import type { PasskeyDeps } from '../../src/kinds/passkey/prove.ts';
import type { Actor } from '../../src/sessions/actor.ts';
import { BROWSER } from '../harness/accounts.ts';
import { SoftAuthenticator } from './authenticator.ts';

export const ORIGIN = 'http://localhost:3000';
export const RP_ID = 'localhost';

/** A new software authenticator, added to the account as a passkey named `name`. */
export async function addSoftPasskey(deps: PasskeyDeps, actor: Actor, name = 'YubiKey 5C', opts: { counts?: boolean } = {}) {
  const authenticator = new SoftAuthenticator(ORIGIN, RP_ID, opts);
  const options = await passkeyRegistrationOptions(deps, actor);
  if (!options.ok) throw new Error(options.error);
  const added = await addPasskey(deps, actor, { name, response: authenticator.register(options.options) }, BROWSER);
  expect(added).toMatchObject({ ok: true });
  if (!added.ok) throw new Error(added.error);
  return { authenticator, trustedDeviceId: added.trustedDeviceId };
}
