// "Email me when two-step verification is offered in COUNTRY", on the country-unavailable state of
// the Two-Step section (src/eligibility/country-offers.ts). Once asked, it says so instead.
import { runtime } from '@/src/runtime.ts';
import { hasCountryOfferRequest } from '@/src/eligibility/country-offers.ts';
import { currentAccount } from '../../lib/session.ts';
import { CountryOfferButton, CountryOfferRequested } from './country-offer-button.tsx';

export async function CountryOfferForm({ countryCode, country }: { countryCode: string; country: string }) {
  const current = await currentAccount();
  if (!current) return null;
  if (await hasCountryOfferRequest(runtime().db, current.account.id, countryCode)) {
    return <CountryOfferRequested appleId={current.account.appleId} country={country} />;
  }
  return <CountryOfferButton appleId={current.account.appleId} country={country} />;
}
