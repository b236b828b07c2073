import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { getTranslations } from 'next-intl/server';
import { pageDateLocale } from '../../../i18n/page-dates.ts';
import { LABEL_MAX, listAppPasswords, MAX_APP_PASSWORDS } from '@/src/app-passwords/app-passwords.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { requireFreshCode } from '../../../lib/fresh-code.ts';
import { AppPasswordRow, CreateAppPasswordForm, RevokeAllForm } from './app-password-forms.tsx';
import styles from './app-passwords.module.css';
import rows from '../../../components/row-list.module.css';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('appPasswords'))('title') };
}

// App-Specific Passwords (docs/rules.md#app-specific-passwords): for apps that cannot ask for a
// verification code. Generated here with a label, shown once, revocable one by one or all at once.
// Behind the Password and Security pass, like every security setting.
export default async function AppPasswordsPage() {
  const current = await requireSecurityPass();
  const { account } = current;
  requireFreshCode(current, '/account/security/app-passwords');
  const rt = runtime();
  const locale = await pageDateLocale(account.countryCode);
  const t = await getTranslations('appPasswords');
  const back = (
    <p className="small">
      <Link href="/account/security">{t('back')}</Link>
    </p>
  );

  if (!account.twoStepEnabledAt) {
    return (
      <main className="section-list">
        {back}
        <h1>{t('heading')}</h1>
        <section className="panel">
          <p className="lead" data-testid="two-step-needed">
            {t('off.lead')}
          </p>
          <p className="muted">{t('off.explain')}</p>
          <Link className="button" href="/account/security">
            {t('off.setUp')}
          </Link>
        </section>
      </main>
    );
  }

  const passwords = await listAppPasswords(rt.db, account.id);
  return (
    <main className="section-list">
      {back}
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>

      <section className="panel" aria-labelledby="generate-heading">
        <h2 id="generate-heading">{t('generateHeading')}</h2>
        <p className="muted small">{t('upTo', { max: MAX_APP_PASSWORDS })}</p>
        <CreateAppPasswordForm labelMax={LABEL_MAX} />
      </section>

      <section className="panel" aria-labelledby="list-heading">
        <h2 id="list-heading">{t('listHeading')}</h2>
        {passwords.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <>
            <ul className={rows.list} aria-labelledby="list-heading">
              {passwords.map((p) => (
                <AppPasswordRow
                  key={p.id}
                  id={p.id}
                  label={p.label}
                  createdAt={p.createdAt.toISOString()}
                  lastUsedAt={p.lastUsedAt?.toISOString() ?? null}
                  locale={locale}
                />
              ))}
            </ul>
            <RevokeAllForm count={passwords.length} />
          </>
        )}
      </section>
    </main>
  );
}
