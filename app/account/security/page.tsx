import { redirect } from 'next/navigation';
import Link from 'next/link';
import { requireAccount } from '../../lib/session.ts';
import { confirmUrl, pageNeedsFreshCode } from '../../lib/fresh-code.ts';
import { passStateOf } from '../../lib/security-pass.ts';
import { requestContext } from '../../lib/request.ts';
import { formatCalendarDate, timeZoneLabel } from '@/src/format.ts';
import { runtime } from '@/src/runtime.ts';
import { securityQuestionCount } from '@/src/accounts/question-check.ts';
import { readEligibility, startDueWaitingPeriod } from '@/src/eligibility/waiting-periods.ts';
import { setupStepOf } from '@/src/two-step/turn-on.ts';
import { trustedPhoneCount } from '@/src/devices/trusted-phones.ts';
import { LocalTime } from '../../components/local-time.tsx';
import { QuestionsGate } from './questions-gate.tsx';
import { questionKey } from '../../components/account-fields.tsx';
import { TwoStepSection } from './two-step-section.tsx';
import { BirthDateForm, ChangePasswordForm, ChangeQuestionsForm, RescueEmailForm } from './change-forms.tsx';
import { activityQuery, RecentActivity } from './activity.tsx';
import { TimeZoneForm } from './time-zone-form.tsx';
import { timeZoneChoiceList } from './time-zone-choices.ts';
import { browserSaid, recentActivity } from '@/src/security-events/activity.ts';
import { appsUsing } from '@/src/oidc/app-authorizations.ts';
import { scopeSentences } from '@/src/oidc/scopes.ts';
import { signedInBrowsers } from '@/src/sessions/browsers.ts';
import { AppRow, BrowserRow } from './apps-and-browsers.tsx';
import rows from '../../components/row-list.module.css';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { dateLocale } from '../../i18n/date-locale.ts';
import { requestLocale } from '../../i18n/locale.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('security'))('title') };
}

// Password and Security. While two-step is off it is reached by answering two security questions
// (docs/rules.md#password-and-security-page). The Two-Step Verification section comes first and
// stands out: in the users' reports people missed it because it sat above the other settings.
export default async function PasswordAndSecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const current = await requireAccount();
  const { account } = current;
  const rt = runtime();
  const pass = await passStateOf(current);
  if ('signedOut' in pass) redirect('/sign-in');
  const t = await getTranslations('security');
  const say = await getTranslations();
  const browserText = (userAgent: string | null) => {
    const { key, facts } = browserSaid(userAgent);
    return say(key, facts);
  };
  if (!pass.passed) {
    const tq = await getTranslations('clientSecurity');
    return (
      <main className="narrow">
        <h1>{t('heading')}</h1>
        <p className="lead">{t('gateLead')}</p>
        <div className="panel">
          <QuestionsGate
            questions={pass.questions.map((q) => ({ position: q.position, text: q.id ? tq(`questions.${questionKey(q.id)}`) : q.text }))}
            locked={pass.locked}
          />
        </div>
      </main>
    );
  }
  const params = await searchParams;
  const locale = await dateLocale(account.countryCode);
  const language = formattingLocale(await requestLocale());
  // One round of parallel reads; the session and account were read with the session (app/lib/session.ts).
  const actor = { accountId: account.id, sessionId: current.session.id };
  const [read, questionCount, activity, apps, browsers] = await Promise.all([
    readEligibility(rt.db, account.id, rt.clock.now(), account),
    securityQuestionCount(rt.db, account.id),
    recentActivity(rt.db, account.id, { ...activityQuery(params), thisSession: current.session.id }),
    appsUsing(rt.db, account.id),
    signedInBrowsers(rt.db, actor, rt.clock.now()),
  ]);
  // The view only reads, except when a 30-day setup window ran out: the waiting period that starts
  // then runs 3 days from when it is stored, so the first view that finds it stores it (with its
  // email, once). Nothing else marks the moment a window runs out; left unstored, the end date
  // shown would move with every view and the holder would never be emailed.
  const eligibility = read.dueWaitingPeriod ? await startDueWaitingPeriod(rt, account.id, await requestContext()) : read.eligibility;
  const setupStep = eligibility.state === 'available' ? await setupStepOf(account, () => trustedPhoneCount(rt.db, account.id)) : null;
  const passwordNeedsCode = pageNeedsFreshCode(current);
  return (
    <main className="section-list section-forms">
      <h1>{t('heading')}</h1>
      <p className="lead">{account.appleId}</p>
      {params.off ? (
        <p className="notice success" role="status">
          {t('offNotice')}
        </p>
      ) : null}

      <TwoStepSection eligibility={eligibility} locale={locale} language={language} setupStep={setupStep} />

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('password.heading')}</h2>
        <p className="muted">
          {t.rich('password.lastChanged', {
            when: () => <LocalTime iso={account.passwordChangedAt.toISOString()} show="date" locale={locale} />,
          })}
        </p>
        {passwordNeedsCode ? (
          <p>
            <Link href={confirmUrl('/account/security')} data-testid="change-password-verify">
              {t('password.change')}
            </Link>{' '}
            <span className="muted small">{t('password.codeFirst')}</span>
          </p>
        ) : (
          <details className="change">
            <summary>{t('password.change')}</summary>
            <ChangePasswordForm twoStepOn={eligibility.state === 'on'} />
          </details>
        )}
      </section>
      {eligibility.state === 'on' ? null : (
        <section className="panel" aria-labelledby="questions-heading">
          <h2 id="questions-heading">{t('questions.heading')}</h2>
          <p className="muted">{t('questions.count', { count: questionCount })}</p>
          <details className="change">
            <summary>{t('questions.change')}</summary>
            <ChangeQuestionsForm />
          </details>
        </section>
      )}
      <section className="panel" aria-labelledby="rescue-heading">
        <h2 id="rescue-heading">{t('rescue.heading')}</h2>
        <p className="muted" data-testid="rescue-email">
          {account.rescueEmail ?? t('rescue.none')}
        </p>
        <details className="change">
          <summary>{account.rescueEmail ? t('rescue.change') : t('rescue.add')}</summary>
          <RescueEmailForm current={account.rescueEmail} />
        </details>
      </section>
      <section className="panel" aria-labelledby="birth-heading">
        <h2 id="birth-heading">{t('birth.heading')}</h2>
        <p className="muted" data-testid="birth-date">
          {formatCalendarDate(account.birthDate, language)}
        </p>
        <details className="change">
          <summary>{t('birth.change')}</summary>
          <BirthDateForm />
        </details>
      </section>
      <section className="panel" aria-labelledby="time-zone-heading">
        <h2 id="time-zone-heading">{t('timeZone.heading')}</h2>
        <p className="muted" data-testid="time-zone">
          {account.timeZone ? t('timeZone.known', { zone: timeZoneLabel(account.timeZone, language) }) : t('timeZone.unknown')}
        </p>
        <details className="change">
          <summary>{t('timeZone.change')}</summary>
          <TimeZoneForm current={account.timeZone} choices={timeZoneChoiceList(language)} />
        </details>
      </section>
      <section className="panel" aria-labelledby="support-pin-heading">
        <h2 id="support-pin-heading">{t('supportPin.heading')}</h2>
        <p className="muted">{eligibility.state === 'on' ? t('supportPin.on') : t('supportPin.off')}</p>
        {eligibility.state === 'on' ? (
          <Link className="button secondary" href="/account/security/support-pin">
            {t('supportPin.get')}
          </Link>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="apps-heading">
        <h2 id="apps-heading">{t('apps.heading')}</h2>
        {apps.length === 0 ? (
          <p className="muted">{t('apps.none')}</p>
        ) : (
          <>
            <p className="muted small">{t('apps.about')}</p>
            <ul className={rows.list} aria-labelledby="apps-heading">
              {apps.map((app) => (
                <AppRow
                  key={app.clientId}
                  clientId={app.clientId}
                  name={app.name}
                  receives={scopeSentences(app.scopes, account)}
                  firstUsedAt={app.firstUsedAt.toISOString()}
                  lastUsedAt={app.lastUsedAt.toISOString()}
                  locale={locale}
                />
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="browsers-heading">
        <h2 id="browsers-heading">{t('browsers.heading')}</h2>
        <p className="muted small">{t('browsers.about')}</p>
        <ul className={rows.list} aria-labelledby="browsers-heading">
          {browsers.map((b) => (
            <BrowserRow
              key={b.id}
              sessionId={b.id}
              browser={browserText(b.userAgent)}
              address={b.clientAddress}
              signedInAt={b.signedInAt.toISOString()}
              lastSeenAt={b.lastSeenAt.toISOString()}
              thisBrowser={b.thisBrowser}
              locale={locale}
            />
          ))}
        </ul>
      </section>
      <RecentActivity activity={activity} locale={locale} />
    </main>
  );
}
