// The Two-Step Verification section: always says whether two-step can be turned on, and if not, why
// and until when (hiding it silently is what the users' reports complain of:
// docs/rules.md#password-and-security-page).
import Link from 'next/link';
import type { Eligibility } from '@/src/eligibility/eligibility.ts';
import { explainEligibility, type Part } from '@/src/eligibility/explain.ts';
import { regionName } from '@/src/eligibility/regions.ts';
import { runtime } from '@/src/runtime.ts';
import { Explained } from '../../components/explained.tsx';
import { PendingButton } from '../../components/submit-button.tsx';
import { CountryOfferForm } from './country-offer-form.tsx';
import { getStartedAction } from '../../actions/security.ts';
import { continueSetupLabel, type SetupStep } from '@/src/two-step/turn-on.ts';
import { useTranslations } from 'next-intl';
import { STEP_KEYS, STEP_PATHS } from './setup/setup-ui.tsx';

const badge = (on: boolean) => <span className={`badge ${on ? 'on' : 'off'}`}>{on ? 'On' : 'Off'}</span>;

function Body({ e, locale, setupStep }: { e: Eligibility; locale: string; setupStep: SetupStep | null }) {
  const { sentence, more } = explainEligibility(e, 'holder', { codeDigits: runtime().codeDigits });
  const steps = useTranslations('setup.steps');
  const say = (parts: Part[]) => <Explained parts={parts} locale={locale} />;
  switch (e.state) {
    case 'on':
      return (
        <>
          <p className="state-sentence" data-state="on">
            {say(sentence)}
          </p>
          <Link className="button" href="/account/security/two-step">
            Manage
          </Link>
        </>
      );
    case 'available':
      if (setupStep) {
        // A running setup: its next step instead of the offer, with the same deadline.
        return (
          <>
            <p className="state-sentence" data-state="setup-running">
              You started setting up two-step verification. Next: {steps(`${STEP_KEYS[setupStep]}.inSentence`)}.
              {more ? <> {say(more)}</> : null}
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
            {say(sentence)}
            {more ? <> {say(more)}</> : null}
          </p>
          <form action={getStartedAction}>
            <PendingButton label="Get Started" pendingLabel="Starting…" />
          </form>
        </>
      );
    case 'country-unavailable':
      return (
        <>
          <p className="state-sentence" data-state="country-unavailable">
            {say(sentence)}
            {more ? <> {say(more)}</> : null}
          </p>
          <CountryOfferForm countryCode={e.countryCode} country={regionName(e.countryCode) ?? e.countryCode} />
        </>
      );
    case 'waiting':
    case 'window-expired':
      return (
        <>
          <p className="state-sentence" data-state={e.state}>
            {say(sentence)}
          </p>
          {more ? <p className="muted">{say(more)}</p> : null}
        </>
      );
  }
}

/** setupStep: the next step of a running setup (runningSetupStep), shown as "Continue setup — step N of 4". */
export function TwoStepSection({
  eligibility,
  locale,
  setupStep = null,
}: {
  eligibility: Eligibility;
  locale: string;
  setupStep?: SetupStep | null;
}) {
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
