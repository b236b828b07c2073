import { expect, test } from './csp-guard.ts';
import { type Page } from '@playwright/test';
import { axe } from './axe.ts';
import { accountWithTwoStepOnInDatabase, advanceClock, newestSmsCode, PASSWORD, signIn, signOut, submit } from './helpers.ts';
import { SENDS_PER_DEVICE } from '../src/codes/limits.ts';

// The second step never dead-ends (app/components/code-step.tsx, one component for every flow that
// asks for a code; signing in is the flow used here): a new code asked for too early leaves the code
// field as it was and counts the wait down, and whatever the order of sends, waits and wrong codes,
// the page holds one device chooser, one code field and the newest answer's messages only.
//
// Two clocks, neither read from the machine's pace: the portal's (advanceClock passes the server's
// wait between two codes to one device) and the browser's (page.clock, installed before the page
// loads, runs the countdown's timers forward).

const WAIT_SENTENCE = /^Wait (\d+) seconds? before asking for another code\.$/;
const WAIT_OVER = 'You can ask for a new code now.';
/** Past the server's wait between two codes to one device, in seconds. */
const PAST_THE_WAIT = SENDS_PER_DEVICE.windowMs / 1000 + 1;

const chooser = (page: Page) => page.getByRole('form', { name: 'Choose a trusted device' });
const codeField = (page: Page) => page.getByLabel(/Verification code sent to/);
const waitNotice = (page: Page) => page.getByTestId('send-wait');
const announced = (page: Page) => page.locator('[aria-live="polite"]');
const codeSentNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'We sent a code' });

/** One device chooser, one code field (once a code was asked for), never a send left pending. */
async function expectOneOfEach(page: Page) {
  await expect(chooser(page)).toHaveCount(1);
  await expect(codeField(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Sending…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Send/ })).toHaveCount(1);
}

/** The seconds the wait notice says now. */
async function secondsShown(page: Page): Promise<number> {
  const text = (await waitNotice(page).textContent()) ?? '';
  const seconds = WAIT_SENTENCE.exec(text)?.[1];
  expect(seconds, `a wait in "${text}"`).toBeTruthy();
  return Number(seconds);
}

/** The seconds the wait notice says are left now; 0 once it says the wait is over. */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await waitNotice(page).textContent()) ?? '';
  return text === WAIT_OVER ? 0 : Number(WAIT_SENTENCE.exec(text)?.[1] ?? NaN);
}

async function codeFromInbox(page: Page, e164: string): Promise<string> {
  const inbox = await page.context().newPage();
  const code = await newestSmsCode(inbox, e164);
  await inbox.close();
  return code;
}

async function onTheCodeStep(page: Page, label: string) {
  const holder = await accountWithTwoStepOnInDatabase(page, label);
  await signOut(page);
  await page.clock.install();
  await signIn(page, holder.appleId, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Verify Your Identity' })).toBeVisible();
  return holder;
}

test('a new code asked for too early keeps the code field and what was typed, and counts the wait down to a send that goes', async ({
  page,
}) => {
  const { phone } = await onTheCodeStep(page, 'early-resend');
  await submit(page, 'Send Code');
  await expect(codeSentNotice(page)).toBeVisible();
  const code = await codeFromInbox(page, phone.e164);
  await codeField(page).fill(code.slice(0, 2));

  await submit(page, 'Send a New Code');
  await expect(waitNotice(page)).toHaveText(WAIT_SENTENCE);
  const shown = await secondsShown(page);
  expect(shown).toBeGreaterThanOrEqual(1);
  expect(shown).toBeLessThanOrEqual(SENDS_PER_DEVICE.windowMs / 1000);
  // The field stays, with what was typed; the stale "We sent a code" is gone.
  await expect(codeField(page)).toHaveValue(code.slice(0, 2));
  await expect(codeSentNotice(page)).toHaveCount(0);
  await expectOneOfEach(page);
  // Said once, politely: the live region holds the sentence as it came, while the notice beside it
  // may already have counted down (the browser's clock also runs by itself).
  const first = (await announced(page).textContent()) ?? '';
  expect(first).toMatch(WAIT_SENTENCE);
  expect(Number(WAIT_SENTENCE.exec(first)![1])).toBeGreaterThanOrEqual(await secondsLeft(page));

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/code-step-waiting-${width}.png`, fullPage: true });
  }
  await axe(page, 'sign in, a new code asked for too early');

  // The visible number moves with the browser's clock (which also runs by itself meanwhile); the
  // live region does not speak each second.
  const before = await secondsLeft(page);
  await page.clock.runFor(2_000);
  await expect.poll(() => secondsLeft(page)).toBeLessThanOrEqual(Math.max(0, before - 2));
  if ((await secondsLeft(page)) > 0) await expect(announced(page)).toHaveText(first);
  await page.clock.runFor(SENDS_PER_DEVICE.windowMs);
  await expect(waitNotice(page)).toHaveText(WAIT_OVER);
  await expect(announced(page)).toHaveText(WAIT_OVER);
  await expect(page.getByRole('button', { name: 'Send a New Code' })).toBeEnabled();

  // The portal's wait is over too: the button sends, and the newest code signs in.
  await advanceClock(page, PAST_THE_WAIT);
  await submit(page, 'Send a New Code');
  await expect(codeSentNotice(page)).toBeVisible();
  await expect(waitNotice(page)).toHaveCount(0);
  await expectOneOfEach(page);
  await codeField(page).fill(await codeFromInbox(page, phone.e164));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});

test('sends, waits and wrong codes in any order leave one device chooser, one code field and the newest messages only', async ({
  page,
}) => {
  const { phone } = await onTheCodeStep(page, 'one-chooser');
  await submit(page, 'Send Code');
  await expect(codeSentNotice(page)).toBeVisible();
  // The page again, knowing nothing of that code: a send now waits, and offers the field for the code.
  await page.reload();
  await submit(page, 'Send Code');
  await expect(waitNotice(page)).toHaveText(WAIT_SENTENCE);
  await expectOneOfEach(page);

  await advanceClock(page, PAST_THE_WAIT);
  await submit(page, 'Send a New Code');
  await expect(codeSentNotice(page)).toBeVisible();
  await expect(waitNotice(page)).toHaveCount(0);
  await expectOneOfEach(page);
  const code = await codeFromInbox(page, phone.e164);
  const wrong = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
  // Each answer awaited by its own words: the form is made anew with each answer, so a code typed
  // before the last answer came would go into the form it replaces.
  for (const answer of ['You can try 2 more times.', 'You can try 1 more time.', 'Too many wrong tries for this code.']) {
    await codeField(page).fill(wrong);
    await submit(page, 'Verify');
    await expect(page.getByTestId('error-summary')).toContainText(answer);
    await expect(page.getByTestId('error-summary')).toHaveCount(1);
  }
  await expect(page.getByText('Too many wrong tries for this code.')).toBeVisible();
  await expect(codeSentNotice(page)).toHaveCount(0);
  await expectOneOfEach(page);

  await submit(page, 'Send a New Code');
  await expect(waitNotice(page)).toHaveText(WAIT_SENTENCE);
  await expect(page.getByText('Too many wrong tries for this code.')).toHaveCount(0);
  await expect(codeSentNotice(page)).toHaveCount(0);
  await expectOneOfEach(page);

  await advanceClock(page, PAST_THE_WAIT);
  await submit(page, 'Send a New Code');
  await expect(codeSentNotice(page)).toHaveCount(1);
  await expect(waitNotice(page)).toHaveCount(0);
  await expect(page.getByText('Too many wrong tries for this code.')).toHaveCount(0);
  await expectOneOfEach(page);

  await codeField(page).fill(await codeFromInbox(page, phone.e164));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Manage your account' })).toBeVisible();
});
