// Every end-to-end test runs under the portal's Content-Security-Policy and fails on any violation.
// Specs import `test` and `expect` from here instead of '@playwright/test'. Each browser context
// (the default one, and any a test opens with browser.newContext) gets a listener for the
// `securitypolicyviolation` event on every page, before the page's own scripts run; the reports
// come back to the test at once through a binding, so a page closed before the end of the test
// (an inbox tab) still counts. After the test, the list must be empty.
import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

export { expect };

export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

const BINDING = '__twoStepCspViolation';

function listen() {
  document.addEventListener('securitypolicyviolation', (e) => {
    const report = (window as unknown as Record<string, (v: unknown) => void>)['__twoStepCspViolation'];
    report?.({
      page: location.href,
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : '',
      sample: e.sample,
    });
  });
}

async function guard(context: BrowserContext, violations: CspViolation[], guarded: WeakSet<BrowserContext>) {
  if (guarded.has(context)) return;
  guarded.add(context);
  await context.exposeBinding(BINDING, (_source, v: CspViolation) => void violations.push(v));
  await context.addInitScript(listen);
}

export const test = base.extend<{ cspViolations: CspViolation[] }>({
  cspViolations: [
    async ({ context, browser }: { context: BrowserContext; browser: Browser }, use, testInfo) => {
      const violations: CspViolation[] = [];
      const guarded = new WeakSet<BrowserContext>();
      await guard(context, violations, guarded);
      // Contexts the test opens itself (another browser signing in, the support console).
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
        const c = await newContext(...args);
        await guard(c, violations, guarded);
        return c;
      };
      try {
        await use(violations);
      } finally {
        delete (browser as { newContext?: unknown }).newContext; // back to the prototype's
      }
      if (violations.length)
        await testInfo.attach('csp-violations', { body: JSON.stringify(violations, null, 2), contentType: 'application/json' });
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
