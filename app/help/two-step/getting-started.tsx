import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { RECOVERY_KEY_LENGTH } from '@/src/recovery-key/recovery-key.ts';
import { SETUP_STEPS, setupStepNumber } from '@/src/two-step/turn-on.ts';
import { Question } from './question.tsx';

/** What it is, how to set it up and how signing in works with it. `codeDigits`: CODE_DIGITS, set at run time. */
export function GettingStarted({ codeDigits }: { codeDigits: number }) {
  const t = useTranslations('helpTwoStep');
  // The label the Two-Step Verification section shows for a setup whose next step is the Recovery Key.
  const next = useTranslations('security.twoStep')('continueSetup', { number: setupStepNumber('recovery-key'), count: SETUP_STEPS.length });
  return (
    <>
      <Question id="what">
        <p>{t('what')}</p>
      </Question>

      <Question id="two-factor">
        <p>{t('twoFactor')}</p>
      </Question>

      <Question id="set-up">
        <p>
          {t.rich('setUp.intro', {
            link: (chunks) => <Link href="/account/security">{chunks}</Link>,
            strong: (chunks) => <strong>{chunks}</strong>,
            count: SETUP_STEPS.length,
            next,
          })}
        </p>
        <ol>
          <li>{t('setUp.phone')}</li>
          <li>{t('setUp.key')}</li>
          <li>{t('setUp.confirm')}</li>
          <li>{t('setUp.conditions')}</li>
        </ol>
      </Question>

      <Question id="how">
        <p>{t('how.devices', { digits: codeDigits })}</p>
        <p>{t('how.key', { length: RECOVERY_KEY_LENGTH })}</p>
      </Question>

      <Question id="questions">
        <p>{t('questionsGone')}</p>
      </Question>
    </>
  );
}
