'use server';
// "Email me when two-step verification is offered in COUNTRY" (the country-unavailable state of the
// Two-Step section). The domain is src/eligibility/country-offers.ts.
import { redirect } from 'next/navigation';
import { runtime } from '@/src/runtime.ts';
import { requestCountryOfferEmail } from '@/src/eligibility/country-offers.ts';
import { requireSecurityPass } from '../lib/security-pass.ts';

export async function requestCountryOfferAction(): Promise<void> {
  const { actor } = await requireSecurityPass();
  const rt = runtime();
  await requestCountryOfferEmail(rt, actor.accountId);
  redirect('/account/security');
}
