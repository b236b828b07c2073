// "iCloud (demo)": a confidential app (a server with a client secret) that signs people in with
// their Apple ID and shows what it was told: who, and how and when they proved it (the ID token's
// claims). It keeps access (offline_access: a refresh token), calls userinfo, and signs out through
// the portal (RP-initiated logout).
import * as client from 'openid-client';
import type { StandinHandler } from '../http.ts';
import { DEMO_APPS, demoAppUris } from './registration.ts';
import { escapeHtml, noticeHtml, page, postButton, redirect, sendPage, type Notice } from './html.ts';
import {
  authorizationErrorWords,
  authorizationUrl,
  completeAuthorization,
  methodsInWords,
  Sessions,
  signedIn,
  type RelyingParty,
  type Session,
  type SignedIn,
} from './relying-party.ts';
import { mount } from './routing.ts';

const APP = DEMO_APPS.icloud;
const SCOPE = 'openid email profile offline_access';

type Purpose = 'sign-in';

const time = (ms: number) => new Date(ms).toUTCString();

function claimRows(claims: client.IDToken): string {
  const rows: [string, string][] = [
    ['sub', String(claims.sub)],
    ['auth_time', claims.auth_time === undefined ? '(not given)' : `${time(claims.auth_time * 1000)} (${claims.auth_time})`],
    ['acr', String(claims.acr ?? '(not given)')],
    ['amr', Array.isArray(claims.amr) ? `${claims.amr.join(', ')} \u2014 ${methodsInWords(claims.amr)}` : '(not given)'],
    ['iss', claims.iss],
    ['aud', Array.isArray(claims.aud) ? claims.aud.join(', ') : claims.aud],
  ];
  return rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${escapeHtml(v)}</td></tr>`).join('\n');
}

function signedInPage(session: Session<Purpose>, user: SignedIn): string {
  const { claims } = user;
  const name = typeof claims.name === 'string' ? claims.name : 'Signed in';
  const userinfo = user.userinfo
    ? `<table><caption>What userinfo answered</caption>${Object.entries(user.userinfo)
        .map(
          ([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}</td></tr>`,
        )
        .join('\n')}</table>`
    : '';
  return `<h1>Welcome, ${escapeHtml(name)}</h1>
${noticeHtml(session.notice)}
<div class="panel">
<p>You signed in to ${escapeHtml(APP.name)} with your Apple ID${typeof claims.email === 'string' ? ` <strong>${escapeHtml(claims.email)}</strong>` : ''}.</p>
<table><caption>The ID token\u2019s claims</caption>
${claimRows(claims)}
</table>
</div>
<h2>Access</h2>
<div class="panel">
<p>${user.accessExpiresAt ? `The access token expires ${escapeHtml(time(user.accessExpiresAt))}.` : 'The access token has no stated expiry.'} ${user.refreshToken ? 'The app holds a refresh token, so it keeps access while you are away.' : 'The app holds no refresh token.'}</p>
${userinfo}
<div class="actions">
${postButton(`${APP.path}refresh`, session.csrf, 'Refresh')}
${postButton(`${APP.path}userinfo`, session.csrf, 'Call userinfo')}
${postButton(`${APP.path}sign-out`, session.csrf, 'Sign Out', true)}
</div>
</div>`;
}

function signedOutPage(session: Session<Purpose>): string {
  return `<h1>iCloud</h1>
${noticeHtml(session.notice)}
<div class="panel">
<p>Your photos, notes and files, everywhere (a demo: there is nothing here but your sign-in).</p>
<div class="actions"><a class="button primary" href="${APP.path}sign-in">Sign in with your Apple ID</a></div>
</div>`;
}

function say(session: Session<Purpose>, kind: Notice['kind'], text: string): void {
  session.notice = { kind, html: escapeHtml(text) };
}

export function icloudApp(opts: { rp: RelyingParty; selfUrl: string }): StandinHandler {
  const { rp } = opts;
  const [redirectUri] = demoAppUris(APP, opts.selfUrl).redirectUris;
  const [home] = demoAppUris(APP, opts.selfUrl).postLogoutRedirectUris;
  const sessions = new Sessions<Purpose>({ name: 'icloud_demo_session', path: APP.path });
  return mount({
    app: APP,
    selfUrl: opts.selfUrl,
    issuer: rp.issuer,
    sessions,
    routes: {
      '': {
        method: 'GET',
        async run({ res, session }) {
          const body = session.user ? signedInPage(session, session.user) : signedOutPage(session);
          session.notice = undefined;
          sendPage(res, 200, page(APP.name, session.user ? 'Signed in' : 'Sign in', body), rp.issuer);
        },
      },
      'sign-in': {
        method: 'GET',
        async run({ res, session }) {
          // offline_access counts only with prompt=consent (OIDC Core 11); the portal shows its consent
          // page again only when the app asks for more than the holder allowed it.
          redirect(
            res,
            (
              await authorizationUrl(rp, session, {
                purpose: 'sign-in',
                redirectUri: redirectUri!,
                scope: SCOPE,
                params: { prompt: 'consent' },
              })
            ).href,
          );
        },
      },
      callback: {
        method: 'GET',
        async run({ res, session, url }) {
          const outcome = await completeAuthorization(rp, session, url);
          if (outcome.ok) {
            session.user = outcome.user;
          } else {
            say(session, 'alert', authorizationErrorWords(outcome.error, outcome.description, APP.name));
          }
          redirect(res, APP.path);
        },
      },
      refresh: {
        method: 'POST',
        async run({ res, session }) {
          const user = session.user;
          if (!user?.refreshToken) {
            say(session, 'alert', 'There is nothing to refresh: sign in first.');
            return redirect(res, APP.path);
          }
          try {
            const tokens = await client.refreshTokenGrant(await rp.configuration(), user.refreshToken);
            session.user = signedIn(tokens, user);
            say(
              session,
              'status',
              `Access refreshed: the new access token expires ${session.user.accessExpiresAt ? time(session.user.accessExpiresAt) : 'when the portal decides'}.`,
            );
          } catch (e) {
            if (!(e instanceof client.ResponseBodyError) || e.error !== 'invalid_grant') throw e;
            // Stopped in Password and Security, a password change, Sign Out Everywhere, or a refresh token used twice.
            session.user = null;
            say(
              session,
              'alert',
              'Your access ended: the Apple ID portal no longer accepts this app\u2019s refresh token. Sign in again to continue.',
            );
          }
          redirect(res, APP.path);
        },
      },
      userinfo: {
        method: 'POST',
        async run({ res, session }) {
          const user = session.user;
          if (!user) {
            say(session, 'alert', 'Sign in first.');
            return redirect(res, APP.path);
          }
          try {
            user.userinfo = await client.fetchUserInfo(await rp.configuration(), user.accessToken, user.claims.sub);
            say(session, 'status', 'userinfo answered (below).');
          } catch (e) {
            if (!(e instanceof client.WWWAuthenticateChallengeError) && !(e instanceof client.ResponseBodyError)) throw e;
            user.userinfo = null;
            say(session, 'alert', 'userinfo refused the access token (it expired, or access was ended). Press Refresh, or sign in again.');
          }
          redirect(res, APP.path);
        },
      },
      'sign-out': {
        method: 'POST',
        async run({ res, session }) {
          const user = session.user;
          session.user = null;
          session.pending.clear();
          say(session, 'status', `You signed out of ${APP.name}.`);
          if (!user) return redirect(res, APP.path);
          // The portal asks whether to sign out of the Apple ID too, then comes back here.
          redirect(
            res,
            client.buildEndSessionUrl(await rp.configuration(), { id_token_hint: user.idToken, post_logout_redirect_uri: home! }).href,
          );
        },
      },
    },
  });
}
