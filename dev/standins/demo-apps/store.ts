// "Store (demo)": a public app (no secret: PKCE alone proves its code exchanges) that signs people in
// with their Apple ID and, for a purchase, asks the portal for a FRESH second step from a trusted
// device: a new authorization request with max_age=0 (which OpenID Connect makes prompt=login: the
// portal asks for a whole new sign-in) and acr_values naming two-step. It accepts the purchase only
// from an ID token that proves it: the same person, authenticated after Buy was pressed, with the
// two-step ACR and 'mfa' among its methods.
import type { StandinHandler } from '../http.ts';
import { ACR } from '../../../src/oidc/authentication.ts';
import { CLOCK_TOLERANCE_S } from '../../../src/oidc/signing-keys.ts';
import { DEMO_APPS, demoAppUris } from './registration.ts';
import { escapeHtml, noticeHtml, page, postButton, redirect, sendPage, type Notice } from './html.ts';
import {
  authorizationErrorWords,
  authorizationUrl,
  completeAuthorization,
  methodsInWords,
  Sessions,
  type Pending,
  type RelyingParty,
  type Session,
  type SignedIn,
} from './relying-party.ts';
import { mount } from './routing.ts';

const APP = DEMO_APPS.store;
/** Where the holder turns two-step verification on (the portal's Password and Security page). */
export const PASSWORD_AND_SECURITY_PATH = '/account/security';
const PRODUCT = { name: 'Demo Headphones', price: '$0.00 (a demo: nothing is charged)' };

type Purpose = 'sign-in' | 'buy';

/** Why an ID token does not confirm the purchase, or null when it does. */
export function purchaseRefusal(user: SignedIn, buyer: string, pending: Pending<Purpose>): string | null {
  const { claims } = user;
  if (claims.sub !== buyer) return 'The purchase was confirmed with another Apple ID than the one signed in to the store.';
  // Seconds in the token, milliseconds here; the portal's clock may be a little apart.
  if (claims.auth_time === undefined || claims.auth_time * 1000 < pending.startedAt - CLOCK_TOLERANCE_S * 1000)
    return 'The portal did not ask you to confirm it again after you pressed Buy.';
  if (claims.acr !== ACR.twoStep || !Array.isArray(claims.amr) || !claims.amr.includes('mfa'))
    return 'The purchase was not confirmed with a trusted device.';
  return null;
}

function say(session: Session<Purpose>, kind: Notice['kind'], html: string): void {
  session.notice = { kind, html };
}

function productPage(session: Session<Purpose>, user: SignedIn): string {
  const who = typeof user.claims.name === 'string' ? user.claims.name : 'you';
  return `<h1>Store</h1>
<p>Signed in as ${escapeHtml(who)}${typeof user.claims.email === 'string' ? ` (${escapeHtml(user.claims.email)})` : ''}.</p>
${noticeHtml(session.notice)}
<div class="panel">
<h2>${escapeHtml(PRODUCT.name)}</h2>
<p>${escapeHtml(PRODUCT.price)}</p>
<p class="muted">Buying asks you to sign in again, with a trusted device, even if you just signed in.</p>
<div class="actions">${postButton(`${APP.path}buy`, session.csrf, 'Buy', true)}${postButton(`${APP.path}sign-out`, session.csrf, 'Sign Out')}</div>
</div>`;
}

function signedOutPage(session: Session<Purpose>): string {
  return `<h1>Store</h1>
${noticeHtml(session.notice)}
<div class="panel">
<p>Apps, music and more (a demo: nothing is sold).</p>
<div class="actions"><a class="button primary" href="${APP.path}sign-in">Sign in with your Apple ID</a></div>
</div>`;
}

export function storeApp(opts: { rp: RelyingParty; selfUrl: string }): StandinHandler {
  const { rp } = opts;
  const [redirectUri] = demoAppUris(APP, opts.selfUrl).redirectUris;
  const sessions = new Sessions<Purpose>({ name: 'store_demo_session', path: APP.path });
  const securityPage = `${rp.issuer.replace(/\/+$/, '')}${PASSWORD_AND_SECURITY_PATH}`;

  function callbackError(session: Session<Purpose>, purpose: Purpose | undefined, error: string, description: string | undefined): void {
    if (purpose === 'buy' && error === 'unmet_authentication_requirements') {
      return say(
        session,
        'alert',
        `Purchases need two-step verification, which is off for your Apple ID. Turn it on in <a href="${escapeHtml(securityPage)}">Password and Security</a>, then buy again.`,
      );
    }
    if (purpose === 'buy' && error === 'access_denied')
      return say(session, 'alert', 'The purchase was cancelled: you didn\u2019t confirm it.');
    say(session, 'alert', escapeHtml(authorizationErrorWords(error, description, APP.name)));
  }

  return mount({
    app: APP,
    selfUrl: opts.selfUrl,
    issuer: rp.issuer,
    sessions,
    routes: {
      '': {
        method: 'GET',
        async run({ res, session }) {
          const body = session.user ? productPage(session, session.user) : signedOutPage(session);
          session.notice = undefined;
          sendPage(res, 200, page(APP.name, session.user ? PRODUCT.name : 'Sign in', body), rp.issuer);
        },
      },
      'sign-in': {
        method: 'GET',
        async run({ res, session }) {
          redirect(
            res,
            (await authorizationUrl(rp, session, { purpose: 'sign-in', redirectUri: redirectUri!, scope: 'openid email profile' })).href,
          );
        },
      },
      buy: {
        method: 'POST',
        async run({ res, session }) {
          if (!session.user) {
            say(session, 'alert', 'Sign in to buy.');
            return redirect(res, APP.path);
          }
          const params = { max_age: '0', acr_values: ACR.twoStep };
          redirect(res, (await authorizationUrl(rp, session, { purpose: 'buy', redirectUri: redirectUri!, scope: 'openid', params })).href);
        },
      },
      callback: {
        method: 'GET',
        async run({ res, session, url }) {
          const outcome = await completeAuthorization(rp, session, url);
          if (!outcome.ok) {
            callbackError(session, outcome.pending?.purpose, outcome.error, outcome.description);
          } else if (outcome.pending.purpose === 'sign-in') {
            session.user = outcome.user;
          } else if (!session.user) {
            say(session, 'alert', 'Sign in to buy.');
          } else {
            const refusal = purchaseRefusal(outcome.user, session.user.claims.sub, outcome.pending);
            say(
              session,
              refusal ? 'alert' : 'status',
              refusal
                ? `${escapeHtml(refusal)} Nothing was bought.`
                : `<strong>Purchase confirmed (demo).</strong> ${escapeHtml(PRODUCT.name)}: confirmed with ${escapeHtml(methodsInWords(outcome.user.claims.amr))} (amr: ${escapeHtml((outcome.user.claims.amr as string[]).join(', '))}).`,
            );
          }
          redirect(res, APP.path);
        },
      },
      'sign-out': {
        method: 'POST',
        async run({ res, session }) {
          session.user = null;
          session.pending.clear();
          say(session, 'status', `You signed out of ${escapeHtml(APP.name)}.`);
          redirect(res, APP.path);
        },
      },
    },
  });
}
