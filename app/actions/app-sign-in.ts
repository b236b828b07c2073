'use server';
// Server actions of the pages an app's sign-in passes through (app/sign-in/confirm, consent), and of
// the lists on Password and Security ("Apps using your Apple ID", "Where you're signed in"). Each
// calls one domain function; when an app's sign-in goes on, the browser goes back to the bridge
// (src/oidc/bridge.ts), which decides the next step.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { confirmIdentity, confirmIdentityWithPasskey } from '@/src/step-up/fresh-code.ts';
import { allowApp, stopUsingApp } from '@/src/oidc/app-authorizations.ts';
import { OIDC_ERRORS } from '@/src/oidc/errors.ts';
import { signOutBrowser } from '@/src/sessions/browsers.ts';
import { guessingRequestContext, requestContext } from '../lib/request.ts';
import { requireAccount, clearSessionCookie, setSessionCookie } from '../lib/session.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { rememberThisBrowser } from '../lib/known-browser.ts';
import { afterSignIn, appRequest, backToApp, interactionParam } from '../lib/app-sign-in.ts';
import { formField, formFields, type FormState } from '../lib/form-state.ts';

/**
 * "Confirm it's you" for an app (a browser new to the account, max_age passed, an app that requires
 * two-step): a code from a trusted device renews the session as before a sensitive change, and this
 * browser is now known to the account (it proved the second step here).
 */
export async function confirmForAppAction(interaction: string | null, _prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const uid = interactionParam(interaction);
  const fields = formFields(formData);
  const result = await confirmIdentity(runtime(), actor, fields, await guessingRequestContext());
  if (!result.ok) return { error: result.error, values: { trustedDeviceId: fields.trustedDeviceId ?? '' } };
  await setSessionCookie(result.sessionToken);
  await rememberThisBrowser(actor.accountId, result.sessionToken);
  redirect(await afterSignIn(uid));
}

export async function confirmForAppWithPasskeyAction(interaction: string | null, response: string): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const uid = interactionParam(interaction);
  const result = await confirmIdentityWithPasskey(runtime(), actor, response, await guessingRequestContext());
  if (!result.ok) return { error: result.error };
  await setSessionCookie(result.sessionToken);
  await rememberThisBrowser(actor.accountId, result.sessionToken);
  redirect(await afterSignIn(uid));
}

/** Allow: the app may receive what it asked for, remembered for this app (src/oidc/app-authorizations.ts). */
export async function allowAppAction(interaction: string | null, _prev?: FormState): Promise<FormState> {
  const { account } = await requireAccount();
  const request = await appRequest(interactionParam(interaction));
  if (!request) return { error: OIDC_ERRORS.SIGN_IN_REQUEST_GONE };
  if (request.accountId !== account.id) return { error: OIDC_ERRORS.SIGN_IN_REQUEST_NOT_YOURS };
  const rt = runtime();
  await allowApp(rt.db, rt.clock, { accountId: account.id, clientId: request.clientId, scopes: request.scopes }, await requestContext());
  redirect(await backToApp(request.uid));
}

export async function stopUsingAppAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await stopUsingApp(runtime(), actor, formField(formData, 'clientId'), await requestContext());
  if (!result.ok) return { error: result.error };
  // The row stays, saying what happened, until the page is loaded again (no revalidatePath).
  return { done: true, notice: `${result.name} can no longer use your Apple ID.` };
}

export async function signOutBrowserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await signOutBrowser(runtime(), actor, formField(formData, 'sessionId'), await requestContext());
  if (!result.ok) return { error: result.error };
  if (result.thisBrowser) {
    await clearSessionCookie();
    redirect('/sign-in?signed-out=1');
  }
  // The row stays, saying what happened, until the page is loaded again (no revalidatePath).
  return { done: true, notice: 'That browser is signed out.' };
}
