import { expect, test } from './csp-guard.ts';
import type { APIRequestContext } from '@playwright/test';
import { createAccount, formError, newAppleId, PASSWORD, signIn, signOut } from './helpers.ts';
import { E2E_METRICS_TOKEN } from './ports.ts';

// /metrics on the production build (docs/operating.md#metrics-and-alerts): only to the bearer
// token, and what a person does in the browser moves the counters an operator alerts on.

const bearer = { Authorization: `Bearer ${E2E_METRICS_TOKEN}` };

/** The value of one sample of the Prometheus text, 0 when the series has not appeared yet. */
async function sample(request: APIRequestContext, series: string): Promise<number> {
  const res = await request.get('/metrics', { headers: bearer });
  expect(res.status()).toBe(200);
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test('/metrics answers only to the bearer token', async ({ request }) => {
  expect((await request.get('/metrics')).status()).toBe(401);
  expect((await request.get('/metrics', { headers: { Authorization: 'Bearer not-the-token-at-all-not-the-token' } })).status()).toBe(401);
  const res = await request.get('/metrics', { headers: bearer });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/plain');
  const text = await res.text();
  // The outbox gauges (read from the database at each scrape) and Node's event-loop delay.
  expect(text).toMatch(/^two_step_outbox_oldest_unsent_age_seconds \d/m);
  expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
});

test('a wrong password and a sign-in move the sign-in counters and the /sign-in histogram', async ({ page, request }) => {
  const appleId = newAppleId('metrics');
  await createAccount(page, appleId);
  await signOut(page);
  const signedIn = 'two_step_sign_ins_total{result="signed-in"}';
  const wrong = 'two_step_sign_ins_total{result="wrong-password"}';
  const pageViews = 'two_step_http_request_duration_seconds_count{route="/sign-in",method="GET",status="200"}';
  const before = {
    signedIn: await sample(request, signedIn),
    wrong: await sample(request, wrong),
    views: await sample(request, pageViews),
  };

  await signIn(page, appleId, `${PASSWORD} not`);
  await expect(formError(page)).toHaveText('Your Apple ID or password was incorrect.');
  await signIn(page, appleId);
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();

  expect(await sample(request, wrong)).toBe(before.wrong + 1);
  expect(await sample(request, signedIn)).toBe(before.signedIn + 1);
  expect(await sample(request, pageViews)).toBeGreaterThanOrEqual(before.views + 2);
});
