// Two floods of the hashing line (src/accounts/hashing-line.ts) for `npm run attack`, each while
// the holder's known browser signs in HOLDER_SIGN_INS times, one after another, from its own address:
//  1. FLOOD_LOOPS loops of right-password sign-ins from one address to an account of the
//     attacker's own (never locked out: a right password gives its attempt back), the loops
//     carrying the device cookie that account gave them;
//  2. GUESS_LOOPS loops of wrong passwords for the holder's Apple ID from rotating addresses,
//     once it is locked for unknown browsers.
// Each flood runs until the holder's last sign-in and at most MAX_FLOOD_REQUESTS requests.
import { readFileSync } from 'node:fs';
import type { Db } from '../../src/db/client.ts';
import { ACCOUNTS_ERRORS } from '../../src/accounts/errors.ts';
import { PER_APPLE_ID } from '../../src/accounts/password-guesses.ts';
import { DEMO_PASSWORD } from '../../dev/seed/demo-accounts.ts';
import { sentenceOf } from '../../src/result.ts';

const FLOOD_LOOPS = 16;
const GUESS_LOOPS = 8;
const HOLDER_SIGN_INS = 20;
const MAX_FLOOD_REQUESTS = 5000;
// Demo accounts with two-step off (a right password signs in) that the rest of the attack leaves alone.
const ATTACKERS_OWN = 'quinn@two-step.test';
const HOLDER = 'nima@two-step.test';
const HOLDER_ADDRESS = '192.0.2.20';
const ATTACKER_ADDRESS = '198.51.100.66';

type Answer = 'signed-in' | 'busy' | 'locked-out' | 'refused';
/** The lockout's sentence up to its wait, which varies. */
const LOCKED_OUT = sentenceOf(ACCOUNTS_ERRORS, 'PASSWORD_LOCKED_OUT', new Date(0), new Date(0)).split(' try again')[0]!;

/** Signs in over HTTP as the sign-in form's JavaScript does; the answer, and the device cookie when one was set. */
function signInPoster(): (
  base: string,
  appleId: string,
  password: string,
  from: string,
  cookie?: string,
) => Promise<{ answer: Answer; cookie?: string }> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const action = Object.entries(manifest.node).find(([, v]) => v.exportedName === 'signInAction')?.[0];
  if (!action) throw new Error('no signInAction in .next: build first');
  return async (base, appleId, password, from, cookie) => {
    const form = new FormData();
    form.set('_1_appleId', appleId);
    form.set('_1_password', password);
    form.set('0', '[{},"$K1"]');
    const headers = {
      'next-action': action,
      accept: 'text/x-component',
      origin: base,
      'x-forwarded-for': from,
      ...(cookie ? { cookie } : {}),
    };
    const res = await fetch(`${base}/sign-in`, { method: 'POST', body: form, redirect: 'manual', headers });
    const text = await res.text();
    if (res.status >= 500) throw new Error(`sign-in answered ${res.status}`);
    const device = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('two_step_device='))
      ?.split(';')[0];
    const answer: Answer = /\/account/.test(res.headers.get('x-action-redirect') ?? '')
      ? 'signed-in'
      : text.includes(sentenceOf(ACCOUNTS_ERRORS, 'SERVER_BUSY'))
        ? 'busy'
        : text.includes(LOCKED_OUT)
          ? 'locked-out'
          : 'refused';
    return { answer, cookie: device };
  };
}

/** The answers other than a sign-in, for the report: '' when there were none. */
const otherwise = (answers: Record<Answer, number>) => {
  const others = Object.entries(answers).filter(([a, n]) => a !== 'signed-in' && n > 0);
  return others.length ? ` (otherwise ${others.map(([a, n]) => `${n} ${a}`).join(', ')})` : '';
};

/** Runs `loops` loops of `flood` until the holder's sign-ins are done; the holder starts once every loop has sent a request. */
async function duringFlood(loops: number, flood: (n: number) => Promise<Answer>, holder: () => Promise<Answer>) {
  const counts: Record<Answer, number> = { 'signed-in': 0, busy: 0, 'locked-out': 0, refused: 0 };
  let sent = 0;
  let holderDone = false;
  let started!: () => void;
  const floodStarted = new Promise<void>((resolve) => (started = resolve));
  const loop = async () => {
    while (!holderDone && sent < MAX_FLOOD_REQUESTS) {
      const n = sent++;
      if (sent === loops) started();
      counts[await flood(n)]++;
    }
    started(); // the cap came first
  };
  const holderRuns = async () => {
    await floodStarted;
    const begun = Date.now();
    const answers: Record<Answer, number> = { 'signed-in': 0, busy: 0, 'locked-out': 0, refused: 0 };
    for (let i = 0; i < HOLDER_SIGN_INS; i++) answers[await holder()]++;
    holderDone = true;
    return { signedIn: answers['signed-in'], otherwise: otherwise(answers), seconds: (Date.now() - begun) / 1000 };
  };
  const [holderResult] = await Promise.all([holderRuns(), ...Array.from({ length: loops }, loop)]);
  return { ...holderResult, sent, counts };
}

export async function hashingLineFloods(bases: readonly string[], db: Db, label: string): Promise<void> {
  const signIn = signInPoster();
  const at = (n: number) => bases[n % bases.length]!;
  const first = async (appleId: string, from: string) => {
    const r = await signIn(at(0), appleId, DEMO_PASSWORD, from);
    if (r.answer !== 'signed-in' || !r.cookie) throw new Error(`${appleId} could not sign in before the flood (${r.answer})`);
    return r.cookie;
  };
  const holderCookie = await first(HOLDER, HOLDER_ADDRESS);
  const attackerCookie = await first(ATTACKERS_OWN, ATTACKER_ADDRESS);
  let holderTurn = 0;
  const holder = async () => (await signIn(at(holderTurn++), HOLDER, DEMO_PASSWORD, HOLDER_ADDRESS, holderCookie)).answer;

  const own = await duringFlood(
    FLOOD_LOOPS,
    async (n) => (await signIn(at(n), ATTACKERS_OWN, DEMO_PASSWORD, ATTACKER_ADDRESS, attackerCookie)).answer,
    holder,
  );
  console.log(
    `  ${label}: ${FLOOD_LOOPS} loops of right-password sign-ins from one address to the attacker's own account: the holder's known browser signed in ` +
      `${own.signedIn} of ${HOLDER_SIGN_INS} times${own.otherwise} during the flood (${own.seconds.toFixed(1)} s); the flood sent ${own.sent} requests, ` +
      `${own.counts.busy} refused busy, ${own.counts['signed-in']} signed in`,
  );

  // The holder's Apple ID locked for unknown browsers first, by wrong passwords from addresses of their own.
  const rotating = (n: number) => `203.0.${100 + (Math.floor(n / 250) % 100)}.${n % 250}`;
  for (let n = 0; n < PER_APPLE_ID.maxFailures; n++) await signIn(at(n), HOLDER, `a guess ${n}`, rotating(n));
  const holderAccount = await db.account.findUniqueOrThrow({ where: { appleIdKey: HOLDER }, select: { id: true } });
  const comparedBefore = await db.securityEvent.count({ where: { accountId: holderAccount.id, kind: 'sign-in-failed' } });
  const guesses = await duringFlood(
    GUESS_LOOPS,
    async (n) => (await signIn(at(n), HOLDER, `another guess ${n}`, rotating(PER_APPLE_ID.maxFailures + n))).answer,
    holder,
  );
  const compared = (await db.securityEvent.count({ where: { accountId: holderAccount.id, kind: 'sign-in-failed' } })) - comparedBefore;
  console.log(
    `  ${label}: ${GUESS_LOOPS} loops of wrong passwords for the holder's locked Apple ID from rotating addresses: the holder's known browser signed in ` +
      `${guesses.signedIn} of ${HOLDER_SIGN_INS} times${guesses.otherwise} during the flood (${guesses.seconds.toFixed(1)} s); the flood sent ${guesses.sent} requests, ` +
      `${guesses.counts['locked-out']} refused locked out, ${guesses.counts.busy} busy, ${compared} reached a password compare`,
  );
}
