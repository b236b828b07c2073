'use server';
// "Email me when two-step verification is offered in COUNTRY" (the country-unavailable state of the
// Two-Step section). The domain is src/eligibility/country-offers.ts. It answers its form rather than
// reloading the page, so the confirmation takes the place (and the focus) of the button.
import { runtime } from '@/src/runtime.ts';
import { requestCountryOfferEmail } from '@/src/eligibility/country-offers.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';
import type { FormState } from '../lib/form-state.ts';
import { inLanguage } from '../i18n/said.ts';

export async function requestCountryOfferAction(_previous: FormState, _form?: unknown): Promise<FormState> {
  const { actor } = await requireSecurityPass();
  const result = await requestCountryOfferEmail(runtime(), actor.accountId);
  return result.ok ? { done: true } : inLanguage({ error: result.error }, result.said);
}
