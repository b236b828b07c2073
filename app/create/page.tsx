import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentAccount } from '../lib/session.ts';
import { runtime } from '@/src/runtime.ts';
import { allRegions } from '@/src/eligibility/regions.ts';
import { HOUR } from '@/src/clock.ts';
import { ACTIVATION_LINK_TTL_MS } from '@/src/accounts/sign-up.ts';
import { EMAILS_PER_APPLE_ID } from '@/src/accounts/creation-limits.ts';
import { CreateAccountForm } from './create-account-form.tsx';
import { requestLocale } from '../i18n/locale.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('create'))('title') };
}

export default async function CreateAccountPage() {
  if (await currentAccount()) redirect('/account');
  const { db, clock } = runtime();
  const available = new Set(
    (await db.countryAvailability.findMany({ where: { availableFrom: { lte: clock.now() } }, select: { countryCode: true } })).map(
      (r) => r.countryCode,
    ),
  );
  const regions = allRegions(formattingLocale(await requestLocale()));
  const t = await getTranslations('create');
  return (
    <main>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <CreateAccountForm
        availableRegions={regions.filter((r) => available.has(r.code))}
        otherRegions={regions.filter((r) => !available.has(r.code))}
        defaultCountry="US"
        rules={{
          linkValidHours: ACTIVATION_LINK_TTL_MS / HOUR,
          emailsPerAddress: EMAILS_PER_APPLE_ID.maxFailures,
          emailsWindowHours: EMAILS_PER_APPLE_ID.windowMs / HOUR,
        }}
      />
    </main>
  );
}
