// "Email me when two-step verification is offered in COUNTRY", on the country-unavailable state of
// the Two-Step section (src/eligibility/country-offers.ts). Once asked, it says so instead.
import { runtime } from '@/src/runtime.ts';
import { hasCountryOfferRequest } from '@/src/eligibility/country-offers.ts';
import { currentAccount } from '../../lib/session.ts';
import { requestCountryOfferAction } from '../../actions/country-offer.ts';

export async function CountryOfferForm({ countryCode, country }: { countryCode: string; country: string }) {
  const current = await currentAccount();
  if (!current) return null;
  if (await hasCountryOfferRequest(runtime().db, current.account.id, countryCode)) {
    return (
      <p className="muted" data-testid="country-offer-requested">
        We will email {current.account.appleId} when two-step verification is offered in {country}.
      </p>
    );
  }
  return (
    <form action={requestCountryOfferAction}>
      <button className="button secondary" type="submit">
        Email me when two-step verification is offered in {country}
      </button>
    </form>
  );
}
