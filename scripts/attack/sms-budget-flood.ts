// The SMS budget flood of `npm run attack` (src/codes/limits.ts, "Sending limits"): a stranger who
// knows only the holder's phone number makes an account of their own, starts two-step setup, adds
// the holder's number and asks for codes to it until refused; then the holder signs in from the
// browser they signed in with before, and from a new one, and asks for a code to that number.
// Every step is a page or server action over HTTP, as a browser sends it (./browser.ts). The
// per-device wait (30 seconds) is skipped with the dev clock (/dev/clock, stand-ins on), so it is
// driven on the instance that runs the stand-ins.
import { AttackBrowser, textsTo } from './browser.ts';
import { SENDS_PER_DEVICE } from '../../src/codes/limits.ts';

export const HOLDER = 'olivia@two-step.test'; // two-step on, trusted phone +1 555 010 0042 (dev/seed)
export const HOLDERS_NUMBER = '+15550100042';
const STRANGER = 'sms.flood@stranger.test';
const STRANGER_PASSWORD = 'a stranger with a plan 2026';
/** The stranger's three questions and answers (src/accounts/security-questions.ts ids, and the texts the page shows). */
const QUESTIONS = [
  { id: 'first-pet', text: 'What was the name of your first pet?', answer: 'rex' },
  { id: 'parents-met-city', text: 'In what city did your parents meet?', answer: 'paris' },
  { id: 'favourite-colour', text: 'What is your favourite colour?', answer: 'blue' },
];
const MAX_ASKS = 50; // a bound for the loop: the limits stop it long before

export interface SmsFloodResult {
  /** Texts the stranger's asks made the Twilio stand-in send to the holder's number. */
  strangerTexts: number;
  /** What refused the stranger in the end. */
  strangerRefusal: string | null;
  holdersKnownBrowser: { sent: boolean; error: string | null };
  holdersNewBrowser: { sent: boolean; error: string | null };
}

/** The first trusted device id a form on the page names (React writes the input's attributes in its own order). */
const deviceIdIn = (html: string) => /<input[^>]*name="trustedDeviceId"[^>]*value="([^"]+)"/.exec(html)?.[1];

/** The code in the newest text to `number`. */
async function newestCode(standinsUrl: string, number: string): Promise<string> {
  const code = /code is (\d+)\./.exec((await textsTo(standinsUrl, number))[0] ?? '')?.[1];
  if (!code) throw new Error(`no code texted to ${number}`);
  return code;
}

/** Signs in with the password (two-step on), then asks for a code to the first trusted device listed. */
async function signInAndAskForCode(
  b: AttackBrowser,
  appleId: string,
  password: string,
): Promise<{ sent: boolean; error: string | null; deviceId: string }> {
  const signedIn = await b.action('/sign-in', 'signInAction', { appleId, password });
  if (!signedIn.redirectedTo?.includes('/sign-in/verify'))
    throw new Error(`${appleId}: the password step answered ${signedIn.error ?? signedIn.redirectedTo}`);
  const page = await b.get('/sign-in/verify');
  const deviceId = deviceIdIn(page.body);
  if (!deviceId) throw new Error(`${appleId}: no trusted device on the verify page`);
  const sent = await b.action('/sign-in/verify', 'askAction', { trustedDeviceId: deviceId }, { bound: ['sign-in'] });
  return { sent: sent.done, error: sent.error, deviceId };
}

/** The holder's first sign-in on this browser: password, a code from the number; the browser is known from then on. */
async function holderSignsInFully(b: AttackBrowser, password: string, standinsUrl: string): Promise<void> {
  const asked = await signInAndAskForCode(b, HOLDER, password);
  if (!asked.sent) throw new Error(`the holder got no code before the flood: ${asked.error}`);
  const code = await newestCode(standinsUrl, HOLDERS_NUMBER);
  const done = await b.action('/sign-in/verify', 'proveAction', { trustedDeviceId: asked.deviceId, code }, { bound: ['sign-in', null] });
  if (!done.redirectedTo?.includes('/account')) throw new Error(`the holder's sign-in did not complete: ${done.error}`);
}

/** Create Account, the activation link from the mail stand-in, the button; then the stranger signs in. */
async function strangerMakesAnAccount(b: AttackBrowser, standinsUrl: string): Promise<void> {
  const fields: Record<string, string> = {
    appleId: STRANGER,
    password: STRANGER_PASSWORD,
    confirmPassword: STRANGER_PASSWORD,
    name: 'Sam Stranger',
    birthDate: '1988-02-03',
    countryCode: 'US',
    rescueEmail: '',
  };
  QUESTIONS.forEach((q, i) => Object.assign(fields, { [`question${i + 1}`]: q.id, [`answer${i + 1}`]: q.answer }));
  const created = await b.action('/create', 'createAccountAction', fields);
  if (!created.done) throw new Error(`Create Account answered ${created.error}`);
  // The outbox worker sends the activation email within a poll or two.
  let link: string | undefined;
  for (let i = 0; i < 60 && !link; i++) {
    const { messages } = (await (await fetch(new URL('/_standin/mail', standinsUrl))).json()) as {
      messages: Array<{ to: string[]; text: string }>;
    };
    link = messages
      .filter((m) => m.to.includes(STRANGER))
      .map((m) => /https?:\/\/\S+\/create\/activate\/open\?token=[\w%-]+/.exec(m.text)?.[0])
      .find(Boolean);
    if (!link) await new Promise((r) => setTimeout(r, 500));
  }
  if (!link) throw new Error('no activation email for the stranger');
  await b.get(new URL(link).pathname + new URL(link).search);
  const activated = await b.action('/create/activate', 'activateAccountAction', {});
  if (!activated.redirectedTo?.includes('activated')) throw new Error(`activation answered ${activated.error}`);
  const signedIn = await b.action('/sign-in', 'signInAction', { appleId: STRANGER, password: STRANGER_PASSWORD });
  if (!signedIn.redirectedTo?.includes('/account')) throw new Error(`the stranger's sign-in answered ${signedIn.error}`);
}

/** Password and Security: the two questions asked, answered; then Get Started. */
async function strangerGetsStarted(b: AttackBrowser): Promise<void> {
  const page = await b.get('/account/security');
  const asked = QUESTIONS.filter((q) => page.body.includes(q.text)).sort((x, y) => page.body.indexOf(x.text) - page.body.indexOf(y.text));
  if (asked.length !== 2) throw new Error('the security questions were not asked');
  const passed = await b.action('/account/security', 'answerQuestionsAction', { answer1: asked[0]!.answer, answer2: asked[1]!.answer });
  if (passed.error) throw new Error(`the answers were refused: ${passed.error}`);
  const started = await b.action('/account/security', 'getStartedAction', {}, { form: 'bare' });
  if (!started.redirectedTo?.includes('/account/security/setup')) throw new Error(`Get Started answered ${started.redirectedTo}`);
}

/** Moves the portal's clock past the per-device wait between two codes (SENDS_PER_DEVICE), so that only the other limits refuse. */
async function skipDeviceWait(base: string): Promise<void> {
  const advanceSeconds = SENDS_PER_DEVICE.windowMs / 1000 + 1;
  const res = await fetch(new URL('/dev/clock', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ advanceSeconds }),
  });
  if (!res.ok) throw new Error(`/dev/clock answered ${res.status}`);
}

export async function smsBudgetFlood(opts: { base: string; standinsUrl: string; holderPassword: string }): Promise<SmsFloodResult> {
  const { base, standinsUrl } = opts;
  const holdersBrowser = new AttackBrowser(base, '192.0.2.30');
  await holderSignsInFully(holdersBrowser, opts.holderPassword, standinsUrl);

  const stranger = new AttackBrowser(base, '203.0.113.200');
  await strangerMakesAnAccount(stranger, standinsUrl);
  await strangerGetsStarted(stranger);
  const before = (await textsTo(standinsUrl, HOLDERS_NUMBER)).length;
  const added = await stranger.action('/account/security/devices', 'addPhoneNumberAction', {
    countryCode: 'US',
    phoneNumber: '(555) 010-0042',
  });
  if (!added.done) throw new Error(`adding the number answered ${added.error}`);
  const pending = (await stranger.get('/account/security/devices')).body.split('id="pending-heading"')[1] ?? '';
  const deviceId = deviceIdIn(pending);
  if (!deviceId) throw new Error('the added number is not waiting for a code');
  let strangerRefusal: string | null = null;
  for (let i = 0; i < MAX_ASKS && !strangerRefusal; i++) {
    await skipDeviceWait(base);
    const again = await stranger.action('/account/security/devices', 'resendCodeAction', { trustedDeviceId: deviceId });
    if (!again.done) strangerRefusal = again.error;
  }
  const strangerTexts = (await textsTo(standinsUrl, HOLDERS_NUMBER)).length - before;

  await skipDeviceWait(base);
  const known = await signInAndAskForCode(holdersBrowser, HOLDER, opts.holderPassword);
  await skipDeviceWait(base);
  const fresh = await signInAndAskForCode(new AttackBrowser(base, '192.0.2.31'), HOLDER, opts.holderPassword);
  return {
    strangerTexts,
    strangerRefusal,
    holdersKnownBrowser: { sent: known.sent, error: known.error },
    holdersNewBrowser: { sent: fresh.sent, error: fresh.error },
  };
}

/** One line for the attack's report. */
export function describeSmsFlood(label: string, r: SmsFloodResult): string {
  const outcome = (x: { sent: boolean; error: string | null }) => (x.sent ? 'code sent' : `refused ("${x.error}")`);
  return (
    `  ${label}: a stranger's account added the holder's number and got ${r.strangerTexts} texts sent to it before "${r.strangerRefusal}"; ` +
    `then the holder's known browser: ${outcome(r.holdersKnownBrowser)}; the holder on a new browser: ${outcome(r.holdersNewBrowser)}`
  );
}
