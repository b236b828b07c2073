import type { ReactNode } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { KindQuestions, Question } from './question.tsx';

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** Each kind of trusted device, the Recovery Key, apps, and what to do when something is lost. */
export function KeepingAccess() {
  const t = useTranslations('helpTwoStep');
  return (
    <>
      <KindQuestions />

      <Question id="keep-key">
        <p>{t('keepKey.where')}</p>
        <p>{t.rich('keepKey.lost', { strong })}</p>
      </Question>

      <Question id="apps">
        <p>{t.rich('apps', { strong })}</p>
      </Question>

      <Question id="remember">
        <p>{t('remember.intro')}</p>
        <ul>
          <li>{t('remember.password')}</li>
          <li>{t('remember.devices')}</li>
          <li>{t('remember.key')}</li>
        </ul>
        <p>{t('remember.support')}</p>
      </Question>

      <Question id="lost">
        <dl>
          <dt>{t('lost.key')}</dt>
          <dd>{t('lost.keyWhat')}</dd>
          <dt>{t('lost.password')}</dt>
          <dd>{t.rich('lost.passwordWhat', { link: (chunks) => <Link href="/reset/recovery-key">{chunks}</Link> })}</dd>
          <dt>{t('lost.device')}</dt>
          <dd>{t('lost.deviceWhat')}</dd>
          <dt>{t('lost.none')}</dt>
          <dd>{t('lost.noneWhat')}</dd>
        </dl>
      </Question>
    </>
  );
}
