'use server';
// Registering an iOS device and sending it a code on the Trusted Devices page (./add-panel.tsx):
// a registered device becomes a device waiting for its code, asked for on a page of its own
// (app/lib/device-answer.ts answerSent; app/actions/devices.ts confirms it).
import { runtime } from '@/src/runtime.ts';
import { addPushDevice, registerDevice } from '@/src/kinds/push/add.ts';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { guessingRequestContext, requestContext } from '../../lib/request.ts';
import { requireSecurityPass } from '../../lib/security-pass.ts';
import { formField, formFields, type FormState } from '../../lib/form-state.ts';
import { answer, answerSent } from '../../lib/device-answer.ts';

export async function registerDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return answer(await registerDevice(runtime(), actor, formFields(formData), await requestContext()), formData);
}

export async function addPushDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSecurityPass(DEVICES_PAGE);
  return answerSent(
    await addPushDevice(runtime(), actor, formField(formData, 'registeredDeviceId'), await guessingRequestContext()),
    formData,
  );
}
