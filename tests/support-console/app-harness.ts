// Running the app's own server code (actions, route handlers, pages) inside vitest, as a request
// would: next/headers serves a cookie jar and fixed headers, and the environment names the test
// database. A test file mocks next/headers and next/cache with nextHeaders and nextCache (vi.mock
// must be written in the test file itself) and calls appEnv() before importing anything from app/.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STANDIN_TWILIO, TEST_SECRETS } from '../../dev/standins/local-env.ts';
import { createTranslator } from 'use-intl/core';
import { messagesFor } from '../../src/i18n/catalogue.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const APP = join(ROOT, 'app');
export const CODE_KEY = 'app-harness-code-key-0123456789abcdef-0123';

/** The browser's cookies for the request being made. */
export const jar = new Map<string, string>();

// What iron-session needs of next/headers' cookies(): get, and set (a destroy() sets an empty value).
const store = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set(a: string | { name: string; value: string }, b?: string) {
    const [name, value] = typeof a === 'string' ? [a, b ?? ''] : [a.name, a.value];
    if (value) jar.set(name, value);
    else jar.delete(name);
  },
  delete: (name: string) => jar.delete(name),
};
const headers = new Headers({ 'x-forwarded-for': '192.0.2.55', 'user-agent': 'Mozilla/5.0 (X11; Linux) Chrome/150 (support desk)' });

export const nextHeaders = { cookies: async () => store, headers: async () => headers };
// Only reached after a change went through; outside a Next.js request the real one would throw.
export const nextCache = { revalidatePath: () => undefined, revalidateTag: () => undefined };

// next-intl's hooks for server components that are not async (the support console's tables), rendered
// directly by a test: outside a Next.js request they find no request configuration, so a test mocks
// 'next-intl' with these, in English (the sentences tests read). Its server functions are
// tests/harness/next-intl-server.ts's.
const english = (namespace?: string) => createTranslator({ locale: 'en-US', messages: messagesFor('en'), namespace });
export const nextIntl = { useTranslations: english, useLocale: () => 'en-US' };

/** src/runtime.ts builds its dependencies from the environment on first use: this test's database. */
export function appEnv(databaseUrl: string): void {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: 'app-harness-session-secret-0123456789abcdef',
    CODE_HMAC_KEY: CODE_KEY,
    TOTP_ENCRYPTION_KEY: 'app-harness-totp-key-0123456789abcdefghijkl',
    OIDC_KEY_ENCRYPTION_KEY: TEST_SECRETS.OIDC_KEY_ENCRYPTION_KEY,
    TWILIO_ACCOUNT_SID: STANDIN_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: STANDIN_TWILIO.authToken,
    TWILIO_FROM: STANDIN_TWILIO.from,
    // Nothing listens there: a code that got through would fail to send, and leave rows behind.
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    TWILIO_LOOKUPS_BASE_URL: 'http://127.0.0.1:9',
    SMTP_URL: 'smtp://127.0.0.1:9',
    STANDINS: 'off',
  });
}

export function filesUnder(dir: string, test: (relativePath: string) => boolean): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => test(f))
    .map((f) => join(dir, f))
    .sort();
}

/**
 * Where the server actions live: app/actions/*.ts, and a kind's own beside its forms
 * (app/_kinds/<kind>/actions.ts). `relativePath` is relative to app/.
 */
export const isActionModule = (relativePath: string): boolean =>
  /^actions\/[^/]+\.ts$/.test(relativePath) || /^_kinds\/[^/]+\/actions\.ts$/.test(relativePath);

/** One server action found in app/actions or a kind's actions.ts, under the name a failure report gives it. */
export type FoundAction = { module: string; name: string; fn: (...args: unknown[]) => Promise<unknown> };

/**
 * Every export of every action module (isActionModule: app/actions/*.ts and each kind's
 * app/_kinds/<kind>/actions.ts; a 'use server' file exports only actions). The pair in
 * app/actions/proof.ts serves every flow's second step, the flow named by a purpose its page binds:
 * called bare it reaches no flow, so it is also listed once per purpose, bound as the pages bind it
 * (askAction(purpose, ...), proveAction(purpose, null, ...)), which reaches each flow as its own
 * actions did. The staff second factor's actions (app/actions/staff-second-factor.ts) serve every
 * kind of factor, the kind bound by its form: they are also listed once per kind, bound to it.
 */
export async function serverActions(): Promise<FoundAction[]> {
  const { PROOF_PURPOSES } = await import('../../app/lib/proof-purposes.ts');
  const { STAFF_FACTOR_KINDS } = await import('../../src/kinds/staff-registry.ts');
  const found: FoundAction[] = [];
  for (const file of filesUnder(APP, (f) => isActionModule(f.split('\\').join('/')))) {
    const mod = (await import(file)) as Record<string, unknown>;
    const module = relative(APP, file);
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== 'function') continue;
      const action = fn as FoundAction['fn'];
      found.push({ module, name, fn: action });
      if (module === join('actions', 'staff-second-factor.ts'))
        for (const kind of STAFF_FACTOR_KINDS) found.push({ module, name: `${name}('${kind}')`, fn: (...args) => action(kind, ...args) });
      if (module !== join('actions', 'proof.ts')) continue;
      const bound = name === 'proveAction' ? [null] : [];
      for (const purpose of PROOF_PURPOSES)
        found.push({ module, name: `${name}('${purpose}')`, fn: (...args) => action(purpose, ...bound, ...args) });
    }
  }
  return found;
}

export type Outcome = { refused: boolean; how: string };

/** Next's redirect() and notFound() throw an error whose digest says which; anything else is null. */
export function nextThrow(e: unknown): string | null {
  const digest = (e as { digest?: unknown } | null)?.digest;
  if (typeof digest !== 'string') return null;
  if (digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
  if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND') return 'not found';
  return null;
}

/**
 * Calls an action, route handler or page. Refused: a redirect or not-found, an HTTP error status,
 * or a form answer with an error and nothing done.
 */
export async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await call();
    if (value instanceof Response) return { refused: value.status >= 400, how: `HTTP ${value.status}` };
    const state = (value ?? {}) as { error?: string; fieldErrors?: object; done?: boolean };
    const refused = !state.done && Boolean(state.error || (state.fieldErrors && Object.keys(state.fieldErrors).length));
    return { refused, how: value && typeof value === 'object' && '$$typeof' in value ? 'rendered' : `answered ${JSON.stringify(value)}` };
  } catch (e) {
    const how = nextThrow(e);
    if (how) return { refused: true, how };
    throw e;
  }
}
