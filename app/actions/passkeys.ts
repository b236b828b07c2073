'use server';
// Server actions for passkeys and security keys: options for the browser's ceremony, then its answer
// (JSON text from @simplewebauthn/browser) to one domain function. The options are public values
// (a challenge, credential ids); the answers are checked as untrusted input in src/passkeys.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { completeSignInWithPasskey, signInPasskeyOptions } from '@/src/sign-in/code.ts';
import { confirmIdentityWithPasskey, identityPasskeyOptions } from '@/src/step-up/fresh-code.ts';
import { keyResetPasskeyOptions, verifyKeyResetPasskey } from '@/src/password-reset/by-recovery-key.ts';
import { passkeyRegistrationOptions } from '@/src/devices/passkeys.ts';
import { addPasskeyInSession } from '@/src/sign-in/recovery-key.ts';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { SIGN_IN_ERRORS } from '@/src/sign-in/errors.ts';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { guessingRequestContext, requestContext } from '../lib/request.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { sessionToken, setSessionCookie, signedIn } from '../lib/session.ts';
import { refuseStaff } from '../lib/staff-session.ts';
import { resetToken } from '../lib/reset-cookie.ts';
import { freshCodePage } from '../lib/fresh-code.ts';
import type { FormState } from '../lib/form-state.ts';
import { optionsOr, type Options } from '../lib/passkey-options.ts';
import { afterSignIn, interactionParam, withInteraction } from '../lib/app-sign-in.ts';


export async function signInPasskeyOptionsAction(): Promise<Options<PublicKeyCredentialRequestOptionsJSON>> {
  await refuseStaff();
  const token = await sessionToken();
  return token ? optionsOr(await signInPasskeyOptions(runtime(), token)) : { error: SIGN_IN_ERRORS.SIGN_IN_EXPIRED };
}

/** `interaction` is bound by the page: the app's sign-in this one serves, if any (app/lib/app-sign-in.ts). */
export async function signInWithPasskeyAction(interaction: string | null, response: string): Promise<FormState> {
  await refuseStaff();
  const uid = interactionParam(interaction);
  const token = await sessionToken();
  if (!token) redirect(withInteraction('/sign-in', uid));
  const result = await completeSignInWithPasskey(runtime(), token, response, await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  await signedIn(result.sessionToken, result.accountId);
  redirect(afterSignIn(uid));
}

export async function identityPasskeyOptionsAction(): Promise<Options<PublicKeyCredentialRequestOptionsJSON>> {
  const { actor } = await requireSecurityPass();
  return optionsOr(await identityPasskeyOptions(runtime(), actor));
}

export async function confirmIdentityWithPasskeyAction(next: string, response: string): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await confirmIdentityWithPasskey(runtime(), actor, response, await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  await setSessionCookie(result.sessionToken);
  redirect(freshCodePage.parse(next));
}

export async function keyResetPasskeyOptionsAction(): Promise<Options<PublicKeyCredentialRequestOptionsJSON>> {
  await refuseStaff();
  return optionsOr(await keyResetPasskeyOptions(runtime(), await resetToken()));
}

export async function verifyKeyResetPasskeyAction(response: string): Promise<FormState> {
  await refuseStaff();
  const result = await verifyKeyResetPasskey(runtime(), await resetToken(), response, await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  redirect('/reset/recovery-key/verify');
}

export async function passkeyRegistrationOptionsAction(): Promise<Options<PublicKeyCredentialCreationOptionsJSON>> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return optionsOr(await passkeyRegistrationOptions(runtime(), actor));
}

export async function addPasskeyAction(name: string, response: string): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  const result = await addPasskeyInSession(runtime(), actor, await sessionToken(), { name, response }, await requestContext());
  if (!result.ok) return { error: result.error, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : undefined, values: { name } };
  if (result.signedIn) {
    // Signed in with the Recovery Key: the new passkey finished the sign-in.
    await signedIn(result.signedIn, actor.accountId);
    redirect('/account?recovered=1');
  }
  redirect(`/account/security/devices?added=${encodeURIComponent(result.trustedDeviceId)}`);
}
