import { useTranslations } from 'next-intl';
import type { DetailsView } from '@/src/support/console.ts';
import { explainEligibility, waitingReasonLabel } from '@/src/eligibility/explain.ts';
import { Explained } from '../../components/explained.tsx';
import { When } from './when.tsx';

/** Two-step on or off, why it can or cannot be set up and until when, and the latest waiting period. */
export function TwoStepFacts({ view }: { view: DetailsView }) {
  const t = useTranslations('support.details');
  const e = view.eligibility;
  const period = view.waitingPeriod;
  return (
    <section className="panel" aria-labelledby="s-two-step">
      <h2 id="s-two-step">{t('twoStepHeading')}</h2>
      <p className="state-sentence" data-testid="support-two-step">
        {view.twoStepSince ? (
          t.rich('onSince', {
            badge: (text) => <span className="badge on">{text}</span>,
            date: () => <When d={view.twoStepSince} />,
          })
        ) : (
          <span className="badge off">{t('off')}</span>
        )}
      </p>
      {/* 'on' is said by the badge above. */}
      {e.state === 'on' ? null : (
        <p data-testid="support-eligibility" data-state={e.state}>
          <Explained parts={explainEligibility(e, 'support').sentence} />
        </p>
      )}
      {period ? (
        <dl className="facts small" data-testid="support-waiting-period">
          <dt>{t('latestWaitingPeriod')}</dt>
          <dd>{waitingReasonLabel(period.reason)}</dd>
          <dt>{t('changeMade')}</dt>
          <dd>
            <When d={period.reasonAt} />
          </dd>
          <dt>{t('waitingPeriod')}</dt>
          <dd>
            {t.rich('waitingPeriodSpan', {
              start: () => <When d={period.startedAt} />,
              end: () => <When d={period.endsAt} />,
            })}
          </dd>
          <dt>{t('windowEnds')}</dt>
          <dd>
            <When d={period.windowEndsAt} />
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
