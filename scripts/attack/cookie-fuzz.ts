// Every cookie the portal seals, sent as random text and as real seals mutated (a character
// changed, cut short, parts swapped, a malformed expiry), to every page and to the sign-in action.
// A cookie that does not open is a signed-out browser: the portal must never answer 5xx.
import { actionId } from './http.ts';
import { prng } from '../lib/fuzz-http.ts';

export const SEALED_COOKIES = ['two_step_session', 'two_step_device', 'two_step_staff', 'two_step_reset', 'two_step_activation'] as const;

const ROUTES = [
  '/account',
  '/account/security',
  '/account/security/devices',
  '/account/security/setup',
  '/account/security/two-step',
  '/create',
  '/create/activate',
  '/forgot',
  '/reset',
  '/reset/recovery-key',
  '/reset/recovery-key/verify',
  '/sign-in',
  '/sign-in/verify',
  '/sign-in/recovery',
  '/sign-in/consent',
  '/support',
  '/support/account',
  '/support/sign-in',
];

export interface CookieFuzzReport {
  sent: number;
  serverErrors: number;
  examples: string[];
}

const COOKIE_SAFE = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_*~.'];

/** A value for a cookie: random text, or one of the real seals mutated in one of the ways iron-session parses. */
function badValue(r: ReturnType<typeof prng>, seals: readonly string[]): string {
  const seal = seals.length ? r.pick(seals) : 'Fe26.2**a*b*c*d*e*f*g~2';
  const [body = '', version = '2'] = seal.split('~');
  const parts = body.split('*');
  const withPart = (i: number, v: string) => parts.map((p, j) => (j === i ? v : p)).join('*') + `~${version}`;
  const shapes = [
    () => Array.from({ length: r.int(80) }, () => r.pick(COOKIE_SAFE)).join(''),
    () => 'Fe26.3*1*a*b*c*1*g*h~2',
    () => seal.slice(0, r.int(seal.length)),
    () => {
      const i = r.int(seal.length);
      return seal.slice(0, i) + r.pick(COOKIE_SAFE) + seal.slice(i + 1);
    },
    () => withPart(r.int(parts.length), r.pick(['', 'x', '-1', 'not-a-number', '9'.repeat(30), parts[r.int(parts.length)]!])),
    () => `${body}~${r.pick(['', '9', 'x', '-1'])}`,
    () => parts.slice(0, r.int(parts.length)).join('*'),
    () => encodeURIComponent('\u0000') + seal,
  ];
  return r.pick(shapes)();
}

/**
 * Sends `n` requests with bad sealed cookies (1 to 5 of them at once) to the portal at `base`:
 * mostly page reads, one in five the sign-in action. `seals` are real cookie values of this
 * portal (`name=value`'s value), the mutations' material.
 */
export async function fuzzCookies(base: string, n: number, seals: readonly string[], seed = 20260101): Promise<CookieFuzzReport> {
  const r = prng(seed);
  const signIn = actionId('signInAction');
  const report: CookieFuzzReport = { sent: 0, serverErrors: 0, examples: [] };
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const names = SEALED_COOKIES.filter(() => r.int(2) === 0);
      const cookie = (names.length ? names : [r.pick(SEALED_COOKIES)]).map((name) => `${name}=${badValue(r, seals)}`).join('; ');
      const action = r.int(5) === 0;
      const path = action ? '/sign-in' : r.pick(ROUTES);
      const init: RequestInit = action
        ? (() => {
            const body = new FormData();
            body.set('_1_appleId', 'avery@two-step.test');
            body.set('_1_password', 'a wrong password');
            body.set('0', '[{},"$K1"]');
            return { method: 'POST', body, headers: { cookie, 'next-action': signIn, accept: 'text/x-component', origin: base } };
          })()
        : { headers: { cookie } };
      const res = await fetch(`${base}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer().catch(() => undefined);
      report.sent++;
      if (res.status >= 500) {
        report.serverErrors++;
        if (report.examples.length < 10)
          report.examples.push(`${res.status} ${action ? 'signInAction' : 'GET'} ${path} cookie: ${cookie.slice(0, 160)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return report;
}
