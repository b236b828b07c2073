// next-intl's server functions for tests that call pages and actions directly (the app harness,
// the fuzzers): outside Next.js's react-server build, next-intl/server refuses to run, so vitest
// resolves it here (vitest.config.ts). The sentences are the real catalogue's, in the language the
// portal's own request configuration picks (app/i18n/request.ts, from the mocked cookies and
// headers), so a test of a page reads what a browser would.
import { createTranslator } from 'use-intl/core';
import type { AbstractIntlMessages } from 'use-intl/core';

type RequestConfig = { locale: string; messages: AbstractIntlMessages };

/** next-intl's getRequestConfig: the configuration function itself, called by the functions below. */
export function getRequestConfig(make: () => Promise<RequestConfig>) {
  return make;
}

async function requestConfig(): Promise<RequestConfig> {
  const make = (await import('../../app/i18n/request.ts')).default as unknown as () => Promise<RequestConfig>;
  return make();
}

export async function getTranslations(arg?: string | { namespace?: string }) {
  const { locale, messages } = await requestConfig();
  const namespace = typeof arg === 'string' ? arg : arg?.namespace;
  return createTranslator({ locale, messages, ...(namespace ? { namespace } : {}) } as Parameters<typeof createTranslator>[0]);
}

export async function getLocale(): Promise<string> {
  return (await requestConfig()).locale;
}

export async function getMessages(): Promise<AbstractIntlMessages> {
  return (await requestConfig()).messages;
}
