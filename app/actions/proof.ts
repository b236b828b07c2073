'use server';
// One pair of actions for the second step of every flow (app/lib/proof-purposes.ts): ask for a
// proof, then give it. The page binds the purpose (and what its flow needs: an app's interaction,
// the page to go back to); all of it arrives from the browser, so the purpose is only a key into
// the table, whose entry checks its own session or stage first.
import { notFound } from 'next/navigation';
import { proofFlow, type Challenge } from '../lib/proof-purposes.ts';
import { formFields, type FormState, type ProofState } from '../lib/form-state.ts';
import { inLanguage } from '../i18n/said.ts';

/**
 * With a form (the code form's send): a code for the trusted device chosen in it. Without one (the
 * button of the devices that sign): the signing challenge's options, for a flow a signature may prove; a flow that
 * takes only codes reads it as an empty form and answers with its form's message.
 */
export async function askAction(purpose: unknown, _prev?: unknown, formData?: unknown): Promise<FormState | Challenge> {
  const flow = proofFlow(purpose);
  if (!flow) notFound();
  if (formData === undefined && flow.challenge) return inLanguage(await flow.challenge());
  return inLanguage(await flow.ask(formFields(formData)));
}

/**
 * Checks the proof: the code form (a FormData) or the browser's answer to the signing challenge (its
 * JSON, a string); right, the flow's finish. A string for a flow that takes only codes, or anything
 * else, counts as a form with no fields (the form's own message).
 */
export async function proveAction(purpose: unknown, bound: unknown, _prev: unknown, given: unknown): Promise<ProofState> {
  const flow = proofFlow(purpose);
  if (!flow) notFound();
  return inLanguage(
    await flow.prove(bound, typeof given === 'string' && flow.challenge ? { signature: given } : { form: formFields(given) }),
  );
}
