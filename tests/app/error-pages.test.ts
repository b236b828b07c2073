// The pages shown when something fails or is missing (app/error.tsx, app/global-error.tsx,
// app/not-found.tsx): the portal's look, a heading and a plain sentence, a way back, and never the
// error's message, stack or name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { NextIntlClientProvider } from 'next-intl';
import { createTranslator } from 'use-intl/core';
import { messagesFor } from '../../src/i18n/catalogue.ts';
import ErrorPage from '../../app/error.tsx';
import GlobalError from '../../app/global-error.tsx';
import NotFound from '../../app/not-found.tsx';
import { APP } from '../support-console/app-harness.ts';

// The pages read their sentences as in a request whose language is English: the server pages
// through next-intl's getTranslations, the client ones from the layout's provider.
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) => createTranslator({ locale: 'en-US', messages: messagesFor('en'), namespace }),
}));
const inEnglish = (element: ReturnType<typeof createElement>) =>
  createElement(NextIntlClientProvider, { locale: 'en-US', timeZone: 'UTC', messages: messagesFor('en'), children: element });

const SECRET =
  'PrismaClientKnownRequestError: invalid byte sequence for encoding "UTF8": 0x00 at /work/main/src/accounts/create-account.ts:42';

function failure(): Error & { digest: string } {
  const error = new Error(SECRET) as Error & { digest: string };
  error.digest = '1234567890';
  return error;
}

describe('error and not-found pages', () => {
  it('error.tsx is a Client Component, as Next.js requires; global-error.tsx too, with its own <html>', () => {
    for (const file of ['error.tsx', 'global-error.tsx']) expect(readFileSync(join(APP, file), 'utf8')).toMatch(/^'use client';/);
  });

  it.each([
    ['error.tsx', () => inEnglish(createElement(ErrorPage, { error: failure(), reset: () => undefined }))],
    ['global-error.tsx', () => createElement(GlobalError, { error: failure(), reset: () => undefined })],
  ])('%s: a heading, a sentence, Try Again and a link back; no message, stack or name of the error', (_, element) => {
    const html = renderToStaticMarkup(element());
    expect(html).toContain('<h1>Something went wrong</h1>');
    expect(html).toContain('class="lead"');
    expect(html).toMatch(/<button[^>]*>Try Again<\/button>/);
    expect(html).toMatch(/<a[^>]*href="\/account"[^>]*>Manage your account<\/a>/);
    expect(html).toContain('Reference: 1234567890');
    for (const leak of ['Prisma', 'UTF8', 'create-account', 'Error', 'at /', '0x00']) expect(html).not.toContain(leak);
  });

  it('global-error.tsx draws the whole document (it replaces the root layout) with the top bar', () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: failure(), reset: () => undefined }));
    expect(html).toMatch(/^<html lang="en">(<head><\/head>)?<body><nav class="topbar">/);
    expect(html).toContain('<a class="brand" href="/">Two-Step</a>');
  });

  it('not-found.tsx: a heading, a sentence and links back to the account and home', async () => {
    const html = renderToStaticMarkup(await NotFound());
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toMatch(/href="\/account"[^>]*>Manage your account<\/a>/);
    expect(html).toMatch(/href="\/"[^>]*>Home<\/a>/);
  });
});
