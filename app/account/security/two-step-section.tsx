// The Two-Step Verification section: always says whether two-step can be turned on, and if not, why
// and until when (hiding it silently is what the users' reports complain of:
// docs/rules.md#password-and-security-page).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Eligibility } from '@/src/eligibility/eligibility.ts';
import { explainEligibility, sentenceGap, type Said } from '@/src/eligibility/explain.ts';
import { regionName } from '@/src/eligibility/regions.ts';
import { runtime } from '@/src/runtime.ts';
import { Explained } from '../../components/explained.tsx';
import { PendingButton } from '../../components/submit-button.tsx';
import { CountryOfferForm } from './country-offer-form.tsx';
import { getStartedAction } from '../../actions/security.ts';
import { SETUP_STEPS, setupStepNumber, type SetupStep } from '@/src/two-step/turn-on.ts';
import { STEP_PATHS } from './setup/setup-ui.tsx';

/** A setup step as the catalogue's sentences choose it ("recovery-key" → "recoveryKey"). */
const stepKey = (step: SetupStep) => step.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

async function Body({ e, locale, language, setupStep }: { e: Eligibility; locale: string; language: string; setupStep: SetupStep | null }) {
  const t = await getTranslations('security.twoStep');
  const { sentence, more } = explainEligibility(e, 'holder', { codeDigits: runtime().codeDigits, locale: language });
  const say = (said: Said | Said[]) => <Explained said={said} locale={locale} />;
  const gap = sentenceGap(language);
  switch (e.state) {
    case 'on':
      return (
        <>
          <p className="state-sentence" data-state="on">
            {say(sentence)}
          </p>
          <Link className="button" href="/account/security/two-step">
            {t('manage')}
          </Link>
        </>
      );
    case 'available':
      if (setupStep) {
        // A running setup: its next step instead of the offer, with the same deadline.
        return (
          <>
            <p className="state-sentence" data-state="setup-running">
              {t('setupRunning', { step: stepKey(setupStep) })}
              {more ? (
                <>
                  {gap}
                  {say(more)}
                </>
              ) : null}
            </p>
            <Link className="button" href={STEP_PATHS[setupStep]} data-testid="continue-setup">
              {t('continueSetup', { number: setupStepNumber(setupStep), count: SETUP_STEPS.length })}
            </Link>
          </>
        );
      }
      return (
        <>
          <p className="state-sentence" data-state="available">
            {say(sentence)}
            {more ? (
              <>
                {gap}
                {say(more)}
              </>
            ) : null}
          </p>
          <form action={getStartedAction}>
            <PendingButton label={t('getStarted')} pendingLabel={t('starting')} />
          </form>
        </>
      );
    case 'country-unavailable':
      return (
        <>
          <p className="state-sentence" data-state="country-unavailable">
            {say(sentence)}
            {more ? (
              <>
                {gap}
                {say(more)}
              </>
            ) : null}
          </p>
          <CountryOfferForm countryCode={e.countryCode} country={regionName(e.countryCode, language) ?? e.countryCode} />
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
export async function TwoStepSection({
  eligibility,
  locale,
  language,
  setupStep = null,
}: {
  eligibility: Eligibility;
  /** How dates are written (dateLocale). */
  locale: string;
  /** The page's language (formattingLocale), for the country's name. */
  language: string;
  setupStep?: SetupStep | null;
}) {
  const t = await getTranslations('security.twoStep');
  const on = eligibility.state === 'on';
  return (
    <section className="panel feature" aria-labelledby="two-step-heading">
      <header>
        <h2 id="two-step-heading">{t('heading')}</h2>
        <span className={`badge ${on ? 'on' : 'off'}`}>{on ? t('on') : t('off')}</span>
      </header>
      <Body e={eligibility} locale={locale} language={language} setupStep={setupStep} />
      <p className="small">
        <Link href="/help/two-step">{t('learnMore')}</Link>
      </p>
    </section>
  );
}
