// How the Trusted Devices page's actions answer their forms, whatever the kind of device
// (app/actions/devices.ts, and each kind's own actions beside its forms in app/_kinds/<kind>/).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormResult } from '@/src/forms/forms.ts';
import { formField, formValues, type FormState } from './form-state.ts';
import { inLanguage } from '../i18n/said.ts';

/** The Trusted Devices page, where every device is listed and added. */
export const DEVICES_PATH = '/account/security/devices';

/**
 * The Trusted Devices page's view whose only question is the code sent to `trustedDeviceId`
 * (app/account/security/devices/code-view.tsx); `sent` when the code was sent just now.
 */
export function codeViewUrl(trustedDeviceId: string, sent: boolean): string {
  return `${DEVICES_PATH}?verify=${encodeURIComponent(trustedDeviceId)}${sent ? '&sent=1' : ''}`;
}

/** A device was sent its first code: on to the view of its code (a refusal answers the form as any other). */
export function answerSent(result: FormResult<{ message: string; trustedDeviceId: string }>, formData: FormData): Promise<FormState> {
  if (!result.ok) return answer(result, formData);
  redirect(codeViewUrl(result.trustedDeviceId, true));
}

/** A refusal keeps what was typed; a change reloads the list and says what happened. */
export function answer(result: FormResult<{ message: string }>, formData: FormData): Promise<FormState> {
  if (!result.ok) {
    // formValues leaves out names containing "code" (codes are never echoed); the country is no secret.
    const values = { ...formValues(formData), countryCode: formField(formData, 'countryCode') };
    // A refusal that ends by itself (a wait between codes) says how long, for the countdown.
    const wait = result.waitMs === undefined ? {} : { waitMs: result.waitMs };
    return inLanguage({ error: result.error, fieldErrors: result.fieldErrors, values, ...wait }, result.said);
  }
  revalidatePath(DEVICES_PATH);
  return inLanguage({ done: true, notice: result.message });
}
