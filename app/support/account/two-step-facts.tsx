import type { DetailsView } from '@/src/support/console.ts';
import { explainEligibility, waitingReasonLabel } from '@/src/eligibility/explain.ts';
import { Explained } from '../../components/explained.tsx';
import { When } from './when.tsx';

/** Two-step on or off, why it can or cannot be set up and until when, and the latest waiting period. */
export function TwoStepFacts({ view }: { view: DetailsView }) {
  const e = view.eligibility;
  const period = view.waitingPeriod;
  return (
    <section className="panel" aria-labelledby="s-two-step">
      <h2 id="s-two-step">Two-Step Verification</h2>
      <p className="state-sentence" data-testid="support-two-step">
        {view.twoStepSince ? (
          <>
            <span className="badge on">On</span> since <When d={view.twoStepSince} />
          </>
        ) : (
          <span className="badge off">Off</span>
        )}
      </p>
      {/* 'on' is said by the badge above. */}
      {e.state === 'on' ? null : (
        <p data-testid="support-eligibility" data-state={e.state}>
          <Explained said={explainEligibility(e, 'support').sentence} />
        </p>
      )}
      {period ? (
        <dl className="facts small" data-testid="support-waiting-period">
          <dt>Latest waiting period</dt>
          <dd>
            <Explained said={waitingReasonLabel(period.reason)} />
          </dd>
          <dt>Change made</dt>
          <dd>
            <When d={period.reasonAt} />
          </dd>
          <dt>Waiting period</dt>
          <dd>
            <When d={period.startedAt} /> to <When d={period.endsAt} />
          </dd>
          <dt>Setup window ends</dt>
          <dd>
            <When d={period.windowEndsAt} />
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
