'use server';
// Server actions of the pages an app's sign-in passes through (consent; the second step of
// app/sign-in/confirm is app/actions/proof.ts, 'app-sign-in'), and of the lists on Password and
// Security ("Apps using your Apple ID", "Where you're signed in"). Each calls one domain function;
// when an app's sign-in goes on, the browser goes back to the bridge (src/oidc/bridge.ts), which
// decides the next step.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { allowApp, stopUsingApp } from '@/src/oidc/app-authorizations.ts';
import { OIDC_ERRORS } from '@/src/oidc/errors.ts';
import { signOutBrowser } from '@/src/sessions/browsers.ts';
import { requestContext } from '../lib/request.ts';
import { requireAccount, clearSessionCookie } from '../lib/session.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import { appRequest, backToApp, interactionParam } from '../lib/app-sign-in.ts';
import { formField, type FormState } from '../lib/form-state.ts';
import { sentenceOf } from '@/src/result.ts';
import { inLanguage, saying } from '../i18n/said.ts';

/** Allow: the app may receive what it asked for, remembered for this app (src/oidc/app-authorizations.ts). */
export async function allowAppAction(interaction: string | null, _prev?: FormState): Promise<FormState> {
  const { account } = await requireAccount();
  const request = await appRequest(interactionParam(interaction));
  if (!request) return inLanguage({ error: sentenceOf(OIDC_ERRORS, 'SIGN_IN_REQUEST_GONE') });
  if (request.accountId !== account.id) return inLanguage({ error: sentenceOf(OIDC_ERRORS, 'SIGN_IN_REQUEST_NOT_YOURS') });
  const rt = runtime();
  await allowApp(rt.db, rt.clock, { accountId: account.id, clientId: request.clientId, scopes: request.scopes }, await requestContext());
  redirect(await backToApp(request.uid));
}

export async function stopUsingAppAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await stopUsingApp(runtime(), actor, formField(formData, 'clientId'), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error }, result.said);
  // The row stays, saying what happened, until the page is loaded again (no revalidatePath).
  return { done: true, notice: await saying('notices.appStopped', { app: result.name }) };
}

export async function signOutBrowserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await signOutBrowser(runtime(), actor, formField(formData, 'sessionId'), await requestContext());
  if (!result.ok) return inLanguage({ error: result.error }, result.said);
  if (result.thisBrowser) {
    await clearSessionCookie();
    redirect('/sign-in?signed-out=1');
  }
  // The row stays, saying what happened, until the page is loaded again (no revalidatePath).
  return { done: true, notice: await saying('notices.browserSignedOut') };
}
