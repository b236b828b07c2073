// What an action hands its page, in the request's language: the domain answers with English text
// (its refusals' sentences, the messages next to fields, its notices) and what that text says
// (src/i18n/said.ts); this is the one place the actions turn it into the reader's language.
import { currentAccount } from '../lib/session.ts';
import { requestLocale } from './locale.ts';
import { DEFAULT_LOCALE } from '@/src/i18n/locales.ts';
import { saidOfEnglish, sayTo, type Said } from '@/src/i18n/said.ts';
import type { Reader } from '@/src/i18n/translate.ts';
import type { FormState } from '../lib/form-state.ts';

/** Who reads this request's answer: its language, and the signed-in holder's zone (else none: UTC, named). */
async function requestReader(): Promise<Reader> {
  const current = await currentAccount({ allowRecovery: true });
  return { locale: await requestLocale(), timeZone: current?.account.timeZone ?? null };
}

function say(reader: Reader, english: string, said?: Said): string {
  if (reader.locale === DEFAULT_LOCALE || english === '') return english;
  const known = said ?? saidOfEnglish(english);
  return known ? sayTo(reader, known) : english;
}

/** What an action answers with its sentences (the refusal's, the fields', the notice) in the request's language. */
export async function inLanguage<S extends Pick<FormState, 'error' | 'fieldErrors' | 'notice'> | object>(
  state: S,
  said?: Said,
): Promise<S> {
  if (!('error' in state || 'notice' in state || 'fieldErrors' in state)) return state;
  const reader = await requestReader();
  const out: Pick<FormState, 'error' | 'fieldErrors' | 'notice'> = { ...state };
  if (state.error !== undefined) out.error = say(reader, state.error, said);
  if (state.notice !== undefined) out.notice = say(reader, state.notice);
  if (state.fieldErrors) {
    out.fieldErrors = Object.fromEntries(
      Object.entries(state.fieldErrors).map(([field, m]) => [field, m === undefined ? m : say(reader, m)]),
    );
  }
  return out as S;
}

/** A sentence of the catalogue (`key`, `facts`) in the request's language: an action's own notice. */
export async function saying(key: string, facts: Said['facts'] = {}): Promise<string> {
  return sayTo(await requestReader(), { key, facts });
}
