// How the Trusted Devices page's actions answer their forms, whatever the kind of device
// (app/actions/devices.ts, and each kind's own actions beside its forms in app/_kinds/<kind>/).
import { revalidatePath } from 'next/cache';
import type { FormResult } from '@/src/forms/forms.ts';
import { formField, formValues, type FormState } from './form-state.ts';

/** The Trusted Devices page, where every device is listed and added. */
export const DEVICES_PATH = '/account/security/devices';

/** A refusal keeps what was typed; a change reloads the list and says what happened. */
export function answer(result: FormResult<{ message: string }>, formData: FormData): FormState {
  if (!result.ok) {
    // formValues leaves out names containing "code" (codes are never echoed); the country is no secret.
    const values = { ...formValues(formData), countryCode: formField(formData, 'countryCode') };
    return { error: result.error, fieldErrors: result.fieldErrors, values };
  }
  revalidatePath(DEVICES_PATH);
  return { done: true, notice: result.message };
}
