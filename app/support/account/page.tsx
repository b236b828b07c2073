import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { runtime } from '@/src/runtime.ts';
import { viewAccount } from '@/src/support/console.ts';
import { SUPPORT_PIN_DIGITS, SUPPORT_PIN_TTL_MS } from '@/src/support/pin.ts';
import { durationIn } from '@/src/i18n/durations.ts';
import { requireStaff } from '../../lib/staff-session.ts';
import { requestContext } from '../../lib/request.ts';
import { Details } from './details.tsx';
import { PinForm } from './pin-form.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('support.account'))('title') };
}

// The account the staff session found (src/support/console.ts). View only: there is no button here
// that changes anything, and no action behind the page that could (Apple's FAQ: support can't
// update or recover the password, the trusted devices or the Recovery Key).
export default async function SupportAccountPage() {
  const session = await requireStaff();
  const view = await viewAccount(runtime(), session, await requestContext());
  if (!view) redirect('/support');
  if (view.kind === 'locked') {
    const t = await getTranslations('support.account');
    return (
      <main className="narrow">
        <h1 className="account-id">{view.appleId}</h1>
        <p className="lead">{t('exists')}</p>
        <div className="panel" data-testid="locked-account">
          <p className="state-sentence">{t.rich('twoStepOn', { badge: (text) => <span className="badge on">{text}</span> })}</p>
          <p>
            {t.rich('askForPin', {
              strong: (text) => <strong>{text}</strong>,
              duration: durationIn(await getLocale(), SUPPORT_PIN_TTL_MS),
            })}
          </p>
          <PinForm
            digits={SUPPORT_PIN_DIGITS}
            text={{
              form: t('pinForm'),
              label: t('pinLabel'),
              hint: t('pinHint', { digits: SUPPORT_PIN_DIGITS }),
              submit: t('showDetails'),
              pending: t('checking'),
            }}
          />
        </div>
        <p className="small">
          <Link href="/support">{t('findAnother')}</Link>
        </p>
      </main>
    );
  }
  return <Details view={view} />;
}
