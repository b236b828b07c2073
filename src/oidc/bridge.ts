// The bridge between the provider and the portal's pages: where oidc-provider sends a person whose
// sign-in to an app needs them (its interactions.url), and where the portal's pages send them back.
// The one place that decides what an app's sign-in still needs (src/oidc/authentication.ts) and
// finishes it; the pages only show and ask.
//
//   GET /oidc/interaction/:uid          go on: finish the step, or send the browser to the page it needs
//   GET /oidc/interaction/:uid/cancel   the holder did not go on: the app is told why
//
// oidc-provider's interactionDetails checks the browser is the one the request began in (its
// interaction cookie, signed and kept to this path), so a link to someone else's request leads nowhere.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type Provider from 'oidc-provider';
import { errors, type InteractionResults } from 'oidc-provider';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { appLogin, nextStep, type AppRequest } from './authentication.ts';
import { appAuthorization } from './app-authorizations.ts';
import { errorPage } from './pages.ts';
import { INTERACTION_PATH } from './paths.ts';
import type { BrowserState } from './portal-login.ts';
import { portalTime, providerSeconds } from './provider.ts';
import { scopesOf } from './scopes.ts';
import { interactionId } from './interactions.ts';

export interface BridgeDeps {
  db: Db;
  clock: Clock;
  browser(req: IncomingMessage): Promise<BrowserState>;
  pageHeaders(nonce: string): Record<string, string>;
  /** The app's subject identifier (sub) for an account (src/oidc/subjects.ts). */
  subject(clientId: string, accountId: string): string;
}

/** The portal pages of each step, each told which request it serves. */
export const STEP_PAGES = {
  'sign-in': '/sign-in',
  'second-step': '/sign-in/confirm',
  'two-step-required': '/sign-in/two-step-required',
  consent: '/sign-in/consent',
} as const;

export function stepPage(step: keyof typeof STEP_PAGES, uid: string, why?: string): string {
  return `${STEP_PAGES[step]}?interaction=${encodeURIComponent(uid)}${why ? `&why=${why}` : ''}`;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * The sub of the request's id_token_hint (oidc-provider checked its signature and audience when
 * the request came in), undefined without one, null when it names none.
 */
function hintedSubject(hint: unknown): string | null | undefined {
  if (typeof hint !== 'string' || !hint) return undefined;
  try {
    const { sub } = JSON.parse(Buffer.from(hint.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}

function appRequest(details: Details, clock: Clock): AppRequest {
  const params = details.params as Record<string, unknown>;
  const maxAge = params.max_age === undefined ? undefined : Number(params.max_age);
  return {
    startedAt: portalTime(clock, Number(details.iat)),
    freshSignIn: details.prompt.reasons.includes('login_prompt'),
    maxAgeSeconds: maxAge !== undefined && Number.isFinite(maxAge) ? maxAge : undefined,
    acrValues: String(params.acr_values ?? '')
      .split(' ')
      .filter(Boolean),
  };
}

function send(res: ServerResponse, deps: BridgeDeps, status: number, headers: Record<string, string>, body = ''): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(status, { ...deps.pageHeaders(nonce), 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function redirect(res: ServerResponse, deps: BridgeDeps, location: string): void {
  send(res, deps, 303, { Location: location, 'Content-Length': '0' });
}

function ended(res: ServerResponse, deps: BridgeDeps): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(400, { ...deps.pageHeaders(nonce), 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8' });
  res.end(errorPage({}, true)(nonce));
}

/** Answers a request under /oidc/interaction/. */
export async function bridge(provider: Provider, deps: BridgeDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '').split('?')[0]!;
  const [uid, action, ...rest] = path.slice(INTERACTION_PATH.length + 1).split('/');
  if (!interactionId.safeParse(uid).success || rest.length || (action !== undefined && action !== 'cancel'))
    return send(res, deps, 404, { 'Content-Type': 'text/plain' }, 'Not found\n');
  // GET only: a HEAD (which no browser sends on its own) must not finish a step.
  if (req.method !== 'GET') return send(res, deps, 405, { Allow: 'GET', 'Content-Type': 'text/plain' }, 'Method not allowed\n');

  let details: Details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (e) {
    if (e instanceof errors.SessionNotFound) return ended(res, deps);
    throw e;
  }
  // The cookie names the request this browser began; the address must be that one.
  if (details.uid !== uid) return ended(res, deps);
  const finish = (result: InteractionResults, merge: boolean) =>
    provider.interactionFinished(req, res, result, { mergeWithLastSubmission: merge });

  const browser = await deps.browser(req);
  const request = appRequest(details, deps.clock);
  const next = details.prompt.name === 'login' ? nextStep(browser.session, request) : null;

  if (action === 'cancel') {
    return finish(
      next?.step === 'two-step-required'
        ? {
            error: 'unmet_authentication_requirements',
            error_description: 'This app requires two-step verification, which is off for this Apple ID.',
          }
        : { error: 'access_denied', error_description: 'The person did not continue.' },
      false,
    );
  }

  if (next) {
    if (next.step !== 'done') return redirect(res, deps, stepPage(next.step, uid, next.step === 'second-step' ? next.why : undefined));
    const { login } = next;
    // An app that named its user (id_token_hint) is answered for that user only (OIDC Core 3.1.2.1).
    const hinted = hintedSubject(details.params.id_token_hint);
    if (hinted !== undefined && hinted !== deps.subject(String(details.params.client_id), login.accountId)) {
      return finish(
        { error: 'login_required', error_description: 'The Apple ID signed in on this browser is not the one the app asked for.' },
        false,
      );
    }
    return finish(
      {
        login: {
          accountId: login.accountId,
          acr: login.acr,
          amr: login.amr,
          ts: providerSeconds(deps.clock, login.authTime),
          remember: false,
        },
      },
      false,
    );
  }

  if (details.prompt.name === 'consent') {
    const login = appLogin(browser.session);
    const accountId = details.session?.accountId;
    if (!login) return redirect(res, deps, stepPage('sign-in', uid));
    if (login.accountId !== accountId)
      return finish({ error: 'login_required', error_description: 'The Apple ID signed in on this browser changed.' }, false);
    const clientId = String(details.params.client_id);
    const asked = scopesOf(String(details.params.scope ?? ''));
    const allowed = await appAuthorization(deps.db, accountId, clientId);
    // prompt=consent: the app wants the holder asked again, so only an Allow pressed after it asked counts.
    const askedAgain = details.prompt.reasons.includes('consent_prompt');
    if (!allowed || !asked.every((s) => allowed.scopes.has(s)) || (askedAgain && allowed.allowedAt < request.startedAt)) {
      return redirect(res, deps, stepPage('consent', uid));
    }
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId });
    if (!grant) return finish({ error: 'login_required', error_description: 'The sign-in changed meanwhile.' }, false);
    grant.addOIDCScope(asked.join(' '));
    const grantId = await grant.save();
    return finish({ consent: details.grantId ? {} : { grantId } }, true);
  }
  return finish({ error: 'access_denied', error_description: 'This step is not supported.' }, false);
}
