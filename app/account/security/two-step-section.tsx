// The Two-Step Verification section: always says whether two-step can be turned on, and if not,
// why and until when (hiding it silently is the failure seed 000 is about).
import Link from 'next/link';
import type { Eligibility } from '@/src/eligibility/eligibility.ts';
import { CHANGE_NAMES, CONTACT_SUPPORT_PATH } from '@/src/mail/templates.ts';
import { regionName } from '@/src/eligibility/regions.ts';
import { LocalTime } from '../../components/local-time.tsx';
import { formatDate } from '@/src/format.ts';
import { CountryOfferForm } from './country-offer-form.tsx';
import { getStartedAction } from '../../actions/security.ts';
import { continueSetupLabel, type SetupStep } from '@/src/two-step/turn-on.ts';
import { STEP_PATHS, STEP_TITLES } from './setup/setup-ui.tsx';

const badge = (on: boolean) => <span className={`badge ${on ? 'on' : 'off'}`}>{on ? 'On' : 'Off'}</span>;

function Body({ e, locale, setupStep }: { e: Eligibility; locale: string; setupStep: SetupStep | null }) {
  switch (e.state) {
    case 'on':
      return (
        <>
          <p className="state-sentence" data-state="on">
            Two-step verification is on since <LocalTime iso={e.since.toISOString()} show="date" locale={locale} />.
          </p>
          <Link className="button" href="/account/security/two-step">
            Manage
          </Link>
        </>
      );
    case 'available':
      if (setupStep) {
        return (
          <>
            <p className="state-sentence" data-state="setup-running">
              You started setting up two-step verification. Next: {STEP_TITLES[setupStep].toLowerCase()}.
              {e.completeBy ? (
                <>
                  {' '}
                  Complete setup by <LocalTime iso={e.completeBy.toISOString()} locale={locale} />.
                </>
              ) : null}
            </p>
            <Link className="button" href={STEP_PATHS[setupStep]} data-testid="continue-setup">
              {continueSetupLabel(setupStep)}
            </Link>
          </>
        );
      }
      return (
        <>
          <p className="state-sentence" data-state="available">
            Two-step verification is available for your account. After your password, you will enter a 4-digit code sent to a phone or
            device you trust.
            {e.completeBy ? (
              <>
                {' '}
                Complete setup by <LocalTime iso={e.completeBy.toISOString()} locale={locale} />.
              </>
            ) : null}
          </p>
          <form action={getStartedAction}>
            <button className="button" type="submit">
              Get Started
            </button>
          </form>
        </>
      );
    case 'country-unavailable': {
      const country = regionName(e.countryCode) ?? e.countryCode;
      return (
        <>
        <p className="state-sentence" data-state="country-unavailable">
          Two-step verification is not yet offered in {country}, the country or region of your account.{' '}
          {e.availableFrom ? (
            <>
              It becomes available there on{' '}
              {/* A calendar date set by the operator (00:00 UTC that day): the same day in every time zone. */}
              <time dateTime={e.availableFrom.toISOString().slice(0, 10)}>{formatDate(e.availableFrom, locale, 'UTC')}</time>.
            </>
          ) : (
            'It will appear here as soon as it is offered there.'
          )}
        </p>
        <CountryOfferForm countryCode={e.countryCode} country={country} />
        </>
      );
    }
    case 'waiting':
      return (
        <>
          <p className="state-sentence" data-state="waiting">
            Setup is paused until <LocalTime iso={e.endsAt.toISOString()} locale={locale} />, because {CHANGE_NAMES[e.reason]} on{' '}
            <LocalTime iso={e.reasonAt.toISOString()} locale={locale} /> (the latest significant change: the wait runs 3 days from it).
          </p>
          <p className="muted">
            After a significant change, two-step verification waits 3 days so that you can make sure you are the only person changing your
            account. You can use your account as usual meanwhile. We emailed every address on file; if you did not make this change,{' '}
            <Link href={CONTACT_SUPPORT_PATH}>contact support</Link>.
          </p>
        </>
      );
    case 'window-expired':
      return (
        <>
          <p className="state-sentence" data-state="window-expired">
            The 30 days to complete setup ended on <LocalTime iso={e.windowEndedAt.toISOString()} locale={locale} />, so a new waiting period started. You can
            set up two-step verification after <LocalTime iso={e.endsAt.toISOString()} locale={locale} />.
          </p>
          <p className="muted">We emailed every address on file. If you did not start setting up two-step verification, <Link href={CONTACT_SUPPORT_PATH}>contact support</Link>.</p>
        </>
      );
  }
}

/** setupStep: the next step of a running setup (runningSetupStep), shown as "Continue setup — step N of 4". */
export function TwoStepSection({ eligibility, locale, setupStep = null }: { eligibility: Eligibility; locale: string; setupStep?: SetupStep | null }) {
  return (
    <section className="panel feature" aria-labelledby="two-step-heading">
      <header>
        <h2 id="two-step-heading">Two-Step Verification</h2>
        {badge(eligibility.state === 'on')}
      </header>
      <Body e={eligibility} locale={locale} setupStep={setupStep} />
      <p className="small">
        <Link href="/help/two-step">Learn more about two-step verification</Link>
      </p>
    </section>
  );
}
