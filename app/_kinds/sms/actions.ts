'use server';
// Adding a phone number on the Trusted Devices page (./add-panel.tsx): its number is checked and
// sent a code, and the holder goes on to the page whose only question is that code
// (app/lib/device-answer.ts answerSent; app/actions/devices.ts confirms it).
import { runtime } from '@/src/runtime.ts';
import { addPhoneNumber } from '@/src/kinds/sms/add.ts';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { guessingRequestContext } from '../../lib/request.ts';
import { requireSecurityPass } from '../../lib/security-pass.ts';
import { formFields, type FormState } from '../../lib/form-state.ts';
import { answerSent } from '../../lib/device-answer.ts';

export async function addPhoneNumberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return answerSent(await addPhoneNumber(runtime(), actor, formFields(formData), await guessingRequestContext()), formData);
}
