import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { SETUP_WINDOW_MS, WAITING_PERIOD_MS } from '@/src/eligibility/eligibility.ts';
import { durationIn } from '@/src/i18n/durations.ts';
import { Question } from './question.tsx';

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** The waiting period, turning it off, and where it is offered. */
export function Rules() {
  const t = useTranslations('helpTwoStep');
  // The page's formatting locale (app/i18n/request.ts): the rules' lengths in its unit names.
  const locale = useLocale();
  return (
    <>
      <Question id="wait">
        <p>{t('wait.why', { wait: durationIn(locale, WAITING_PERIOD_MS) })}</p>
        <p>{t('wait.window', { window: durationIn(locale, SETUP_WINDOW_MS) })}</p>
      </Question>

      <Question id="off">
        <p>{t.rich('off', { strong })}</p>
      </Question>

      <Question id="where">
        <p>{t('where')}</p>
      </Question>
    </>
  );
}
