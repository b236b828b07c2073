// A browser for the floods of `npm run attack`: one cookie jar, pages fetched and server actions
// posted as the pages' JavaScript posts them (React's reply encoding, the build's action ids), from
// one client address (the server runs with TRUST_PROXY=on, so X-Forwarded-For names it).
import { readFileSync } from 'node:fs';

/** The id of a server action in this build, by its exported name (the build's own manifest). */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in .next: build first`);
  return found[0];
}

/** What an action answered: where it redirected, or the FormState's error and whether it was done. */
export interface ActionAnswer {
  redirectedTo: string | null;
  error: string | null;
  done: boolean;
}

export class AttackBrowser {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly clientAddress: string,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { origin: this.base, 'x-forwarded-for': this.clientAddress, ...(cookie ? { cookie } : {}), ...extra };
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (!value || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** GET a page or route (redirects not followed): its status and body. */
  async get(path: string): Promise<{ status: number; body: string }> {
    const res = await fetch(new URL(path, this.base), { headers: this.headers(), redirect: 'manual' });
    this.keep(res);
    const body = await res.text();
    if (res.status >= 500) throw new Error(`GET ${path} answered ${res.status}`);
    return { status: res.status, body };
  }

  /**
   * Posts the server action `name` on `page` with the form's `fields`, as useActionState does:
   * the arguments in part "0" (`bound` first, then the previous state and the form, "$K1"), the
   * form's fields as "_1_…". `form: 'bare'` is a plain <form action>: the form is the one argument.
   */
  async action(
    page: string,
    name: string,
    fields: Record<string, string>,
    opts: { bound?: unknown[]; form?: 'bare' } = {},
  ): Promise<ActionAnswer> {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(`_1_${k}`, v);
    body.set('0', JSON.stringify(opts.form === 'bare' ? ['$K1'] : [...(opts.bound ?? []), {}, '$K1']));
    const res = await fetch(new URL(page, this.base), {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: this.headers({ 'next-action': actionId(name), accept: 'text/x-component' }),
    });
    this.keep(res);
    const text = await res.text();
    if (res.status >= 500) throw new Error(`${name} answered ${res.status}`);
    const redirectedTo = res.headers.get('x-action-redirect');
    // A redirect answers with the next page's payload, whose forms carry empty states of their own.
    if (redirectedTo) return { redirectedTo, error: null, done: false };
    const error = /"error":("(?:[^"\\]|\\.)*")/.exec(text);
    const sentence = error ? (JSON.parse(error[1]!) as string) : null;
    return { redirectedTo, error: sentence === '$undefined' ? null : sentence, done: /"done":true/.test(text) };
  }
}

/** The texts the Twilio stand-in received (its JSON list, newest first), to one number. */
export async function textsTo(standinsUrl: string, number: string): Promise<string[]> {
  const res = await fetch(new URL('/_standin/sms', standinsUrl));
  const { messages } = (await res.json()) as { messages: Array<{ to: string; body: string }> };
  return messages.filter((m) => m.to === number).map((m) => m.body);
}
