import { requireAccount } from '../../lib/session.ts';
import { formatCalendarDate, formatDate } from '@/src/format.ts';
import { runtime } from '@/src/runtime.ts';

// Password and Security. The Two-Step Verification section comes first and stands out: in the
// source thread (seed 000) people missed it because it sat above the other settings.
export default async function PasswordAndSecurityPage() {
  const { account } = await requireAccount();
  const questionCount = await runtime().db.securityQuestion.count({ where: { accountId: account.id } });
  return (
    <main className="section-list">
      <h1>Password and Security</h1>
      <p className="lead">{account.appleId}</p>

      <section className="panel feature" aria-labelledby="two-step-heading">
        <header>
          <h2 id="two-step-heading">Two-Step Verification</h2>
          {account.twoStepEnabledAt ? <span className="badge on">On</span> : <span className="badge off">Off</span>}
        </header>
        {account.twoStepEnabledAt ? (
          <p>On since {formatDate(account.twoStepEnabledAt)}.</p>
        ) : (
          <p>
            Protect your account with a second step: after your password, a 4-digit code sent to a phone or device you trust. Whether it can be
            turned on for your account, and if not why and until when, is shown here.
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <p className="muted">Last changed {formatDate(account.passwordChangedAt)}.</p>
      </section>
      <section className="panel" aria-labelledby="questions-heading">
        <h2 id="questions-heading">Security Questions</h2>
        <p className="muted">{questionCount} questions are set.</p>
      </section>
      <section className="panel" aria-labelledby="rescue-heading">
        <h2 id="rescue-heading">Rescue Email</h2>
        <p className="muted">{account.rescueEmail ?? 'No rescue email address.'}</p>
      </section>
      <section className="panel" aria-labelledby="birth-heading">
        <h2 id="birth-heading">Birth Date</h2>
        <p className="muted">{formatCalendarDate(account.birthDate)}</p>
      </section>
    </main>
  );
}
