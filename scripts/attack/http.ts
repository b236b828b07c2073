// What the attack's floods share: calling the production build's server actions over HTTP as the
// pages' JavaScript does, and signing in through the form.
import { readFileSync } from 'node:fs';

type Manifest = { node: Record<string, { exportedName?: string }> };
const manifest = (): Manifest => JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as Manifest;

/** The id of a server action in this build, by its exported name (the build's own manifest). */
export function actionId(exportedName: string): string {
  const found = Object.entries(manifest().node).find(([, v]) => v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in .next: build first`);
  return found[0];
}

/** Every server action of this build: id and exported name. */
export function allActions(): Array<{ id: string; name: string }> {
  return Object.entries(manifest().node).map(([id, v]) => ({ id, name: v.exportedName ?? '' }));
}

export interface Attempt {
  /** The sign-in is complete: the answer sends the browser to the account page. */
  signedIn: boolean;
  /** Where the answer sends the browser (the code step after a right password with two-step on). */
  redirect: string | null;
  /** `name=value` of the cookies the answer set. */
  sessionCookie: string | null;
  deviceCookie: string | null;
}

const setCookie = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.includes(`${name}=`))
    ?.split(';')[0] ?? null;

/** Posts the sign-in form as the page's JavaScript does (React's reply encoding: state, then the form). */
export async function signInOverHttp(
  base: string,
  appleId: string,
  password: string,
  opts: { from: string; cookie?: string },
): Promise<Attempt> {
  const body = new FormData();
  body.set('_1_appleId', appleId);
  body.set('_1_password', password);
  body.set('0', '[{},"$K1"]');
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: {
      'next-action': actionId('signInAction'),
      accept: 'text/x-component',
      origin: base,
      'x-forwarded-for': opts.from,
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
  });
  await res.arrayBuffer();
  if (res.status >= 500) throw new Error(`sign-in answered ${res.status}`);
  const redirect = res.headers.get('x-action-redirect');
  return {
    signedIn: /\/account/.test(redirect ?? ''),
    redirect,
    sessionCookie: setCookie(res, 'two_step_session'),
    deviceCookie: setCookie(res, 'two_step_device'),
  };
}
