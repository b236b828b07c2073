// One WebAuthn ceremony in the browser, as every passkey form runs it: the options from the
// server (or the sentence saying why there are none), the browser's prompt (@simplewebauthn/browser),
// then its JSON answer to the server's action. A cancelled or failed prompt becomes the form's
// message, in the reader's sentences (the holders' by default; staff have their own).
import { ceremonyErrorSentence, type CeremonySentences } from '@/src/kinds/passkey/ceremony-errors.ts';
import type { FormState } from '../../lib/form-state.ts';
import type { Options } from '../../lib/signature-options.ts';

export async function runCeremony<O>(
  options: () => Promise<Options<O>>,
  prompt: (optionsJSON: O) => Promise<unknown>,
  finish: (response: string) => Promise<FormState>,
  sentences?: CeremonySentences,
): Promise<FormState> {
  const asked = await options();
  if ('error' in asked) return { error: asked.error };
  let answer: unknown;
  try {
    answer = await prompt(asked.options);
  } catch (e) {
    return { error: ceremonyErrorSentence(e, sentences) };
  }
  return finish(JSON.stringify(answer));
}
