import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { accountLocale } from '@/src/format.ts';
import { LABEL_MAX, listAppPasswords, MAX_APP_PASSWORDS } from '@/src/app-passwords/app-passwords.ts';
import { requireSecurityPass } from '../../../lib/security-pass.ts';
import { requireFreshCode } from '../../../lib/fresh-code.ts';
import { AppPasswordRow, CreateAppPasswordForm, RevokeAllForm } from './app-password-forms.tsx';
import styles from './app-passwords.module.css';
import rows from '../../../components/row-list.module.css';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'App-Specific Passwords' };

// App-Specific Passwords (docs/rules.md#app-specific-passwords): for apps that cannot ask for a
// verification code. Generated here with a label, shown once, revocable one by one or all at once.
// Behind the Password and Security pass, like every security setting.
export default async function AppPasswordsPage() {
  const current = await requireSecurityPass();
  const { account } = current;
  requireFreshCode(current, '/account/security/app-passwords');
  const rt = runtime();
  const locale = accountLocale(account.countryCode);
  const back = (
    <p className="small">
      <Link href="/account/security">← Password and Security</Link>
    </p>
  );

  if (!account.twoStepEnabledAt) {
    return (
      <main className="section-list">
        {back}
        <h1>App-Specific Passwords</h1>
        <section className="panel">
          <p className="lead" data-testid="two-step-needed">
            App-specific passwords are for accounts with two-step verification on.
          </p>
          <p className="muted">
            While two-step verification is off, apps such as mail, contacts and calendar sign in with your Apple ID password. Once you turn
            two-step verification on, those apps need an app-specific password generated here instead.
          </p>
          <Link className="button" href="/account/security">
            Set up two-step verification
          </Link>
        </section>
      </main>
    );
  }

  const passwords = await listAppPasswords(rt.db, account.id);
  return (
    <main className="section-list">
      {back}
      <h1>App-Specific Passwords</h1>
      <p className="lead">
        Some apps cannot ask for a verification code. With two-step verification on, they sign in with an app-specific password instead of
        your Apple ID password, which they no longer accept.
      </p>

      <section className="panel" aria-labelledby="generate-heading">
        <h2 id="generate-heading">Generate an App-Specific Password</h2>
        <p className="muted small">
          You can have up to {MAX_APP_PASSWORDS}. Give each app its own, so that you can revoke one without the others.
        </p>
        <CreateAppPasswordForm labelMax={LABEL_MAX} />
      </section>

      <section className="panel" aria-labelledby="list-heading">
        <h2 id="list-heading">Your App-Specific Passwords</h2>
        {passwords.length === 0 ? (
          <p className="muted">None yet.</p>
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
