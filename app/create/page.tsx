import { redirect } from 'next/navigation';
import { currentAccount } from '../lib/session.ts';
import { runtime } from '@/src/runtime.ts';
import { allRegions } from '@/src/eligibility/regions.ts';
import { HOUR, perDurationText } from '@/src/clock.ts';
import { ACTIVATION_LINK_TTL_MS } from '@/src/accounts/sign-up.ts';
import { EMAILS_PER_APPLE_ID } from '@/src/accounts/creation-limits.ts';
import { CreateAccountForm } from './create-account-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Create Your Account' };

export default async function CreateAccountPage() {
  if (await currentAccount()) redirect('/account');
  const { db, clock } = runtime();
  const available = new Set(
    (await db.countryAvailability.findMany({ where: { availableFrom: { lte: clock.now() } }, select: { countryCode: true } })).map(
      (r) => r.countryCode,
    ),
  );
  const regions = allRegions('en');
  return (
    <main>
      <h1>Create Your Account</h1>
      <p className="lead">One account for everything. Your email address is your Apple ID.</p>
      <CreateAccountForm
        availableRegions={regions.filter((r) => available.has(r.code))}
        otherRegions={regions.filter((r) => !available.has(r.code))}
        defaultCountry="US"
        rules={{
          linkValidFor: `${ACTIVATION_LINK_TTL_MS / HOUR} hours`,
          emailsPerAddress: `${EMAILS_PER_APPLE_ID.maxFailures} emails ${perDurationText(EMAILS_PER_APPLE_ID.windowMs)}`,
        }}
      />
    </main>
  );
}
