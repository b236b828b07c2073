'use client';
// The button of "Email me when two-step verification is offered in COUNTRY". It goes once pressed:
// what replaces it takes focus and is announced, so the keyboard and screen reader are not left on a
// button that is gone.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { requestCountryOfferAction } from '../../actions/country-offer.ts';
import { ChangedNotice } from '../../components/focus-on-mount.tsx';
import { FormMessages } from '../../components/form-messages.tsx';
import { PendingButton } from '../../components/submit-button.tsx';
import { EMPTY_FORM } from '../../lib/form-state.ts';

/** What a holder who asked already sees, on every later visit (it takes no focus then). */
export function CountryOfferRequested({ appleId, country }: { appleId: string; country: string }) {
  const t = useTranslations('clientSecurity.countryOffer');
  return (
    <p className="muted" data-testid="country-offer-requested">
      {t('requested', { appleId, country })}
    </p>
  );
}

export function CountryOfferButton({ appleId, country }: { appleId: string; country: string }) {
  const [state, action] = useActionState(requestCountryOfferAction, EMPTY_FORM);
  const t = useTranslations('clientSecurity.countryOffer');
  if (state.done) {
    return (
      <ChangedNotice>
        <CountryOfferRequested appleId={appleId} country={country} />
      </ChangedNotice>
    );
  }
  return (
    <form action={action}>
      <FormMessages state={state} />
      <PendingButton className="button secondary" label={t('ask', { country })} pendingLabel={t('saving')} />
    </form>
  );
}
