'use server';
// Server actions for accounts: create, sign in, sign out. Each calls one domain function, which
// validates the form with zod and writes a security event, and answers with a FormState.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { config } from '@/src/config.ts';
import { signUp } from '@/src/accounts/sign-up.ts';
import { signIn } from '@/src/sign-in/password.ts';
import { cancelSignIn } from '@/src/sign-in/code.ts';
import { signOut, signOutEverywhere } from '@/src/sessions/sessions.ts';
import { chooseLanguage } from '@/src/accounts/language.ts';
import { LANGUAGE_NAMES } from '@/src/i18n/locales.ts';
import { translator } from '@/src/i18n/translate.ts';
import { revalidatePath } from 'next/cache';
import { guessingRequestContext, requestContext } from '../lib/request.ts';
import { clearSessionCookie, requireAccount, setSessionCookie, signedIn } from '../lib/session.ts';
import { refuseStaff } from '../lib/staff-session.ts';
import { requestLocale } from '../i18n/locale.ts';
import { formField, formFields, formValues, type FormState } from '../lib/form-state.ts';
import { afterSignIn, interactionParam, withInteraction } from '../lib/app-sign-in.ts';
import { inLanguage } from '../i18n/said.ts';

// Create Account answers "check your email" whatever the address (src/accounts/sign-up.ts): the
// Apple ID exists once the link emailed to it is opened, and no session is made here.
export async function createAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const result = await signUp(
    { ...runtime(), accountsPerAddressPerHour: config().ACCOUNTS_PER_ADDRESS_PER_HOUR },
    formFields(formData),
    await requestContext(),
  );
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  return { done: true, values: { appleId: result.appleId } };
}

/** The form carries the app's sign-in it serves, if any (app/lib/app-sign-in.ts), to the next step. */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  await refuseStaff();
  const uid = interactionParam(formField(formData, 'interaction'));
  const result = await signIn(runtime(), formFields(formData), await guessingRequestContext());
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  if (result.needsCode) {
    await setSessionCookie(result.sessionToken);
    redirect(withInteraction('/sign-in/verify', uid));
  }
  await signedIn(result.sessionToken, result.accountId);
  redirect(await afterSignIn(uid));
}

export async function signOutAction(): Promise<void> {
  const token = await clearSessionCookie();
  if (token) await signOut(runtime(), token, await requestContext());
  redirect('/sign-in?signed-out=1');
}

/** "Cancel Sign-In" in the header while the code step waits: the sign-in ends, and the sign-in page is shown afresh. */
export async function cancelSignInAction(): Promise<void> {
  const token = await clearSessionCookie();
  if (token) await cancelSignIn(runtime(), token);
  redirect('/sign-in');
}

export async function signOutEverywhereAction(): Promise<void> {
  const token = await clearSessionCookie();
  if (token) await signOutEverywhere(runtime(), token, await requestContext());
  redirect('/sign-in?signed-out=everywhere');
}

/** The account page's language: pages and emails from now on; the confirmation is already in it. */
export async function chooseLanguageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { account } = await requireAccount();
  const result = await chooseLanguage(runtime().db, account.id, formFields(formData));
  if (!result.ok) return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values: formValues(formData) }, result.said);
  revalidatePath('/', 'layout');
  const locale = result.language ?? (await requestLocale());
  const t = translator({ locale, timeZone: account.timeZone });
  return {
    done: true,
    notice: result.language ? t('account.languageSaved', { language: LANGUAGE_NAMES[result.language] }) : t('account.languageBrowser'),
  };
}
