'use server';
// Adding a passkey or security key (./add-form.tsx): the registration options, then the browser's
// answer, which adds the key as a trusted device at once (the ceremony is its proof).
import { redirect } from 'next/navigation';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { runtime } from '@/src/runtime.ts';
import { addPasskey, passkeyRegistrationOptions } from '@/src/kinds/passkey/add.ts';
import { addedInSession } from '@/src/sign-in/recovery-key.ts';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { requestContext } from '../../lib/request.ts';
import { requireSecurityPass } from '../../lib/security-pass.ts';
import { sessionToken, signedIn as completedSignIn } from '../../lib/session.ts';
import type { FormState } from '../../lib/form-state.ts';
import { optionsOr, type Options } from '../../lib/signature-options.ts';
import { DEVICES_PATH } from '../../lib/device-answer.ts';
import { inLanguage } from '../../i18n/said.ts';

export async function passkeyRegistrationOptionsAction(): Promise<Options<PublicKeyCredentialCreationOptionsJSON>> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return optionsOr(await passkeyRegistrationOptions(runtime(), actor));
}

export async function addPasskeyAction(name: string, response: string): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const token = await sessionToken();
  const ctx = await requestContext();
  const result = await addedInSession(runtime(), token, await addPasskey(runtime(), actor, { name, response }, ctx), ctx);
  if (!result.ok)
    return inLanguage(
      { error: result.error, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : undefined, values: { name } },
      result.said,
    );
  if (result.signedIn) {
    // Signed in with the Recovery Key: the new passkey finished the sign-in.
    await completedSignIn(result.signedIn, actor.accountId);
    redirect('/account?recovered=1');
  }
  redirect(`${DEVICES_PATH}?added=${encodeURIComponent(result.trustedDeviceId)}`);
}
