// The one place the app opens a sealed cookie (iron-session). A cookie that does not open (forged,
// truncated, sealed under another secret, or with a malformed expiry: iron-session throws on some of
// these instead of answering "nothing") counts as absent, everywhere: a bad cookie is a signed-out
// browser, never a 500. The cookie is then overwritten or cleared by the next save or destroy.
import { cookies } from 'next/headers';
import { getIronSession, type SessionOptions } from 'iron-session';

type CookieStore = Awaited<ReturnType<typeof cookies>>;

/** The store without one cookie: what getIronSession sees when that cookie does not open. */
function without(store: CookieStore, name: string): CookieStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'get')
        return (n: string | { name: string }) => ((typeof n === 'string' ? n : n.name) === name ? undefined : target.get(n as string));
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The cookie `options.cookieName` of this request, opened; an empty session when it does not open. */
export async function openSealedCookie<T extends object>(options: SessionOptions) {
  const store = await cookies();
  try {
    return await getIronSession<T>(store, options);
  } catch {
    return getIronSession<T>(without(store, options.cookieName), options);
  }
}

/** The same for a route handler's own request (outside next/headers): what it holds, or nothing. */
export async function readSealedCookie<T extends object>(request: Request, options: SessionOptions): Promise<Partial<T>> {
  try {
    return (await getIronSession<T>(request, new Response(), options)) as Partial<T>;
  } catch {
    return {};
  }
}
