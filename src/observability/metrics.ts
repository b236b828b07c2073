// Every metric of the portal, defined once, on prom-client's default registry (the one /metrics
// serves), named two_step_*. docs/operating.md#metrics-and-alerts says which to alert on.
//
// Defined idempotently: Next.js bundles this module into several server chunks, and the server
// (src/server/serve.ts) loads it once more; every copy must count into the same metric, so a copy
// takes the one already registered under the name. prom-client itself stays one module outside
// the bundles (next.config.js serverExternalPackages), so there is one default registry.
//
// Label values are always from small fixed sets (a route pattern, a result, a channel, a Twilio
// error code), never an address, an account or a path.
import { Counter, Gauge, Histogram, collectDefaultMetrics, register, type Registry } from 'prom-client';

export { register };

function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

const counter = (name: string, help: string, labelNames: readonly string[] = []) =>
  once(name, () => new Counter({ name, help, labelNames }));

export const metrics = {
  httpRequestDuration: once(
    'two_step_http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'two_step_http_request_duration_seconds',
        help: 'Time to answer an HTTP request, by route pattern, method and status.',
        labelNames: ['route', 'method', 'status'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      }),
  ),
  signIns: counter('two_step_sign_ins_total', 'Sign-in steps, by result (signed-in, wrong-password, wrong-recovery-key, app-refused).', [
    'result',
  ]),
  lockouts: counter(
    'two_step_lockouts_total',
    'Keys locked after too many wrong tries (password, Recovery Key, answers...) and code pauses, by scope.',
    ['scope'],
  ),
  codesSent: counter('two_step_codes_sent_total', 'Verification codes delivered, by channel (the kind of device that got it).', [
    'channel',
  ]),
  codeSendFailures: counter(
    'two_step_code_send_failures_total',
    'Verification codes that could not be delivered, by channel and Twilio error code ("none": no Twilio answer, or another sender).',
    ['channel', 'twilio_code'],
  ),
  codeVerifications: counter('two_step_code_verifications_total', 'Entered verification codes, by result (verified, wrong, reused).', [
    'result',
  ]),
  waitingPeriodsStarted: counter('two_step_waiting_periods_started_total', 'Waiting periods started before two-step setup, by reason.', [
    'reason',
  ]),
  supportLooks: counter(
    'two_step_support_looks_total',
    'Looks at an account by support staff, by kind (looked-up, details-viewed, pin-accepted, pin-failed).',
    ['kind'],
  ),
  securityEvents: counter('two_step_security_events_total', 'Every security event recorded, by kind.', ['kind']),
  staffEvents: counter(
    'two_step_staff_events_total',
    'Support staff sign-in events, by kind (password accepted or wrong, second factor added, passed, failed or reset).',
    ['kind'],
  ),
  emailsSent: counter('two_step_emails_sent_total', 'Emails delivered from the outbox.'),
  emailFailures: counter(
    'two_step_email_failures_total',
    'Failed email deliveries from the outbox; final="true" when the email was given up.',
    ['final'],
  ),
  outboxEmails: once(
    'two_step_outbox_emails',
    () =>
      new Gauge({
        name: 'two_step_outbox_emails',
        help: 'Unsent emails in the outbox, by state: due (waiting for a worker), retrying (failed, will retry), failed (given up), scheduled (due later).',
        labelNames: ['state'],
        async collect() {
          const stats = await outboxStats();
          if (!stats) return;
          for (const state of ['due', 'retrying', 'failed', 'scheduled'] as const) this.set({ state }, stats[state]);
        },
      }),
  ),
  outboxOldestUnsentAge: once(
    'two_step_outbox_oldest_unsent_age_seconds',
    () =>
      new Gauge({
        name: 'two_step_outbox_oldest_unsent_age_seconds',
        help: 'How long the oldest email that should have gone out (due or retrying) has waited; 0 when none.',
        async collect() {
          const stats = await outboxStats();
          if (stats) this.set(stats.oldestWaitingSeconds);
        },
      }),
  ),
};

/** What the outbox gauges show; read from the database by a provider that the server registers. */
export interface OutboxStats {
  due: number;
  retrying: number;
  failed: number;
  scheduled: number;
  oldestWaitingSeconds: number;
}

const globalForMetrics = globalThis as unknown as { twoStepOutboxStats?: () => Promise<OutboxStats> };

/** The server (the composition, which may read the database) says how to read the outbox. */
export function setOutboxStatsProvider(provider: (() => Promise<OutboxStats>) | undefined): void {
  globalForMetrics.twoStepOutboxStats = provider;
}

/** The outbox figures for one scrape; none (the gauges keep their value) when unknown or unreadable. */
async function outboxStats(): Promise<OutboxStats | null> {
  try {
    return (await globalForMetrics.twoStepOutboxStats?.()) ?? null;
  } catch {
    return null; // the database is down: /metrics still answers (the health checks say why)
  }
}

/**
 * Event-loop delay, memory, CPU, handles: prom-client's process metrics, once per process, under
 * their standard names (process_*, nodejs_*) so the usual Node.js dashboards and alerts apply.
 */
export function collectProcessMetrics(registry: Registry = register): void {
  if (registry.getSingleMetric('process_cpu_seconds_total')) return;
  collectDefaultMetrics({ register: registry });
}
