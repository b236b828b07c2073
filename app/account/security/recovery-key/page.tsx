import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { pageDateLocale } from '../../../i18n/page-dates.ts';
import { requireTwoStepChange } from '../../../lib/fresh-code.ts';
import { RecoveryKeyStep } from '../setup/recovery-key/recovery-key-step.tsx';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('recoveryKey'))('title') };
}

// Replace Lost Key (docs/rules.md#recovery-key): signed in with the password and a trusted device
// (a code in the last 10 minutes) → a new key, shown once and printable; the old one stops working
// at once.
export default async function ReplaceRecoveryKeyPage() {
  const { account } = await requireTwoStepChange('/account/security/recovery-key');
  const t = await getTranslations('recoveryKey');
  return (
    <main className="narrow">
      <p className="small">
        <Link href="/account/security/two-step">{t('back')}</Link>
      </p>
      <h1>{t('heading')}</h1>
      <RecoveryKeyStep appleId={account.appleId} locale={await pageDateLocale(account.countryCode)} hadKey mode="replace" />
    </main>
  );
}
