// A code sent to, and entered for, the trusted device the holder picks in a form. Every flow that
// asks for one (sign-in, a fresh code before a change, the Recovery Key reset, the support PIN)
// reads the same two fields the same way, and refuses a missing choice with the same codes.
import { z } from 'zod';
import { failure, type Result } from '../result.ts';
import { sendCode, verifyCode, type CodeDeps, type CodePurpose, type CodeSent, type OnVerified } from './codes.ts';
import { CODES_ERRORS, type CodesError } from './errors.ts';
import type { RequestContext } from '../security-events/record.ts';
import { REQUEST_ID } from '../db/row-id.ts';

const chosenDevice = z.object({ trustedDeviceId: z.string().regex(REQUEST_ID) });
const enteredCode = chosenDevice.extend({ code: z.string().max(16) });

/** The chosen device, whether a code went out (a device that makes its own codes is sent nothing), and what to tell the holder. */
export type ChosenDeviceSent = { trustedDeviceId: string; sent: boolean; message: string };

/** Sends a code for `purpose` to the trusted device chosen in a submitted form (untrusted input). */
export async function sendCodeToChosenDevice(
  deps: CodeDeps,
  accountId: string,
  purpose: CodePurpose,
  input: unknown,
  ctx: RequestContext,
): Promise<Result<ChosenDeviceSent, CodesError>> {
  const parsed = chosenDevice.safeParse(input);
  if (!parsed.success) return failure(CODES_ERRORS, 'CHOOSE_DEVICE');
  const sent = await sendCode(deps, { accountId, trustedDeviceId: parsed.data.trustedDeviceId, purpose }, ctx);
  if (!sent.ok) return sent;
  return { ok: true, trustedDeviceId: parsed.data.trustedDeviceId, sent: sent.sent, message: codePrompt(sent) };
}

/** What the form says once a device is chosen: a code went out, or the app shows its own. */
export function codePrompt(sent: CodeSent): string {
  return sent.sent ? 'We sent a code. Enter it below.' : `Enter the current code from ${sent.appLabel}.`;
}

/** Checks the code entered in a submitted form for the device chosen there (untrusted input). */
export async function checkEnteredCode<T = undefined>(
  deps: CodeDeps,
  accountId: string,
  purpose: CodePurpose,
  input: unknown,
  ctx: RequestContext,
  onVerified?: OnVerified<T>,
): Promise<Result<{ then?: T }, CodesError>> {
  const parsed = enteredCode.safeParse(input);
  if (!parsed.success) return failure(CODES_ERRORS, 'CHOOSE_DEVICE_AND_CODE');
  return verifyCode(deps, { accountId, trustedDeviceId: parsed.data.trustedDeviceId, purpose, code: parsed.data.code }, ctx, onVerified);
}
